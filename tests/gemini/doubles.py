"""A Normalizer test double for the hybrid mode: it answers a fixed resume, or fails."""

from __future__ import annotations

from resume_parser.errors import NormalizationError
from resume_parser.layout import GroupedDocument
from resume_parser.resume import ParsedResume


class FixedNormalizer:
    name = "fixed"

    def __init__(self, resume: ParsedResume | None):
        self._resume = resume
        self.calls = 0

    async def normalize(self, grouped: GroupedDocument) -> ParsedResume:
        self.calls += 1
        if self._resume is None:
            raise NormalizationError("the fixed normalizer has nothing to say")
        return self._resume.model_copy(deep=True)

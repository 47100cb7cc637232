"""Normalize stage: the grouped layout in, a validated JSON Resume out."""

from __future__ import annotations

from typing import Protocol

from resume_parser.layout import GroupedDocument
from resume_parser.resume import ParsedResume


class Normalizer(Protocol):
    name: str

    async def normalize(self, grouped: GroupedDocument) -> ParsedResume:
        """Raise NormalizationError (permanent) or TransientError (worth retrying)."""
        ...

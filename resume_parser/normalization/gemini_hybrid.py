"""The hybrid normalizer: the local parser drafts, Gemini corrects and completes the draft.

A value both read the same way is very likely right; the evidence says so with a higher confidence.
"""

from __future__ import annotations

from resume_parser.errors import NormalizationError
from resume_parser.layout import GroupedDocument
from resume_parser.normalization import Normalizer
from resume_parser.normalization.gemini import MODEL_CONFIDENCE, GeminiNormalizer
from resume_parser.normalization.gemini_grounding import CheckedValue, checked_values, normalized
from resume_parser.resume import ParsedResume

AGREED_CONFIDENCE = 0.95


class HybridNormalizer:
    name = "hybrid"

    def __init__(self, local: Normalizer, gemini: GeminiNormalizer):
        self._local = local
        self._gemini = gemini

    async def normalize(self, grouped: GroupedDocument) -> ParsedResume:
        try:
            draft: ParsedResume | None = await self._local.normalize(grouped)
        except NormalizationError:
            draft = None  # the model reads the document without a draft
        reading = await self._gemini.read(grouped, draft)
        drafted = _readings(draft) if draft is not None else set()

        def confidence(checked: CheckedValue) -> float:
            return (
                AGREED_CONFIDENCE
                if (checked.kind, normalized(checked.value)) in drafted
                else MODEL_CONFIDENCE
            )

        return reading.finish(self.name, confidence)


def _readings(resume: ParsedResume) -> set[tuple[str, str]]:
    """(field kind, normalized value) pairs: positions are ignored, so reordered entries still agree."""
    return {(checked.kind, normalized(checked.value)) for checked in checked_values(resume)}

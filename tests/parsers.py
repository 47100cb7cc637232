"""The parser's stages as the service builds them: one cascade of committed models per process."""

from __future__ import annotations

from datetime import date

from resume_parser.cascade.parser import load_cascade
from resume_parser.grouping.grouper import LayoutGrouper
from resume_parser.normalization.local import LocalNormalizer


def grouper() -> LayoutGrouper:
    return LayoutGrouper(load_cascade())


def normalizer(reference_date: date | None = None) -> LocalNormalizer:
    return LocalNormalizer(load_cascade(), reference_date=reference_date)

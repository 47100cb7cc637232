"""Derived experience facts: total months worked from merged date intervals, and the gaps between them.

Overlapping roles count once. "Present" means the reference date, which the result records. A year-only
date counts from January (start) or to December (end) unless that would run past the reference date.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date

from resume_parser.resume import DateRange, Work

MIN_GAP_MONTHS = 2  # a month between two jobs is a notice period, not a gap


@dataclass(frozen=True, slots=True)
class Experience:
    total_months: int | None
    gaps: list[DateRange]


def _month_index(year: int, month: int) -> int:
    return year * 12 + (month - 1)


def _as_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _start_index(value: str) -> int:
    year, _, month = value.partition("-")
    return _month_index(int(year), int(month) if month else 1)


def _end_index(value: str, reference: int) -> int:
    year, _, month = value.partition("-")
    return min(_month_index(int(year), int(month) if month else 12), reference)


def month_text(index: int) -> str:
    """A month index as "YYYY-MM"."""
    return _as_text(index)


def end_month(role: Work, reference: date) -> int | None:
    """The month index the role ends in: its end date (not past the reference date), the reference
    month when it is current; None when that is unknown."""
    now = _month_index(reference.year, reference.month)
    if role.end_date:
        return _end_index(role.end_date, now)
    if role.is_current:
        return now
    return None  # a role with no end and not marked current: length unknown


def intervals(work: list[Work], reference: date) -> list[tuple[int, int]]:
    """Half-open month intervals [start, end + 1) of the dated roles."""
    found = []
    for role in work:
        end = end_month(role, reference)
        if not role.start_date or end is None:
            continue
        start = _start_index(role.start_date)
        if end >= start:
            found.append((start, end + 1))
    return found


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def summarize(work: list[Work], reference: date) -> Experience:
    merged = merge(intervals(work, reference))
    if not merged:
        return Experience(None, [])
    total = sum(end - start for start, end in merged)
    gaps = [
        DateRange(start=_as_text(previous_end), end=_as_text(next_start - 1))
        for (_, previous_end), (next_start, _) in itertools.pairwise(merged)
        if next_start - previous_end >= MIN_GAP_MONTHS
    ]
    return Experience(total, gaps)

"""Dates printed in a margin column, read apart from the entry they date.

A layout may print "2022–2025" flush right or in a side column; extraction can then read it as a line of
its own, away from its entry. Such a date-only line belongs to the undated entry whose header line sits
at the same height on the same page.
"""

from __future__ import annotations

from resume_parser.layout import UNKNOWN_BOX, Line
from resume_parser.normalization.dates import DateRange, find_date_range
from resume_parser.normalization.lines import clean

MIN_DATE_SHARE = 0.8  # the date is (nearly) the whole line


def date_only_lines(lines: list[Line]) -> list[tuple[Line, DateRange]]:
    found = []
    for line in lines:
        text = clean(line.text)
        dates = find_date_range(text)
        if (
            dates is not None
            and line.box != UNKNOWN_BOX
            and (dates.span[1] - dates.span[0]) >= MIN_DATE_SHARE * len(text)
        ):
            found.append((line, dates))
    return found


def dates_beside(
    header: list[Line], candidates: list[tuple[Line, DateRange]]
) -> tuple[Line, DateRange] | None:
    """The margin date level with one of the entry's header lines, and beside it (not above or below)."""
    for line in header:
        if line.box == UNKNOWN_BOX:
            continue
        middle = (line.box.top + line.box.bottom) / 2
        for candidate, dates in candidates:
            box = candidate.box
            level = box.top - line.box.height / 2 <= middle <= box.bottom + line.box.height / 2
            beside = box.left >= line.box.right or box.right <= line.box.left
            if candidate.page == line.page and level and beside:
                return candidate, dates
    return None

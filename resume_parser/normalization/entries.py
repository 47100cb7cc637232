"""Cutting an experience or education section into entries.

An entry is a few header lines (title, employer, place, dates: short, title-cased, bold or dated) followed
by body lines (bullets and sentences). Entries are cut where a header follows a body, where a second
date range appears, or, when the layout styles the first line of every entry alike, at that style.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resume_parser.layout import UNKNOWN_BOX, Line
from resume_parser.normalization.dates import DateRange, find_date_range
from resume_parser.normalization.lines import clean, ends_sentence, has_letters, is_bullet, title_case_ratio

MAX_HEADER_WORDS = 12
MAX_SHORT_DATED_WORDS = 8
FULL_LINE_SHARE = 0.8  # a body line this close to the widest line probably wraps onto the next


@dataclass(slots=True)
class Entry:
    header: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    dates: DateRange | None = None
    date_line: Line | None = None

    @property
    def lines(self) -> list[Line]:
        return self.header + self.body


def _style(line: Line) -> tuple[bool, int]:
    return line.bold, round(line.font_size or 0)


def split_entries(lines: list[Line]) -> list[Entry]:
    lines = [line for line in lines if clean(line.text)]
    if not lines:
        return []
    widest = max(extent(line) for line in lines)
    headers = _header_flags(lines, widest)
    header_styles = {_style(line) for line, is_header in zip(lines, headers, strict=True) if is_header}
    first_style = next((_style(line) for line, h in zip(lines, headers, strict=True) if h), None)
    styled = len(header_styles) > 1

    entries: list[Entry] = []
    current = Entry()
    for line, is_header in zip(lines, headers, strict=True):
        dates = find_date_range(line.text)
        if is_header and _starts_new_entry(current, line, dates, styled and _style(line) == first_style):
            entries.append(current)
            current = Entry()
        if is_header:
            current.header.append(line)
            if dates is not None and current.dates is None:
                current.dates, current.date_line = dates, line
        else:
            current.body.append(line)
    entries.append(current)
    return [e for e in entries if e.header]


def _starts_new_entry(current: Entry, line: Line, dates: DateRange | None, has_first_style: bool) -> bool:
    if not current.header:
        return False
    if current.body:
        return True
    if dates is not None and current.dates is not None:
        return True
    # Same style as every entry's first line, and the current entry already has one such line.
    return has_first_style and dates is None and any(_style(h) == _style(line) for h in current.header)


def _header_flags(lines: list[Line], widest: float) -> list[bool]:
    flags: list[bool] = []
    for index, line in enumerate(lines):
        previous_is_body = index > 0 and not flags[-1]
        flags.append(_is_header(line, lines[index - 1] if index else None, previous_is_body, widest))
    return flags


def _is_header(line: Line, previous: Line | None, previous_is_body: bool, widest: float) -> bool:
    text = clean(line.text)
    if is_bullet(text) or not has_letters(text) and find_date_range(text) is None:
        return False
    if previous_is_body and previous is not None and wraps(previous, widest) and _is_tail(text):
        return False  # the rest of a sentence that did not fit on the line above
    if _dated(text):
        return True
    if line.bold and not ends_sentence(text):
        return True
    words = text.split()
    if text[:1].islower() and not text.startswith(("as ", "at ")):
        return False
    return len(words) <= MAX_HEADER_WORDS and not ends_sentence(text) and title_case_ratio(text) >= 0.6


def _is_tail(text: str) -> bool:
    """Short text that ends a sentence ("testing.", "94%"): the last words of a wrapped line."""
    return len(text.split()) <= 2 and (ends_sentence(text) or not text[:1].isupper()) and not _dated(text)


def _dated(text: str) -> bool:
    found = find_date_range(text)
    if found is None:
        return False
    # A lone year inside a sentence ("grew sales in 2021") does not date an entry.
    return found.start is not None or found.ongoing or len(text.split()) <= MAX_SHORT_DATED_WORDS


def extent(line: Line) -> float:
    if line.box != UNKNOWN_BOX:
        return line.box.right
    return float(len(line.text))


def wraps(line: Line, widest: float) -> bool:
    """True when a line runs nearly to the widest line's edge without ending a sentence."""
    text = clean(line.text)
    return widest > 0 and extent(line) >= FULL_LINE_SHARE * widest and not ends_sentence(text)

"""Dates that wrap in a narrow left gutter.

A layout that prints each entry's dates in a narrow column beside the text (left, or right-aligned)
wraps a long range onto two lines ("Dezember 2021 –" above "Dezember 2023"). The lines are read row by
row, so the second half of the range lands on the row of the entry's next line ("Dezember 2023
München"). This module moves the second half back beside the first, leaving the row's own text alone.
"""

from __future__ import annotations

import re

from resume_parser.layout import UNKNOWN_BOX, Box, Line, Word
from resume_parser.normalization.dates import find_date_range
from resume_parser.normalization.lines import clean, segments

ALIGN_TOLERANCE = 0.01  # page-width share between the left edges of two gutter cells
_OPEN_END = re.compile(r"[-–—]\s*$")


def join_wrapped_dates(lines: list[Line]) -> list[Line]:
    """The lines with every range wrapped over two gutter rows joined onto the first row."""
    joined: list[Line] = []
    index = 0
    while index < len(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        rejoined = _rejoin(lines[index], following) if following is not None else None
        if rejoined is None:
            joined.append(lines[index])
            index += 1
            continue
        joined.extend(rejoined)
        index += 2
    return joined


def _rejoin(first: Line, second: Line) -> list[Line] | None:
    return _rejoin_left(first, second) or _rejoin_right(first, second)


def _rejoin_left(first: Line, second: Line) -> list[Line] | None:
    """ "Dezember 2021 –   Title — Company" / "Dezember 2023   München": a gutter left of the text."""
    first_cell, second_cell = _cell(first, leading=True), _cell(second, leading=True)
    if not _cells_join(first, first_cell, second_cell):
        return None
    body = first.words[len(first_cell) :]
    in_gutter = second_cell[-1].box.right < body[0].box.left
    aligned = abs(second_cell[0].box.left - first_cell[0].box.left) <= ALIGN_TOLERANCE
    if not (in_gutter and aligned):
        return None
    rest = second.words[len(second_cell) :]
    return [_line(first, [*first_cell, *second_cell, *body])] + ([_line(second, rest)] if rest else [])


def _rejoin_right(first: Line, second: Line) -> list[Line] | None:
    """ "Title — Company   Jan 2020 –" / "Berlin   Present": right-aligned dates that wrapped."""
    first_cell, second_cell = _cell(first, leading=False), _cell(second, leading=False)
    if not _cells_join(first, first_cell, second_cell):
        return None
    body = first.words[: len(first.words) - len(first_cell)]
    in_gutter = second_cell[0].box.left > body[-1].box.right
    aligned = abs(second_cell[-1].box.right - first_cell[-1].box.right) <= ALIGN_TOLERANCE
    if not (in_gutter and aligned):
        return None
    rest = second.words[: len(second.words) - len(second_cell)]
    return [_line(first, [*body, *first_cell, *second_cell])] + ([_line(second, rest)] if rest else [])


def _cells_join(first: Line, first_cell: list[Word], second_cell: list[Word]) -> bool:
    """Both rows have a date cell, the first row has text beside its cell, and the two cells read
    together make one whole range."""
    if not first_cell or not second_cell or len(first_cell) == len(first.words):
        return False
    if any(w.box == UNKNOWN_BOX for w in (*first_cell, *second_cell)):
        return False
    first_text = _text(first_cell)
    if not _unfinished(first_text):
        return False
    combined = f"{first_text} {_text(second_cell)}"
    found = find_date_range(combined)
    return bool(found and found.start and found.span[0] == 0 and found.span[1] >= len(combined) - 1)


def _cell(line: Line, *, leading: bool) -> list[Word]:
    """The words of the line's first (or last) segment, cut at a wide gap."""
    parts = segments(line)
    if not parts:
        return []
    count = len((parts[0] if leading else parts[-1]).split())
    return line.words[:count] if leading else line.words[len(line.words) - count :]


def _text(words: list[Word]) -> str:
    return clean(" ".join(w.text for w in words))


def _unfinished(text: str) -> bool:
    """ "Dezember 2021 –" or "Oktober 2016 – Juli": a range whose end is on the next row."""
    if _OPEN_END.search(text):
        return True
    found = find_date_range(text)
    return found is not None and found.span[1] < len(text.rstrip()) and found.start is None


def _line(template: Line, words: list[Word]) -> Line:
    return Line(words=words, page=template.page, box=Box.enclosing([w.box for w in words]))

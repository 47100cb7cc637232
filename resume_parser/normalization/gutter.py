"""Dates that wrap in a narrow left gutter.

A layout that prints each entry's dates in a narrow column left of the text wraps a long range onto two
lines ("Dezember 2021 –" above "Dezember 2023"). The lines are read row by row, so the second half of
the range lands on the row of the entry's next line ("Dezember 2023   München"). This module moves the
second half back beside the first, leaving the row's own text where it was.
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
    first_cell, second_cell = _gutter_words(first), _gutter_words(second)
    if not first_cell or not second_cell or len(first_cell) == len(first.words):
        return None  # the first row must hold the gutter cell and the entry's text beside it
    if any(w.box == UNKNOWN_BOX for w in (*first_cell, *second_cell)):
        return None
    first_text, second_text = _text(first_cell), _text(second_cell)
    if not _unfinished(first_text):
        return None
    body_left = first.words[len(first_cell)].box.left
    in_gutter = second_cell[-1].box.right < body_left
    aligned = abs(second_cell[0].box.left - first_cell[0].box.left) <= ALIGN_TOLERANCE
    combined = f"{first_text} {second_text}"
    found = find_date_range(combined)
    if not (in_gutter and aligned and found and found.start and found.span[1] >= len(combined) - 1):
        return None
    rows = [_line(first, [*first_cell, *second_cell, *first.words[len(first_cell) :]])]
    rest = second.words[len(second_cell) :]
    return rows + ([_line(second, rest)] if rest else [])


def _gutter_words(line: Line) -> list[Word]:
    """The words of the line's first segment (cut at a wide gap)."""
    parts = segments(line)
    if not parts:
        return []
    return line.words[: len(parts[0].split())]


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

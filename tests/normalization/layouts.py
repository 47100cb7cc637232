"""Layout lines built from text for the section-parser tests.

`line("Zomato        Mumbai")` gives a Line whose words have boxes laid out like a proportional font,
with a run of three or more spaces becoming a wide gap (a right-aligned column); `**bold words**` are bold.
"""

from __future__ import annotations

import re

from resume_parser.layout import Box, Line, Word

CHARACTER = 0.006  # page-width fraction per character
HEIGHT = 0.014


def line(text: str, *, top: float = 0.1, size: float = 10.0, page: int = 1) -> Line:
    words: list[Word] = []
    left = 0.08
    bold = False
    for gap, token in re.findall(r"(\s*)(\S+)", text):
        left += CHARACTER * (8 if len(gap) >= 3 else len(gap) * 0.5)
        opens, closes = token.startswith("**"), token.endswith("**") and len(token) > 2
        word_text = token.removeprefix("**").removesuffix("**") if opens or closes else token
        right = left + CHARACTER * len(word_text)
        word_bold = bold or opens
        words.append(Word(word_text, Box(left, top, right, top + HEIGHT), font_size=size, bold=word_bold))
        bold = word_bold and not closes
        left = right
    box = Box.enclosing([w.box for w in words]) if words else Box(0, top, 0, top + HEIGHT)
    return Line(words=words, page=page, box=box)


def lines(text: str, *, size: float = 10.0) -> list[Line]:
    """One Line per non-empty line of the text, stacked down the page."""
    rows = [row for row in text.strip("\n").splitlines() if row.strip()]
    return [line(row.strip(), top=0.1 + index * HEIGHT * 1.3, size=size) for index, row in enumerate(rows)]

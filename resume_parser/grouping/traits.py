"""What a line looks like, computed once: the typography and shape heading detection relies on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_parser.layout import Line

MAX_HEADING_WORDS = 6
MAX_HEADING_CHARS = 50
# Digits, e-mail and URL characters, separators and a label's colon never appear in a heading.
_NOT_IN_HEADINGS = re.compile(r"[\d@/|:]")
# A line drawn with characters ("-------", "=====") under or between headings in plain text.
_RULE = re.compile(r"[-=_*~#.·•─━═ ]*")


@dataclass(frozen=True, slots=True)
class HeadingStyle:
    size: float  # rounded to half points; 0 when unknown
    bold: bool
    caps: bool


@dataclass(frozen=True, slots=True)
class LineTraits:
    text: str
    size: float | None
    bold: bool  # every word is bold
    caps: bool
    rule: bool
    heading_shaped: bool  # short, no digits or punctuation that headings never carry

    @property
    def style(self) -> HeadingStyle:
        return HeadingStyle(size=round((self.size or 0.0) * 2) / 2, bold=self.bold, caps=self.caps)


def traits_of(line: Line) -> LineTraits:
    text = line.text
    rule = is_rule(text)
    return LineTraits(
        text=text,
        size=line.font_size,
        bold=all(word.bold for word in line.words),
        caps=_is_caps(text),
        rule=rule,
        heading_shaped=not rule and _is_heading_shaped(text),
    )


def is_rule(text: str) -> bool:
    return len(text) >= 3 and _RULE.fullmatch(text) is not None and len(text.replace(" ", "")) >= 3


def _is_heading_shaped(text: str) -> bool:
    text = text.strip()
    text = text[:-1] if text.endswith(":") else text
    return (
        0 < len(text) <= MAX_HEADING_CHARS
        and _NOT_IN_HEADINGS.search(text) is None
        and len(text.split()) <= MAX_HEADING_WORDS
        and not text.endswith((".", ",", ";"))
        and any(char.isalpha() for char in text)
    )


def _is_caps(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 3 and all(char.isupper() for char in letters)

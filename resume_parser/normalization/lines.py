"""Reading helpers over text: bullets, vocabularies written as word lists, title-like text."""

from __future__ import annotations

import re

BULLET_GLYPHS = "•◦▪▫■□●○◆◇►▸▹‣⁃∙⋅·✓✔➢➤→*-–—+"
_BULLET = re.compile(rf"^\s*[{re.escape(BULLET_GLYPHS)}](?=\s|$)\s*")


def is_icon(char: str) -> bool:
    """A private-use character: an icon font's glyph (a phone, an envelope, a bullet), no letter."""
    return 0xE000 <= ord(char) <= 0xF8FF or ord(char) >= 0xF0000


def word_set(text: str) -> frozenset[str]:
    """A vocabulary written as whitespace-separated words."""
    return frozenset(text.split())


# Lowercase words that do not break title case ("Head of Data", "Universidad de Granada").
_SMALL_WORDS = word_set(
    """
    of and the for in at on to a an de del la le les des di da do dos das der den und für y e et &
    von van du am im
    """
)
# Two words further apart than this many average letter widths belong to different segments
# (right-aligned dates, skill chips, "Company        City").
GAP_IN_CHARACTERS = 2.0


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text, count=1).strip()


def title_case_ratio(text: str) -> float:
    """Share of significant words that start with a capital letter or digit-free acronym."""
    words = [w.strip("()[],.;:") for w in text.split()]
    words = [w for w in words if w and w.casefold() not in _SMALL_WORDS and any(c.isalpha() for c in w)]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)

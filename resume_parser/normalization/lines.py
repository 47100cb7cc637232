"""Reading helpers over layout lines: bullets, segments split by wide gaps, title-like text."""

from __future__ import annotations

import re
import unicodedata

from resume_parser.layout import UNKNOWN_BOX, Line

BULLET_GLYPHS = "•◦▪▫■□●○◆◇►▸▹‣⁃∙⋅·✓✔➢➤→*-–—+"
_BULLET = re.compile(rf"^\s*[{re.escape(BULLET_GLYPHS)}](?=\s|$)\s*")
_FIELD_SEPARATOR = re.compile(r"\s+[|·•◦▪–—]\s+|\s*\|\s*|\t+|\s{3,}")
# Lowercase words that do not break title case ("Head of Data", "Universidad de Granada").
_SMALL_WORDS = {
    "of",
    "and",
    "the",
    "for",
    "in",
    "at",
    "on",
    "to",
    "a",
    "an",
    "de",
    "del",
    "la",
    "le",
    "les",
    "des",
    "di",
    "da",
    "do",
    "dos",
    "das",
    "der",
    "den",
    "und",
    "für",
    "y",
    "e",
    "et",
    "&",
    "von",
    "van",
    "du",
    "am",
    "im",
}
# Two words further apart than this many font sizes belong to different segments (right-aligned dates,
# skill chips, "Company        City").
GAP_IN_FONT_SIZES = 1.6


def clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").replace("\ufffe", "-")
    return " ".join(text.split())


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text, count=1).strip()


def segments(line: Line) -> list[str]:
    """The line cut at wide horizontal gaps between words (or tabs and runs of spaces in plain text)."""
    words = line.words
    if not words:
        return []
    if any(w.box == UNKNOWN_BOX for w in words):
        return [p for p in (clean(s) for s in re.split(r"\t|\s{3,}", line.text)) if p]
    parts: list[list[str]] = [[words[0].text]]
    for previous, word in zip(words, words[1:], strict=False):
        size = (previous.font_size or word.font_size or 10.0) / 1000.0  # box units are page fractions
        gap = word.box.left - previous.box.right
        if gap > _gap_threshold(line, size):
            parts.append([])
        parts[-1].append(word.text)
    return [p for p in (clean(" ".join(part)) for part in parts) if p]


def _gap_threshold(line: Line, size: float) -> float:
    # Page coordinates are fractions of the page width; a word height is a fair stand-in for font size.
    height = line.box.height if line.box != UNKNOWN_BOX and line.box.height > 0 else size
    return max(height, 0.004) * GAP_IN_FONT_SIZES


def fields(text: str) -> list[str]:
    """Text split at the separators people use between title, company and place ("A | B · C")."""
    return [p.strip(" ,;") for p in _FIELD_SEPARATOR.split(text) if p and p.strip(" ,;")]


def title_case_ratio(text: str) -> float:
    """Share of significant words that start with a capital letter or digit-free acronym."""
    words = [w.strip("()[],.;:") for w in text.split()]
    words = [w for w in words if w and w.casefold() not in _SMALL_WORDS and any(c.isalpha() for c in w)]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ";", ":"))


def has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)

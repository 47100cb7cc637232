"""Reading helpers over layout lines: bullets, segments split by wide gaps, title-like text."""

from __future__ import annotations

import itertools
import re
import unicodedata

from resume_parser.layout import UNKNOWN_BOX, Box, Line

BULLET_GLYPHS = "•◦▪▫■□●○◆◇►▸▹‣⁃∙⋅·✓✔➢➤→*-–—+"
_BULLET = re.compile(rf"^\s*[{re.escape(BULLET_GLYPHS)}](?=\s|$)\s*")
_FIELD_SEPARATOR = re.compile(r"\s*[|—·•]\s*|\s+[◦▪–-]\s+|\t+|\s{3,}")


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
    gaps = [b.box.left - a.box.right for a, b in itertools.pairwise(words)]
    threshold = _gap_threshold(line, gaps)
    parts: list[list[str]] = [[words[0].text]]
    for gap, word in zip(gaps, words[1:], strict=True):
        if gap > threshold:
            parts.append([])
        parts[-1].append(word.text)
    return [p for p in (clean(" ".join(part)) for part in parts) if p]


def _gap_threshold(line: Line, gaps: list[float]) -> float:
    """Two average character widths: far wider than a word space in proportional type, and wider
    than the single space of a monospaced text file, whose spaces are as wide as its letters."""
    characters = sum(len(w.text) for w in line.words)
    width = sum(w.box.width for w in line.words)
    return GAP_IN_CHARACTERS * width / characters if characters else 0.0


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


# A name may end in a dotted abbreviation ("Soluciones Ibéricas S.L.", "Acme Inc."), not a sentence.
_CLOSING_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:\w{1,3}\.){2,}$|\b(?:inc|ltd|co|corp|llc|plc)\.$", re.IGNORECASE
)


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    if text.endswith(".") and _CLOSING_ABBREVIATION.search(text):
        return False
    return text.endswith((".", "!", "?", ";", ":"))


def has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


MAX_LABEL_WORDS = 5
_LIST_SEPARATOR = re.compile(r"[,;|•·]")


def split_label(line: Line) -> tuple[str | None, str]:
    """A leading label and the rest: "Cloud: AWS, GCP", a label column set apart by a gap, or bold words
    before regular ones ("**Data Platform** dbt, Airflow"). (None, text) when the line has no label."""
    text = clean(line.text)
    label, colon, rest = text.partition(":")
    if colon and rest.strip() and _label_like(label) and "//" not in rest[:3]:
        return label.strip(), rest.strip()
    parts = segments(line)
    if len(parts) >= 2 and _label_like(parts[0]) and _follows_label(parts):
        return parts[0], " ".join(parts[1:])
    words = line.words
    run = _leading_distinct_run(line)
    if 0 < run < len(words) and run <= MAX_LABEL_WORDS:
        label = clean(" ".join(w.text for w in words[:run]))
        if _label_like(label):
            return label.rstrip(":"), clean(" ".join(w.text for w in words[run:]))
    return None, text


def _leading_distinct_run(line: Line) -> int:
    """How many leading words are set apart by type: bold before regular, or a larger size."""
    words = line.words
    bold_run = 0
    while bold_run < len(words) and words[bold_run].bold:
        bold_run += 1
    if 0 < bold_run < len(words):
        return bold_run
    first_size = words[0].font_size if words else None
    if not first_size:
        return 0
    size_run = 0
    while size_run < len(words) and (words[size_run].font_size or 0.0) >= first_size - 0.01:
        size_run += 1
    rest = [w.font_size or 0.0 for w in words[size_run:]]
    return size_run if rest and first_size - max(rest) >= 0.5 else 0


def _follows_label(parts: list[str]) -> bool:
    """The segments after a label column: one value, a list, or a dated row ("2021-05  AWS ...").
    Many short segments are chips, the first of which is no label."""
    rest = parts[1:]
    return len(rest) == 1 or bool(_LIST_SEPARATOR.search(" ".join(rest))) or rest[0][:1].isdigit()


def _label_like(text: str) -> bool:
    text = text.strip()
    return (
        0 < len(text.split()) <= MAX_LABEL_WORDS
        and text[:1].isupper()
        and not _LIST_SEPARATOR.search(text)
        and any(c.isalpha() for c in text)
    )


def without_words(line: Line, count: int) -> Line:
    """The line without its first `count` words (a label already read)."""
    words = line.words[count:]
    known = [w.box for w in words if w.box != UNKNOWN_BOX]
    box = Box.enclosing(known) if known else line.box
    return Line(words=words, page=line.page, box=box)

"""Cutting an experience or education section into entries.

An entry is a few header lines (title, employer, place, dates: short, title-cased, bold or dated) followed
by body lines (bullets and sentences). Entries are cut where a header follows a body, where a second
date range appears, or, when the layout styles the first line of every entry alike, at that style.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from resume_parser.layout import UNKNOWN_BOX, Line
from resume_parser.normalization.dates import DateRange, find_date_range
from resume_parser.normalization.lines import (
    clean,
    ends_sentence,
    has_letters,
    is_bullet,
    title_case_ratio,
    word_set,
)
from resume_parser.normalization.roles import has_title_word

MAX_HEADER_WORDS = 16
MAX_SHORT_DATED_WORDS = 8
MAX_TITLE_WORDS = 6
OUTDENT_TOLERANCE = 0.002  # page-width share
BOLD_SHARE_LIMIT = 0.6
# A line ending in one of these words goes on to the next line.
_CONNECTORS = word_set(
    """
    and or of the to with by in for a an on at from into
    """
)
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
    headers = _header_flags(lines)
    dated = [
        find_date_range(line.text) if is_header else None
        for line, is_header in zip(lines, headers, strict=True)
    ]
    # Only a list of bare header lines (no dates, no bullets) is cut by the style of its first line.
    by_style = all(d is None for d in dated) and all(headers)
    first_style = _style(lines[0])

    entries: list[Entry] = []
    current = Entry()
    for line, is_header, dates in zip(lines, headers, dated, strict=True):
        if is_header and _starts_new_entry(current, line, dates, by_style and _style(line) == first_style):
            entries.append(current)
            current = Entry(header=_carried_over(current) if dates is not None else [])
        if not is_header and not current.header:
            continue  # text before the first entry (a heading's second line, an intro) dates nothing
        if is_header:
            current.header.append(line)
            if dates is not None and current.dates is None:
                current.dates, current.date_line = dates, line
        else:
            current.body.append(line)
    entries.append(current)
    return _open_at_first_style([e for e in entries if e.header])


def _open_at_first_style(entries: list[Entry]) -> list[Entry]:
    """When every entry opens with a line in a style of its own (a larger employer line), header-like
    lines before that line in a later entry are the end of the previous entry's body: German nouns
    are capitalized, so a plain description line can pass for a header."""
    if len(entries) < 2 or entries[0].header[0].font_size is None:
        return entries
    opening = _style(entries[0].header[0])
    if any(_style(line) == opening for entry in entries for line in entry.body):
        return entries
    for previous, entry in itertools.pairwise(entries):
        index = next((i for i, line in enumerate(entry.header) if _style(line) == opening), None)
        if not index or not previous.body or any(line is entry.date_line for line in entry.header[:index]):
            continue
        previous.body += entry.header[:index]
        entry.header = entry.header[index:]
    return entries


def _carried_over(entry: Entry) -> list[Line]:
    """Header lines after an entry's closing date line: they open the next entry, whose date comes
    last too ("School / Degree / 2016 - 2020 / School / Degree / 2012 - 2016")."""
    if entry.body or entry.date_line is None or entry.header[0] is entry.date_line:
        return []
    index = next(i for i, line in enumerate(entry.header) if line is entry.date_line)
    carried, entry.header = entry.header[index + 1 :], entry.header[: index + 1]
    return carried


def _starts_new_entry(current: Entry, line: Line, dates: DateRange | None, has_first_style: bool) -> bool:
    if not current.header:
        return False
    if current.body:
        return True
    if dates is not None and current.dates is not None:
        return True
    if current.date_line is not None and _repeats_first_style(current, line):
        return True
    return has_first_style


def _repeats_first_style(current: Entry, line: Line) -> bool:
    """After an entry's dates, a line styled like the entry's first line (and unlike its date line)
    opens the next entry: "School / Degree / 2016 to 2020 / School / ..."."""
    first, date_line = current.header[0], current.date_line
    if date_line is None or first is date_line or line.font_size is None:
        return False
    return _style(line) == _style(first) and _style(line) != _style(date_line)


def _left_of_bullet_text(line: Line, bullet_line: Line) -> bool:
    """A line starting left of the text of the bullet above does not continue that bullet's text."""
    words = bullet_line.words
    if len(words) < 2 or UNKNOWN_BOX in (line.box, words[1].box) or not is_bullet(bullet_line.text):
        return False
    return line.box.left < words[1].box.left - OUTDENT_TOLERANCE


def _has_bold(line: Line) -> bool:
    return any(word.bold for word in line.words)


def _header_flags(lines: list[Line]) -> list[bool]:
    widest = max(extent(line) for line in lines)
    bold_share = sum(1 for line in lines if _has_bold(line)) / len(lines)
    # Bold tells headers from body only when some lines, and not nearly all, carry it.
    bold_means_header = 0 < bold_share < BOLD_SHARE_LIMIT
    flags: list[bool] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else None
        previous_is_body = index > 0 and not flags[-1]
        flags.append(_is_header(line, previous, previous_is_body, widest, bold_means_header))
    for index in range(len(lines)):
        if not flags[index] and _is_sentence_case_title(lines, flags, index, widest):
            flags[index] = True
    return flags


def _is_sentence_case_title(lines: list[Line], flags: list[bool], index: int, widest: float) -> bool:
    """A job title printed in sentence case ("Analista financiero sénior", "Directora de datos") fails
    the title-case test; it is a header when it sits against the entry's other header lines: right
    after them with bullets below, or right before them after the previous entry's bullets."""
    text = clean(lines[index].text)
    words = text.split()
    if not (0 < len(words) <= MAX_TITLE_WORDS and text[:1].isupper() and has_title_word(text)):
        return False
    if is_bullet(text) or ends_sentence(text):
        return False
    previous = lines[index - 1] if index else None
    following = lines[index + 1] if index + 1 < len(lines) else None
    after_header = previous is None or flags[index - 1]
    before_bullet = following is None or is_bullet(following.text) or flags[index + 1]
    if after_header and before_bullet:
        return True
    after_item = previous is None or is_bullet(previous.text) or ends_sentence(clean(previous.text))
    closed = (
        previous is None
        or not wraps(previous, widest)
        or ends_sentence(clean(previous.text))
        or _left_of_bullet_text(lines[index], previous)
    )
    return after_item and closed and following is not None and flags[index + 1]


def _is_header(
    line: Line, previous: Line | None, previous_is_body: bool, widest: float, bold_means_header: bool
) -> bool:
    text = clean(line.text)
    if is_bullet(text) or (not has_letters(text) and find_date_range(text) is None):
        return False
    if previous_is_body and previous is not None and _continues(previous, text, widest):
        return False  # the rest of a sentence that did not fit on the line above
    if _dated(text):
        return True
    if text.rsplit(" ", 1)[-1].casefold() in _CONNECTORS:
        return False  # "... with Debezium and": a sentence going on
    if bold_means_header and not ends_sentence(text):
        if line.bold or line.words[0].bold:
            return True  # bold, or opening in bold ("**Analista financiero** en Soluciones S.L.")
        if previous_is_body and not _has_bold(line):
            return False  # after a body line, a header of this layout would carry bold
    words = text.split()
    if text[:1].islower() and not text.startswith(("as ", "at ")):
        return False
    return len(words) <= MAX_HEADER_WORDS and not ends_sentence(text) and title_case_ratio(text) >= 0.6


def _continues(previous: Line, text: str, widest: float) -> bool:
    last_word = clean(previous.text).rsplit(" ", 1)[-1].casefold()
    if last_word in _CONNECTORS and not _dated(text):
        return True
    return wraps(previous, widest) and _is_tail(text)


def _is_tail(text: str) -> bool:
    """Short text that ends a sentence ("testing.", "94%"): the last words of a wrapped line."""
    return len(text.split()) <= 2 and (ends_sentence(text) or not text[:1].isupper()) and not _dated(text)


def _dated(text: str) -> bool:
    found = find_date_range(text)
    if found is None:
        return False
    # A lone year inside a sentence ("grew sales in 2021") does not date an entry; one closing the line does.
    closes_line = found.span[1] >= len(text.rstrip(" )")) - 1
    return (
        found.start is not None or found.ongoing or closes_line or len(text.split()) <= MAX_SHORT_DATED_WORDS
    )


def extent(line: Line) -> float:
    if line.box != UNKNOWN_BOX:
        return line.box.right
    return float(len(line.text))


def wraps(line: Line, widest: float) -> bool:
    """True when a line runs nearly to the widest line's edge without ending a sentence."""
    text = clean(line.text)
    return widest > 0 and extent(line) >= FULL_LINE_SHARE * widest and not ends_sentence(text)

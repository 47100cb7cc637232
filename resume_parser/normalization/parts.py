"""The header lines of an entry cut into parts ("Title", "Company", "City, Country") with their lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_parser.layout import Line
from resume_parser.normalization.contact import parse_location, split_trailing_place
from resume_parser.normalization.dates import find_date_range, strip_span
from resume_parser.normalization.durations import is_duration
from resume_parser.normalization.lines import clean, fields, has_letters, segments
from resume_parser.normalization.roles import has_title_word

_AT = re.compile(r"\s+(?:at|@|chez|bei|en)\s+", re.IGNORECASE)
_AS = re.compile(r"^(?:as|als|en tant que|como)\s+", re.IGNORECASE)


@dataclass(slots=True)
class Part:
    text: str
    line: Line
    hinted_title: bool = False  # printed as "as Engineer" or "Engineer at Company"
    hinted_company: bool = False


def header_parts(lines: list[Line], *, split_commas: bool = True) -> list[Part]:
    """The parts of the lines; `split_commas=False` keeps "University of California, Berkeley" whole."""
    parts: list[Part] = []
    for line in lines:
        for segment in segments(line) or [clean(line.text)]:
            text = _without_dates(segment)
            for piece in fields(text):
                parts.extend(_split_piece(piece, line, split_commas))
    return [p for p in parts if has_letters(p.text)]


def _without_dates(text: str) -> str:
    found = find_date_range(text)
    while found is not None:
        text = strip_span(text, found.span)
        found = find_date_range(text)
    return text


def _split_piece(piece: str, line: Line, split_commas: bool) -> list[Part]:
    piece = piece.strip(" ,;:")
    if is_duration(piece):
        return []
    if piece.startswith("(") and piece.endswith(")"):
        piece = piece[1:-1]
    as_match = _AS.match(piece)
    if as_match:
        title = piece[as_match.end() :]
        run_on = split_trailing_place(title)
        if run_on:
            return [Part(run_on[0], line, hinted_title=True), Part(run_on[1], line)]
        return [Part(title, line, hinted_title=True)]
    at_split = _AT.split(piece, maxsplit=1)
    if len(at_split) == 2 and has_title_word(at_split[0]):
        return [Part(at_split[0], line, hinted_title=True), Part(at_split[1], line, hinted_company=True)]
    if "," in piece and split_commas and not _is_city_and_country(piece):
        return [Part(t, line) for t in _split_commas(piece)]
    return [Part(piece, line)]


def _is_city_and_country(piece: str) -> bool:
    """ "Gurugram, India" or "Mountain View, CA" is one place, not an employer and its city."""
    location = parse_location(piece)
    if location is None or piece.count(",") != 1:
        return False
    region = location.region or ""
    return location.country_code is not None or (len(region) == 2 and region.isupper())


def _split_commas(piece: str) -> list[str]:
    """ "Engineer, Acme" -> two parts; "Acme, Berlin, Germany" -> company and place; else one part."""
    head, _, rest = piece.partition(",")
    head, rest = head.strip(), rest.strip()
    if has_title_word(head) and not has_title_word(rest):
        return [head, *_split_commas(rest)]
    if has_title_word(rest) and not has_title_word(head):
        return [head, rest]
    if parse_location(rest) is not None:
        return [head, rest]
    return [piece]

"""Certificates: "Name (Issuer), Jun 2023", "Name — Issuer, 2023", "Name, Issuer, 06/2023",
"2024 · Name – Level, Issuer", one per line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_parser.layout import Line
from resume_parser.normalization.dates import find_date_range, strip_span
from resume_parser.normalization.lines import clean, ends_sentence, is_bullet, strip_bullet, title_case_ratio
from resume_parser.resume import Certificate

_ISSUER_AFTER_QUALIFIED_NAME = re.compile(r"^(?P<name>.+\))\s*,\s*(?P<issuer>[^,()]+)$")
_ISSUER_IN_PARENS = re.compile(r"^(?P<name>.+?)\s*\((?P<issuer>[^()]+)\)$")
# "Name, Issuer": one comma, a few capitalized words after it and no dash among them.
_ISSUER_AFTER_COMMA = re.compile(r"^(?P<name>[^,]+\S),\s+(?P<issuer>[A-Z][^,–—-]*)$")
_ISSUER_AFTER_EM_DASH = re.compile(r"^(?P<name>.+)\s+[—|·]\s+(?P<issuer>.+)$")
_ISSUER_AFTER_DASH = re.compile(r"^(?P<name>.+)\s+[–-]\s+(?P<issuer>.+)$")
_ISSUED_BY = re.compile(r"^(?P<name>.+?),?\s+(?:issued by|by|from)\s+(?P<issuer>.+)$", re.IGNORECASE)
MAX_NAME_WORDS = 14
# Levels that certification programmes print after a dash as part of the name.
_LEVELS = frozenset(
    ("associate", "professional", "expert", "specialty", "foundation", "foundations", "practitioner")
)


@dataclass(slots=True)
class ParsedCertificate:
    name: str
    issuer: str | None
    date: str | None
    line: Line

    def to_model(self) -> Certificate:
        return Certificate(name=self.name, issuer=self.issuer, date=self.date)


def parse_certificates(lines: list[Line]) -> list[ParsedCertificate]:
    found: list[ParsedCertificate] = []
    for line, printed in _unwrapped(lines):
        bulleted = is_bullet(printed)
        text = clean(strip_bullet(printed) if bulleted else printed)
        if not text:
            continue
        if found and not bulleted and _continues(found[-1], text):
            continue
        parsed = parse_certificate(text, line)
        if parsed:
            found.append(parsed)
    return found


def _unwrapped(lines: list[Line]) -> list[tuple[Line, str]]:
    """(first line, text) per certificate with lines wrapped in a narrow column joined: a line that
    leaves a parenthesis open goes on, and one that opens with a parenthesis or closes one continues."""
    joined: list[tuple[Line, str]] = []
    for line in lines:
        text = clean(line.text)
        if joined and (_open_parentheses(joined[-1][1]) > 0 or text.startswith("(")):
            joined[-1] = (joined[-1][0], f"{joined[-1][1]} {text}")
        else:
            joined.append((line, text))
    return joined


def _open_parentheses(text: str) -> int:
    return text.count("(") - text.count(")")


def _continues(previous: ParsedCertificate, text: str) -> bool:
    """A wrapped line or a description below a certificate, not a certificate of its own."""
    return text[:1].islower() or ends_sentence(text) or title_case_ratio(text) < 0.5


def parse_certificate(text: str, line: Line) -> ParsedCertificate | None:
    date = None
    found = find_date_range(text)
    if found is not None:
        date = found.end or found.start
        text = strip_span(text, found.span)
    text = text.strip(" ,;")
    name, issuer = _split_issuer(text)
    if not name or len(name.split()) > MAX_NAME_WORDS or not any(c.isalpha() for c in name):
        return None
    return ParsedCertificate(name, issuer, date, line)


def _split_issuer(text: str) -> tuple[str, str | None]:
    for pattern in (
        _ISSUER_AFTER_QUALIFIED_NAME,
        _ISSUER_IN_PARENS,
        _ISSUER_AFTER_COMMA,
        _ISSUER_AFTER_EM_DASH,
        _ISSUER_AFTER_DASH,
        _ISSUED_BY,
    ):
        match = pattern.match(text)
        if match:
            issuer = match.group("issuer").strip(" ,")
            if issuer.casefold() in _LEVELS:
                return text, None  # "Solutions Architect – Associate": the level is part of the name
            if _looks_like_abbreviation_of(issuer, match.group("name")):
                return text, None  # "Certified Ethical Hacker (CEH)": the parentheses hold the short name
            return match.group("name").strip(" ,"), issuer
    return text, None


def _looks_like_abbreviation_of(short: str, name: str) -> bool:
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return short.isupper() and len(short) >= 2 and short in initials

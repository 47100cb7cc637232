"""Personal data minimization: contact details never leave the process, placeholders do.

Emails, phone numbers, links and (when it can be told) the person's name are found locally, replaced
by placeholders such as [EMAIL_1] in everything sent to the model, and put back into the model's
answer afterwards. Restored values are canonical: phones in E.164 where the country can be told,
links with a scheme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import phonenumbers

from resume_parser.layout import GroupedDocument, Line, SectionKind

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# A scheme or www. prefix, or a bare domain followed by a path (so "Node.js" and "ASP.NET" stay text).
_URL = re.compile(r"(?:https?://|www\.)[^\s|,;]+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/[^\s|,;]*", re.IGNORECASE)
# In the header a bare domain (janedoe.dev) is the person's site; in the body it may be "Node.js".
# A lower-case top-level domain after a label of 2+ characters, so a headline's "M.Sc." is no link.
_BARE_DOMAIN = re.compile(r"\b[\w-]{2,}(?:\.[\w-]+)*\.[a-z]{2,}\b")
# Month/year and year ranges ("03/2016 - 12/2019", "2012 – 2016") that phone matchers can take for numbers.
_DATE_SPAN = re.compile(
    r"\b(?:0?[1-9]|1[0-2])[/.](?:19|20)\d\d\b|\b(?:19|20)\d\d\s*[-–—]\s*(?:\d{1,2}[/.])?(?:19|20)\d\d\b"
)
_PLACEHOLDER = re.compile(r"\[(NAME|EMAIL_\d+|PHONE_\d+|URL_\d+)(?::[^\]\s]*)?\]")
# National numbers need a region to be recognised; numbers written with +CC add their own region.
DEFAULT_PHONE_REGIONS = ("US", "GB", "DE", "FR", "ES", "IT", "NL", "IN", "CA", "AU")
_NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "al"}
)
# "Name: Jane Doe" in a labelled contact block (Europass and many templates), in a few languages.
_NAME_LABEL = re.compile(r"^(?:full\s+)?(?:name|nom|nombre|nome|naam|imię)\s*:?\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:[-'’.][^\W\d_]*)*,?$")


@dataclass
class Redaction:
    """The placeholders of one document: placeholder -> canonical value, and every written form."""

    values: dict[str, str] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # a form as written (or canonical) -> placeholder

    def redact(self, text: str) -> str:
        # Longest forms first, so "+1 415 555 0100" is not half-replaced by a shorter overlapping form.
        for form in sorted(self.forms, key=len, reverse=True):
            text = text.replace(form, self.forms[form])
        return text

    def restore(self, text: str) -> str:
        return _PLACEHOLDER.sub(lambda match: self.values.get(match.group(1), match.group(0)), text)

    def is_contact_value(self, value: str) -> bool:
        """True when `value` is one of this document's contact details (as written or canonical)."""
        return value in self.forms or value in self.values.values()

    def written_forms(self, value: str) -> list[str]:
        """The forms of a contact value as the document wrote them (a phone's E.164 form is not printed)."""
        placeholder = self.forms.get(value)
        return [form for form, known in self.forms.items() if known == placeholder] if placeholder else []

    def add(self, kind: str, written: str, canonical: str, hint: str = "") -> None:
        known = self.forms.get(written) or self.forms.get(canonical)
        if known is None:
            number = sum(1 for key in self.values if key.startswith(kind)) + 1
            key = kind if kind == "NAME" else f"{kind}_{number}"
            self.values[key] = canonical
            known = f"[{key}:{hint}]" if hint else f"[{key}]"
        self.forms[written] = known
        self.forms.setdefault(canonical, known)


def minimize(grouped: GroupedDocument, phone_regions: tuple[str, ...] = DEFAULT_PHONE_REGIONS) -> Redaction:
    """Find the document's contact details and give each a placeholder."""
    text = grouped.document.text
    redaction = Redaction()
    for email in _EMAIL.findall(text):
        redaction.add("EMAIL", email, email)
    without_emails = _EMAIL.sub(" ", text)
    header = _EMAIL.sub(" ", "\n".join(line.text for line in _header_lines(grouped)))
    links = [*_URL.findall(without_emails), *_BARE_DOMAIN.findall(_URL.sub(" ", header))]
    for link in links:
        url = link.rstrip(".)")
        redaction.add("URL", url, _with_scheme(url), hint=_platform_host(url))
    without_links = _URL.sub(" ", without_emails)
    for written, canonical in _phones(_DATE_SPAN.sub(" ", without_links), phone_regions):
        redaction.add("PHONE", written, canonical)
    name = _likely_name(grouped)
    if name:
        redaction.add("NAME", name, name)
    return redaction


def _phones(text: str, default_regions: tuple[str, ...]) -> list[tuple[str, str]]:
    """(as written, canonical) pairs; E.164 only when every reading of the number agrees on it."""
    readings: dict[str, set[str]] = {}
    # "+CC ..." is unambiguous and never a date, so a merely possible number is enough; its country
    # also hints at how the document's national numbers are written.
    international = [
        match
        for match in phonenumbers.PhoneNumberMatcher(text, None, leniency=phonenumbers.Leniency.POSSIBLE)
        if match.raw_string.startswith("+")
    ]
    for match in international:
        readings.setdefault(match.raw_string, set()).add(_e164(match.number))
    hinted = [
        phonenumbers.region_code_for_country_code(match.number.country_code)
        for match in international
        if match.number.country_code
    ]
    for region in dict.fromkeys([*hinted, *default_regions]):
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            readings.setdefault(match.raw_string, set()).add(_e164(match.number))
    # "06 12 34 56 78" is valid in France and in Germany: keep such a number as written.
    return [(raw, next(iter(e164s)) if len(e164s) == 1 else raw) for raw, e164s in readings.items()]


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _with_scheme(url: str) -> str:
    return url if re.match(r"https?://", url, re.IGNORECASE) else f"https://{url}"


def _platform_host(url: str) -> str:
    """The host of a link with a path (linkedin.com/in/x): it names the platform, not the person.

    A bare domain (janedoe.dev) is most likely the person's own site, so it gets no hint.
    """
    parts = urlsplit(_with_scheme(url))
    if parts.path.strip("/") == "":
        return ""
    return parts.netloc.lower().removeprefix("www.")


def _header_lines(grouped: GroupedDocument) -> list[Line]:
    return [
        line
        for section in grouped.sections
        if section.kind in (SectionKind.HEADER, SectionKind.CONTACT)
        for line in section.lines
    ]


def _likely_name(grouped: GroupedDocument) -> str | None:
    """A labelled "Name: ..." line, else the most prominent of the first header lines if it reads
    like a personal name, else None."""
    lines = _header_lines(grouped)
    for line in lines:
        labelled = _NAME_LABEL.match(line.text)
        if labelled and _reads_like_name(line.text[labelled.end() :]):
            return line.text[labelled.end() :].strip()
    if not lines:
        return None
    candidate = _largest_line(lines[:3]).text.strip()
    return candidate if _reads_like_name(candidate) else None


def _largest_line(lines: list[Line]) -> Line:
    return max(lines, key=lambda line: line.font_size or 0.0)  # max keeps the first of equals


def _reads_like_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or not all(_NAME_WORD.match(word) for word in words):
        return False
    capitalized = [word for word in words if word.lower() not in _NAME_PARTICLES]
    return len(capitalized) >= 2 and all(word[0].isupper() for word in capitalized)

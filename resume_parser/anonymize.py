"""The anonymized view of a parsed resume, for blind screening.

What identifies the candidate (privacy.personal_values) is left out of `basics`, and wherever it
recurs in the rest of the resume it is replaced by a placeholder: "Jane Doe led ..." becomes
"[name] led ...". Besides the parsed values, e-mail addresses, phone numbers and web addresses are
found by their pattern, and the name's parts alone ("Jane", "Doe"; whole words, any case), so a
value the parser did not read is not left behind either. Employers and schools, and the city and
country, stay unless the options say otherwise: screeners still need to weigh experience and
place. The evidence of every removed or replaced field goes too (its box shows where the value is
printed).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from resume_parser.normalization.contact import EMAIL, find_web_addresses
from resume_parser.normalization.names import PARTICLES
from resume_parser.normalization.phones import phone_candidates
from resume_parser.privacy import personal_values
from resume_parser.resume import PERSONAL_DETAILS_UNSET, Basics, Location, ParsedResume, Work

# The placeholder of each kind of value, by the leading part of its evidence path.
_PLACEHOLDERS = {
    "basics.name": "[name]",
    "basics.email": "[email]",
    "basics.phone": "[phone]",
    "basics.url": "[url]",
    "basics.profiles": "[profile]",
    "basics.location.address": "[address]",
    "basics.location.postalCode": "[address]",
    "basics.location.city": "[location]",
    "basics.location.region": "[location]",
}
EMPLOYER, SCHOOL = "[employer]", "[school]"
# A phone number printed elsewhere is the candidate's when its last digits are the parsed one's.
PHONE_MATCH_DIGITS = 9
MIN_NAME_PART = 2  # one letter ("J.") identifies no one

# The basics fields the view leaves out; `location` keeps city, region and country.
_DROPPED_BASICS: dict[str, Any] = {
    "name": None,
    "email": None,
    "phone": None,
    "url": None,
    "profiles": [],
    **PERSONAL_DETAILS_UNSET,
}
_DROPPED_PATHS = (
    "basics.name",
    "basics.email",
    "basics.phone",
    "basics.url",
    "basics.profiles",
    "basics.location.address",
    "basics.location.postalCode",
    "basics.dateOfBirth",
    "basics.age",
    "basics.gender",
    "basics.nationality",
    "basics.maritalStatus",
    "basics.hasPhoto",
)


_WORK_LOCATION = re.compile(r"work\[\d+\]\.location$")
_ORGANIZATION = re.compile(r"work\[\d+\]\.(?:name|url)$|education\[\d+\]\.institution$")


@dataclass(frozen=True, slots=True)
class AnonymizationOptions:
    """What the anonymized view removes beyond its defaults."""

    redact_location: bool = False  # city, region and country too (and every work location)
    redact_organizations: bool = False  # employers and schools, by "[employer]" and "[school]"


def anonymize(parsed: ParsedResume, options: AnonymizationOptions | None = None) -> ParsedResume:
    """A copy of `parsed` without what identifies the candidate (see the module's docstring)."""
    options = options or AnonymizationOptions()
    scrub = scrubber(parsed, options)
    data = parsed.model_dump(exclude={"meta"})
    cleaned = ParsedResume.model_validate(_scrubbed(data, scrub))
    cleaned.basics = _anonymous_basics(cleaned.basics, options)
    if options.redact_location:
        for job in cleaned.work:
            job.location = None
    if options.redact_organizations:
        _replace_organizations(cleaned)
    if parsed.meta is not None:
        cleaned.meta = parsed.meta.model_copy(deep=True)
        cleaned.meta.evidence = [e for e in parsed.meta.evidence if not _removed(e.path, options)]
    return cleaned


def anonymize_work(work: Work, basics: Basics, options: AnonymizationOptions | None = None) -> Work:
    """One work entry (a search result's matched role) anonymized with its resume's basics."""
    return anonymize(ParsedResume(basics=basics, work=[work]), options).work[0]


def scrubber(parsed: ParsedResume, options: AnonymizationOptions | None = None) -> Callable[[str], str]:
    """A function replacing the resume's identifying values in any text by placeholders."""
    options = options or AnonymizationOptions()
    replacements: list[tuple[re.Pattern[str], str]] = []
    for value in personal_values(parsed, include_place=options.redact_location):
        if value.recurs_in_text and value.path != "basics.phone":  # phones: by their digits, below
            for form in _printed_forms(value.text):
                replacements.append((_whole(form), _placeholder(value.path)))
    if options.redact_organizations:
        employers = [job.name for job in parsed.work if job.name]
        schools = [school.institution for school in parsed.education if school.institution]
        for name, placeholder in sorted(
            [(n, EMPLOYER) for n in employers] + [(n, SCHOOL) for n in schools], key=lambda p: -len(p[0])
        ):
            replacements.append((_whole(name), placeholder))
    names = _name_parts(parsed.basics.name)
    phone_digits = _digits(parsed.basics.phone or "")[-PHONE_MATCH_DIGITS:]

    def scrub(text: str) -> str:
        text = EMAIL.sub("[email]", text)
        for address in find_web_addresses(text):
            if _looks_like_link(address.printed):
                text = text.replace(address.printed, "[url]")
        for pattern, placeholder in replacements:
            text = pattern.sub(placeholder, text)
        for candidate in phone_candidates(text):
            digits = _digits(candidate)
            if candidate.startswith(("+", "00", "(+")) or (phone_digits and digits.endswith(phone_digits)):
                text = text.replace(candidate, "[phone]")
        if names is not None:
            text = names.sub("[name]", text)
        return text

    return scrub


def _scrubbed(value: Any, scrub: Callable[[str], str]) -> Any:
    """Every string of a dumped model scrubbed."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, list):
        return [_scrubbed(item, scrub) for item in value]
    if isinstance(value, dict):
        return {key: _scrubbed(item, scrub) for key, item in value.items()}
    return value


def _anonymous_basics(basics: Basics, options: AnonymizationOptions) -> Basics:
    result = basics.model_copy(update=_DROPPED_BASICS)
    location = basics.location
    if location is None or options.redact_location:
        result.location = None
    else:
        kept = Location(city=location.city, region=location.region, country_code=location.country_code)
        result.location = kept if kept.to_json_dict() else None
    return result


def _replace_organizations(resume: ParsedResume) -> None:
    for job in resume.work:
        job.name = EMPLOYER if job.name else None
        job.url = None
    for school in resume.education:
        school.institution = SCHOOL if school.institution else None


def _removed(path: str, options: AnonymizationOptions) -> bool:
    """Whether the evidence of this path goes: its field was removed or replaced."""
    if path.startswith(_DROPPED_PATHS):
        return True
    if options.redact_location and (
        path.startswith("basics.location") or re.match(r"work\[\d+\]\.location", path)
    ):
        return True
    return options.redact_organizations and bool(
        re.match(r"work\[\d+\]\.(?:name|url)$|education\[\d+\]\.institution$", path)
    )


def _placeholder(path: str) -> str:
    key = re.sub(r"\[\d+\]$", "", path)
    return _PLACEHOLDERS.get(key, "[personal]")


def _whole(value: str) -> re.Pattern[str]:
    """The value anywhere, any case, but not inside a longer word or number."""
    before = r"(?<!\w)" if value[:1].isalnum() else ""
    after = r"(?!\w)" if value[-1:].isalnum() else ""
    return re.compile(before + re.escape(value) + after, re.IGNORECASE)


def _printed_forms(value: str) -> list[str]:
    """A value and, for a web address, the shorter ways it is printed ("jane.dev" for
    "https://www.jane.dev/")."""
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", value, flags=re.IGNORECASE).rstrip("/")
    return [value, bare] if bare and bare != value and "." in bare else [value]


def _name_parts(name: str | None) -> re.Pattern[str] | None:
    """The name's words and the parts of double names ("Anna-Lena", "Anna", "Lena"), particles left out."""
    if not name:
        return None
    parts = {name}
    for printed in name.split():
        word = printed.strip(".,")
        parts.add(word)
        parts.update(word.split("-"))
    kept = [p for p in parts if len(p) >= MIN_NAME_PART and p.casefold() not in PARTICLES]
    if not kept:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(kept, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _looks_like_link(printed: str) -> bool:
    """A web address printed as one ("https://...", "www...", "host/path"), not a library named
    like a domain ("socket.io", "Node.js")."""
    return bool(re.match(r"(?:https?://|www\.)", printed, re.IGNORECASE)) or "/" in printed


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)

"""Which parsed values identify the candidate: the one list behind the anonymized view and the
redacted document, so the two never disagree about what is personal.

City and country are not on the list by default: blind screening hides who a candidate is, and
recruiters still filter by where they are (the anonymized view can drop them too).
"""

from __future__ import annotations

from dataclasses import dataclass

from resume_parser.resume import ParsedResume


@dataclass(frozen=True, slots=True)
class PersonalValue:
    """One identifying value as parsed, and the evidence path it was read from."""

    path: str  # as in FieldEvidence.path, e.g. "basics.email", "basics.profiles[0]"
    text: str


def personal_values(parsed: ParsedResume, *, include_place: bool = False) -> list[PersonalValue]:
    """Every identifying value of `parsed`, longest first (so a replacement never leaves part of
    a longer value behind)."""
    basics = parsed.basics
    found: list[PersonalValue] = []

    def add(path: str, text: str | None) -> None:
        if text and text.strip():
            found.append(PersonalValue(path, text.strip()))

    add("basics.name", basics.name)
    add("basics.email", basics.email)
    add("basics.phone", basics.phone)
    add("basics.url", basics.url)
    for index, profile in enumerate(basics.profiles):
        add(f"basics.profiles[{index}]", profile.url)
        add(f"basics.profiles[{index}]", profile.username)
    location = basics.location
    if location is not None:
        add("basics.location.address", location.address)
        add("basics.location.postal_code", location.postal_code)
        if include_place:
            add("basics.location.city", location.city)
            add("basics.location.region", location.region)
    return sorted(found, key=lambda value: len(value.text), reverse=True)

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
    # Whether a copy of the value elsewhere identifies the candidate too: a name or an e-mail
    # address does; the words "female" or "German" in a highlight do not, and are left there.
    recurs_in_text: bool = True


def personal_values(parsed: ParsedResume, *, include_place: bool = False) -> list[PersonalValue]:
    """Every identifying value of `parsed`, longest first (so a replacement never leaves part of
    a longer value behind)."""
    basics = parsed.basics
    found: list[PersonalValue] = []

    def add(path: str, text: str | None, *, recurs_in_text: bool = True) -> None:
        if text and text.strip():
            found.append(PersonalValue(path, text.strip(), recurs_in_text))

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
        add("basics.location.postalCode", location.postal_code)
        if include_place:
            add("basics.location.city", location.city)
            add("basics.location.region", location.region)
    add("basics.dateOfBirth", basics.date_of_birth, recurs_in_text=False)  # "1990-03", not as printed
    add("basics.age", str(basics.age) if basics.age else None, recurs_in_text=False)
    add("basics.gender", basics.gender, recurs_in_text=False)
    add("basics.nationality", basics.nationality, recurs_in_text=False)
    add("basics.maritalStatus", basics.marital_status, recurs_in_text=False)
    return sorted(found, key=lambda value: len(value.text), reverse=True)

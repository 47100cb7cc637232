"""The label sets of the cascade.

The segmentation model labels every line with the section it belongs to: `work` for a line of the
work history, `H-work` for the heading that opens it. The field models label every token of a
section's lines with the field it prints; `B-` marks the token that opens a new entry (a job, a
school, a skill), `O` a token that prints no field (separators, captions, durations).
"""

from __future__ import annotations

from enum import StrEnum

from resume_parser.layout import SectionKind

HEADING_PREFIX = "H-"
ENTRY_PREFIX = "B-"
OTHER_TOKEN = "O"


class Kind(StrEnum):
    BASICS = "basics"  # name, headline, contact details, wherever they are printed
    SUMMARY = "summary"
    WORK = "work"
    EDUCATION = "education"
    SKILLS = "skills"
    LANGUAGES = "languages"
    CERTIFICATES = "certificates"
    PROJECTS = "projects"
    OTHER = "other"  # interests, references, awards, anything else

    @staticmethod
    def of_label(label: str) -> Kind:
        return Kind(label.removeprefix(HEADING_PREFIX))

    @staticmethod
    def of_section(kind: SectionKind) -> Kind:
        return _OF_SECTION.get(kind, Kind.OTHER)

    @property
    def section(self) -> SectionKind:
        return _SECTION_OF[self]


_OF_SECTION = {
    SectionKind.HEADER: Kind.BASICS,
    SectionKind.CONTACT: Kind.BASICS,
    SectionKind.SUMMARY: Kind.SUMMARY,
    SectionKind.EXPERIENCE: Kind.WORK,
    SectionKind.EDUCATION: Kind.EDUCATION,
    SectionKind.SKILLS: Kind.SKILLS,
    SectionKind.LANGUAGES: Kind.LANGUAGES,
    SectionKind.CERTIFICATES: Kind.CERTIFICATES,
    SectionKind.PROJECTS: Kind.PROJECTS,
}
_SECTION_OF = {
    Kind.BASICS: SectionKind.CONTACT,
    Kind.SUMMARY: SectionKind.SUMMARY,
    Kind.WORK: SectionKind.EXPERIENCE,
    Kind.EDUCATION: SectionKind.EDUCATION,
    Kind.SKILLS: SectionKind.SKILLS,
    Kind.LANGUAGES: SectionKind.LANGUAGES,
    Kind.CERTIFICATES: SectionKind.CERTIFICATES,
    Kind.PROJECTS: SectionKind.PROJECTS,
    Kind.OTHER: SectionKind.OTHER,
}


def heading_label(kind: Kind) -> str:
    return f"{HEADING_PREFIX}{kind.value}"


def is_heading(label: str) -> bool:
    return label.startswith(HEADING_PREFIX)


def field_of(label: str) -> str | None:
    """The field a token label names ("B-employer" -> "employer"), None for O."""
    return None if label == OTHER_TOKEN else label.removeprefix(ENTRY_PREFIX)

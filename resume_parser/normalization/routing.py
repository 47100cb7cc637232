"""Which lines each section parser reads.

The grouping names sections by their headings; the normalizer also reads what a heading did not say:
labelled rows inside a skills block ("Mother tongue(s) German", "Certifications ..."), skill groups whose
label was read as a heading ("FRAMEWORKS"), and dated entries under a heading that was not recognised.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resume_parser.layout import GroupedDocument, Line, Section, SectionKind
from resume_parser.normalization.education import has_degree_word
from resume_parser.normalization.entries import split_entries
from resume_parser.normalization.languages import parse_languages
from resume_parser.normalization.lines import split_label, without_words

_LANGUAGE_LABEL_WORDS = ("language", "tongue", "sprache", "langue", "idioma", "lingu")
_CERTIFICATE_LABEL_WORDS = ("certific", "zertifi", "licen", "certifica")
_PROJECT_LABEL_WORDS = ("project", "projekt", "projet", "proyecto", "progett")
# Heading words that name posts held: "Academic Appointments" is work even though "academic" reads as
# education to the grouper.
_WORK_HEADING_WORDS = ("appointment", "position", "posts", "employment", "experience", "berufserfahrung")
# Heading words of sections that list dated items which are not jobs: never mined for work entries.
_NOT_WORK_HEADING_WORDS = (
    "publication",
    "talk",
    "presentation",
    "grant",
    "award",
    "honor",
    "honour",
    "patent",
    "conference",
    "paper",
    "reference",
    "interest",
    "hobb",
    "course",
    "publikation",
    "auszeichnung",
    "vortr",
    "prix",
    "distinction",
    "premio",
    "publicacion",
    "publicación",
)


@dataclass(slots=True)
class RoutedLines:
    skills: list[Line] = field(default_factory=list)
    languages: list[Line] = field(default_factory=list)
    certificates: list[Line] = field(default_factory=list)
    projects: list[Line] = field(default_factory=list)


def section_lines(grouped: GroupedDocument, kind: SectionKind) -> list[Line]:
    return [line for section in grouped.of_kind(kind) for line in section.lines]


def entry_kind(section: Section) -> SectionKind:
    """The section's kind as the entry parsers read it: an education heading that names posts held
    ("Academic Appointments") lists work."""
    heading = section.heading.text.casefold() if section.heading else ""
    if section.kind == SectionKind.EDUCATION and any(word in heading for word in _WORK_HEADING_WORDS):
        return SectionKind.EXPERIENCE
    return section.kind


def entry_lines(grouped: GroupedDocument, kind: SectionKind) -> list[Line]:
    """The lines of the sections of a kind; when the document has none, the lines of unclassified
    sections whose content is dated entries of that kind (a heading OCR misread, "WORKEXPERIENCE")."""
    sections = [s for s in grouped.sections if entry_kind(s) == kind]
    if sections:
        return [line for section in sections for line in section.lines]
    lines: list[Line] = []
    for section in grouped.of_kind(SectionKind.OTHER):
        if not _names_other_items(section) and _looks_like(section, kind):
            lines.extend(section.lines)
    return lines


def _names_other_items(section: Section) -> bool:
    heading = section.heading.text.casefold() if section.heading else ""
    return any(word in heading for word in _NOT_WORK_HEADING_WORDS)


def _looks_like(section: Section, kind: SectionKind) -> bool:
    entries = [e for e in split_entries(section.lines) if e.dates is not None]
    if not entries:
        return False
    schooling = sum(1 for e in entries if any(has_degree_word(line.text) for line in e.header))
    if kind == SectionKind.EDUCATION:
        return schooling * 2 > len(entries)
    return schooling * 2 <= len(entries) and any(e.body for e in entries)


def route_lines(grouped: GroupedDocument) -> RoutedLines:
    """Lines by what they list. A skills or "Other" block may carry labelled rows of languages or
    certificates ("Mother tongue(s) German", "Certifications 2021-05 ..."); a row without a label
    belongs to the label above it."""
    routed = RoutedLines(
        certificates=section_lines(grouped, SectionKind.CERTIFICATES),
        projects=section_lines(grouped, SectionKind.PROJECTS),
    )
    in_skills = False
    for section in grouped.sections:
        subgroup = _is_skill_subgroup(section, in_skills)
        if not subgroup:
            in_skills = section.kind == SectionKind.SKILLS
        elif section.heading and (
            split_label(section.heading)[0] or not any(split_label(line)[0] for line in section.lines)
        ):
            # A group label of a skills block read as a heading of its own ("FRAMEWORKS", or a
            # "LANGUAGES" group listing Ruby and Java), or a whole labelled row ("Languages  Go, Rust")
            # read as one: its heading is a skills row.
            routed.skills.append(section.heading)
        if section.kind == SectionKind.LANGUAGES and not subgroup:
            routed.languages.extend(section.lines)
        if section.kind not in (SectionKind.SKILLS, SectionKind.OTHER) and not subgroup:
            continue
        target = routed.skills if section.kind == SectionKind.SKILLS or subgroup else None
        for line in section.lines:
            label = split_label(line)[0]
            kind = _label_kind(label) if label else None
            row = line
            if kind == "languages" and parse_languages([line]):
                target = routed.languages
            elif kind in ("certificates", "projects"):
                target = routed.certificates if kind == "certificates" else routed.projects
                row = without_words(line, len((label or "").split()))
            elif label is not None:
                target = routed.skills if section.kind == SectionKind.SKILLS or subgroup else None
            if target is not None:
                target.append(row)
    return routed


def _is_skill_subgroup(section: Section, in_skills: bool) -> bool:
    if not in_skills:
        return False
    if section.kind == SectionKind.OTHER:
        return True
    return section.kind == SectionKind.LANGUAGES and not parse_languages(section.lines)


def _label_kind(label: str) -> str | None:
    key = label.casefold()
    if any(word in key for word in _LANGUAGE_LABEL_WORDS):
        return "languages"
    if any(word in key for word in _CERTIFICATE_LABEL_WORDS):
        return "certificates"
    if any(word in key for word in _PROJECT_LABEL_WORDS):
        return "projects"
    return None

"""Rules over the segmentation's output: lists that open with their section's name ("Languages:
English (native)") in a section that gathers several lists take the kind their name says; a
heading opens its section, so lines right after it that the segmentation gave to the contact
block, without a contact detail among them, belong to the heading's section."""

from __future__ import annotations

from resume_parser.cascade.reading import ReadingDocument
from resume_parser.cascade.segmentation import headed_sections, inline_sections
from resume_parser.cascade.tokens import tokenize_line
from resume_parser.layout import Document, Line, Word


def _reading(*texts: str) -> ReadingDocument:
    lines = [tokenize_line(Line([Word(word) for word in text.split()])) for text in texts]
    return ReadingDocument(
        Document([], "text/plain", "text"), lines, [False] * len(lines), [False] * len(lines)
    )


def test_a_named_list_in_a_gathering_section_takes_the_kind_it_names() -> None:
    reading = _reading(
        "CERTIFICATIONS, SKILLS, PROJECTS & LANGUAGES",
        "Certifications: Google Mobile Web Specialist (Google, 2020-08)",
        "Skills: Vue.js; Next.js; GraphQL",
        "Projects: tiny-tooltip: a tooltip in 400 bytes",
        "Languages: English (Native speaker); German (B2)",
    )
    labels = ["H-certificates", "certificates", "certificates", "skills", "skills"]
    assert inline_sections(reading, labels) == [
        "H-certificates",
        "certificates",
        "skills",
        "projects",
        "languages",
    ]


def test_programming_languages_and_lines_outside_list_sections_keep_their_kind() -> None:
    reading = _reading("Languages: Python, Go, TypeScript", "Skills: built the billing platform")
    assert inline_sections(reading, ["skills", "work"]) == ["skills", "work"]


def test_lines_under_a_heading_given_to_the_contact_block_join_the_headings_section() -> None:
    reading = _reading(
        "Ada Müller-Lovelace",
        "EXPERIENCE",
        "Senior Backend Engineer, Nordwind Logistics GmbH",
        "Jan 2021 - Present",
        "EDUCATION",
    )
    labels = ["basics", "H-work", "basics", "basics", "H-education"]
    assert headed_sections(reading, labels) == ["basics", "H-work", "work", "work", "H-education"]


def test_a_contact_list_under_a_heading_stays_in_the_contact_block() -> None:
    reading = _reading("Jane Doe", "EDUCATION", "jane@example.com", "+49 30 1234 5678", "Berlin")
    labels = ["basics", "H-education", "basics", "basics", "basics"]
    assert headed_sections(reading, labels) == labels
    # A contact heading's lines are the contact block's anyway.
    reading = _reading("CONTACT", "Senior Backend Engineer")
    assert headed_sections(reading, ["H-basics", "basics"]) == ["H-basics", "basics"]

"""Section segmentation from typography and vocabulary."""

from __future__ import annotations

from resume_parser.grouping.grouper import LayoutGrouper
from resume_parser.layout import Block, BlockKind, Document, GroupedDocument, Line, Page, SectionKind
from tests.grouping.layouts import document, fragment


def stacked(*specs: tuple[str, float, bool]) -> list[Line]:
    """Lines one under the other: (text, font size, bold), with a gap before bigger type."""
    lines, top = [], 0.05
    for text, size, bold in specs:
        lines.append(fragment(text, 0.08, top, size=size, bold=bold))
        top += size * 1.6 / 842
    return lines


def outline(grouped: GroupedDocument) -> list[tuple[SectionKind, str | None, int]]:
    return [(s.kind, s.heading.text if s.heading else None, len(s.lines)) for s in grouped.sections]


BODY = 10.0
HEADING = 13.0


def test_sections_from_vocabulary_and_the_heading_style_it_reveals() -> None:
    lines = stacked(
        ("Jane Doe", 22, True),
        ("Platform Engineer", BODY, False),
        ("EXPERIENCE", HEADING, True),
        ("Senior Engineer, Acme", BODY, True),
        ("Built the billing platform", BODY, False),
        ("LIFE ABROAD", HEADING, True),  # unknown words in the heading style: a section of kind OTHER
        ("Taught coding in Lima", BODY, False),
        ("Languages: German, English", BODY, True),  # a bold label with values, not a heading
        ("EDUCATION", HEADING, True),
        ("MSc, TU Berlin", BODY, False),
    )
    grouped = LayoutGrouper().group(document(*lines))
    assert outline(grouped) == [
        (SectionKind.HEADER, None, 2),
        (SectionKind.EXPERIENCE, "EXPERIENCE", 2),
        (SectionKind.OTHER, "LIFE ABROAD", 2),
        (SectionKind.EDUCATION, "EDUCATION", 1),
    ]


def test_a_heading_on_two_lines_is_one_heading() -> None:
    lines = stacked(
        ("Jane Doe", 22, True),
        ("Work experience", HEADING, True),
        ("Engineer at Acme", BODY, False),
        ("Education and", HEADING, True),
        ("training", HEADING, True),
        ("MSc, TU Berlin", BODY, False),
    )
    assert outline(LayoutGrouper().group(document(*lines)))[1:] == [
        (SectionKind.EXPERIENCE, "Work experience", 1),
        (SectionKind.EDUCATION, "Education and training", 1),
    ]


def test_small_type_is_never_a_heading() -> None:
    # A sidebar's small grey sub-label ("LANGUAGES" among the skills) is no section of its own.
    lines = stacked(
        ("SKILLS", HEADING, True),
        ("Python, Go, SQL and more programming", BODY, False),
        ("Kafka, Docker, Terraform, Kubernetes", BODY, False),
        ("LANGUAGES", 7, False),
        ("Ruby, Elixir", BODY, False),
    )
    assert outline(LayoutGrouper().group(document(*lines))) == [(SectionKind.SKILLS, "SKILLS", 4)]


def plain_text_document(text: str) -> Document:
    from resume_parser.extraction.text import extract_text

    return extract_text(text.encode())


def test_plain_text_caps_headings_and_rules() -> None:
    grouped = LayoutGrouper().group(
        plain_text_document(
            "JANE DOE\nEngineer\n\nSUMMARY\n=======\nBuilds platforms.\n\nEXPERIENCE\n----------\nAcme\n"
        )
    )
    assert outline(grouped) == [
        (SectionKind.HEADER, None, 2),
        (SectionKind.SUMMARY, "SUMMARY", 1),
        (SectionKind.EXPERIENCE, "EXPERIENCE", 1),
    ]


def test_page_header_and_footer_lines_join_the_header_section() -> None:
    margin = Block([fragment("jane@example.com", 0.1, 0.02)], kind=BlockKind.HEADER)
    body = Block(stacked(("Jane Doe", 22, True), ("SKILLS", HEADING, True), ("Python", BODY, False)))
    footer = Block([fragment("Page 1", 0.1, 0.97)], kind=BlockKind.FOOTER)
    grouped = LayoutGrouper().group(Document([Page(1, 0.0, 0.0, [margin, body, footer])], "x", "docx"))
    header = grouped.sections[0]
    assert header.kind == SectionKind.HEADER
    assert [line.text for line in header.lines] == ["jane@example.com", "Jane Doe", "Page 1"]


def test_a_document_without_headings_is_all_header() -> None:
    grouped = LayoutGrouper().group(document(*stacked(("Jane Doe", 22, True), ("Engineer", BODY, False))))
    assert outline(grouped) == [(SectionKind.HEADER, None, 2)]

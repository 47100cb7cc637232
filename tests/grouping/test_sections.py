"""Section segmentation from typography and vocabulary."""

from __future__ import annotations

from resume_parser.extraction.text import extract_text
from resume_parser.layout import Block, BlockKind, Document, GroupedDocument, Line, Page, SectionKind
from tests.grouping.layouts import document, fragment, rule_sections


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
    grouped = rule_sections(document(*lines))
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
    assert outline(rule_sections(document(*lines)))[1:] == [
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
    assert outline(rule_sections(document(*lines))) == [(SectionKind.SKILLS, "SKILLS", 4)]


def plain_text_document(text: str) -> Document:
    return extract_text(text.encode())


def test_plain_text_caps_headings_and_rules() -> None:
    text = "JANE DOE\nEngineer\n\nSUMMARY\n=======\nBuilds platforms.\n\nSKILLS\n------\nPython\nSQL\n\n"
    text += "GOALS\n-----\nLead a platform team\n"
    assert outline(rule_sections(plain_text_document(text))) == [
        (SectionKind.HEADER, None, 2),
        (SectionKind.SUMMARY, "SUMMARY", 1),
        (SectionKind.SKILLS, "SKILLS", 2),  # "SQL" is in capitals but no heading
        (SectionKind.OTHER, "GOALS", 1),  # named nothing we know, but underlined
    ]


def test_page_header_and_footer_lines_join_the_header_section() -> None:
    margin = Block([fragment("jane@example.com", 0.1, 0.02)], kind=BlockKind.HEADER)
    body = Block(stacked(("Jane Doe", 22, True), ("SKILLS", HEADING, True), ("Python", BODY, False)))
    footer = Block([fragment("Page 1", 0.1, 0.97)], kind=BlockKind.FOOTER)
    grouped = rule_sections(Document([Page(1, 0.0, 0.0, [margin, body, footer])], "x", "docx"))
    header = grouped.sections[0]
    assert header.kind == SectionKind.HEADER
    assert [line.text for line in header.lines] == ["jane@example.com", "Jane Doe", "Page 1"]


def test_a_document_without_headings_is_all_header() -> None:
    grouped = rule_sections(document(*stacked(("Jane Doe", 22, True), ("Engineer", BODY, False))))
    assert outline(grouped) == [(SectionKind.HEADER, None, 2)]


def without_typography(lines: list[Line]) -> list[Line]:
    """The lines as OCR gives them: positions and text, no font size, no weight."""
    for line in lines:
        for word in line.words:
            word.font_size, word.bold = None, False
    return lines


def test_without_typography_headings_need_a_name_and_space_above() -> None:
    lines = without_typography(
        [
            fragment("Jane Doe", 0.08, 0.05),
            fragment("Where I've worked", 0.08, 0.10),
            fragment("ACME CORP", 0.08, 0.125),  # capitals, but no heading: a style of capitals alone is none
            fragment("Built the billing platform", 0.08, 0.145),
            fragment("Education and", 0.08, 0.19),
            fragment("training", 0.08, 0.205),
            fragment("TU Berlin", 0.08, 0.225),
            fragment("PHONE", 0.08, 0.27),
            fragment("+49 30 1234567", 0.08, 0.285),
        ]
    )
    assert outline(rule_sections(document(*lines))) == [
        (SectionKind.HEADER, None, 1),
        (SectionKind.EXPERIENCE, "Where I've worked", 2),
        (SectionKind.EDUCATION, "Education and training", 3),
    ]


def test_without_typography_a_heading_opening_a_side_column_is_a_heading() -> None:
    """A sidebar read after the main column starts back at the top of the page: its first line has
    no space above it in reading order, yet nothing of its column is above it."""
    main = [
        fragment("Jane Doe", 0.36, 0.05),
        fragment("Summary", 0.36, 0.10),
        fragment("Data engineer who likes small teams.", 0.36, 0.117),
        fragment("Experience", 0.36, 0.16),
        fragment("Acme, Berlin", 0.36, 0.177),
        fragment("Built the billing platform", 0.36, 0.194),
        fragment("Led a team of five", 0.36, 0.211),
        fragment("Migrated the monolith", 0.36, 0.228),
    ]
    side = [fragment(text, 0.03, 0.07 + 0.017 * i) for i, text in enumerate(["Contact", "jane@example.com"])]
    side += [
        fragment("Top Skills", 0.03, 0.14),
        fragment("Python", 0.03, 0.157),
        fragment("SQL", 0.03, 0.174),
    ]
    grouped = rule_sections(document(*without_typography([*main, *side])))
    assert [(kind, heading) for kind, heading, _ in outline(grouped)] == [
        (SectionKind.HEADER, None),
        (SectionKind.SUMMARY, "Summary"),
        (SectionKind.EXPERIENCE, "Experience"),
        (SectionKind.CONTACT, "Contact"),
        (SectionKind.SKILLS, "Top Skills"),
    ]

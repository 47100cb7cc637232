"""Section titles set in a left margin on the row of their section's first line."""

from __future__ import annotations

from resume_parser.grouping.reading_order import read_lines
from resume_parser.layout import Box, Line, SectionKind
from tests.grouping.layouts import document, fragment, rule_sections


def _row(title: str | None, text: str, top: float) -> list[Line]:
    content = [fragment(text, 0.24, top)]
    return [fragment(title, 0.1, top + 0.001, size=8.5, bold=True), *content] if title else content


def test_a_margin_title_opens_its_section() -> None:
    lines = [
        *_row(None, "Jane Doe", 0.05),
        *_row(None, "jane@example.com · Berlin", 0.07),
        *_row("EXPERIENCE", "Data Engineer at Acme GmbH", 0.12),
        *_row(None, "Berlin · Mar 2019 – Present", 0.137),
        *_row(None, "– Built the billing platform", 0.154),
        *_row("SKILLS", "Analysis — Python · SQL", 0.2),
        *_row(None, "Visualisation — Tableau", 0.217),
    ]
    sections = rule_sections(document(*lines)).sections
    assert [(s.kind, s.heading.text if s.heading else None, [x.text for x in s.lines]) for s in sections] == [
        (SectionKind.HEADER, None, ["Jane Doe", "jane@example.com · Berlin"]),
        (
            SectionKind.EXPERIENCE,
            "EXPERIENCE",
            ["Data Engineer at Acme GmbH", "Berlin · Mar 2019 – Present", "– Built the billing platform"],
        ),
        (SectionKind.SKILLS, "SKILLS", ["Analysis — Python · SQL", "Visualisation — Tableau"]),
    ]


def test_a_bold_label_at_the_usual_left_edge_stays_in_its_row() -> None:
    lines = [
        fragment("Jane Doe", 0.08, 0.05),
        fragment("SKILLS", 0.08, 0.1, bold=True),
        fragment("Programming", 0.08, 0.12, bold=True),
        fragment("Python, Go", 0.3, 0.12),
        fragment("Soft skills", 0.08, 0.137, bold=True),
        fragment("Public speaking", 0.3, 0.137),
    ]
    sections = rule_sections(document(*lines)).sections
    assert [(s.kind, [x.text for x in s.lines]) for s in sections] == [
        (SectionKind.HEADER, ["Jane Doe"]),
        (SectionKind.SKILLS, ["Programming Python, Go", "Soft skills Public speaking"]),
    ]


def test_a_larger_title_beside_its_first_line_opens_its_section_when_entries_start_in_the_margin() -> None:
    """The template sets some entries at the margin too, so the margin is the usual left edge."""
    lines = [
        fragment("Jane Doe", 0.1, 0.05, size=20),
        fragment("Education", 0.1, 0.1, size=14, bold=True),
        fragment("University of Amsterdam", 0.3, 0.1, bold=True),
        fragment("Electrical Engineering", 0.3, 0.12),
        fragment("Erasmus University Rotterdam", 0.1, 0.15, bold=True),
        fragment("Network Engineering", 0.1, 0.17),
        fragment("Work", 0.1, 0.2, size=14, bold=True),
        fragment("Philips", 0.3, 0.2, bold=True),
        fragment("Site Reliability Engineer", 0.3, 0.22),
    ]
    sections = rule_sections(document(*lines)).sections
    assert [(s.kind, s.heading.text if s.heading else None, len(s.lines)) for s in sections] == [
        (SectionKind.HEADER, None, 1),
        (SectionKind.EDUCATION, "Education", 4),
        (SectionKind.EXPERIENCE, "Work", 2),
    ]


def test_a_label_in_the_body_type_at_the_margin_stays_in_its_row() -> None:
    lines = [
        fragment("Jane Doe", 0.1, 0.05, size=20),
        fragment("Skills", 0.1, 0.1, bold=True),
        fragment("Python, Go", 0.3, 0.1),
        fragment("Languages", 0.1, 0.12, bold=True),
        fragment("English, German", 0.3, 0.12),
        fragment("Tools", 0.1, 0.14, bold=True),
        fragment("Docker", 0.3, 0.14),
    ]
    _, read = read_lines(document(*lines))
    assert [line.line.text for line in read][1:3] == ["Skills Python, Go", "Languages English, German"]


def _one_fragment(*parts: Line) -> Line:
    """Fragments an extractor delivered as one line."""
    words = [word for part in parts for word in part.words]
    return Line(words=words, page=1, box=Box.enclosing([w.box for w in words]))


def test_a_large_title_level_with_its_sections_second_line_is_read_before_the_first() -> None:
    """A title in large type centred on an entry's first two lines shares its row with the second."""
    lines = [
        fragment("Jane Doe", 0.3, 0.05, size=20),
        fragment("jane@example.com", 0.3, 0.08),
        fragment("Vertex Digital Ltd. 2023-03 –", 0.3, 0.2, size=12, bold=True),
        _one_fragment(fragment("Work", 0.2, 0.215, size=18), fragment("Marketing Coordinator", 0.3, 0.217)),
        fragment("Grew organic traffic by 50%", 0.3, 0.235),
    ]
    _, read = read_lines(document(*lines))
    assert [line.line.text for line in read][2:5] == [
        "Work",
        "Vertex Digital Ltd. 2023-03 –",
        "Marketing Coordinator",
    ]
    assert read[2].title


def test_a_margin_title_beside_an_entry_whose_bullets_are_indented_opens_its_section() -> None:
    """The usual left edge is the bullets'; the entry lines start on an edge of their own."""
    lines = [
        fragment("Jane Doe", 0.07, 0.05, size=16),
        _one_fragment(
            fragment("EXPERIENCE", 0.07, 0.1), fragment("Pine Bio - Site Reliability Engineer", 0.225, 0.1)
        ),
        *[fragment(f"Led incident response number {n}", 0.25, 0.115 + 0.015 * n) for n in range(3)],
        fragment("Sathe-Loke - DevOps Engineer", 0.225, 0.17),
        *[fragment(f"Cut pipeline time by {n} minutes", 0.25, 0.185 + 0.015 * n) for n in range(3)],
        fragment("Quantum Cloud Ltd. - Systems Administrator", 0.225, 0.24),
        fragment("Ran the on-call rota", 0.25, 0.255),
    ]
    _, read = read_lines(document(*lines))
    assert [line.line.text for line in read][1:3] == ["EXPERIENCE", "Pine Bio - Site Reliability Engineer"]
    assert read[1].title

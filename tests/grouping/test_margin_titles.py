"""Section titles set in a left margin on the row of their section's first line."""

from __future__ import annotations

from resume_parser.layout import Line, SectionKind
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

"""Page numbers and running headers found by position and wording, and kept out of the sections."""

from __future__ import annotations

import pytest

from resume_parser.grouping.furniture import is_page_number, running_headers
from resume_parser.layout import Block, Document, Page, SectionKind
from tests.grouping.layouts import fragment, rows, rule_sections


@pytest.mark.parametrize("text", ["Page 2 of 3", "2 / 3", "- 2 -", "Seite 1 von 2", "Página 2 de 2", "3"])
def test_a_page_number_in_the_bottom_margin_is_furniture(text: str) -> None:
    assert is_page_number(fragment(text, 0.45, 0.96))


@pytest.mark.parametrize("text", ["Page 2 of 3", "2"])
def test_a_page_number_in_the_body_is_not(text: str) -> None:
    assert not is_page_number(fragment(text, 0.45, 0.5))


@pytest.mark.parametrize("text", ["2019 – 2022", "Python, Go", "1 year 2 months"])
def test_other_margin_text_is_not_a_page_number(text: str) -> None:
    assert not is_page_number(fragment(text, 0.45, 0.96))


FIRST_PAGE = rows(["Jane Doe", "Data Engineer", "jane@example.com · +49 30 1234567"], 0.08, 0.06)


def test_the_name_and_email_over_a_later_page_are_a_running_header() -> None:
    header = [fragment("Jane Doe", 0.08, 0.04, size=8), fragment("jane@example.com", 0.7, 0.04, size=8)]
    body = rows(["Machine Learning: PyTorch, XGBoost", "LANGUAGES"], 0.08, 0.09)
    assert running_headers([*header, *body], FIRST_PAGE) == header


def test_a_later_page_opening_with_the_headline_words_keeps_them() -> None:
    """Close to the text below it, a line is body text even if its words are on the first page."""
    body = rows(["Data Engineer", "Acme, Berlin"], 0.08, 0.05)
    assert running_headers(body, FIRST_PAGE) == []


def test_furniture_joins_no_section() -> None:
    first = [
        *FIRST_PAGE,
        *rows(["SKILLS", "Python, Go, SQL"], 0.08, 0.2),
        fragment("Page 1 of 2", 0.45, 0.96),
    ]
    second_lines = [
        fragment("Jane Doe", 0.08, 0.04, size=8, page=2),
        fragment("Kafka, Docker", 0.08, 0.09, page=2),
        fragment("LANGUAGES", 0.08, 0.107, page=2),
        fragment("German, English", 0.08, 0.124, page=2),
        fragment("Page 2 of 2", 0.45, 0.96, page=2),
    ]
    document = Document(
        [Page(1, 595.0, 842.0, [Block(first)]), Page(2, 595.0, 842.0, [Block(second_lines)])],
        media_type="application/pdf",
        extractor="test",
    )
    sections = rule_sections(document).sections
    skills = next(section for section in sections if section.kind == SectionKind.SKILLS)
    assert [line.text for line in skills.lines] == ["Python, Go, SQL", "Kafka, Docker"]

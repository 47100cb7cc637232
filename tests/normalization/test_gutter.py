"""Ranges wrapped over two rows of a narrow date gutter."""

from __future__ import annotations

from resume_parser.layout import Box, Line, Word
from resume_parser.normalization.education import parse_education
from resume_parser.normalization.gutter import join_wrapped_dates
from resume_parser.normalization.work import parse_work
from tests.normalization.layouts import CHARACTER, lines


def test_a_range_wrapped_after_the_dash_dates_the_entry_and_the_city_stays_its_own() -> None:
    rows = join_wrapped_dates(
        lines(
            """
            Dezember 2021 –   Senior Softwareentwickler — Stadtwerke Oberhausen
            Dezember 2023   München
            – Einführung eines neuen Reporting-Prozesses
            """
        )
    )
    assert [row.text for row in rows[:2]] == [
        "Dezember 2021 – Dezember 2023 Senior Softwareentwickler — Stadtwerke Oberhausen",
        "München",
    ]
    jobs = parse_work(rows)
    assert [(j.work.position, j.work.start_date, j.work.end_date) for j in jobs] == [
        ("Senior Softwareentwickler", "2021-12", "2023-12")
    ]


def test_a_year_alone_on_the_second_row_ends_the_range() -> None:
    rows = join_wrapped_dates(
        lines(
            """
            Oktober 2016 – Juli   M.Sc. Informatik
            2018
            Universität Wien
            """
        )
    )
    schools = parse_education(rows)
    assert [(s.education.start_date, s.education.end_date) for s in schools] == [("2016-10", "2018-07")]


def test_rows_that_are_not_a_wrapped_range_are_left_alone() -> None:
    text = """
    2019 – 2021   Engineer — Acme
    2018   Berlin
    """
    assert [row.text for row in join_wrapped_dates(lines(text))] == [
        "2019 – 2021 Engineer — Acme",
        "2018 Berlin",
    ]


def _row(cells: list[tuple[str, float]], top: float) -> Line:
    """A row of text cells, each ending at the given right edge (page-width share)."""
    words: list[Word] = []
    for text, right in cells:
        width = CHARACTER * len(text)
        left = right - width
        for token in text.split():
            end = left + CHARACTER * len(token)
            words.append(Word(token, Box(left, top, end, top + 0.014), font_size=10.0))
            left = end + CHARACTER
    return Line(words=words, page=1, box=Box.enclosing([w.box for w in words]))


def test_a_right_aligned_range_wrapped_after_the_dash() -> None:
    rows = join_wrapped_dates(
        [
            _row([("Senior Engineer — Acme GmbH", 0.3), ("Jan 2020 –", 0.9)], 0.10),
            _row([("Berlin", 0.12), ("Present", 0.9)], 0.12),
        ]
    )
    assert [row.text for row in rows] == ["Senior Engineer — Acme GmbH Jan 2020 – Present", "Berlin"]
    jobs = parse_work(rows)
    assert [(j.work.name, j.work.start_date, j.work.is_current) for j in jobs] == [
        ("Acme GmbH", "2020-01", True)
    ]

from __future__ import annotations

import pytest

from resume_parser.normalization.education import parse_education, split_degree
from tests.normalization.layouts import lines


@pytest.mark.parametrize(
    ("text", "study_type", "area"),
    [
        ("B.Sc. in Computer Science", "B.Sc.", "Computer Science"),
        ("Master of Science, Physics", "Master of Science", "Physics"),
        ("Bachelor of Science – Computer Science (3.7/4.0)", "Bachelor of Science", "Computer Science"),
        ("MBA", "MBA", None),
    ],
)
def test_degree_and_field_split(text: str, study_type: str, area: str | None) -> None:
    assert split_degree(text)[:2] == (study_type, area)


def test_score_is_kept_apart() -> None:
    assert split_degree("Bachelor of Science – Computer Science (3.7/4.0)")[2] == "3.7/4.0"


def _summary(text: str) -> list[tuple[str | None, ...]]:
    return [
        (
            e.education.institution,
            e.education.study_type,
            e.education.area,
            e.education.start_date,
            e.education.end_date,
        )
        for e in parse_education(lines(text))
    ]


def test_institution_with_dates_then_degree_entries_without_bullets() -> None:
    text = """
    Indian Institute of Technology Bombay        August 2022 - December 2024
    MBA in Business Administration
    Product School        June 2021 - October 2021
    Certificate, Product Management
    """
    assert _summary(text) == [
        ("Indian Institute of Technology Bombay", "MBA", "Business Administration", "2022-08", "2024-12"),
        ("Product School", "Certificate", "Product Management", "2021-06", "2021-10"),
    ]


def test_one_line_entries_with_a_graduation_year() -> None:
    text = """
    Sapienza Università di Roma — Laurea Specialistica – Data Science        2020–2022
    Universidade Federal de Minas Gerais — Bachelor of Science, Finance        2018
    """
    assert _summary(text) == [
        ("Sapienza Università di Roma", "Laurea Specialistica", "Data Science", "2020", "2022"),
        ("Universidade Federal de Minas Gerais", "Bachelor of Science", "Finance", None, "2018"),
    ]


def test_degree_first_and_the_institution_keeps_its_comma() -> None:
    text = """
    University of California, Berkeley        10/2012 – 12/2015
    Bachelor of Science – Computer Science (3.7/4.0)
    """
    assert _summary(text) == [
        (
            "University of California, Berkeley",
            "Bachelor of Science",
            "Computer Science",
            "2012-10",
            "2015-12",
        )
    ]


def test_entries_whose_dates_come_last_without_type_cues() -> None:
    text = """
    Universidad Politécnica de Madrid
    Máster Universitario in Statistics
    2021 to 2023
    Universidad Carlos III de Madrid
    Bachelor's Degree in Physics
    2016 to 2020
    """
    assert _summary(text) == [
        ("Universidad Politécnica de Madrid", "Máster Universitario", "Statistics", "2021", "2023"),
        ("Universidad Carlos III de Madrid", "Bachelor's Degree", "Physics", "2016", "2020"),
    ]


def test_undated_school_and_degree_lines_pair_up() -> None:
    text = """
    University of Toronto
    MA in Marketing Communications
    National University of Singapore
    BA in Media Studies
    """
    schools = parse_education(lines(text))
    assert [(s.education.institution, s.education.study_type, s.education.area) for s in schools] == [
        ("University of Toronto", "MA", "Marketing Communications"),
        ("National University of Singapore", "BA", "Media Studies"),
    ]

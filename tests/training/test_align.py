"""Distant supervision: truth values found in the extracted layout, and the labels they give."""

from __future__ import annotations

from typing import Any

from resume_parser.cascade.reading import read_document
from resume_parser.extraction.text import document_from_text
from resume_parser.training.align import Alignment, align

RESUME = """\
JANE Q. DOE
jane.doe@example.com | +49 30 1234 5678 | Berlin, Germany
linkedin.com/in/jane-doe

EXPERIENCE
Data Analyst, Acme Analytics GmbH          Jan. 2020 – heute
- Built the revenue dashboards in Power BI
Junior Analyst, Beta Consulting          03/2017 - 12/2019
- Cleaned data for the sales team

EDUCATION
Technische Universität Berlin
M.Sc. Statistics, 2014 – 2016

SKILLS
Languages: Python, SQL, R
Tools: Power BI, dbt

INTERESTS
Chess and cycling
"""

TRUTH: dict[str, Any] = {
    "basics": {
        "name": "Jane Q. Doe",
        "email": "jane.doe@example.com",
        "phone": "+49 30 12345678",
        "location": {"city": "Berlin", "countryCode": "DE"},
        "profiles": [
            {"network": "LinkedIn", "username": "jane-doe", "url": "https://www.linkedin.com/in/jane-doe"}
        ],
    },
    "work": [
        {
            "name": "Acme Analytics GmbH",
            "position": "Data Analyst",
            "startDate": "2020-01",
            "highlights": ["Built the revenue dashboards in Power BI"],
        },
        {
            "name": "Beta Consulting",
            "position": "Junior Analyst",
            "startDate": "2017-03",
            "endDate": "2019-12",
        },
    ],
    "education": [
        {
            "institution": "Technische Universität Berlin",
            "studyType": "M.Sc.",
            "area": "Statistics",
            "startDate": "2014",
            "endDate": "2016",
        },
    ],
    "skills": [
        {"name": "Languages", "keywords": ["Python", "SQL", "R"]},
        {"name": "Tools", "keywords": ["Power BI", "dbt"]},
    ],
}


def _aligned() -> tuple[list[str], Alignment]:
    reading = read_document(document_from_text(RESUME, media_type="text/plain", extractor="text"))
    return [line.text for line in reading.lines], align(reading, TRUTH)


def _labels_of(texts: list[str], alignment: Alignment, line_text: str) -> list[str]:
    return alignment.token_labels[texts.index(line_text)]


def test_every_truth_value_is_found() -> None:
    _, alignment = _aligned()
    assert alignment.unaligned == []
    assert alignment.found == alignment.total > 20


def test_a_date_printed_with_a_german_ongoing_word_aligns_with_no_end_date() -> None:
    texts, alignment = _aligned()
    labels = _labels_of(texts, alignment, "Data Analyst, Acme Analytics GmbH Jan. 2020 – heute")
    # Data Analyst , Acme Analytics GmbH Jan . 2020 – heute
    assert labels == ["B-position", "position", "O", "employer", "employer", "employer"] + ["date"] * 5


def test_lines_are_labelled_with_their_sections_and_headings() -> None:
    texts, alignment = _aligned()
    label = dict(zip(texts, alignment.line_labels, strict=True))
    assert label["JANE Q. DOE"] == "basics"
    assert label["EXPERIENCE"] == "H-work"
    assert label["- Cleaned data for the sales team"] == "work"
    assert label["EDUCATION"] == "H-education"
    assert label["SKILLS"] == "H-skills"
    assert label["INTERESTS"] == "H-other"
    assert label["Chess and cycling"] == "other"


def test_list_items_open_entries_and_group_labels_are_marked() -> None:
    texts, alignment = _aligned()
    assert _labels_of(texts, alignment, "Languages: Python, SQL, R") == [
        "group",
        "O",
        "B-skill",
        "O",
        "B-skill",
        "O",
        "B-skill",
    ]
    assert _labels_of(texts, alignment, "Tools: Power BI, dbt") == [
        "group",
        "O",
        "B-skill",
        "skill",
        "O",
        "B-skill",
    ]


def test_the_phone_aligns_by_its_digits_and_the_profile_by_its_address() -> None:
    texts, alignment = _aligned()
    contact = _labels_of(texts, alignment, "jane.doe@example.com | +49 30 1234 5678 | Berlin, Germany")
    # jane.doe@example.com | + 49 30 1234 5678 | Berlin , Germany
    assert contact == ["email", "O"] + ["phone"] * 5 + ["O", "city", "O", "location"]
    assert _labels_of(texts, alignment, "linkedin.com/in/jane-doe") == ["profile"]


def test_a_value_the_document_does_not_print_is_reported() -> None:
    reading = read_document(document_from_text(RESUME, media_type="text/plain", extractor="text"))
    truth = {**TRUTH, "certificates": [{"name": "AWS Certified Developer"}]}
    alignment = align(reading, truth)
    assert [(u.path, u.value) for u in alignment.unaligned] == [
        ("certificates[0].name", "AWS Certified Developer")
    ]

from __future__ import annotations

from resume_parser.normalization.languages import parse_languages
from tests.normalization.layouts import line, lines


def _pairs(text: str) -> list[tuple[str, str | None]]:
    return [(x.language, x.fluency) for x in parse_languages(lines(text))]


def test_inline_lists() -> None:
    assert _pairs("Malayalam (Native), English (Conversational)") == [
        ("Malayalam", "Native"),
        ("English", "Conversational"),
    ]
    assert _pairs("Spanish: Native or bilingual proficiency, English: C1") == [
        ("Spanish", "Native or bilingual proficiency"),
        ("English", "C1"),
    ]


def test_two_items_on_one_run_and_fluency_below_the_language() -> None:
    assert _pairs("Spanish — Native speaker English — B2") == [
        ("Spanish", "Native speaker"),
        ("English", "B2"),
    ]
    assert _pairs("Tamil\nNative speaker\nEnglish\nFluent") == [
        ("Tamil", "Native speaker"),
        ("English", "Fluent"),
    ]


def test_europass_rows() -> None:
    rows = [line("Mother tongue(s)        German"), line("Other language(s)        English – B2")]
    assert [(x.language, x.fluency) for x in parse_languages(rows)] == [
        ("German", "Mother tongue"),
        ("English", "B2"),
    ]


def test_programming_languages_are_not_spoken_languages() -> None:
    assert _pairs("Ruby\nPython\n10/2022 - 07/2023") == []


def test_language_and_fluency_in_two_columns() -> None:
    assert _pairs("English        Native\nGerman        B2") == [("English", "Native"), ("German", "B2")]

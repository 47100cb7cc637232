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


def test_nested_parentheses_and_a_fluency_item_after_a_comma() -> None:
    assert _pairs("English (native), Mandarin (intermediate (b1))") == [
        ("English", "native"),
        ("Mandarin", "intermediate (b1)"),
    ]
    assert _pairs("Irish, Intermediate (B1)") == [("Irish", "Intermediate (B1)")]


def test_a_fluency_word_right_after_the_name() -> None:
    assert _pairs("Französisch verhandlungssicher") == [("Französisch", "verhandlungssicher")]


def test_an_unknown_name_counts_under_a_languages_heading_when_a_fluency_follows() -> None:
    text = "Español: Nativo · Quenya: Intermedio (B2) · Francés: Básico"
    open_pairs = [(x.language, x.fluency) for x in parse_languages(lines(text), open_names=True)]
    assert open_pairs == [("Español", "Nativo"), ("Quenya", "Intermedio (B2)"), ("Francés", "Básico")]
    assert _pairs(text) == []  # outside a Languages section an unknown word is not a language
    programming = parse_languages(lines("Python (advanced), Kotlin (intermediate)"), open_names=True)
    assert programming == []
    # A fluency on its own line is not a language name.
    yoruba = parse_languages(lines("Yoruba\nIntermediate (B1)"), open_names=True)
    assert [(x.language, x.fluency) for x in yoruba] == [("Yoruba", "Intermediate (B1)")]

"""Which words print a personal value: name parts, the phone in other spacing, e-mail and URLs cut
at a line end, user names, addresses; and words that merely resemble them are left alone."""

from __future__ import annotations

from resume_parser.layout import Line, Word
from resume_parser.privacy import PersonalValue
from resume_parser.redaction.matching import personal_words


def _line(text: str) -> Line:
    return Line(words=[Word(part) for part in text.split()])


def _matched(lines: list[str], path: str, value: str) -> list[str]:
    return [
        word.text for word in personal_words([_line(text) for text in lines], [PersonalValue(path, value)])
    ]


def test_every_part_of_the_name_is_found_in_any_case_and_without_accents() -> None:
    lines = ["Zoë Müller-Lovelace", "MULLER-LOVELACE, Zoe — Data Engineer", "Muller- Lovelace led the team"]

    matched = _matched(lines, "basics.name", "Zoë Müller-Lovelace")

    assert matched == ["Zoë", "Müller-Lovelace", "MULLER-LOVELACE,", "Zoe", "Muller-", "Lovelace"]


def test_a_name_part_inside_another_word_is_not_the_name() -> None:
    assert _matched(["Adaptive systems, Ada 95 compiler"], "basics.name", "Ada Lovelace") == ["Ada"]


def test_short_name_parts_match_only_as_printed_in_the_name() -> None:
    lines = ["María de la Cruz", "Ingeniera de software en la empresa", "Wu Li, WU LI", "li-ion batteries"]

    assert _matched(lines, "basics.name", "María de la Cruz") == ["María", "Cruz"]
    assert _matched(lines, "basics.name", "Wu Li") == ["Wu", "Li,", "WU", "LI"]


def test_the_phone_is_found_with_other_spacing_and_prefixes() -> None:
    lines = [
        "Phone: +49 30 1234 5678",
        "Tel. 030/12345678 (mobile)",
        "(030) 123-45678",
        "Call +4930-1234-5678 today",
        "Revenue grew 9 876 543 EUR in 2019",  # other digits
    ]

    matched = _matched(lines, "basics.phone", "+49 30 12345678")

    assert matched == ["+49", "30", "1234", "5678", "030/12345678", "(030)", "123-45678", "+4930-1234-5678"]


def test_an_email_is_found_whole_in_a_mailto_and_cut_at_a_line_end() -> None:
    lines = [
        "ada.lovelace@example.org",
        "mailto:ada.lovelace@example.org",
        "ada.lovelace@exam-",
        "ple.org",
        "org",
    ]

    matched = _matched(lines, "basics.email", "ada.lovelace@example.org")

    assert matched == [*lines[:3], "ple.org"]


def test_a_url_is_found_without_its_scheme_and_by_its_last_segment() -> None:
    lines = [
        "linkedin.com/in/ada-lovelace-42",
        "https://www.linkedin.com/in/ada-lovelace-42/",
        "ada-lovelace-42",
    ]

    matched = _matched(lines, "basics.profiles[0]", "https://www.linkedin.com/in/ada-lovelace-42")

    assert matched == lines


def test_a_user_name_is_found_alone_or_after_an_at_or_a_slash() -> None:
    lines = ["GitHub: adalove", "@adalove", "github.com/adalove", "adalovelace"]

    assert _matched(lines, "basics.profiles[1]", "adalove") == ["adalove", "@adalove", "github.com/adalove"]


def test_an_address_is_found_as_its_words_in_sequence() -> None:
    lines = ["Hauptstraße 12, Berlin", "Berlin is a city", "12 projects"]

    assert _matched(lines, "basics.location.address", "Hauptstraße 12") == ["Hauptstraße", "12,"]

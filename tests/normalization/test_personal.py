"""Personal details from labelled lines (en, de, fr, es), and the lines taken out of what the
models read."""

from __future__ import annotations

from datetime import date

import pytest

from resume_parser.extraction.local import extract_bytes
from resume_parser.layout import Document, GroupedDocument, Section, SectionKind
from resume_parser.normalization.personal import PersonalDetails, read_personal_details
from tests.extraction.documents import pdf_bytes, text_page
from tests.normalization.layouts import lines
from tests.parsers import grouper, normalizer


def _read(text: str, kind: SectionKind = SectionKind.HEADER) -> tuple[PersonalDetails, list[str]]:
    document = Document(pages=[], media_type="application/pdf", extractor="test")
    grouped = GroupedDocument(document, [Section(kind, None, lines(text))])
    kept, details = read_personal_details(grouped)
    return details, [line.text for line in kept.sections[0].lines]


def _fields(details: PersonalDetails) -> dict[str, object]:
    names = ("date_of_birth", "age", "gender", "nationality", "nationality_country_codes", "marital_status")
    return {name: getattr(details, name) for name in names if getattr(details, name)}


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        # English
        ("Date of birth: 12 March 1990", {"date_of_birth": "1990-03"}),
        ("Born 1990", {"date_of_birth": "1990"}),
        ("DOB: 03/12/1991", {"date_of_birth": "1991-03"}),  # an English label: month first
        ("Nationality: Irish", {"nationality": "Irish", "nationality_country_codes": ["IE"]}),
        ("Marital status: Married", {"marital_status": "married"}),
        ("Gender: Female", {"gender": "female"}),
        ("Gender: non-binary", {"gender": "non-binary"}),  # kept as printed
        ("Age: 34", {"age": 34}),
        # German
        ("Geburtsdatum: 14.07.1988 in Augsburg", {"date_of_birth": "1988-07"}),
        ("geb. am 12.03.1985 in Köln", {"date_of_birth": "1985-03"}),
        ("Geburtsdatum 12. März 1990", {"date_of_birth": "1990-03"}),
        ("Staatsangehörigkeit: deutsch", {"nationality": "deutsch", "nationality_country_codes": ["DE"]}),
        ("Familienstand: verheiratet, 2 Kinder", {"marital_status": "married"}),
        ("Familienstand ledig", {"marital_status": "single"}),
        ("Geschlecht: weiblich", {"gender": "female"}),
        ("Alter: 34 Jahre", {"age": 34}),
        # French
        ("Né le 4 mars 1988 à Lyon", {"date_of_birth": "1988-03"}),
        ("Date de naissance : 05/04/1992", {"date_of_birth": "1992-04"}),  # day first
        (
            "Nationalité : française et canadienne",
            {"nationality": "française et canadienne", "nationality_country_codes": ["FR", "CA"]},
        ),
        ("Situation familiale : célibataire", {"marital_status": "single"}),
        ("Sexe : masculin", {"gender": "male"}),
        ("Âge : 29 ans", {"age": 29}),
        # Spanish
        ("Fecha de nacimiento: 12/05/1991", {"date_of_birth": "1991-05"}),
        ("Fecha de nacimiento: 12 de mayo de 1990", {"date_of_birth": "1990-05"}),
        ("Nacionalidad: española", {"nationality": "española", "nationality_country_codes": ["ES"]}),
        ("Estado civil: casada", {"marital_status": "married"}),
        ("Sexo: mujer", {"gender": "female"}),
        ("Edad: 31 años", {"age": 31}),
    ],
)
def test_a_labelled_line_gives_its_field_and_is_taken_out(printed: str, expected: dict[str, object]) -> None:
    details, kept = _read(printed)
    assert _fields(details) == expected
    assert kept == []
    assert [e.path.removeprefix("basics.") for e in details.evidence] == [
        {"date_of_birth": "dateOfBirth", "marital_status": "maritalStatus"}.get(name, name)
        for name in expected
        if name != "nationality_country_codes"
    ]


def test_several_fields_on_one_line_and_the_rest_of_the_line_stays() -> None:
    details, kept = _read("Berlin | Sex: Female | Date of birth: 1990-03-12 | Nationality: Irish")
    assert _fields(details) == {
        "date_of_birth": "1990-03",
        "gender": "female",
        "nationality": "Irish",
        "nationality_country_codes": ["IE"],
    }
    assert kept == ["Berlin"]


def test_a_value_printed_under_its_label() -> None:
    details, kept = _read("Staatsangehörigkeit\ndeutsch, polnisch\nGeschlecht\nweiblich")
    assert _fields(details) == {
        "nationality": "deutsch, polnisch",
        "nationality_country_codes": ["DE", "PL"],
        "gender": "female",
    }
    assert kept == []


@pytest.mark.parametrize(
    "printed",
    [
        "Born and raised in Berlin, I build payment systems",  # prose: no date follows the label
        "Languages: German, English",
        "Agency work: 2019",  # "age" inside a word is no label
        "Nationality German engineers built it",  # not a nationality alone
        "Ages 2019 – 2021 Teacher",
    ],
)
def test_lines_that_only_look_personal_are_left_alone(printed: str) -> None:
    details, kept = _read(printed)
    assert _fields(details) == {}
    assert kept == [printed]


GERMAN_CV = (
    "Lukas Schneider",
    "Software Engineer",
    "lukas.schneider@example.de | +49 89 12345678 | München, Germany",
    "PERSÖNLICHE DATEN",
    "Geburtsdatum: 14.07.1988 in Augsburg",
    "Staatsangehörigkeit: deutsch",
    "Familienstand: verheiratet",
    "Geschlecht: männlich",
    "BERUFSERFAHRUNG",
    "Junior Entwickler, Beispiel AG      09/2015 – 02/2019",
    "• Wartung der Kundenportale",
    "AUSBILDUNG",
    "Technische Universität München      2010 – 2015",
    "M.Sc. Informatik",
    "KENNTNISSE",
    "Java, Python, Kubernetes",
    "SPRACHEN",
    "Deutsch (Muttersprache), Englisch (C1)",
)


def test_a_german_cv_through_the_local_normalizer() -> None:
    grouped = grouper().group(extract_bytes(pdf_bytes(text_page(*GERMAN_CV))))
    resume = normalizer(date(2025, 6, 1)).normalize_sync(grouped)
    basics = resume.basics
    assert (basics.name, basics.email) == ("Lukas Schneider", "lukas.schneider@example.de")
    assert (basics.date_of_birth, basics.gender, basics.marital_status) == ("1988-07", "male", "married")
    assert (basics.nationality, basics.nationality_country_codes) == ("deutsch", ["DE"])
    assert basics.age is None and basics.has_photo is False
    assert [(w.name, w.start_date, w.end_date) for w in resume.work] == [
        ("Beispiel AG", "2015-09", "2019-02")
    ]
    assert resume.meta is not None
    evidence = {e.path: e for e in resume.meta.evidence}
    birth = evidence["basics.dateOfBirth"]
    assert birth.page == 1 and birth.box is not None
    assert birth.box.top < evidence["work[0].name"].box.top  # type: ignore[union-attr]


ENGLISH_CV = (
    "Jane van der Berg",
    "Senior Backend Engineer",
    "jane.berg@example.com | +49 30 23125974 | Berlin, Germany",
    "Date of birth: 12 March 1990",
    "Nationality: German",
    "EXPERIENCE",
    "Senior Backend Engineer, Acme GmbH      Jan 2021 – Present",
    "• Built the billing service in Go",
    "Backend Engineer, Beta Labs      03/2017 - 12/2019",
    "LANGUAGES",
    "English (Native), Spanish (B2)",
    "PERSONAL DETAILS",
    "Born 1990 | Sex: Female | Nationality: German",
)


def test_a_nationality_is_no_spoken_language_and_a_birth_date_no_work_date() -> None:
    grouped = grouper().group(extract_bytes(pdf_bytes(text_page(*ENGLISH_CV))))
    resume = normalizer(date(2025, 6, 1)).normalize_sync(grouped)
    assert [language.language for language in resume.languages] == ["English", "Spanish"]
    assert [(w.name, w.start_date, w.end_date) for w in resume.work] == [
        ("Acme GmbH", "2021-01", None),
        ("Beta Labs", "2017-03", "2019-12"),
    ]
    assert (resume.basics.date_of_birth, resume.basics.gender) == ("1990-03", "female")
    assert resume.basics.nationality_country_codes == ["DE"]

"""ISCED 2011 levels of education entries: the degrees of the training corpora, and German, French
and Spanish degrees and schools."""

from __future__ import annotations

import pytest

from resume_parser.enrichment.isced import degree_keys, isced_level
from resume_parser.resume import Education
from tests.enrichment.truth import truth_files

# Every education[].studyType of the training corpora's truth files, by ISCED level. A certificate
# or a bare "Diploma" does not say its level; neither does the Brazilian "Tecnólogo" in the table.
EXPECTED = {
    None: (
        "Bootcamp Certificate",
        "Certificate",
        "Diploma",
        "Professional Certificate",
        "Tecnólogo",
    ),
    5: (
        "Advanced Diploma",
        "DUT",
    ),
    6: (
        "B.A.",
        "B.Com",
        "B.E.",
        "B.S.",
        "B.Sc.",
        "B.Tech",
        "BA",
        "BA (Hons)",
        "BA (Mod)",
        "BCA",
        "BCom",
        "BEng",
        "BS",
        "BSc",
        "BSc (Hons)",
        "Bacharel",
        "Bacharelado",
        "Bachelor",
        "Bachelor of Applied Science",
        "Bachelor of Arts",
        "Bachelor of Engineering",
        "Bachelor of Engineering (Honours)",
        "Bachelor of Science",
        "Bachelor of Technology",
        "Bachelor's Degree",
        "Grado",
        "Grado en Ingeniería",
        "HBO Bachelor",
        "Högskoleingenjör",
        "Inżynier",
        "Laurea",
        "Laurea Triennale",
        "Licence",
        "Licence professionnelle",
        "Licenciatura",
        "Licencjat",
    ),
    7: (
        "Civilingenjör",
        "Diplom",
        "Diplôme d'ingénieur",
        "Laurea Magistrale",
        "Laurea Specialistica",
        "M.A.",
        "M.S.",
        "M.Sc.",
        "M.Tech",
        "MBA",
        "MCA",
        "MEng",
        "MRes",
        "MS",
        "MSc",
        "Magister",
        "Magister inżynier",
        "Master",
        "Master 2",
        "Master of Applied Science",
        "Master of Business Administration",
        "Master of Engineering",
        "Master of Philosophy",
        "Master of Science",
        "Master of Technology",
        "Masterexamen",
        "Mestrado",
        "Máster Universitario",
    ),
    8: (
        "Doctorat",
        "Ph.D.",
        "PhD",
    ),
}
OTHER_LANGUAGES = [
    # German
    ("Abitur", 3),
    ("Allgemeine Hochschulreife", 3),
    ("Ausbildung zum Fachinformatiker", 3),
    ("Mittlere Reife", 2),
    ("Meister", 6),  # Germany maps Meister and Techniker to level 6
    ("Diplom (FH)", 6),
    ("Diplom-Informatiker", 7),
    ("Erstes Staatsexamen", 7),
    ("Dr. rer. nat.", 8),
    ("Dr. phil.", 8),
    # French
    ("Baccalauréat", 3),
    ("CAP", 3),
    ("BTS", 5),
    ("DUT", 5),
    ("Licence", 6),
    ("Bac+5", 7),
    ("Master 2", 7),
    ("Diplôme d'ingénieur", 7),
    ("Doctorat", 8),
    # Spanish
    ("Bachillerato", 3),
    ("Técnico en Gestión Administrativa", 3),
    ("Técnico Superior en Desarrollo de Aplicaciones Web", 5),
    ("Grado en Derecho", 6),
    ("Licenciatura", 6),
    ("Máster Universitario", 7),
    ("Doctorado", 8),
    # English
    ("High School Diploma", 3),
    ("Associate Degree", 5),
    ("B.Sc. and M.Sc.", 7),  # the highest of names of one length
]


def test_every_training_degree_has_its_level() -> None:
    degrees = {
        entry["studyType"]
        for data in truth_files()
        for entry in data.get("education", [])  # type: ignore[attr-defined]
        if entry.get("studyType")
    }
    expected = {degree: level for level, names in EXPECTED.items() for degree in names}

    assert degrees <= set(expected)  # the table above covers the corpora
    assert {d: isced_level(Education(study_type=d)) for d in degrees} == {d: expected[d] for d in degrees}


@pytest.mark.parametrize(("study_type", "level"), OTHER_LANGUAGES)
def test_german_french_spanish_and_english_degrees(study_type: str, level: int) -> None:
    assert isced_level(Education(study_type=study_type)) == level


def test_a_longer_name_wins_over_the_one_it_starts_with() -> None:
    assert isced_level(Education(study_type="Laurea")) == 6
    assert isced_level(Education(study_type="Laurea Magistrale")) == 7
    assert isced_level(Education(study_type="Ciclo Formativo de Grado Superior")) == 5  # not "Grado"


@pytest.mark.parametrize(
    ("entry", "level"),
    [
        (Education(area="Master of Science in Informatics"), 7),  # the degree printed as the field
        (Education(institution="Gymnasium am Markt"), 3),
        (Education(institution="Lycée Victor Hugo"), 3),
        (Education(institution="Instituto de Educación Secundaria Cervantes"), 3),
        (Education(institution="Technische Universität München", area="Informatik"), None),
        (Education(institution="Doctor Negrín University Hospital"), None),  # a school name, no degree
    ],
)
def test_the_field_and_the_school_when_the_degree_is_not_named(entry: Education, level: int | None) -> None:
    assert isced_level(entry) == level


def test_search_keys_degrees_by_the_same_table() -> None:
    assert degree_keys("Master of Science") == ["master"]
    assert degree_keys("MBA") == ["mba", "master"]
    assert degree_keys("Ph.D.") == ["phd"]
    assert degree_keys("Licence professionnelle") == ["bachelor"]
    assert degree_keys("Abitur") == ["upper_secondary"]

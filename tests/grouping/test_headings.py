"""Section-heading vocabulary: English, German, French, Spanish and creative headings."""

from __future__ import annotations

import pytest

from resume_parser.grouping.headings import heading_kind, normalize_heading
from resume_parser.layout import SectionKind as K


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Experience", K.EXPERIENCE),
        ("WORK HISTORY", K.EXPERIENCE),
        ("Berufserfahrung", K.EXPERIENCE),
        ("Expérience professionnelle", K.EXPERIENCE),
        ("EXPERIENCIA LABORAL", K.EXPERIENCE),
        ("Where I’ve worked", K.EXPERIENCE),
        ("Education", K.EDUCATION),
        ("Ausbildung", K.EDUCATION),
        ("Formation", K.EDUCATION),
        ("Formación académica", K.EDUCATION),
        ("Schooling", K.EDUCATION),
        ("Education and training", K.EDUCATION),
        ("Skills", K.SKILLS),
        ("Compétences", K.SKILLS),
        ("Kenntnisse", K.SKILLS),
        ("Habilidades", K.SKILLS),
        ("Toolbox", K.SKILLS),
        ("Skills & Tools", K.SKILLS),
        ("Programming Languages", K.SKILLS),
        ("SELECTEDPROJECTS", K.PROJECTS),
        ("Sprachkenntnisse", K.LANGUAGES),
        ("Idiomas", K.LANGUAGES),
        ("Languages I speak", K.LANGUAGES),
        ("Licenses & Certifications", K.CERTIFICATES),
        ("Zertifikate", K.CERTIFICATES),
        ("Proyectos", K.PROJECTS),
        ("Selected Projects", K.PROJECTS),
        ("Profil", K.SUMMARY),
        ("Über mich", K.SUMMARY),
        ("Resumen", K.SUMMARY),
        ("Find me", K.CONTACT),
        ("Persönliche Daten", K.CONTACT),
        ("Coordonnées", K.CONTACT),
        ("Centres d'intérêt", K.INTERESTS),
        ("Referencias", K.REFERENCES),
        ("Awards", K.OTHER),
        ("SKILLS:", K.SKILLS),
        # Plurals, compounds and other common wordings in German, French and Spanish CVs.
        ("Berufserfahrungen", K.EXPERIENCE),
        ("Berufspraxis und Praktika", K.EXPERIENCE),
        ("Expérience de travail", K.EXPERIENCE),
        ("Experiencias profesionales", K.EXPERIENCE),
        ("Historial laboral", K.EXPERIENCE),
        ("Akademischer Werdegang", K.EDUCATION),
        ("Formation académique", K.EDUCATION),
        ("Estudios realizados", K.EDUCATION),
        ("EDV-Kenntnisse", K.SKILLS),
        ("Compétences informatiques", K.SKILLS),
        ("Conocimientos informáticos", K.SKILLS),
        ("Fremdsprachen", K.LANGUAGES),
        ("Langues étrangères", K.LANGUAGES),
        ("Conocimientos de idiomas", K.LANGUAGES),
        ("Certificaciones y cursos", K.CERTIFICATES),
        ("Profil professionnel", K.SUMMARY),
        ("Perfil personal", K.SUMMARY),
    ],
)
def test_known_headings(heading: str, kind: K) -> None:
    assert heading_kind(heading) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Curriculum Vitae",
        "Jane Doe",
        "Built the platform used by every team at the company",
        "Senior Engineer",
        "",
    ],
)
def test_other_text_names_no_section(text: str) -> None:
    assert heading_kind(text) is None


def test_normalization_ignores_case_accents_and_punctuation() -> None:
    assert normalize_heading("  EXPÉRIENCE — Professionnelle: ") == "experience professionnelle"
    assert normalize_heading("Where I’ve worked!") == "where i've worked"

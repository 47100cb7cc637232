"""Query understanding for skill experience: "5+ years of Python" in English, German, French and
Spanish is a requirement of years on the skill."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_parser.search.constraints import parse_query
from resume_parser.search.lexicon import words
from tests.search.test_constraints import ROLE, WITH

SKILL_YEARS = {
    "en": ("{n}+ years of {skill}", "at least {n} years {skill}", "{n}+ years of experience with {skill}",
           "minimum {n} years of {skill}", "{n} years of {skill} experience",
           "more than {n} years in {skill}"),
    "de": ("mindestens {n} Jahre {skill}", "{n}+ Jahre {skill}-Erfahrung", "{n} Jahre Erfahrung mit {skill}",
           "mehr als {n} Jahre Berufserfahrung mit {skill}", "mindestens {n} Jahren Erfahrung in {skill}"),
    "fr": ("{n} ans d'expérience en {skill}", "au moins {n} ans d'expérience avec {skill}",
           "plus de {n} ans de {skill}", "{n}+ ans d'expérience sur {skill}"),
    "es": ("{n} años de experiencia con {skill}", "al menos {n} años de experiencia en {skill}",
           "más de {n} años con {skill}", "mínimo {n} años de {skill}"),
}  # fmt: skip
SKILLS = ("Python", "Java", "Kubernetes", "PostgreSQL", "React", "SAP FI/CO", "C++", "Node.js", "Terraform")


@settings(max_examples=300, deadline=None)
@given(
    language=st.sampled_from(sorted(SKILL_YEARS)),
    n=st.integers(min_value=1, max_value=30),
    template=st.integers(min_value=0, max_value=10),
    skill=st.sampled_from(SKILLS),
    role_first=st.booleans(),
)
def test_n_years_of_a_skill_in_four_languages(
    language: str, n: int, template: int, skill: str, role_first: bool
) -> None:
    phrase = SKILL_YEARS[language][template % len(SKILL_YEARS[language])].format(n=n, skill=skill)
    text = f"{ROLE[language]} {WITH[language]} {phrase}" if role_first else phrase

    constraints = parse_query(text)

    (wanted,) = constraints.skill_years
    assert wanted.min_years == n
    skill_words = words(skill)
    assert wanted.skill_words[: len(skill_words)] == skill_words[: len(wanted.skill_words)]
    assert wanted.skill_words[0] == skill_words[0]
    assert set(skill_words) <= set(constraints.query_words)  # the skill stays for the skill checks
    assert str(n) not in constraints.terms.split()


@given(language=st.sampled_from(sorted(ROLE)), n=st.integers(min_value=1, max_value=30))
def test_years_of_experience_alone_ask_nothing_of_a_skill(language: str, n: int) -> None:
    experience = {
        "en": "{n}+ years of experience",
        "de": "mindestens {n} Jahre Berufserfahrung",
        "fr": "au moins {n} ans d'expérience",
        "es": "al menos {n} años de experiencia",
    }

    constraints = parse_query(f"{ROLE[language]} {WITH[language]} {experience[language].format(n=n)}")

    assert constraints.skill_years == ()
    assert constraints.min_years == n

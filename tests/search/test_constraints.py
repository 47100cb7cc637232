"""Query understanding: the constraints of recruiters' queries in English, German, French and Spanish."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_parser.search.constraints import Seniority, parse_query
from resume_parser.search.languages import Level

# "N+ years" and the other ways of saying "at least N years", in each language.
AT_LEAST = {
    "en": ("{n}+ years", "at least {n} years of experience", "{n} or more years", "minimum {n} years",
           "more than {n} years of experience", "{n}+ yrs of professional experience", "over {n} years"),
    "de": ("{n}+ Jahre", "mindestens {n} Jahre Berufserfahrung", "mindestens {n} Jahren Erfahrung",
           "mehr als {n} Jahre", "über {n} Jahre Erfahrung", "{n} Jahre oder mehr"),
    "fr": ("{n}+ ans", "au moins {n} ans d'expérience", "plus de {n} ans d'expérience", "minimum {n} ans",
           "{n} ans ou plus"),
    "es": ("{n}+ años", "al menos {n} años de experiencia", "más de {n} años de experiencia",
           "mínimo {n} años", "{n} años o más"),
}  # fmt: skip
ROLE = {
    "en": "backend developer",
    "de": "Backend-Entwickler",
    "fr": "développeur backend",
    "es": "desarrollador backend",
}
WITH = {"en": "with", "de": "mit", "fr": "avec", "es": "con"}
NUMBER_WORDS = {"en": ("five", 5), "de": ("fünf", 5), "fr": ("cinq", 5), "es": ("cinco", 5)}


@settings(max_examples=300, deadline=None)
@given(
    language=st.sampled_from(sorted(AT_LEAST)),
    n=st.integers(min_value=1, max_value=40),
    template=st.integers(min_value=0, max_value=10),
    role_first=st.booleans(),
)
def test_n_plus_years_is_a_minimum_in_four_languages(
    language: str, n: int, template: int, role_first: bool
) -> None:
    phrase = AT_LEAST[language][template % len(AT_LEAST[language])].format(n=n)
    text = f"{ROLE[language]} {WITH[language]} {phrase}" if role_first else f"{phrase}, {ROLE[language]}"

    constraints = parse_query(text)

    assert constraints.min_years == n
    assert constraints.max_years is None
    assert str(n) not in constraints.terms.split()  # the constraint left the ranked words
    assert constraints.roles and constraints.roles[0][-1] == "developer"


@given(language=st.sampled_from(sorted(NUMBER_WORDS)))
def test_years_written_as_words(language: str) -> None:
    word, value = NUMBER_WORDS[language]
    phrase = AT_LEAST[language][1].replace("{n}", word)
    assert parse_query(f"{ROLE[language]} {WITH[language]} {phrase}").min_years == value


@given(low=st.integers(min_value=0, max_value=20), span=st.integers(min_value=1, max_value=10))
def test_a_range_of_years_sets_both_ends(low: int, span: int) -> None:
    constraints = parse_query(f"Java developer, {low}-{low + span} years of experience")
    assert (constraints.min_years, constraints.max_years) == (low, low + span)


@pytest.mark.parametrize(
    ("text", "maximum"),
    [("data analyst with at most 3 years", 3), ("Entwickler mit weniger als 2 Jahren Erfahrung", 2),
     ("développeur avec moins de 4 ans d'expérience", 4), ("desarrollador con hasta 1 año", 1)],
)  # fmt: skip
def test_at_most_n_years_is_a_maximum(text: str, maximum: float) -> None:
    constraints = parse_query(text)
    assert constraints.max_years == maximum and constraints.min_years is None


@settings(deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_without_error(text: str) -> None:
    constraints = parse_query(text)
    assert constraints.text == text
    assert all(role for role in constraints.roles)


@pytest.mark.parametrize(
    ("text", "countries", "cities"),
    [
        ("QA engineer in Portugal", {"PT"}, ()),
        ("accountant based in Lyon", {"FR"}, ("lyon",)),
        ("ingeniero de QA en España", {"ES"}, ()),
        ("Entwicklerin aus Deutschland", {"DE"}, ()),
        ("développeur à Paris", {"FR"}, ("paris",)),
        ("Ruby developer in the UK or Ireland", {"GB", "IE"}, ()),
        ("data engineer in the United States", {"US"}, ()),
        ("experience in Python and in mobile development", set(), ()),
    ],
)
def test_places_after_a_location_word_are_countries(
    text: str, countries: set[str], cities: tuple[str, ...]
) -> None:
    constraints = parse_query(text)
    assert set(constraints.countries) == countries
    assert constraints.cities == cities


@pytest.mark.parametrize(
    ("text", "countries", "cities", "roles"),
    [
        ("Berlin", {"DE"}, ("berlin",), ()),
        ("Mumbai", {"IN"}, ("mumbai",), ()),
        ("Portugal", {"PT"}, (), ()),
        ("Berlin developer", set(), (), (("berlin", "developer"),)),  # no cue word: not a place
        ("Java", set(), (), (("java",),)),
    ],
)
def test_a_query_that_is_a_place_alone_is_a_location(
    text: str, countries: set[str], cities: tuple[str, ...], roles: tuple[tuple[str, ...], ...]
) -> None:
    constraints = parse_query(text)
    assert (set(constraints.countries), constraints.cities, constraints.roles) == (countries, cities, roles)


@pytest.mark.parametrize(
    ("text", "language", "level"),
    [
        ("native Italian speaker", "italian", Level.NATIVE),
        ("Softwareentwickler mit Deutsch als Muttersprache", "german", Level.NATIVE),
        ("développeur dont la langue maternelle est le français", "french", Level.NATIVE),
        ("desarrolladora con inglés fluido", "english", Level.FLUENT),
        ("candidate who speaks Japanese fluently", "japanese", Level.FLUENT),
        ("analyst, Spanish C1", "spanish", Level.FLUENT),
        ("engineer with German B2", "german", Level.INTERMEDIATE),
        ("Entwickler, fließend Englisch", "english", Level.FLUENT),
        ("Portuguese-speaking sales manager", "portuguese", Level.BASIC),
    ],
)
def test_languages_and_their_level(text: str, language: str, level: Level) -> None:
    (wanted,) = parse_query(text).languages
    assert (wanted.language, wanted.level) == (language, level)


def test_two_languages_each_take_the_nearest_level() -> None:
    wanted = parse_query("native Italian speaker with fluent English").languages
    assert {(w.language, w.level) for w in wanted} == {("italian", Level.NATIVE), ("english", Level.FLUENT)}


def test_a_language_name_without_a_speaking_word_is_left_to_the_rankers() -> None:
    constraints = parse_query("French cuisine chef")
    assert constraints.languages == ()
    assert "french" in constraints.terms


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Softwareentwicklerin mit Python", (("software", "developer"),)),
        ("ingeniera de QA con Cypress", (("qa", "engineer"),)),
        ("jefa de proyecto con PRINCE2", (("project", "manager"),)),
        ("comptable maîtrisant Xero", (("accountant",),)),
        ("staff or principal engineer", (("staff", "engineer"), ("principal", "engineer"))),
        (
            "We are looking for a Senior Backend Engineer to join our team",
            (("senior", "backend", "engineer"),),
        ),
        ("Kubernetes with Helm", (("kubernetes",),)),  # no occupation: a skill, decided against the pool
    ],
)
def test_the_role_in_canonical_english(text: str, roles: tuple[tuple[str, ...], ...]) -> None:
    assert parse_query(text).roles == roles


@pytest.mark.parametrize(
    ("text", "degrees", "fields", "certificates"),
    [
        ("product manager with an MBA", ("mba",), (), ()),
        ("data scientist with a PhD", ("phd",), (), ()),
        ("developer with a computer science degree", ("any",), ("computer science",), ()),
        ("network engineer with a CCNA or Network+ certification", (), (), (("ccna", "network+"),)),
        ("AWS-certified cloud engineer", (), (), (("aws",),)),
        ("data scientist certifié TensorFlow ou Databricks", (), (), (("tensorflow", "databricks"),)),
        ("scrum master with SAFe", (), (), ()),  # "master" of a title is no degree
    ],
)
def test_degrees_and_certificates(
    text: str, degrees: tuple[str, ...], fields: tuple[str, ...], certificates: tuple[tuple[str, ...], ...]
) -> None:
    constraints = parse_query(text)
    assert (constraints.degrees, constraints.fields, constraints.certificates) == (
        degrees,
        fields,
        certificates,
    )


@pytest.mark.parametrize(
    ("text", "seniority", "max_years"),
    [("senior product manager", Seniority.SENIOR, None),
     ("entry-level software developer", Seniority.JUNIOR, 2.0),
     ("Berufseinsteiger Softwareentwickler", Seniority.JUNIOR, 2.0), ("product manager", None, None)],
)  # fmt: skip
def test_seniority_is_a_soft_hint(text: str, seniority: Seniority | None, max_years: float | None) -> None:
    constraints = parse_query(text)
    assert (constraints.seniority, constraints.max_years) == (seniority, max_years)

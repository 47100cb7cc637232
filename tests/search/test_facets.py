"""The facts of a resume that a query's constraints are checked against."""

from __future__ import annotations

import pytest

from resume_parser.resume import (
    Basics,
    Certificate,
    Education,
    Language,
    Location,
    ParsedResume,
    ParseMeta,
    Skill,
    Work,
)
from resume_parser.search.constraints import QueryConstraints, parse_query
from resume_parser.search.facets import ResumeFacets, degree_keys, experience_months, resume_facets
from resume_parser.search.languages import Level, language_name, level_of, levels_in_order
from resume_parser.search.lexicon import canonical
from resume_parser.search.scoring import Status, match, query_skills


def test_overlapping_jobs_count_once_and_an_ongoing_job_runs_to_the_reference_date() -> None:
    work = [
        Work(position="Engineer", start_date="2015-01", end_date="2018-12"),  # 47 months from start to end
        Work(position="Consultant", start_date="2017-01", end_date="2019-06"),  # overlaps: +6 after it
        Work(position="Lead", start_date="2021-01"),  # ongoing to 2022-01: +12
        Work(position="Undated"),
    ]
    assert experience_months(work, reference_month=2022 * 12 + 0) == 47 + 6 + 12
    assert experience_months([Work(position="Undated")], reference_month=0) is None


def test_entries_that_all_end_when_they_start_are_read_as_start_dates() -> None:
    """A parse that kept one date per entry ("2021-04 - 2021-04"): each job runs to the next one's
    start, the latest to the reference date, instead of a career of zero months."""
    work = [
        Work(position="Lead", start_date="2021-04", end_date="2021-04"),
        Work(position="Engineer", start_date="2017-01", end_date="2017-01"),
    ]
    assert experience_months(work, reference_month=2025 * 12 + 0) == (2025 * 12 + 0) - (2017 * 12 + 0)
    one_short_job = [*work, Work(position="Intern", start_date="2016-01", end_date="2016-06")]
    assert experience_months(one_short_job, reference_month=2025 * 12) == 5  # real dates: as they are


def test_facets_of_a_german_resume_read_in_english() -> None:
    parsed = ParsedResume(
        basics=Basics(
            label="Softwareentwicklerin", location=Location(city="München"), phone="+49 89 1234567"
        ),
        work=[
            Work(position="Softwareentwicklerin", start_date="2019-03"),
            Work(position="Werkstudentin", start_date="2017"),
        ],
        languages=[
            Language(language="Deutsch", fluency="Muttersprache"),
            Language(language="Englisch", fluency="C1"),
        ],
        certificates=[Certificate(name="AWS Certified Developer")],
        education=[Education(study_type="Master of Science", area="Informatik")],
        meta=ParseMeta(parser_version="test", normalizer="local", reference_date="2025-03-01"),
    )

    facets = resume_facets(parsed)

    assert facets.titles == ["Softwareentwicklerin"]
    assert facets.title_words == ["developer", "software"]
    assert (facets.country, facets.place) == ("DE", "München")
    assert facets.languages == {"german": Level.NATIVE, "english": Level.FLUENT}
    assert facets.experience_months == (2025 * 12 + 2) - (2017 * 12 + 5)  # since mid-2017
    assert facets.certificates == ["AWS Certified Developer"]
    assert degree_keys(facets.education[0]) == ["master"]


@pytest.mark.parametrize(
    ("location", "work_place", "country"),
    [
        (Location(city="Portland", region="OR"), None, "US"),
        (Location(city="Lyon"), None, "FR"),
        (Location(country_code="pt"), None, "PT"),
        (None, "Pune, India", "IN"),
        (None, "Remote", None),
    ],
)
def test_the_country_comes_from_the_address_or_the_latest_work_place(
    location: Location | None, work_place: str | None, country: str | None
) -> None:
    parsed = ParsedResume(basics=Basics(location=location), work=[Work(position="X", location=work_place)])
    assert resume_facets(parsed).country == country


@pytest.mark.parametrize(
    ("printed", "level"),
    [("Native speaker", Level.NATIVE), ("Muttersprache", Level.NATIVE), ("langue maternelle", Level.NATIVE),
     ("Full professional proficiency", Level.FLUENT), ("C2", Level.FLUENT), ("courant", Level.FLUENT),
     ("B2", Level.INTERMEDIATE), ("Limited working proficiency", Level.INTERMEDIATE), ("A1", Level.BASIC),
     ("Grundkenntnisse", Level.BASIC), ("", None)],
)  # fmt: skip
def test_language_levels_in_four_languages(printed: str, level: Level | None) -> None:
    assert level_of(printed) == level


def test_language_names_in_four_languages_are_english() -> None:
    assert {language_name(n) for n in ("Deutsch", "allemand", "Alemán", "German")} == {"german"}
    assert language_name("Klingon") is None


@pytest.mark.parametrize(
    ("title", "english"),
    [("Softwareentwicklerin", "software developer"), ("Datenanalyst", "data analyst"),
     ("développeuse web", "web developer"), ("ingeniero de QA", "qa engineer"),
     ("jefa de proyecto", "project manager"),
     ("Buchhaltung", "accounting"), ("comptabilité", "accounting"), ("contabilidad", "accounting"),
     ("Senior Data Analyst", "senior data analyst")],
)  # fmt: skip
def test_titles_and_skills_in_canonical_english(title: str, english: str) -> None:
    assert canonical(title) == english


def test_a_language_read_as_a_skill_is_still_spoken() -> None:
    parsed = ParsedResume(
        languages=[Language(language="English", fluency="Native speaker")],
        skills=[Skill(name="Python"), Skill(name="Portuguese"), Skill(name="Mother tongue")],
    )

    assert resume_facets(parsed).languages == {"english": Level.NATIVE, "portuguese": 0}


def test_stray_skills_of_a_parse_are_not_skill_requirements() -> None:
    """Among the candidates' skills a parser left a connector, a title and a section label; only
    the real skills of the query become requirements, "Django or FastAPI" one of them."""
    candidates = [
        resume_facets(ParsedResume(skills=[Skill(name=n) for n in names]))
        for names in (["Python", "Django", "OR"], ["Backend Developer", "FastAPI"], ["Cloud", "PostgreSQL"])
    ]

    backend = query_skills(
        parse_query("Python backend developer with Django or FastAPI and PostgreSQL"), candidates
    )
    cloud = query_skills(parse_query("DevOps or cloud engineer with PostgreSQL"), candidates)

    assert [m.names for m in backend] == [("python",), ("django", "fastapi"), ("postgresql",)]
    assert [m.names for m in cloud] == [("postgresql",)]


def test_a_skill_inside_a_line_of_skills_run_together_is_met() -> None:
    query = parse_query("Ruby on Rails developer with PostgreSQL")
    exact = resume_facets(ParsedResume(skills=[Skill(name="Ruby on Rails"), Skill(name="PostgreSQL")]))
    run_together = resume_facets(
        ParsedResume(skills=[Skill(name="Frameworks Ruby on Rails React PostgreSQL")])
    )
    skills = query_skills(query, [exact, run_together])

    checks = {
        name: [
            c
            for c in match(query, f, skills, title_similarity=None, text_similarity=0.0).checks
            if c.kind == "skill"
        ]
        for name, f in (("exact", exact), ("run together", run_together))
    }

    assert [(c.status, c.score) for c in checks["exact"]] == [(Status.MET, 1.0)] * 2
    assert [(c.status, c.score) for c in checks["run together"]] == [(Status.MET, 0.9)] * 2


def test_a_resume_whose_title_was_not_read_is_unknown_for_the_role_not_a_mismatch() -> None:
    query = parse_query("software engineer in Brazil")
    untitled = resume_facets(
        ParsedResume(basics=Basics(location=Location(city="São Paulo", country_code="BR")))
    )
    accountant = resume_facets(
        ParsedResume(basics=Basics(label="Accountant", location=Location(city="Recife", country_code="BR")))
    )

    def role(facets: ResumeFacets) -> tuple[Status, float]:
        check = match(query, facets, [], title_similarity=None, text_similarity=0.0).checks[0]
        return check.status, check.score

    assert role(untitled) == (Status.UNKNOWN, 0.3)
    assert role(accountant) == (Status.NOT_MET, 0.0)


def test_a_certificate_filed_among_the_skills_is_a_certificate() -> None:
    parsed = ParsedResume(
        skills=[Skill(name="Cisco IOS"), Skill(name="Cisco Certified Network Associate (CCNA)")],
        certificates=[Certificate(name="CompTIA A+")],
    )

    facets = resume_facets(parsed)

    assert facets.certificates == ["CompTIA A+", "Cisco Certified Network Associate (CCNA)"]
    assert "ccna" in facets.certificate_words


def test_a_controller_meets_a_query_for_an_accountant_as_a_developer_one_for_an_engineer() -> None:
    """A (financial) controller heads the accounting: the title counts as much for an accountant as
    "developer" does for "engineer", a bookkeeper or an auditor less, and the query may be French."""
    accountant = parse_query("comptable maîtrisant Xero et QuickBooks")
    engineer = parse_query("software engineer")

    def role(query: QueryConstraints, title: str) -> float:
        facets = resume_facets(ParsedResume(basics=Basics(label=title)))
        return match(query, facets, [], title_similarity=None, text_similarity=0.0).checks[0].score

    assert role(accountant, "Group Controller") == role(accountant, "Controller") == 0.8
    assert role(engineer, "Software Developer") == 0.9  # "software" met, "developer" 0.8
    assert role(accountant, "Senior Auditor") == role(accountant, "Bookkeeper") == 0.7
    assert role(accountant, "Senior Accountant") == 1.0


def test_a_vp_is_a_leadership_title_as_a_head_or_a_director_is() -> None:
    query = parse_query("product manager")

    def role(title: str) -> float:
        facets = resume_facets(ParsedResume(basics=Basics(label=title)))
        return match(query, facets, [], title_similarity=None, text_similarity=0.0).checks[0].score

    assert role("VP Product") == role("Director Product") == role("Head of Product") == 0.8
    assert role("Product Designer") == 0.5


def test_the_skill_a_query_is_about_weighs_as_its_role() -> None:
    """A query "Kubernetes with Helm and ArgoCD" is about Kubernetes: a resume without it is short of the
    main thing asked for, not of one skill in three; skills named together weigh alike."""
    candidates = [
        resume_facets(ParsedResume(skills=[Skill(name=n) for n in names]))
        for names in (["Kubernetes", "Helm"], ["Helm", "ArgoCD"], ["VMware vSphere"], ["Veeam"])
    ]

    def score(text: str, facets: ResumeFacets) -> float:
        query = parse_query(text)
        skills = query_skills(query, candidates)
        return match(query, facets, skills, title_similarity=None, text_similarity=0.0).score

    with_kubernetes, without = candidates[0], candidates[1]
    assert score("Kubernetes with Helm and ArgoCD", with_kubernetes) == 0.8  # (3 + 1) / 5
    assert score("Kubernetes with Helm and ArgoCD", without) == 0.4
    vmware, veeam = candidates[2], candidates[3]
    assert score("VMware vSphere and Veeam", vmware) == score("VMware vSphere and Veeam", veeam) == 0.5


def test_levels_a_parse_ran_into_the_last_language_are_given_back_in_order() -> None:
    """A parse that read a list of languages and then every level into the last entry: one level
    per language, in the list's order, when the counts agree; otherwise as printed."""
    run_together = ParsedResume(
        languages=[
            Language(language="Portuguese"),
            Language(language="English"),
            Language(language="French", fluency="Native speaker Full professional proficiency Basic"),
        ]
    )
    one_level_described_twice = ParsedResume(
        languages=[Language(language="German"), Language(language="English", fluency="B2 upper intermediate")]
    )
    fewer_levels = ParsedResume(
        languages=[
            Language(language="English"),
            Language(language="Polish"),
            Language(language="Swedish", fluency="C2 C2"),
        ]
    )

    assert resume_facets(run_together).languages == {
        "portuguese": Level.NATIVE,
        "english": Level.FLUENT,
        "french": Level.BASIC,
    }
    assert resume_facets(one_level_described_twice).languages == {"german": 0, "english": Level.INTERMEDIATE}
    assert resume_facets(fewer_levels).languages == {"english": 0, "polish": 0, "swedish": Level.FLUENT}


@pytest.mark.parametrize(
    ("fluency", "levels"),
    [
        ("Native or bilingual proficiency Full professional proficiency", [Level.NATIVE, Level.FLUENT]),
        ("Native B2 B2", [Level.NATIVE, Level.INTERMEDIATE, Level.INTERMEDIATE]),
        ("Fluent (C1)", [Level.FLUENT]),
        ("Muttersprache", [Level.NATIVE]),
        ("", []),
    ],
)
def test_levels_in_the_order_a_text_states_them(fluency: str, levels: list[Level]) -> None:
    assert levels_in_order(fluency) == levels


def test_an_architect_is_a_senior_engineer_of_the_same_field() -> None:
    query = parse_query("frontend developer")

    def role(title: str) -> float:
        facets = resume_facets(ParsedResume(basics=Basics(label=title)))
        return match(query, facets, [], title_similarity=None, text_similarity=0.0).checks[0].score

    assert role("Frontend Architect") == 0.8  # frontend met, architect 0.6 of a developer
    assert role("Frontend Engineer") == 0.9
    assert role("Backend Architect") == 0.65  # backend: a neighbour of frontend (0.7)
    assert role("Data Architect") == 0.3

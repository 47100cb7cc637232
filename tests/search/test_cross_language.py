"""German, French and Spanish queries meet English resumes, and English queries a German resume,
with the default multilingual embedder on real PostgreSQL; every hit says why it matched."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resume_parser.db.repository import ResumeRepository
from resume_parser.embedding.multilingual import UseEmbedder
from resume_parser.resume import Basics, Language, Location, ParsedResume, Skill, Work
from resume_parser.search import SearchQuery, SearchService
from resume_parser.search.scoring import Status
from tests.search.stored import dev_resume, store

# English resumes: an SRE in Berlin (German native), a data analyst, an FP&A analyst, a senior
# project manager with PRINCE2, a UI engineer and a QA tester in Spain.
ENGLISH = ["classic-1032", "compact-1002", "compact-1010", "creative-1027", "docx-table-1014", "sidebar-1017"]
GERMAN = ParsedResume(
    basics=Basics(name="Greta Beispiel", label="Buchhalterin", location=Location(city="Köln")),
    work=[
        Work(name="Muster GmbH", position="Buchhalterin", start_date="2016-04"),
        Work(
            name="Beispiel AG",
            position="Sachbearbeiterin Buchhaltung",
            start_date="2012-09",
            end_date="2016-03",
        ),
    ],
    skills=[Skill(name="Kenntnisse", keywords=["Finanzbuchhaltung", "DATEV", "SAP FI/CO"])],
    languages=[
        Language(language="Deutsch", fluency="Muttersprache"),
        Language(language="Englisch", fluency="C1"),
    ],
)


@pytest.fixture(scope="module")
def multilingual() -> UseEmbedder:
    return UseEmbedder.load()


@pytest.fixture
async def service(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession], multilingual: UseEmbedder
) -> SearchService:
    for stem in ENGLISH:
        await store(repository, multilingual, dev_resume(stem), external_id=stem)
    await store(repository, multilingual, GERMAN, external_id="german")
    return SearchService(sessions, multilingual)


@pytest.mark.parametrize(
    ("query", "best", "title"),
    [
        ("Datenanalystin", "compact-1002", "Data Analyst"),
        ("analyste de données", "compact-1002", "Data Analyst"),
        ("ingeniera de QA en España", "sidebar-1017", "QA Tester"),
        ("jefe de proyecto con PRINCE2", "creative-1027", "Senior Project Manager"),
        ("Projektleiter mit PRINCE2", "creative-1027", "Senior Project Manager"),
        ("accountant with DATEV", "german", "Buchhalterin"),
        ("comptable maîtrisant DATEV", "german", "Buchhalterin"),
    ],
)
async def test_a_query_in_one_language_finds_the_resume_in_another(
    service: SearchService, query: str, best: str, title: str
) -> None:
    page = await service.search(SearchQuery(text=query, page_size=3))

    assert page.hits[0].external_id == best
    assert page.hits[0].matched_title == title
    role = next(check for check in page.hits[0].checks if check.kind == "role")
    assert role.status == Status.MET


async def test_each_hit_explains_its_title_skills_work_entry_and_constraints(service: SearchService) -> None:
    query = "Buchhalter mit SAP FI/CO, Deutsch als Muttersprache, mindestens 10 Jahre"
    page = await service.search(SearchQuery(text=query, page_size=5, min_score=0.0))

    best = page.hits[0]
    assert best.external_id == "german"
    assert best.matched_title == "Buchhalterin"
    assert best.matched_skills == ["SAP FI/CO"]
    assert best.matched_work is not None and best.matched_work.position
    checks = {check.kind: check for check in best.checks}
    assert set(checks) == {"role", "skill", "language", "experience"}
    assert checks["language"].status == Status.MET and checks["language"].evidence == "german: native"
    assert checks["experience"].status == Status.MET
    assert checks["experience"].requirement == "at least 10 years of experience"
    # The FP&A analyst knows SAP FI/CO too but is no accountant now and speaks no German.
    other = next(hit for hit in page.hits if hit.external_id == "compact-1010")
    other_checks = {check.kind: check for check in other.checks}
    assert other_checks["skill"].status == Status.MET
    assert other_checks["language"].status == Status.NOT_MET
    assert other.score < best.score


async def test_a_location_in_the_query_is_met_by_the_city_of_the_resume(service: SearchService) -> None:
    page = await service.search(SearchQuery(text="UI engineer based in Spain", page_size=3))

    best = page.hits[0]
    assert best.external_id == "docx-table-1014"  # Valencia, the most populous place of that name
    location = next(check for check in best.checks if check.kind == "location")
    assert (location.status, location.evidence) == (Status.MET, "Valencia (ES)")

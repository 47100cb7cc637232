"""The choices SearchService makes for large pools: which vector plan, which words full-text ranks by,
which resumes the constrained ranker fetches."""

from __future__ import annotations

import random

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resume_parser.db.repository import ResumeRepository
from resume_parser.resume import Basics, Location, ParsedResume, Skill, Work
from resume_parser.search import SearchMode, SearchQuery, SearchService
from resume_parser.search.constraints import parse_query
from resume_parser.search.filters import Filters
from resume_parser.search.fulltext import MAX_TERM_DOCUMENTS
from resume_parser.search.places import countries_speaking
from resume_parser.search.scoring import Status
from resume_parser.search.service import _constraint_filters
from tests.search.stored import FixedQueryEmbedder, resume, store_with_vectors, unit


def random_unit(rng: random.Random, dimension: int = 384) -> list[float]:
    return unit(*(rng.gauss(0.0, 1.0) for _ in range(dimension)))


async def test_exact_and_index_plans_return_the_true_nearest_resumes(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession]
) -> None:
    rng = random.Random(3)
    query_vector = random_unit(rng)
    embedder = FixedQueryEmbedder("test:fixed:384", query_vector)
    similarity, resume_similarity = {}, {}
    for i in range(60):
        vectors = [random_unit(rng), random_unit(rng)]
        resume_id = await store_with_vectors(
            repository,
            resume(f"R {i}", "Analyst", ["Excel"]),
            vectors,
            embedder=embedder.name,
            job_post_id="job-1",
        )
        cosines = [sum(q * v for q, v in zip(query_vector, vector, strict=True)) for vector in vectors]
        similarity[resume_id], resume_similarity[resume_id] = max(cosines), cosines[0]
    # The index plan ranks by the closest of a resume's vectors; the exact plan (a few resumes) by
    # the whole-resume vector alone.
    truth = sorted(similarity, key=lambda resume_id: -similarity[resume_id])[:10]
    exact_truth = sorted(resume_similarity, key=lambda resume_id: -resume_similarity[resume_id])[:10]
    service = SearchService(sessions, embedder)

    index_plan = await service.search(SearchQuery(text="analyst", page_size=10, mode=SearchMode.VECTOR))
    exact_plan = await service.search(
        SearchQuery(text="analyst", page_size=10, mode=SearchMode.VECTOR, job_post_id="job-1")
    )

    assert [hit.resume_id for hit in exact_plan.hits] == exact_truth
    assert [hit.resume_id for hit in index_plan.hits] == truth
    assert all(abs(hit.score - resume_similarity[hit.resume_id]) < 1e-4 for hit in exact_plan.hits)


async def test_words_in_many_resumes_are_left_to_the_embedding(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession]
) -> None:
    embedder = FixedQueryEmbedder("test:fixed:384", unit(1.0))
    cobol = await store_with_vectors(
        repository, resume("C", "Mainframe engineer", ["COBOL"]), [unit(1.0)] * 2, embedder=embedder.name
    )
    async with sessions.begin() as session:  # enough other engineers for "engineer" to be common
        await session.execute(
            text(
                "INSERT INTO resumes (id, filename, declared_content_type, media_type, job_post_id,"
                " external_id, bucket, key, size_bytes, sha256, stage, sequence, attempt, search_document)"
                " SELECT gen_random_uuid(), 'r.pdf', 'application/pdf', 'application/pdf', 'job-1', '', 'b',"
                " 'k' || n, 1, '', 'COMPLETED', 1, 1, to_tsvector('simple', 'Software engineer')"
                " FROM generate_series(1, :count) AS n"
            ),
            {"count": MAX_TERM_DOCUMENTS + 200},
        )
        await session.execute(text("ANALYZE resumes"))
    service = SearchService(sessions, embedder)

    common_only = await service.search(SearchQuery(text="engineer", mode=SearchMode.TEXT))
    with_rare_word = await service.search(SearchQuery(text="COBOL engineer", mode=SearchMode.TEXT))

    assert common_only.hits == []
    assert [hit.resume_id for hit in with_rare_word.hits] == [cobol]


async def test_a_language_asked_for_also_fetches_resumes_from_where_it_is_the_main_language(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """A resume that prints no languages, of someone in France, partly meets "mother tongue French"
    (scoring credits where the person lives): the constrained ranker fetches it even when neither
    the vectors nor the query's words reach it."""
    embedder = FixedQueryEmbedder("test:fixed:384", unit(1.0))
    for i in range(6):  # closer to the query and with its words, but not in France and no French
        await store_with_vectors(
            repository, resume(f"D {i}", "Developer", ["Python"]), [unit(1.0)] * 2, embedder=embedder.name
        )
    in_france = ParsedResume(
        basics=Basics(name="F", label="Software Engineer", location=Location(city="Lyon", country_code="FR")),
        work=[Work(name="Acme", position="Software Engineer", start_date="2019-01")],
        skills=[Skill(name="Skills", keywords=["Go"])],
    )
    target = await store_with_vectors(repository, in_france, [unit(0.0, 1.0)] * 2, embedder=embedder.name)
    service = SearchService(sessions, embedder, depth=2)  # each ranker reaches only a few resumes

    page = await service.search(SearchQuery(text="developer whose mother tongue is French"))

    hit = next(hit for hit in page.hits if hit.resume_id == target)
    language = next(check for check in hit.checks if check.kind == "language")
    assert (language.status, language.evidence) == (Status.UNKNOWN, "lives in FR")


def test_the_constrained_ranker_filters_on_the_countries_of_the_languages_asked_for() -> None:
    filters = _constraint_filters(
        parse_query("native Portuguese-speaking software engineer in Germany"), Filters(tenant_id="t")
    )

    assert {"DE", "BR", "PT"} <= set(filters.countries)  # the place asked for, and Portuguese's
    assert "FR" not in filters.countries
    assert filters.languages == ("portuguese",)
    assert _constraint_filters(parse_query("backend developer"), Filters()) == Filters()


def test_countries_speaking_a_language_are_those_where_it_is_the_main_one() -> None:
    assert {"DE", "AT", "CH"} <= set(countries_speaking("german"))
    assert "FR" in countries_speaking("french") and "CA" not in countries_speaking("french")
    assert countries_speaking("klingon") == ()

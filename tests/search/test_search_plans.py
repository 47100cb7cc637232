"""The choices SearchService makes for large pools: which vector plan, which words full-text ranks by."""

from __future__ import annotations

import random

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resume_parser.db.repository import ResumeRepository
from resume_parser.search import SearchMode, SearchQuery, SearchService
from resume_parser.search.fulltext import MAX_TERM_DOCUMENTS
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

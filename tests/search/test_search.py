"""SearchService against real PostgreSQL + pgvector, with the real local model where meaning matters."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resume_parser.db.repository import ResumeRepository
from resume_parser.embedding.local import LocalEmbedder
from resume_parser.errors import InvalidInputError
from resume_parser.search import SearchMode, SearchQuery, SearchService
from tests.search.stored import (
    FixedQueryEmbedder,
    dev_resume,
    resume,
    set_created_at,
    store,
    store_with_vectors,
    unit,
)


async def test_embeddings_are_stored_per_resume_title_and_work_entry_with_their_dimension(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession], local_embedder: LocalEmbedder
) -> None:
    parsed = dev_resume("classic-1008")  # four work entries
    resume_id = await store(repository, local_embedder, parsed)

    async with sessions() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT kind, work_index, embedder, dimension, vector_dims(embedding)"
                    " FROM resume_embeddings WHERE resume_id = :id ORDER BY kind, work_index"
                ),
                {"id": resume_id},
            )
        ).all()
    # The whole resume, its current title (headline and latest position are one here), each work entry.
    assert [(row[0], row[1]) for row in rows] == [
        ("resume", None),
        ("title", None),
        *(("work", i) for i in range(4)),
    ]
    assert {(row[2], row[3], row[4]) for row in rows} == {("local:all-MiniLM-L6-v2:384", 384, 384)}


async def test_a_role_query_finds_the_resume_and_explains_it_with_the_matching_work_entry(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession], local_embedder: LocalEmbedder
) -> None:
    for stem in ("classic-1008", "classic-1032", "compact-1010", "timeline-1004", "docx-table-1006"):
        await store(repository, local_embedder, dev_resume(stem), external_id=stem)
    service = SearchService(sessions, local_embedder)

    page = await service.search(
        SearchQuery(text="site reliability engineer running Kubernetes and Terraform")
    )

    best = page.hits[0]
    assert best.external_id == "classic-1032"
    assert best.name == dev_resume("classic-1032").basics.name
    assert best.matched_work is not None and best.matched_work.position == "Site Reliability Engineer"
    assert best.matched_skills == ["Kubernetes", "Terraform"]
    assert [hit.score for hit in page.hits] == sorted((hit.score for hit in page.hits), reverse=True)


async def test_an_exact_skill_is_found_by_full_text_even_when_the_vectors_point_elsewhere(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession]
) -> None:
    embedder = FixedQueryEmbedder("test:fixed:384", unit(1.0))
    # Ten resumes sit right on the query vector; the one that names COBOL points the other way.
    for i in range(10):
        await store_with_vectors(
            repository,
            resume(f"Near {i}", "Java developer", ["Java"]),
            [unit(1.0, 0.01 * i)] * 2,
            embedder=embedder.name,
        )
    cobol = await store_with_vectors(
        repository,
        resume("Far", "Mainframe developer", ["COBOL", "JCL"]),
        [unit(-1.0)] * 2,
        embedder=embedder.name,
    )
    service = SearchService(sessions, embedder)

    vector_only = await service.search(SearchQuery(text="COBOL", page_size=5, mode=SearchMode.VECTOR))
    hybrid = await service.search(SearchQuery(text="COBOL", page_size=5))

    assert cobol not in [hit.resume_id for hit in vector_only.hits]
    assert cobol in [hit.resume_id for hit in hybrid.hits]
    assert next(hit for hit in hybrid.hits if hit.resume_id == cobol).matched_skills == ["COBOL"]


async def test_skill_names_with_punctuation_match_exactly(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession], local_embedder: LocalEmbedder
) -> None:
    for stem in ("compact-1010", "docx-table-1022", "creative-1027"):
        await store(repository, local_embedder, dev_resume(stem), external_id=stem)
    service = SearchService(sessions, local_embedder)

    page = await service.search(SearchQuery(text="SAP FI/CO", mode=SearchMode.TEXT))

    assert [hit.external_id for hit in page.hits] == ["compact-1010"]
    assert page.hits[0].matched_skills == ["SAP FI/CO"]


async def test_job_post_and_creation_time_filters_are_honoured(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession]
) -> None:
    embedder = FixedQueryEmbedder("test:fixed:384", unit(1.0))
    now = datetime.now(UTC)
    ids = {}
    for job, age_days in (("job-a", 1), ("job-a", 10), ("job-b", 1)):
        resume_id = await store_with_vectors(
            repository,
            resume("Dev", "Go developer", ["Go"]),
            [unit(1.0)] * 2,
            embedder=embedder.name,
            job_post_id=job,
        )
        await set_created_at(sessions, resume_id, now - timedelta(days=age_days))
        ids[(job, age_days)] = resume_id
    service = SearchService(sessions, embedder)

    async def found(**filters: object) -> set[uuid.UUID]:
        page = await service.search(SearchQuery(text="Go developer", **filters))  # type: ignore[arg-type]
        return {hit.resume_id for hit in page.hits}

    assert await found() == set(ids.values())
    assert await found(job_post_id="job-a") == {ids[("job-a", 1)], ids[("job-a", 10)]}
    assert await found(created_after=now - timedelta(days=5)) == {ids[("job-a", 1)], ids[("job-b", 1)]}
    assert await found(created_before=now - timedelta(days=5)) == {ids[("job-a", 10)]}
    assert await found(job_post_id="job-b", created_before=now - timedelta(days=5)) == set()


async def test_a_query_without_matches_returns_an_empty_last_page(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession], local_embedder: LocalEmbedder
) -> None:
    await store(repository, local_embedder, dev_resume("classic-1032"), job_post_id="job-1")
    service = SearchService(sessions, local_embedder)

    for query in (
        SearchQuery(text="Kubernetes", job_post_id="a-job-with-no-resumes"),
        SearchQuery(text="zzyzx quuxplorer", mode=SearchMode.TEXT),
    ):
        page = await service.search(query)
        assert page.hits == []
        assert page.next_page_token == ""


async def test_only_completed_resumes_are_searched(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession]
) -> None:
    embedder = FixedQueryEmbedder("test:fixed:384", unit(1.0))
    kept = await store_with_vectors(
        repository, resume("A", "Go developer", ["Go"]), [unit(1.0)] * 2, embedder=embedder.name
    )
    reprocessing = await store_with_vectors(
        repository, resume("B", "Go developer", ["Go"]), [unit(1.0)] * 2, embedder=embedder.name
    )
    await repository.requeue(reprocessing)  # back to QUEUED; its old vectors are still stored

    page = await SearchService(sessions, embedder).search(SearchQuery(text="Go developer"))

    assert [hit.resume_id for hit in page.hits] == [kept]


async def test_vectors_of_another_embedder_are_never_ranked(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession]
) -> None:
    current = FixedQueryEmbedder("test:current:384", unit(1.0))
    # Same dimension, different model: its vector equals the query vector, so mixing would rank it first.
    other_model = await store_with_vectors(
        repository, resume("Other", "Tester", ["Selenium"]), [unit(1.0)] * 2, embedder="test:other:384"
    )
    mine = await store_with_vectors(
        repository, resume("Mine", "Tester", ["Selenium"]), [unit(1.0, 1.0)] * 2, embedder=current.name
    )
    service = SearchService(sessions, current)

    vector_only = await service.search(SearchQuery(text="a tester", mode=SearchMode.VECTOR))

    assert [hit.resume_id for hit in vector_only.hits] == [mine]
    assert other_model not in {hit.resume_id for hit in vector_only.hits}


async def test_pages_cover_the_ranking_once_and_tokens_are_bound_to_their_query(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession]
) -> None:
    embedder = FixedQueryEmbedder("test:fixed:384", unit(1.0))
    stored = {
        await store_with_vectors(
            repository,
            resume(f"Dev {i}", "Go developer", ["Go"]),
            [unit(1.0, 0.05 * i)] * 2,
            embedder=embedder.name,
        )
        for i in range(25)
    }
    service = SearchService(sessions, embedder)

    seen: list[uuid.UUID] = []
    token = ""
    for _ in range(3):
        page = await service.search(SearchQuery(text="Go developer", page_size=10, page_token=token))
        seen += [hit.resume_id for hit in page.hits]
        token = page.next_page_token
    assert token == ""
    assert len(seen) == 25 and set(seen) == stored

    assert embedder.queries_embedded == 1  # the next pages reuse the query's vector

    first = await service.search(SearchQuery(text="Go developer", page_size=10))
    with pytest.raises(InvalidInputError) as other_query:
        await service.search(
            SearchQuery(text="Rust developer", page_size=10, page_token=first.next_page_token)
        )
    assert other_query.value.reason == "INVALID_PAGE_TOKEN"
    with pytest.raises(InvalidInputError) as malformed:
        await service.search(SearchQuery(text="Go developer", page_token="not-a-token"))
    assert malformed.value.reason == "INVALID_PAGE_TOKEN"


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        (SearchQuery(text=""), "QUERY_EMPTY"),
        (SearchQuery(text="   \n"), "QUERY_EMPTY"),
        (SearchQuery(text="x" * 8001), "QUERY_TOO_LONG"),
        (SearchQuery(text="Go", page_size=-1), "INVALID_PAGE_SIZE"),
        (
            SearchQuery(
                text="Go",
                created_after=datetime(2026, 2, 1, tzinfo=UTC),
                created_before=datetime(2026, 1, 1, tzinfo=UTC),
            ),
            "INVALID_TIME_RANGE",
        ),
    ],
)
async def test_invalid_requests_are_refused_before_any_work(
    sessions: async_sessionmaker[AsyncSession], query: SearchQuery, reason: str
) -> None:
    service = SearchService(sessions, FixedQueryEmbedder("test:fixed:384", unit(1.0)))
    with pytest.raises(InvalidInputError) as refused:
        await service.search(query)
    assert refused.value.reason == reason


async def test_a_query_of_exactly_the_maximum_length_is_accepted(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession], local_embedder: LocalEmbedder
) -> None:
    await store(repository, local_embedder, dev_resume("classic-1032"))
    long_description = ("Kubernetes Terraform site reliability engineer. " * 200)[:8000]

    page = await SearchService(sessions, local_embedder).search(SearchQuery(text=long_description))

    assert len(page.hits) == 1

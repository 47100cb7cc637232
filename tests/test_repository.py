"""A transition is one statement: the resume row and its event change together or not at all,
with the next sequence number, also when several are stored at once. Real PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from resume_parser.db.engine import create_engine, create_sessionmaker
from resume_parser.db.repository import EmbeddingVector, ResumeRepository
from resume_parser.db.tables import ResumeEmbeddingRow, ResumeEventRow
from resume_parser.domain import NewResume, Stage, StageError
from resume_parser.resume import Basics, ParsedResume


@pytest.fixture
async def repository(postgres_url: str) -> AsyncIterator[ResumeRepository]:
    engine = create_engine(postgres_url, pool_size=4)
    async with engine.begin() as connection:
        await connection.execute(text("DELETE FROM resumes"))
    yield ResumeRepository(create_sessionmaker(engine))
    await engine.dispose()


async def new_resume(repository: ResumeRepository, idempotency_key: str | None = None) -> uuid.UUID:
    record, created = await repository.create(
        NewResume("cv.pdf", "", "application/pdf", "", "", idempotency_key, "b", "k", 1, "0" * 64)
    )
    assert created and record.stage == Stage.QUEUED and record.sequence == 1
    assert [(e.sequence, e.stage) for e in record.events] == [(1, Stage.QUEUED)]
    return record.id


async def stored_events(repository: ResumeRepository, resume_id: uuid.UUID) -> list[tuple[int, Stage]]:
    return [(e.sequence, e.stage) for e in await repository.events_after(resume_id, 0)]


async def test_find_reads_the_resume_and_a_transition_keeps_its_entry_time(
    repository: ResumeRepository,
) -> None:
    resume_id = await new_resume(repository)

    record = await repository.find(resume_id)
    entered = datetime.now(UTC) - timedelta(milliseconds=30)  # entered before it was stored
    event = await repository.transition(resume_id, Stage.EXTRACTING, attempt=1, at=entered)

    assert record is not None
    assert (record.id, record.stage, record.sequence, record.attempt) == (resume_id, Stage.QUEUED, 1, 0)
    assert (record.bucket, record.key, record.sha256) == ("b", "k", "0" * 64)
    assert event is not None and (event.sequence, event.stage, event.occurred_at) == (
        2,
        Stage.EXTRACTING,
        entered,
    )
    assert await stored_events(repository, resume_id) == [(1, Stage.QUEUED), (2, Stage.EXTRACTING)]
    stored = await repository.events_after(resume_id, 1)
    assert stored[0].occurred_at == entered
    assert await repository.find(uuid.uuid4()) is None


async def test_concurrent_transitions_get_consecutive_sequence_numbers(repository: ResumeRepository) -> None:
    resume_id = await new_resume(repository)

    events = await asyncio.gather(
        *(repository.transition(resume_id, Stage.GROUPING, attempt=1) for _ in range(20))
    )

    assert sorted(e.sequence for e in events if e is not None) == list(range(2, 22))
    assert [sequence for sequence, _ in await stored_events(repository, resume_id)] == list(range(1, 22))


async def test_nothing_moves_a_terminal_or_deleted_resume(repository: ResumeRepository) -> None:
    resume_id = await new_resume(repository)
    error = StageError(code=3, reason="DOCUMENT_CORRUPT", message="unreadable", stage=Stage.EXTRACTING)
    failed = await repository.transition(resume_id, Stage.FAILED, attempt=1, error=error)
    assert failed is not None and failed.error == error
    parsed = ParsedResume(basics=Basics(name="Ada"))
    vector = EmbeddingVector(None, "test", [1.0, 0.0])

    assert await repository.transition(resume_id, Stage.GROUPING, attempt=1) is None
    assert await repository.complete(resume_id, parsed, [vector], attempt=1, search_text="Ada") is None
    assert await repository.complete(uuid.uuid4(), parsed, [vector], attempt=1, search_text="Ada") is None

    record = await repository.get(resume_id)
    assert record is not None and record.stage == Stage.FAILED and record.error == error
    assert record.parsed is None  # a late result is not written over a failure
    assert await stored_events(repository, resume_id) == [(1, Stage.QUEUED), (2, Stage.FAILED)]
    async with repository._sessions() as session:
        vectors = await session.scalar(select(func.count()).select_from(ResumeEmbeddingRow))
        events = await session.scalar(select(func.count()).select_from(ResumeEventRow))
    assert (vectors, events) == (0, 2)


async def test_complete_stores_the_result_vectors_and_event_together(repository: ResumeRepository) -> None:
    resume_id = await new_resume(repository)
    parsed = ParsedResume(basics=Basics(name="Ada Lovelace"))
    vectors = [EmbeddingVector(None, "test", [1.0, 0.0]), EmbeddingVector(0, "test", [0.0, 1.0])]

    event = await repository.complete(resume_id, parsed, vectors, attempt=1, search_text="Ada Lovelace")

    assert event is not None and (event.sequence, event.stage) == (2, Stage.COMPLETED)
    record = await repository.get(resume_id)
    assert record is not None and record.parsed == parsed and record.stage == Stage.COMPLETED
    async with repository._sessions() as session:
        stored = (await session.scalars(select(ResumeEmbeddingRow.work_index))).all()
        matched = await session.scalar(
            text("SELECT count(*) FROM resumes WHERE search_document @@ to_tsquery('simple', 'lovelace')")
        )
    assert sorted(stored, key=lambda i: -1 if i is None else i) == [None, 0]
    assert matched == 1


async def test_complete_stores_completed_only_after_what_it_waits_for(repository: ResumeRepository) -> None:
    """`ready` (the pipeline's earlier transitions) runs inside the transaction: the vectors are
    written meanwhile, COMPLETED comes after, and nothing is written if `ready` fails."""
    resume_id = await new_resume(repository)
    parsed = ParsedResume(basics=Basics(name="Ada"))
    vectors = [EmbeddingVector(None, "test", [1.0, 0.0])]

    async def fails() -> None:
        raise ConnectionError("the database went away")

    with pytest.raises(ConnectionError):
        await repository.complete(resume_id, parsed, vectors, attempt=1, search_text="Ada", ready=fails)
    async with repository._sessions() as session:
        assert await session.scalar(select(func.count()).select_from(ResumeEmbeddingRow)) == 0

    async def persisting() -> None:
        assert await repository.transition(resume_id, Stage.PERSISTING, attempt=1) is not None

    event = await repository.complete(
        resume_id, parsed, vectors, attempt=1, search_text="Ada", ready=persisting
    )

    assert event is not None and (event.sequence, event.stage) == (3, Stage.COMPLETED)
    assert await stored_events(repository, resume_id) == [
        (1, Stage.QUEUED),
        (2, Stage.PERSISTING),
        (3, Stage.COMPLETED),
    ]
    record = await repository.get(resume_id)
    assert record is not None and record.parsed == parsed


async def test_an_idempotency_key_creates_one_resume(repository: ResumeRepository) -> None:
    first = await new_resume(repository, idempotency_key="app-1")

    record, created = await repository.create(
        NewResume("cv.pdf", "", "application/pdf", "", "", "app-1", "b", "k", 1, "0" * 64)
    )

    assert (record.id, created) == (first, False)
    assert await stored_events(repository, first) == [(1, Stage.QUEUED)]

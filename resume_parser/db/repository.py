"""ResumeRepository: the one place that reads and writes resumes, their transitions and embeddings.

A stage transition bumps the resume's sequence number and appends the matching resume_events row
in one statement, so the stored history never has a gap; publishing happens after the commit.
The statements on the pipeline's path are single statements run in autocommit mode: PostgreSQL
makes each one atomic by itself, and one round trip replaces BEGIN, the statement and COMMIT.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    DateTime,
    Integer,
    Row,
    Select,
    Text,
    and_,
    bindparam,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB, insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from resume_parser.db.tables import ResumeEmbeddingRow, ResumeEventRow, ResumeRow
from resume_parser.domain import NewResume, ResumeEvent, ResumeRecord, Stage, StageError
from resume_parser.resume import ParsedResume

TERMINAL = (Stage.COMPLETED.value, Stage.FAILED.value)
# What a ResumeRecord is made of: every column but the full-text document, which only search reads.
RECORD_COLUMNS = tuple(c for c in ResumeRow.__table__.columns if c.name != "search_document")


@dataclass(frozen=True, slots=True)
class EmbeddingVector:
    work_index: int | None  # the work entry's index, for kind "work"
    embedder: str
    vector: list[float]
    kind: str = "resume"  # "resume" (the whole resume), "work" or "title" (a current title)


@dataclass(frozen=True, slots=True)
class PageCursor:
    """Keyset position for newest-first listing."""

    created_at: datetime
    id: uuid.UUID


def _now() -> datetime:
    return datetime.now(UTC)


def _event_from_row(row: ResumeEventRow) -> ResumeEvent:
    return ResumeEvent(
        resume_id=row.resume_id,
        sequence=row.sequence,
        stage=Stage(row.stage),
        attempt=row.attempt,
        occurred_at=row.occurred_at,
        error=StageError.from_json(row.error) if row.error else None,
    )


def _record_from_row(row: ResumeRow | Row[Any], events: Sequence[ResumeEventRow] = ()) -> ResumeRecord:
    return ResumeRecord(
        id=row.id,
        stage=Stage(row.stage),
        sequence=row.sequence,
        attempt=row.attempt,
        filename=row.filename,
        media_type=row.media_type,
        job_post_id=row.job_post_id,
        external_id=row.external_id,
        bucket=row.bucket,
        key=row.key,
        size_bytes=row.size_bytes,
        sha256=row.sha256,
        created_at=row.created_at,
        updated_at=row.updated_at,
        error=StageError.from_json(row.error) if row.error else None,
        parsed=ParsedResume.model_validate(row.parsed) if row.parsed else None,
        events=tuple(_event_from_row(e) for e in events),
        tenant_id=row.tenant_id,
    )


def _transition_statement(returning: Sequence[Any], **changes: Any) -> Select[Any]:
    """One statement that moves a non-terminal resume to a stage with the next sequence number (and
    sets any other column in `changes`) and appends the matching event. It returns the resume's
    `returning` columns, or nothing and changes nothing when the resume is gone or already terminal.

    Built once per shape, with the parameters resume_id, stage, attempt, error and now (see
    _transition_parameters): building and caching a statement this size costs more than running it.
    """
    stage, attempt = bindparam("stage", type_=Text), bindparam("attempt", type_=Integer)
    error, now = bindparam("error", type_=JSONB), bindparam("now", type_=DateTime(timezone=True))
    moved = (
        update(ResumeRow)
        .where(ResumeRow.id == bindparam("resume_id"), ResumeRow.stage.not_in(TERMINAL))
        .values(
            stage=stage,
            sequence=ResumeRow.sequence + 1,
            attempt=attempt,
            error=error,
            updated_at=now,
            **changes,
        )
        .returning(*{c.name: c for c in (ResumeRow.id, ResumeRow.sequence, *returning)}.values())
        .cte("moved")
    )
    logged = (
        insert(ResumeEventRow)
        .from_select(
            ["resume_id", "sequence", "stage", "attempt", "error", "occurred_at"],
            select(moved.c.id, moved.c.sequence, stage, attempt, error, now),
        )
        .cte("logged")
    )
    # PostgreSQL runs every data-modifying part of a WITH, whether or not the query reads it.
    return select(*(moved.c[column.name] for column in returning)).add_cte(logged)


def _transition_parameters(
    resume_id: uuid.UUID, stage: Stage, attempt: int, error: StageError | None, now: datetime
) -> dict[str, Any]:
    return {
        "resume_id": resume_id,
        "stage": stage.value,
        "attempt": attempt,
        "error": error.to_json() if error else None,
        "now": now,
    }


TRANSITION = _transition_statement((ResumeRow.sequence,))
# The last: store the result with the COMPLETED transition.
COMPLETE = _transition_statement(
    (ResumeRow.sequence,),
    parsed=bindparam("parsed", type_=JSONB),
    parser_version=bindparam("parser_version", type_=Text),
    search_document=func.to_tsvector("simple", bindparam("search_text", type_=Text)),
    search_facets=bindparam("search_facets", type_=JSONB),
)


class ResumeRepository:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]):
        self._sessions = sessions

    @asynccontextmanager
    async def _autocommit(self) -> AsyncIterator[AsyncConnection]:
        """A connection on which every statement commits by itself (no BEGIN, no COMMIT)."""
        async with self._sessions() as session:
            yield await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})

    async def create(self, new: NewResume) -> tuple[ResumeRecord, bool]:
        """Insert a QUEUED resume with its first event, in one statement. With an idempotency key
        already used, return the existing resume and False instead."""
        resume_id = uuid.uuid4()
        now = _now()
        created = (
            insert(ResumeRow)
            .values(
                id=resume_id,
                tenant_id=new.tenant_id,
                idempotency_key=new.idempotency_key,
                filename=new.filename,
                declared_content_type=new.declared_content_type,
                media_type=new.media_type,
                job_post_id=new.job_post_id,
                external_id=new.external_id,
                bucket=new.bucket,
                key=new.key,
                size_bytes=new.size_bytes,
                sha256=new.sha256,
                stage=Stage.QUEUED.value,
                sequence=1,
                attempt=0,
                created_at=now,
                updated_at=now,
            )
            .on_conflict_do_nothing(index_elements=[ResumeRow.tenant_id, ResumeRow.idempotency_key])
            .returning(*RECORD_COLUMNS)
            .cte("created")
        )
        logged = (
            insert(ResumeEventRow)
            .from_select(
                ["resume_id", "sequence", "stage", "attempt", "occurred_at"],
                select(
                    created.c.id, created.c.sequence, created.c.stage, created.c.attempt, created.c.created_at
                ),
            )
            .cte("logged")
        )
        async with self._autocommit() as connection:
            row = (await connection.execute(select(created).add_cte(logged))).first()
        if row is None:
            existing = await self.get_by_idempotency_key(new.tenant_id, new.idempotency_key or "")
            assert existing is not None, "an idempotency-key conflict implies the row exists"
            return existing, False
        queued = ResumeEvent(resume_id, 1, Stage.QUEUED, 0, now)
        return replace(_record_from_row(row), events=(queued,)), True

    async def get(self, resume_id: uuid.UUID, *, tenant_id: str | None = None) -> ResumeRecord | None:
        """The resume, or None; with `tenant_id`, None also when it belongs to another tenant (the
        callers' view: another tenant's resume does not exist). Without, for the pipeline."""
        async with self._sessions() as session:
            row = await session.get(ResumeRow, resume_id)
            if row is None or (tenant_id is not None and row.tenant_id != tenant_id):
                return None
            events = (
                await session.scalars(
                    select(ResumeEventRow)
                    .where(ResumeEventRow.resume_id == resume_id)
                    .order_by(ResumeEventRow.sequence)
                )
            ).all()
            return _record_from_row(row, events)

    async def find(self, resume_id: uuid.UUID) -> ResumeRecord | None:
        """The resume without its history, for the pipeline's start: one statement, no transaction."""
        async with self._autocommit() as connection:
            row = (await connection.execute(select(*RECORD_COLUMNS).where(ResumeRow.id == resume_id))).first()
        return None if row is None else _record_from_row(row)

    async def get_by_idempotency_key(self, tenant_id: str, key: str) -> ResumeRecord | None:
        async with self._sessions() as session:
            resume_id = await session.scalar(
                select(ResumeRow.id).where(ResumeRow.tenant_id == tenant_id, ResumeRow.idempotency_key == key)
            )
        return await self.get(resume_id) if resume_id else None

    async def list_page(
        self,
        *,
        tenant_id: str,
        job_post_id: str,
        stage: Stage | None,
        limit: int,
        after: PageCursor | None,
    ) -> list[ResumeRecord]:
        query = select(ResumeRow).where(ResumeRow.tenant_id == tenant_id)
        if job_post_id:
            query = query.where(ResumeRow.job_post_id == job_post_id)
        if stage is not None:
            query = query.where(ResumeRow.stage == stage.value)
        if after is not None:
            query = query.where(
                or_(
                    ResumeRow.created_at < after.created_at,
                    and_(ResumeRow.created_at == after.created_at, ResumeRow.id < after.id),
                )
            )
        query = query.order_by(ResumeRow.created_at.desc(), ResumeRow.id.desc()).limit(limit)
        async with self._sessions() as session:
            rows = (await session.scalars(query)).all()
        return [_record_from_row(row) for row in rows]

    async def events_after(self, resume_id: uuid.UUID, sequence: int) -> list[ResumeEvent]:
        async with self._sessions() as session:
            rows = (
                await session.scalars(
                    select(ResumeEventRow)
                    .where(ResumeEventRow.resume_id == resume_id, ResumeEventRow.sequence > sequence)
                    .order_by(ResumeEventRow.sequence)
                )
            ).all()
        return [_event_from_row(row) for row in rows]

    async def transition(
        self,
        resume_id: uuid.UUID,
        stage: Stage,
        *,
        attempt: int,
        error: StageError | None = None,
        at: datetime | None = None,
    ) -> ResumeEvent | None:
        """Move a non-terminal resume to `stage`, entered `at` (default: now). Returns None when the
        resume is gone or already terminal (a deleted resume, or a duplicate job finding its work
        done)."""
        now = at or _now()
        parameters = _transition_parameters(resume_id, stage, attempt, error, now)
        async with self._autocommit() as connection:
            row = (await connection.execute(TRANSITION, parameters)).first()
        return None if row is None else ResumeEvent(resume_id, row.sequence, stage, attempt, now, error)

    async def complete(
        self,
        resume_id: uuid.UUID,
        parsed: ParsedResume,
        embeddings: list[EmbeddingVector],
        *,
        attempt: int,
        search_text: str,
        search_facets: dict[str, Any] | None = None,
        ready: Callable[[], Awaitable[None]] | None = None,
    ) -> ResumeEvent | None:
        """Store the result and enter COMPLETED atomically: a reader never sees one without the other.

        `ready`, when given, is awaited inside the transaction after the vectors are written and
        before the resume row is: the pipeline's earlier transitions are stored and published
        meanwhile, and COMPLETED is stored only after them. If it raises, nothing is written."""
        result = {
            "parsed": parsed.to_json_dict(),
            "parser_version": parsed.meta.parser_version if parsed.meta else None,
            "search_text": search_text,
            "search_facets": search_facets,
        }
        vectors = [
            {
                "resume_id": resume_id,
                "work_index": e.work_index,
                "kind": e.kind,
                "embedder": e.embedder,
                "dimension": len(e.vector),
                "embedding": e.vector,
            }
            for e in embeddings
        ]
        async with self._sessions() as session:
            await session.execute(delete(ResumeEmbeddingRow).where(ResumeEmbeddingRow.resume_id == resume_id))
            if vectors:
                try:
                    await session.execute(insert(ResumeEmbeddingRow), vectors)
                except IntegrityError:  # the vectors' one foreign key: the resume was deleted
                    await session.rollback()
                    return None
            if ready is not None:
                await ready()
            now = _now()
            parameters = _transition_parameters(resume_id, Stage.COMPLETED, attempt, None, now) | result
            row = (await session.execute(COMPLETE, parameters)).first()
            if row is None:
                await session.rollback()  # gone or terminal: nothing is written
                return None
            await session.commit()
        return ResumeEvent(resume_id, row.sequence, Stage.COMPLETED, attempt, now)

    async def requeue(self, resume_id: uuid.UUID) -> ResumeEvent | None:
        """Send a resume back to QUEUED (reprocessing); the history of earlier attempts is kept."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(ResumeRow)
                .where(ResumeRow.id == resume_id)
                .values(
                    stage=Stage.QUEUED.value,
                    error=None,
                    parsed=None,
                    search_document=None,
                    search_facets=None,
                )
                .where(ResumeRow.stage.in_([Stage.COMPLETED, Stage.FAILED]))
                .execution_options(synchronize_session=False)
            )
            # The row is now non-terminal, so the ordinary transition records the event.
            now = _now()
            parameters = _transition_parameters(resume_id, Stage.QUEUED, 0, None, now)
            row = (await session.execute(TRANSITION, parameters)).first()
        return None if row is None else ResumeEvent(resume_id, row.sequence, Stage.QUEUED, 0, now)

    async def delete(self, resume_id: uuid.UUID, *, tenant_id: str) -> tuple[str, str, bool] | None:
        """Delete a tenant's resume with its events and embeddings. Returns (bucket, key,
        still_referenced): the file is content-addressed, so another resume may share it."""
        async with self._sessions.begin() as session:
            row = await session.get(ResumeRow, resume_id, with_for_update=True)
            if row is None or row.tenant_id != tenant_id:
                return None
            bucket, key = row.bucket, row.key
            await session.delete(row)
            await session.flush()
            others = await session.scalar(
                select(func.count()).select_from(ResumeRow).where(ResumeRow.key == key)
            )
        return bucket, key, bool(others)

    async def stalled(self, older_than: datetime, limit: int = 100) -> list[ResumeRecord]:
        """Non-terminal resumes with no transition since `older_than` (for the stuck-job sweeper)."""
        query = (
            select(ResumeRow)
            .where(ResumeRow.stage.not_in([Stage.COMPLETED, Stage.FAILED]), ResumeRow.updated_at < older_than)
            .order_by(ResumeRow.updated_at)
            .limit(limit)
        )
        async with self._sessions() as session:
            rows = (await session.scalars(query)).all()
        return [_record_from_row(row) for row in rows]

    async def touch(self, resume_id: uuid.UUID) -> None:
        async with self._sessions.begin() as session:
            await session.execute(
                update(ResumeRow).where(ResumeRow.id == resume_id).values(updated_at=_now())
            )

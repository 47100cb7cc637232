"""ResumeRepository: the one place that reads and writes resumes, their transitions and embeddings.

A stage transition bumps the resume's sequence number and appends the matching resume_events row
in one transaction, so the stored history never has a gap; publishing happens after the commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resume_parser.db.tables import ResumeEmbeddingRow, ResumeEventRow, ResumeRow
from resume_parser.domain import NewResume, ResumeEvent, ResumeRecord, Stage, StageError
from resume_parser.resume import ParsedResume


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


def _record_from_row(row: ResumeRow, events: Sequence[ResumeEventRow] = ()) -> ResumeRecord:
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


class ResumeRepository:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]):
        self._sessions = sessions

    async def create(self, new: NewResume) -> tuple[ResumeRecord, bool]:
        """Insert a QUEUED resume with its first event. With an idempotency key already used, return
        the existing resume and False instead."""
        resume_id = uuid.uuid4()
        now = _now()
        async with self._sessions.begin() as session:
            inserted = await session.scalar(
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
                .returning(ResumeRow.id)
            )
            if inserted is not None:
                session.add(
                    ResumeEventRow(
                        resume_id=resume_id, sequence=1, stage="QUEUED", attempt=0, occurred_at=now
                    )
                )
        if inserted is None:
            existing = await self.get_by_idempotency_key(new.tenant_id, new.idempotency_key or "")
            assert existing is not None, "an idempotency-key conflict implies the row exists"
            return existing, False
        record = await self.get(resume_id)
        assert record is not None
        return record, True

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
        session: AsyncSession | None = None,
    ) -> ResumeEvent | None:
        """Move a non-terminal resume to `stage`. Returns None when the resume is gone or already
        terminal (a deleted resume, or a duplicate job finding its work done)."""
        if session is None:
            async with self._sessions.begin() as own_session:
                return await self.transition(
                    resume_id, stage, attempt=attempt, error=error, session=own_session
                )
        now = _now()
        sequence = await session.scalar(
            update(ResumeRow)
            .where(ResumeRow.id == resume_id, ResumeRow.stage.not_in([Stage.COMPLETED, Stage.FAILED]))
            .values(
                stage=stage.value,
                sequence=ResumeRow.sequence + 1,
                attempt=attempt,
                error=error.to_json() if error else None,
                updated_at=now,
            )
            .returning(ResumeRow.sequence)
        )
        if sequence is None:
            return None
        event = ResumeEvent(resume_id, sequence, stage, attempt, now, error)
        session.add(
            ResumeEventRow(
                resume_id=resume_id,
                sequence=sequence,
                stage=stage.value,
                attempt=attempt,
                error=event.error.to_json() if event.error else None,
                occurred_at=now,
            )
        )
        return event

    async def complete(
        self,
        resume_id: uuid.UUID,
        parsed: ParsedResume,
        embeddings: list[EmbeddingVector],
        *,
        attempt: int,
        search_text: str,
        search_facets: dict[str, Any] | None = None,
    ) -> ResumeEvent | None:
        """Store the result and enter COMPLETED atomically: a reader never sees one without the other."""
        async with self._sessions.begin() as session:
            await session.execute(delete(ResumeEmbeddingRow).where(ResumeEmbeddingRow.resume_id == resume_id))
            await session.execute(
                update(ResumeRow)
                .where(ResumeRow.id == resume_id)
                .values(
                    parsed=parsed.to_json_dict(),
                    parser_version=parsed.meta.parser_version if parsed.meta else None,
                    search_document=func.to_tsvector("simple", search_text),
                    search_facets=search_facets,
                )
            )
            session.add_all(
                ResumeEmbeddingRow(
                    resume_id=resume_id,
                    work_index=e.work_index,
                    kind=e.kind,
                    embedder=e.embedder,
                    dimension=len(e.vector),
                    embedding=e.vector,
                )
                for e in embeddings
            )
            return await self.transition(resume_id, Stage.COMPLETED, attempt=attempt, session=session)

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
            return await self.transition(resume_id, Stage.QUEUED, attempt=0, session=session)

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

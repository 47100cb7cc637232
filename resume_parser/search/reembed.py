"""Re-embed stored resumes with another embedder (`resume-parser reembed`).

Works from the stored parsed JSON, so no file is read or parsed again; the full-text document and
the search facets are rebuilt with the vectors. Resumes are handled in
batches, newest id last; each batch's vectors are replaced in one transaction, so a resume always
has one complete set of vectors. A resume that changed while its batch was being embedded
(reprocessed, deleted) is left alone: its own pipeline run writes its vectors.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resume_parser.db.tables import ResumeEmbeddingRow, ResumeRow
from resume_parser.domain import Stage
from resume_parser.embedding import Embedder
from resume_parser.resume import ParsedResume
from resume_parser.search.document import search_document


@dataclass(frozen=True, slots=True)
class _StoredResume:
    id: uuid.UUID
    sequence: int
    parsed: ParsedResume


async def reembed_all(
    sessions: async_sessionmaker[AsyncSession], embedder: Embedder, *, batch_size: int = 64
) -> int:
    """Replace the vectors of every COMPLETED resume with `embedder`'s; returns how many were done."""
    done = 0
    after: uuid.UUID | None = None
    while batch := await _next_batch(sessions, after, batch_size):
        after = batch[-1].id
        done += await _reembed_batch(sessions, embedder, batch)
    return done


async def _next_batch(
    sessions: async_sessionmaker[AsyncSession], after: uuid.UUID | None, size: int
) -> list[_StoredResume]:
    query = select(ResumeRow.id, ResumeRow.sequence, ResumeRow.parsed).where(
        ResumeRow.stage == Stage.COMPLETED.value, ResumeRow.parsed.is_not(None)
    )
    if after is not None:
        query = query.where(ResumeRow.id > after)
    async with sessions() as session:
        rows = (await session.execute(query.order_by(ResumeRow.id).limit(size))).all()
    return [_StoredResume(id, sequence, ParsedResume.model_validate(parsed)) for id, sequence, parsed in rows]


async def _reembed_batch(
    sessions: async_sessionmaker[AsyncSession], embedder: Embedder, batch: list[_StoredResume]
) -> int:
    documents = [await search_document(r.parsed, embedder) for r in batch]
    async with sessions.begin() as session:
        unchanged = await _lock_unchanged(session, batch)
        for resume, document in zip(batch, documents, strict=True):
            if resume.id not in unchanged:
                continue
            await session.execute(delete(ResumeEmbeddingRow).where(ResumeEmbeddingRow.resume_id == resume.id))
            session.add_all(
                ResumeEmbeddingRow(
                    resume_id=resume.id,
                    work_index=v.work_index,
                    kind=v.kind,
                    embedder=v.embedder,
                    dimension=len(v.vector),
                    embedding=v.vector,
                )
                for v in document.vectors
            )
            # The full-text document and the facets are rebuilt too, so every part of the ranking
            # follows the current code.
            await session.execute(
                update(ResumeRow)
                .where(ResumeRow.id == resume.id)
                .values(
                    search_document=func.to_tsvector("simple", document.text),
                    search_facets=document.facets,
                )
            )
    return len(unchanged)


async def _lock_unchanged(session: AsyncSession, batch: list[_StoredResume]) -> set[uuid.UUID]:
    """Lock the batch's resumes that are still COMPLETED at the sequence that was read."""
    read_at = {r.id: r.sequence for r in batch}
    rows = await session.execute(
        select(ResumeRow.id, ResumeRow.sequence)
        .where(ResumeRow.id.in_(read_at), ResumeRow.stage == Stage.COMPLETED.value)
        .with_for_update()
    )
    return {id for id, sequence in rows.all() if read_at[id] == sequence}

"""reembed_all: every COMPLETED resume gets the new embedder's vectors (whole resume, work entries,
current titles), from its stored parsed JSON."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resume_parser.db.repository import ResumeRepository
from resume_parser.embedding.local import LocalEmbedder
from resume_parser.embedding.texts import title_texts
from resume_parser.search import SearchMode, SearchQuery, SearchService
from resume_parser.search.reembed import reembed_all
from tests.search.stored import create, dev_resume, store_with_vectors, unit


async def test_reembedding_replaces_the_vectors_of_completed_resumes_only(
    repository: ResumeRepository, sessions: async_sessionmaker[AsyncSession], local_embedder: LocalEmbedder
) -> None:
    stems = ["classic-1032", "compact-1010", "timeline-1004"]
    for stem in stems:
        parsed = dev_resume(stem)
        old_vectors = [unit(1.0, dimension=8)] * (1 + len(parsed.work))
        await store_with_vectors(repository, parsed, old_vectors, embedder="old:model:8", external_id=stem)
    queued = await create(repository)  # not parsed yet: nothing to re-embed

    done = await reembed_all(sessions, local_embedder, batch_size=2)  # two batches

    assert done == len(stems)
    async with sessions() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT embedder, dimension, kind, count(*) FROM resume_embeddings"
                    " GROUP BY embedder, dimension, kind ORDER BY kind"
                )
            )
        ).all()
        queued_vectors = await session.scalar(
            text("SELECT count(*) FROM resume_embeddings WHERE resume_id = :id"), {"id": queued}
        )
    work_entries = sum(len(dev_resume(stem).work) for stem in stems)
    titles = sum(len(title_texts(dev_resume(stem))) for stem in stems)
    assert rows == [
        (local_embedder.name, 384, "resume", len(stems)),
        (local_embedder.name, 384, "title", titles),
        (local_embedder.name, 384, "work", work_entries),
    ]
    assert queued_vectors == 0

    service = SearchService(sessions, local_embedder)
    page = await service.search(
        SearchQuery(text="HR generalist, payroll", mode=SearchMode.VECTOR, page_size=1)
    )
    assert [hit.external_id for hit in page.hits] == ["timeline-1004"]

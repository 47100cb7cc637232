"""Storing test resumes the way the pipeline does, and small resumes to store."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resume_parser.db.repository import EmbeddingVector, ResumeRepository
from resume_parser.domain import NewResume
from resume_parser.embedding import Embedder
from resume_parser.resume import Basics, ParsedResume, Skill, Work
from resume_parser.search.document import full_text, search_document
from resume_parser.search.facets import resume_facets

DEV_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"


def dev_resume(stem: str) -> ParsedResume:
    return ParsedResume.model_validate(json.loads((DEV_CORPUS / f"{stem}.json").read_text()))


def resume(name: str, position: str, skills: list[str]) -> ParsedResume:
    return ParsedResume(
        basics=Basics(name=name, label=position),
        work=[Work(name="Acme", position=position)],
        skills=[Skill(name="Skills", keywords=skills)],
    )


async def create(
    repository: ResumeRepository, *, job_post_id: str = "job-1", external_id: str = "", tenant_id: str = ""
) -> uuid.UUID:
    record, _ = await repository.create(
        NewResume(
            filename="resume.pdf",
            declared_content_type="application/pdf",
            media_type="application/pdf",
            job_post_id=job_post_id,
            external_id=external_id,
            idempotency_key=None,
            bucket="test",
            key=f"test/{uuid.uuid4()}",
            size_bytes=1,
            sha256="0" * 64,
            tenant_id=tenant_id,
        )
    )
    return record.id


async def store_with_vectors(
    repository: ResumeRepository,
    parsed: ParsedResume,
    vectors: list[list[float]],
    *,
    embedder: str,
    job_post_id: str = "job-1",
    external_id: str = "",
) -> uuid.UUID:
    """A COMPLETED resume with the given vectors: [whole resume, work 0, work 1, ...], and the full
    text and facets the pipeline stores."""
    resume_id = await create(repository, job_post_id=job_post_id, external_id=external_id)
    embeddings = [
        EmbeddingVector(None if i == 0 else i - 1, embedder, v, "resume" if i == 0 else "work")
        for i, v in enumerate(vectors)
    ]
    await repository.complete(
        resume_id,
        parsed,
        embeddings,
        attempt=1,
        search_text=full_text(parsed),
        search_facets=resume_facets(parsed).to_json(),
    )
    return resume_id


async def store(
    repository: ResumeRepository,
    embedder: Embedder,
    parsed: ParsedResume,
    *,
    job_post_id: str = "job-1",
    external_id: str = "",
    tenant_id: str = "",
) -> uuid.UUID:
    """A COMPLETED resume embedded and indexed as the pipeline does it."""
    resume_id = await create(
        repository, job_post_id=job_post_id, external_id=external_id, tenant_id=tenant_id
    )
    document = await search_document(parsed, embedder)
    await repository.complete(
        resume_id,
        parsed,
        document.vectors,
        attempt=1,
        search_text=document.text,
        search_facets=document.facets,
    )
    return resume_id


async def set_created_at(
    sessions: async_sessionmaker[AsyncSession], resume_id: uuid.UUID, when: datetime
) -> None:
    async with sessions.begin() as session:
        await session.execute(
            text("UPDATE resumes SET created_at = :when WHERE id = :id"), {"when": when, "id": resume_id}
        )


def unit(*components: float, dimension: int = 384) -> list[float]:
    """A unit vector with the given leading components (the rest zero)."""
    norm = sum(c * c for c in components) ** 0.5
    return [c / norm for c in components] + [0.0] * (dimension - len(components))


class FixedQueryEmbedder:
    """An Embedder whose query vector is chosen by the test, to put stored vectors where a test needs
    them relative to the query (documents are stored with explicit vectors, never embedded here)."""

    def __init__(self, name: str, query_vector: list[float]):
        self.name = name
        self.dimension = len(query_vector)
        self._query_vector = query_vector
        self.queries_embedded = 0

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._query_vector for _ in texts]

    async def embed_query(self, text: str) -> list[float]:
        self.queries_embedded += 1
        return self._query_vector

    async def embed_queries(self, texts: list[str]) -> list[list[float]]:
        self.queries_embedded += len(texts)
        return [self._query_vector for _ in texts]

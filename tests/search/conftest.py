"""Search tests run against the session's real PostgreSQL (pgvector, migrated to head): each test
starts from empty tables and stores its own resumes through ResumeRepository, as the pipeline does."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resume_parser.db.engine import create_engine, create_sessionmaker
from resume_parser.db.repository import ResumeRepository
from resume_parser.embedding.local import LocalEmbedder


@pytest.fixture(scope="session")
def local_embedder() -> LocalEmbedder:
    return LocalEmbedder.load()


@pytest.fixture
async def sessions(postgres_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(postgres_url, pool_size=2)
    async with engine.begin() as connection:
        await connection.execute(text("TRUNCATE resumes, resume_events, resume_embeddings CASCADE"))
    yield create_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture
def repository(sessions: async_sessionmaker[AsyncSession]) -> ResumeRepository:
    return ResumeRepository(sessions)

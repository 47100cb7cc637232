"""Table definitions. The schema itself is created only by the Alembic migrations in migrations/;
tests/test_migrations.py checks that these definitions and the migrations agree."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pgvector.sqlalchemy import Vector
from sqlalchemy import (
    BigInteger,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Text,
    UniqueConstraint,
    cast,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ResumeRow(Base):
    __tablename__ = "resumes"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    # Every query of the service names the tenant: one tenant never sees another's resumes.
    tenant_id: Mapped[str] = mapped_column(Text, server_default="")
    idempotency_key: Mapped[str | None] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(Text)
    declared_content_type: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(Text)
    job_post_id: Mapped[str] = mapped_column(Text, index=True)
    external_id: Mapped[str] = mapped_column(Text)
    bucket: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, index=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(Text, index=True)
    sequence: Mapped[int] = mapped_column(BigInteger)
    attempt: Mapped[int] = mapped_column(Integer)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    parsed: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    parser_version: Mapped[str | None] = mapped_column(Text)
    # Full-text document over the normalized resume, for hybrid search.
    search_document: Mapped[Any | None] = mapped_column(TSVECTOR)
    # What a query's constraints are checked against (search/facets.py).
    search_facets: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), index=True
    )
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        UniqueConstraint("tenant_id", "idempotency_key"),
        Index("ix_resumes_search_document", "search_document", postgresql_using="gin"),
        Index("ix_resumes_stage_updated_at", "stage", "updated_at"),
        Index("ix_resumes_tenant_id_created_at", "tenant_id", "created_at"),
    )


# The query constraints' filters on search_facets (migrations 0006, 0008): lookups, and above all
# the planner's statistics on these expressions.
FACET_INDEXES = (
    Index("ix_resumes_facet_country", ResumeRow.search_facets["country"].astext),
    Index(
        "ix_resumes_facet_languages", ResumeRow.search_facets.op("->")("languages"), postgresql_using="gin"
    ),
    Index("ix_resumes_facet_experience", cast(ResumeRow.search_facets["experience_months"].astext, Integer)),
    # Migration 0008.
    Index(
        "ix_resumes_facet_certificate_words",
        ResumeRow.search_facets.op("->")("certificate_words"),
        postgresql_using="gin",
    ),
    Index("ix_resumes_facet_degrees", ResumeRow.search_facets.op("->")("degrees"), postgresql_using="gin"),
)


class ResumeEventRow(Base):
    """Every stage transition, in order: the source of truth that WatchResume replays from."""

    __tablename__ = "resume_events"

    resume_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("resumes.id", ondelete="CASCADE"), primary_key=True
    )
    sequence: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    stage: Mapped[str] = mapped_column(Text)
    attempt: Mapped[int] = mapped_column(Integer)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ResumeEmbeddingRow(Base):
    """One vector: the whole resume, one work entry (work_index) or one current title (kind). The
    embedder's name and dimension are stored with it, and searches only ever compare vectors of one
    embedder."""

    __tablename__ = "resume_embeddings"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    resume_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("resumes.id", ondelete="CASCADE"), index=True
    )
    work_index: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(Text, server_default="resume")  # "resume", "work" or "title"
    embedder: Mapped[str] = mapped_column(Text)
    dimension: Mapped[int] = mapped_column(Integer)
    embedding: Mapped[Any] = mapped_column(Vector())

    __table_args__ = (Index("ix_resume_embeddings_embedder_dimension", "embedder", "dimension"),)


def _hnsw_cosine_index(dimension: int) -> Index:
    """HNSW needs a fixed dimension: a partial index over `embedding::vector(n)` for the rows of one
    dimension (migration 0002), title vectors left out (0007). Searches order by the same cast,
    with the same WHERE clause."""
    expression = cast(ResumeEmbeddingRow.embedding, Vector(dimension)).label(f"embedding_{dimension}")
    return Index(
        f"ix_resume_embeddings_hnsw_{dimension}",
        expression,
        postgresql_using="hnsw",
        postgresql_ops={expression.name: "vector_cosine_ops"},
        postgresql_where=(ResumeEmbeddingRow.dimension == dimension) & (ResumeEmbeddingRow.kind != "title"),
    )


# 384: the local all-MiniLM-L6-v2 model; 512: the local multilingual USE model (migration 0005);
# 768: the Gemini default output dimensionality.
INDEXED_DIMENSIONS = (384, 512, 768)
HNSW_INDEXES = tuple(_hnsw_cosine_index(dimension) for dimension in INDEXED_DIMENSIONS)


# Raw SQL the migrations and tests share: pgvector must exist before the tables.
CREATE_VECTOR_EXTENSION = text("CREATE EXTENSION IF NOT EXISTS vector")

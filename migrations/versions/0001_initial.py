"""Initial schema: resumes, their stage transitions, and embeddings.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import pgvector.sqlalchemy
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS vector")
    op.create_table(
        "resumes",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("idempotency_key", sa.Text(), nullable=True),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("declared_content_type", sa.Text(), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("job_post_id", sa.Text(), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=False),
        sa.Column("bucket", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.Text(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("error", postgresql.JSONB(), nullable=True),
        sa.Column("parsed", postgresql.JSONB(), nullable=True),
        sa.Column("parser_version", sa.Text(), nullable=True),
        sa.Column("search_document", postgresql.TSVECTOR(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_resumes"),
        sa.UniqueConstraint("idempotency_key", name="uq_resumes_idempotency_key"),
    )
    op.create_index("ix_resumes_created_at", "resumes", ["created_at"])
    op.create_index("ix_resumes_job_post_id", "resumes", ["job_post_id"])
    op.create_index("ix_resumes_key", "resumes", ["key"])
    op.create_index("ix_resumes_stage", "resumes", ["stage"])
    op.create_index("ix_resumes_stage_updated_at", "resumes", ["stage", "updated_at"])
    op.create_index("ix_resumes_search_document", "resumes", ["search_document"], postgresql_using="gin")

    op.create_table(
        "resume_events",
        sa.Column("resume_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("error", postgresql.JSONB(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["resume_id"], ["resumes.id"], name="fk_resume_events_resume_id_resumes", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("resume_id", "sequence", name="pk_resume_events"),
    )

    op.create_table(
        "resume_embeddings",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("resume_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("work_index", sa.Integer(), nullable=True),
        sa.Column("embedder", sa.Text(), nullable=False),
        sa.Column("dimension", sa.Integer(), nullable=False),
        sa.Column("embedding", pgvector.sqlalchemy.Vector(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resume_id"], ["resumes.id"], name="fk_resume_embeddings_resume_id_resumes", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_resume_embeddings"),
    )
    op.create_index("ix_resume_embeddings_resume_id", "resume_embeddings", ["resume_id"])
    op.create_index("ix_resume_embeddings_embedder_dimension", "resume_embeddings", ["embedder", "dimension"])


def downgrade() -> None:
    op.drop_table("resume_embeddings")
    op.drop_table("resume_events")
    op.drop_table("resumes")

"""An HNSW index for 512-dimensional vectors: the multilingual USE model, the local default.

Same shape as migration 0002's (a partial expression index over the rows of one dimension).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_resume_embeddings_hnsw_512 ON resume_embeddings "
        "USING hnsw ((embedding::vector(512)) vector_cosine_ops) WHERE dimension = 512"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_resume_embeddings_hnsw_512")

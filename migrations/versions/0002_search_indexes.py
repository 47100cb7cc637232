"""Search indexes: HNSW (cosine) over the embeddings, one partial expression index per dimension.

The embedding column is an untyped `vector` so that embedders of any dimension can share it, but an
HNSW index needs a fixed dimension. Each index therefore covers the rows of one dimension, cast to
`vector(n)`; a search uses it by ordering on the same cast expression with the same WHERE clause.
384 is the local all-MiniLM-L6-v2 model, 768 the Gemini default output dimensionality.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXED_DIMENSIONS = (384, 768)


def upgrade() -> None:
    for dimension in INDEXED_DIMENSIONS:
        op.execute(
            f"CREATE INDEX ix_resume_embeddings_hnsw_{dimension} ON resume_embeddings "
            f"USING hnsw ((embedding::vector({dimension})) vector_cosine_ops) WHERE dimension = {dimension}"
        )


def downgrade() -> None:
    for dimension in INDEXED_DIMENSIONS:
        op.execute(f"DROP INDEX IF EXISTS ix_resume_embeddings_hnsw_{dimension}")

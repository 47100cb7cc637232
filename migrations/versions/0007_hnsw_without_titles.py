"""The HNSW indexes leave the title vectors out.

A title vector is only compared with the query's role for candidates already found (the match
score), never searched for: keeping the 100,000 of a 100,000-resume pool out of the index makes
every index walk shorter (bench/README.md, search latency). Searches repeat the new predicate.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

INDEXED_DIMENSIONS = (384, 512, 768)


def upgrade() -> None:
    for dimension in INDEXED_DIMENSIONS:
        op.execute(f"DROP INDEX IF EXISTS ix_resume_embeddings_hnsw_{dimension}")
        op.execute(
            f"CREATE INDEX ix_resume_embeddings_hnsw_{dimension} ON resume_embeddings "
            f"USING hnsw ((embedding::vector({dimension})) vector_cosine_ops) "
            f"WHERE dimension = {dimension} AND kind <> 'title'"
        )


def downgrade() -> None:
    for dimension in INDEXED_DIMENSIONS:
        op.execute(f"DROP INDEX IF EXISTS ix_resume_embeddings_hnsw_{dimension}")
        op.execute(
            f"CREATE INDEX ix_resume_embeddings_hnsw_{dimension} ON resume_embeddings "
            f"USING hnsw ((embedding::vector({dimension})) vector_cosine_ops) WHERE dimension = {dimension}"
        )

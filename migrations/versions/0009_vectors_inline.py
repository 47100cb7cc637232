"""Vectors are stored inline in their row, never compressed or moved to TOAST.

A 512-dimensional vector takes 2 KB, just over the size above which PostgreSQL moves a value out
of its row: every distance computed from a row then fetched it from the TOAST table first. Inline,
an exact search over one job post's vectors went from 25 ms to 11 ms at 100,000 resumes
(bench/README.md). Rows of 768 dimensions (3 KB) still fit a page. Vectors written before this
migration stay where they are until rewritten (`resume-parser reembed`, or VACUUM FULL).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE resume_embeddings ALTER COLUMN embedding SET STORAGE PLAIN")


def downgrade() -> None:
    op.execute("ALTER TABLE resume_embeddings ALTER COLUMN embedding SET STORAGE EXTERNAL")

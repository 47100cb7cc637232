"""Search facets: the facts a query's constraints are checked against, and title vectors.

resumes.search_facets holds what search/facets.py computes from the parsed resume (current title
in canonical words, total experience, country, languages with levels, skills, certificates,
education). resume_embeddings.kind tells a vector's text: the whole resume, one work entry, or
the current title, whose similarity to the query's role is part of the match score.

Resumes stored before this migration have no facets and no title vector until they are parsed
again or `resume-parser reembed` runs; they are still found, and scored by what they have.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("resumes", sa.Column("search_facets", postgresql.JSONB(), nullable=True))
    op.add_column("resume_embeddings", sa.Column("kind", sa.Text(), server_default="resume", nullable=False))
    op.execute("UPDATE resume_embeddings SET kind = 'work' WHERE work_index IS NOT NULL")


def downgrade() -> None:
    op.execute("DELETE FROM resume_embeddings WHERE kind = 'title'")
    op.drop_column("resume_embeddings", "kind")
    op.drop_column("resumes", "search_facets")

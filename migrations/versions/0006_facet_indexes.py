"""Indexes on the search facets a query's constraints filter by: country, languages, experience.

They serve the constrained ranker's filter, and above all they give the planner statistics on
these JSON expressions (ANALYZE collects them for expression indexes): without them it takes any
condition on search_facets for rare and scans the whole pool for "5+ years" or "speaks Italian".

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_resumes_facet_country ON resumes ((search_facets->>'country'))")
    op.execute("CREATE INDEX ix_resumes_facet_languages ON resumes USING gin ((search_facets->'languages'))")
    op.execute(
        "CREATE INDEX ix_resumes_facet_experience ON resumes (((search_facets->>'experience_months')::int))"
    )
    op.execute("ANALYZE resumes")


def downgrade() -> None:
    for name in ("ix_resumes_facet_country", "ix_resumes_facet_languages", "ix_resumes_facet_experience"):
        op.execute(f"DROP INDEX IF EXISTS {name}")

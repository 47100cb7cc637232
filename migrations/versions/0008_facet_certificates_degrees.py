"""GIN indexes on the certificate words and degrees of the search facets.

The constrained ranker also fetches resumes with a certificate or a degree the query names ("AWS
certified", "with a PhD"), which full-text ranking over the whole document may rank too low to
reach. Facets stored before this migration lack these keys until `resume-parser reembed`.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_resumes_facet_certificate_words ON resumes "
        "USING gin ((search_facets -> 'certificate_words'))"
    )
    op.execute("CREATE INDEX ix_resumes_facet_degrees ON resumes USING gin ((search_facets -> 'degrees'))")
    op.execute("ANALYZE resumes")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_resumes_facet_certificate_words")
    op.execute("DROP INDEX IF EXISTS ix_resumes_facet_degrees")

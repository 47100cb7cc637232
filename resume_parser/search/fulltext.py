"""The full-text ranker: resumes whose normalized text contains the query's rare exact terms.

The search document is to_tsvector('simple', search_text(parsed)): the 'simple' configuration keeps
terms as written, so "COBOL", "SAP FI/CO" or "C#" match exactly where an embedding might blur them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from resume_parser.search.filters import Filters

# Long queries (a pasted job description) are cut to this many distinct terms: enough for the
# skills and titles that matter.
MAX_TEXT_TERMS = 40
# Full-text search is there for rare exact terms: a word in more resumes than this is left to the
# embedding, and no query ranks more matches than MAX_RANKED_DOCUMENTS (see matching_documents_sql).
MAX_TERM_DOCUMENTS = 1000
MAX_RANKED_DOCUMENTS = 2000


@dataclass(frozen=True, slots=True)
class TextMatch:
    resume_id: uuid.UUID
    rank: float


def matching_documents_sql(where: str) -> str:
    """An OR over the query's distinct rare words, in order, ranked by ts_rank_cd.

    A word found in many resumes ("engineer", "Berlin" in a large pool) tells full-text search too
    little to rank by, and ranking tens of thousands of matches would cost hundreds of milliseconds:
    such words are left to the embedding. How many resumes contain a word is read from the planner's
    statistics (pg_stats, refreshed by ANALYZE), so nothing is counted per query; words absent from
    the statistics are rare. English stop words are dropped too. Ranking is bounded by
    MAX_RANKED_DOCUMENTS whatever the statistics say."""
    return f"""
        WITH common AS (
            SELECT m.word, m.frequency * greatest(c.reltuples, 0) AS documents
            FROM pg_stats s
            JOIN pg_class c ON c.oid = 'resumes'::regclass
            CROSS JOIN unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs)
                AS m(word, frequency)
            WHERE s.schemaname = current_schema() AND s.tablename = 'resumes'
              AND s.attname = 'search_document'
        ), terms AS (
            SELECT t.word FROM unnest(to_tsvector('simple', :query_text)) AS t(word, positions, weights)
            LEFT JOIN common ON common.word = t.word
            WHERE to_tsvector('english', t.word) <> ''::tsvector
              AND coalesce(common.documents, 0) <= {MAX_TERM_DOCUMENTS}
            ORDER BY t.positions[1]
            LIMIT {MAX_TEXT_TERMS}
        ), query AS (
            SELECT to_tsquery('simple', string_agg(quote_literal(word), ' | ')) AS tsquery FROM terms
        ), matches AS (
            SELECT r.id, r.search_document FROM resumes r, query
            WHERE r.search_document @@ query.tsquery AND {where}
            LIMIT {MAX_RANKED_DOCUMENTS}
        )
        SELECT matches.id, ts_rank_cd(matches.search_document, query.tsquery) AS rank
        FROM matches, query
        ORDER BY rank DESC, matches.id
        LIMIT :depth
    """


async def matching_resumes(
    session: AsyncSession, *, query_text: str, filters: Filters, depth: int
) -> list[TextMatch]:
    """Resumes whose full-text document contains any of the query's rare terms, ranked by how many
    and how closely together (ts_rank_cd). The 'simple' configuration keeps terms as written, so
    "COBOL", "SAP FI/CO" or "C#" match exactly."""
    where, parameters = filters.sql()
    rows = await session.execute(
        text(matching_documents_sql(where)), {"query_text": query_text, "depth": depth, **parameters}
    )
    return [TextMatch(resume_id, float(rank)) for resume_id, rank in rows.all()]


async def resumes_meeting(session: AsyncSession, *, filters: Filters, depth: int) -> list[TextMatch]:
    """Up to `depth` resumes that pass the filters, in no particular order (rank 0): the resumes
    that meet a query's place, language or experience when none of its rare words finds them.
    The facet indexes of migration 0006 make this a bitmap scan, whatever the pool's size."""
    where, parameters = filters.sql()
    rows = await session.execute(
        text(f"SELECT r.id FROM resumes r WHERE {where} LIMIT :depth"), {"depth": depth, **parameters}
    )
    return [TextMatch(resume_id, 0.0) for (resume_id,) in rows.all()]

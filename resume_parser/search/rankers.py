"""The two candidate rankers, one SQL query each: nearest vectors (HNSW) and full-text matches (GIN).

Both search only COMPLETED resumes and apply the caller's filters, and each returns its best
`depth` resumes; the service fuses the two lists.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, text
from sqlalchemy.ext.asyncio import AsyncSession

# Vectors fetched per resume wanted: a resume has a whole-resume vector and one per work entry,
# several of which may sit near the query.
VECTORS_PER_RESUME = 3
# Long queries (a pasted job description) are cut to this many distinct terms for full-text search:
# enough for the skills and titles that matter, while an OR over hundreds of terms would match and
# rank nearly every resume.
MAX_TEXT_TERMS = 40


@dataclass(frozen=True, slots=True)
class Filters:
    job_post_id: str = ""
    created_after: datetime | None = None
    created_before: datetime | None = None

    def sql(self) -> tuple[str, dict[str, Any]]:
        """WHERE conditions on `r` (resumes) and their parameters; only the filters that are set."""
        conditions = ["r.stage = 'COMPLETED'"]
        parameters: dict[str, Any] = {}
        if self.job_post_id:
            conditions.append("r.job_post_id = :job_post_id")
            parameters["job_post_id"] = self.job_post_id
        if self.created_after is not None:
            conditions.append("r.created_at >= :created_after")
            parameters["created_after"] = self.created_after
        if self.created_before is not None:
            conditions.append("r.created_at < :created_before")
            parameters["created_before"] = self.created_before
        return " AND ".join(conditions), parameters


@dataclass(frozen=True, slots=True)
class VectorMatch:
    resume_id: uuid.UUID
    similarity: float  # cosine similarity of the resume's closest vector
    work_index: int | None  # the closest work entry's vector, if any was among the candidates


@dataclass(frozen=True, slots=True)
class TextMatch:
    resume_id: uuid.UUID
    rank: float


async def nearest_resumes(
    session: AsyncSession,
    *,
    embedder: str,
    dimension: int,
    query_vector: list[float],
    filters: Filters,
    depth: int,
) -> list[VectorMatch]:
    """The resumes with the vectors closest to the query, best first. Only vectors of this embedder
    (name and dimension) are compared. The ORDER BY repeats migration 0002's index expression and
    the WHERE its predicate, which is what lets PostgreSQL walk the HNSW index."""
    where, parameters = filters.sql()
    limit = depth * VECTORS_PER_RESUME
    # An HNSW scan yields ef_search candidates; the iterative scan fetches more when filters drop some.
    await session.execute(text(f"SET LOCAL hnsw.ef_search = {max(40, min(limit, 1000))}"))
    await session.execute(text("SET LOCAL hnsw.iterative_scan = relaxed_order"))
    rows = await session.execute(
        text(
            f"""
            SELECT e.resume_id, e.work_index,
                   (e.embedding::vector({dimension})) <=> CAST(:query AS vector({dimension})) AS distance
            FROM resume_embeddings e JOIN resumes r ON r.id = e.resume_id
            WHERE e.dimension = {dimension} AND e.embedder = :embedder AND {where}
            ORDER BY distance
            LIMIT :limit
            """
        ),
        {"query": str(query_vector), "embedder": embedder, "limit": limit, **parameters},
    )
    return _best_per_resume(rows.all())[:depth]


def _best_per_resume(rows: Sequence[Row[uuid.UUID, int | None, float]]) -> list[VectorMatch]:
    """Group vector hits by resume: the closest vector ranks the resume, the closest work-entry
    vector explains it. Relaxed iterative scans may return rows slightly out of order, hence the sort."""
    best: dict[uuid.UUID, float] = {}
    best_work: dict[uuid.UUID, tuple[float, int]] = {}
    for resume_id, work_index, distance in rows:
        best[resume_id] = min(distance, best.get(resume_id, distance))
        if work_index is not None and (resume_id not in best_work or distance < best_work[resume_id][0]):
            best_work[resume_id] = (distance, work_index)
    ranked = sorted(best.items(), key=lambda item: (item[1], item[0]))
    return [
        VectorMatch(resume_id, 1.0 - distance, best_work[resume_id][1] if resume_id in best_work else None)
        for resume_id, distance in ranked
    ]


async def matching_resumes(
    session: AsyncSession, *, query_text: str, filters: Filters, depth: int
) -> list[TextMatch]:
    """Resumes whose full-text document contains any of the query's terms, ranked by how many and how
    closely together (ts_rank_cd). The 'simple' configuration keeps terms as written, so "COBOL",
    "SAP FI/CO" or "C#" match exactly; English stop words are dropped from the query only."""
    where, parameters = filters.sql()
    rows = await session.execute(
        text(
            f"""
            WITH terms AS (
                SELECT word FROM unnest(to_tsvector('simple', :query_text)) AS t(word, positions, weights)
                WHERE to_tsvector('english', word) <> ''::tsvector
                ORDER BY positions[1]
                LIMIT {MAX_TEXT_TERMS}
            ), query AS (
                SELECT to_tsquery('simple', string_agg(quote_literal(word), ' | ')) AS tsquery FROM terms
            )
            SELECT r.id, ts_rank_cd(r.search_document, query.tsquery) AS rank
            FROM resumes r, query
            WHERE r.search_document @@ query.tsquery AND {where}
            ORDER BY rank DESC, r.id
            LIMIT :depth
            """
        ),
        {"query_text": query_text, "depth": depth, **parameters},
    )
    return [TextMatch(resume_id, float(rank)) for resume_id, rank in rows.all()]

"""The vector ranker: the resumes whose vectors are closest to the query (cosine distance).

Two plans, chosen per query:
- HNSW (approximate): the ORDER BY repeats migration 0002's index expression and the WHERE its
  predicate (0007: title vectors are not searched, only compared), which lets PostgreSQL walk the
  index; an iterative scan keeps walking while filters
  drop candidates. Right for the whole pool or a broad filter.
- Exact: when filters leave few resumes (one job post), every vector of those resumes is compared.
  Walking the index would visit mostly other job posts' vectors; comparing a few thousand directly
  is faster and exact. Ordering on the uncast column is what keeps the planner off the index.
  "Few" is the planner's own row estimate for the filters: counting them cost 25 ms for a
  90-day window of 100,000 resumes, more than the search itself. Should an estimate be wrong and
  the index walk come back short (its scan is bounded), the exact plan runs after all.
Only vectors of the current embedder (name and dimension) are ever compared.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Row, text
from sqlalchemy.ext.asyncio import AsyncSession

from resume_parser.search.filters import Filters

# Vectors fetched per resume wanted: a resume has a whole-resume vector and one per work entry,
# several of which may sit near the query.
VECTORS_PER_RESUME = 2
# Filters leaving at most this many resumes are searched exactly (at ~4 vectors per resume, a few
# milliseconds of distance computations).
EXACT_SEARCH_MAX_RESUMES = 5000
# How far one index walk goes, per result wanted, before it stops short (pgvector's default is
# 20,000 tuples whatever the limit).
MAX_SCAN_TUPLES_PER_RESULT = 20


@dataclass(frozen=True, slots=True)
class VectorMatch:
    resume_id: uuid.UUID
    similarity: float  # cosine similarity of the resume's closest vector
    work_index: int | None  # the closest work entry's vector, if any was among the candidates


def nearest_vectors_sql(dimension: int, where: str, *, exact: bool) -> str:
    """The exact plan compares whole-resume vectors only: a third of the distances, and the match
    score does not need the work entries' (the matched entry is found for the candidates later)."""
    indexed = f"(e.embedding::vector({dimension}))"  # migration 0002's index expression
    compared = "e.embedding" if exact else indexed
    kinds = "e.kind = 'resume'" if exact else "e.kind <> 'title'"  # 0007's index predicate
    return f"""
        SELECT e.resume_id, e.work_index, {compared} <=> CAST(:query AS vector({dimension})) AS distance
        FROM resume_embeddings e JOIN resumes r ON r.id = e.resume_id
        WHERE e.dimension = {dimension} AND {kinds} AND e.embedder = :embedder AND {where}
        ORDER BY distance
        LIMIT :limit
    """


async def plan_vector_search(session: AsyncSession, filters: Filters, depth: int) -> bool:
    """Choose the plan for these filters and set the session up for it; True means exact. Needs no
    query vector, so the caller runs it while the query is being embedded. The estimate of the
    query's own constraints (country, languages, experience) comes from the statistics of their
    expression indexes (migration 0006)."""
    where, parameters = filters.sql()
    if filters.narrowing and await _estimated_resumes(session, where, parameters) <= EXACT_SEARCH_MAX_RESUMES:
        return True
    limit = depth * VECTORS_PER_RESUME
    # ef_search is how many candidates one HNSW pass keeps; the iterative scan makes further passes
    # while the filters drop some, up to max_scan_tuples.
    await session.execute(
        text(
            "SELECT set_config('hnsw.ef_search', :ef_search, true), "
            "set_config('hnsw.iterative_scan', 'relaxed_order', true), "
            "set_config('hnsw.max_scan_tuples', :max_scan, true)"
        ),
        {"ef_search": str(max(40, min(limit, 1000))), "max_scan": str(limit * MAX_SCAN_TUPLES_PER_RESULT)},
    )
    return False


async def nearest_resumes(
    session: AsyncSession,
    *,
    embedder: str,
    dimension: int,
    query_vector: list[float],
    filters: Filters,
    depth: int,
    exact: bool,
) -> list[VectorMatch]:
    """The `depth` resumes with the vectors closest to the query, best first, by the plan that
    plan_vector_search chose in this session."""
    where, parameters = filters.sql()
    limit = depth * VECTORS_PER_RESUME
    arguments = {"query": str(query_vector), "embedder": embedder, "limit": limit, **parameters}
    if not exact:
        rows = (
            await session.execute(text(nearest_vectors_sql(dimension, where, exact=False)), arguments)
        ).all()
        if len(rows) == limit or not filters.narrowing:
            return _best_per_resume(rows)[:depth]
    rows = (await session.execute(text(nearest_vectors_sql(dimension, where, exact=True)), arguments)).all()
    return _best_per_resume(rows)[:depth]


async def _estimated_resumes(session: AsyncSession, where: str, parameters: dict[str, object]) -> int:
    """The planner's estimate of the resumes the filters leave (from its statistics; nothing is read)."""
    plan = await session.scalar(
        text(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM resumes r WHERE {where}"), parameters
    )
    estimate: int = plan[0]["Plan"]["Plan Rows"]
    return estimate


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


@dataclass(frozen=True, slots=True)
class Similarities:
    query: float  # cosine similarity of the whole-resume vector to the query
    role: float | None  # the best of the title vectors to any of the query's roles
    work_index: int | None  # the work entry whose vector is closest to the query


async def candidate_similarities(
    session: AsyncSession,
    *,
    embedder: str,
    dimension: int,
    resume_ids: list[uuid.UUID],
    query_vector: list[float],
    role_vectors: list[list[float]],
) -> dict[uuid.UUID, Similarities]:
    """For each resume: how close its vectors are to the query and its roles (None without roles or
    title vectors), and its work entry closest to the query, the hit's explanation."""
    if not resume_ids:
        return {}
    vector_type = f"vector({dimension})"
    roles = [f"1 - (e.embedding <=> CAST(:role_{i} AS {vector_type}))" for i in range(len(role_vectors))]
    role_similarity = f"greatest({', '.join(roles)})" if roles else "NULL::float"
    query_distance = f"e.embedding <=> CAST(:query AS {vector_type})"
    rows = await session.execute(
        text(
            f"""
            SELECT e.resume_id,
                   max(CASE WHEN e.kind = 'resume' THEN 1 - ({query_distance}) END),
                   max(CASE WHEN e.kind = 'title' THEN {role_similarity} END),
                   (array_agg(e.work_index ORDER BY {query_distance})
                       FILTER (WHERE e.kind = 'work'))[1]
            FROM resume_embeddings e
            WHERE e.resume_id = ANY(:ids) AND e.embedder = :embedder AND e.dimension = {dimension}
            GROUP BY e.resume_id
            """
        ),
        {
            "ids": resume_ids,
            "embedder": embedder,
            "query": str(query_vector),
            **{f"role_{i}": str(vector) for i, vector in enumerate(role_vectors)},
        },
    )
    return {
        resume_id: Similarities(float(query or 0.0), None if role is None else float(role), work_index)
        for resume_id, query, role, work_index in rows.all()
    }

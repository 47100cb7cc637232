"""SearchService: ranks COMPLETED resumes against a free-text query (the SearchResumes RPC).

Hybrid ranking: the nearest vectors of the current embedder and the full-text matches are fetched
separately (each up to `depth` resumes) and fused by reciprocal rank fusion. Each hit carries its
explanation: the work entry whose vector is closest to the query, and the skills the query names.
Pages are slices of that one fused list, so a query reaches at most about 2 × depth resumes.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import OrderedDict
from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resume_parser.domain import validated_tenant_id
from resume_parser.embedding import Embedder
from resume_parser.resume import ParsedResume, Work
from resume_parser.search import page_token
from resume_parser.search.filters import Filters
from resume_parser.search.fulltext import TextMatch, matching_resumes
from resume_parser.search.fusion import reciprocal_rank_fusion
from resume_parser.search.nearest import VectorMatch, nearest_resumes, plan_vector_search
from resume_parser.search.query import (
    SearchHit,
    SearchMode,
    SearchPage,
    SearchQuery,
    validate_time_range,
    validated_page_size,
    validated_text,
)
from resume_parser.search.skills import matched_skills

# Resumes each ranker contributes. The vector ranker's cost grows with it (it fetches about three
# vectors per resume from the HNSW index); 50 per ranker lets a caller page through up to 100.
DEFAULT_DEPTH = 50
# Only what a hit shows is read: a stored resume also carries per-field evidence, several times larger.
HIT_FIELDS_SQL = """
    SELECT id, external_id, jsonb_build_object(
        'basics', jsonb_build_object('name', parsed->'basics'->'name'),
        'work', coalesce(parsed->'work', '[]'), 'skills', coalesce(parsed->'skills', '[]'))
    FROM resumes WHERE id = ANY(:ids)
"""
# Query vectors kept, so that the next pages of a query, and repeated queries, skip the model.
QUERY_VECTOR_CACHE_SIZE = 512


class SearchService:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], embedder: Embedder, *, depth: int = DEFAULT_DEPTH
    ):
        self._sessions = sessions
        self._embedder = embedder
        self._depth = depth
        self._query_vectors: OrderedDict[str, list[float]] = OrderedDict()

    async def search(self, query: SearchQuery) -> SearchPage:
        query_text = validated_text(query)
        page_size = validated_page_size(query)
        validate_time_range(query)
        validated_tenant_id(query.tenant_id)
        query_fingerprint = page_token.fingerprint(query, self._embedder.name)
        offset = page_token.decode(query.page_token, query_fingerprint)

        ranked, work_of = await self._rank(query, query_text)
        page = ranked[offset : offset + page_size]
        hits = await self._hits(page, work_of, query_text)
        more = offset + page_size < len(ranked)
        return SearchPage(hits, page_token.encode(offset + page_size, query_fingerprint) if more else "")

    async def _rank(
        self, query: SearchQuery, query_text: str
    ) -> tuple[list[tuple[uuid.UUID, float]], dict[uuid.UUID, int]]:
        """Resume ids with their score, best first, and the matched work entry of each. The two rankers
        run at once, on two connections: full-text search needs no vector, so it overlaps the embedding."""
        filters = Filters(query.tenant_id, query.job_post_id, query.created_after, query.created_before)
        async with asyncio.TaskGroup() as group:
            vector_task = group.create_task(self._nearest(query, query_text, filters))
            text_task = group.create_task(self._matching(query, query_text, filters))
        vector_matches, text_matches = vector_task.result(), text_task.result()
        work_of = {m.resume_id: m.work_index for m in vector_matches if m.work_index is not None}
        if query.mode == SearchMode.VECTOR:
            return [(m.resume_id, m.similarity) for m in vector_matches], work_of
        if query.mode == SearchMode.TEXT:
            return [(m.resume_id, m.rank) for m in text_matches], work_of
        fused = reciprocal_rank_fusion(
            [[m.resume_id for m in vector_matches], [m.resume_id for m in text_matches]]
        )
        return fused, work_of

    async def _nearest(self, query: SearchQuery, query_text: str, filters: Filters) -> list[VectorMatch]:
        if query.mode == SearchMode.TEXT:
            return []
        async with self._sessions() as session:
            # The plan is chosen in the database while the model embeds the query in a thread.
            exact, query_vector = await asyncio.gather(
                plan_vector_search(session, filters, self._depth), self._query_vector(query_text)
            )
            return await nearest_resumes(
                session,
                embedder=self._embedder.name,
                dimension=self._embedder.dimension,
                query_vector=query_vector,
                filters=filters,
                depth=self._depth,
                exact=exact,
            )

    async def _query_vector(self, query_text: str) -> list[float]:
        """The embedder's vector for the query, from a small least-recently-used cache."""
        if query_text in self._query_vectors:
            self._query_vectors.move_to_end(query_text)
            return self._query_vectors[query_text]
        vector = await self._embedder.embed_query(query_text)
        self._query_vectors[query_text] = vector
        if len(self._query_vectors) > QUERY_VECTOR_CACHE_SIZE:
            self._query_vectors.popitem(last=False)
        return vector

    async def _matching(self, query: SearchQuery, query_text: str, filters: Filters) -> list[TextMatch]:
        if query.mode == SearchMode.VECTOR:
            return []
        async with self._sessions() as session:
            return await matching_resumes(session, query_text=query_text, filters=filters, depth=self._depth)

    async def _hits(
        self, page: Sequence[tuple[uuid.UUID, float]], work_of: dict[uuid.UUID, int], query_text: str
    ) -> list[SearchHit]:
        if not page:
            return []
        async with self._sessions() as session:
            rows = await session.execute(
                text(HIT_FIELDS_SQL),
                {"ids": [resume_id for resume_id, _ in page]},
            )
            stored = {resume_id: (external_id, parsed) for resume_id, external_id, parsed in rows.all()}
        hits = []
        for resume_id, score in page:
            if resume_id not in stored:  # deleted between ranking and reading
                continue
            external_id, parsed_json = stored[resume_id]
            parsed = ParsedResume.model_validate(parsed_json or {})
            hits.append(
                SearchHit(
                    resume_id=resume_id,
                    score=score,
                    name=parsed.basics.name or "",
                    external_id=external_id,
                    matched_work=_work_at(parsed, work_of.get(resume_id)),
                    matched_skills=matched_skills(parsed, query_text),
                )
            )
        return hits


def _work_at(parsed: ParsedResume, index: int | None) -> Work | None:
    return parsed.work[index] if index is not None and 0 <= index < len(parsed.work) else None

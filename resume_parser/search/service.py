"""SearchService: ranks COMPLETED resumes against a free-text query (the SearchResumes RPC).

1. The query is parsed into its constraints (constraints.py): the role, years of experience,
   location, languages, education, certificates; the rest is the text the rankers see.
2. Candidates come from up to three rankers run at once: the nearest vectors of the current
   embedder, the full-text matches of the query's rare words, and, when the query names a place,
   a language or years of experience, resumes that meet them (those of them with the query's rare
   words first), which the other two may not reach in a large pool.
3. Each candidate gets its match score (scoring.py) from its stored facets and the similarity of
   its current title to the query's role; candidates under the threshold are dropped and counted.

Pages are slices of that one ranking, so a query reaches at most about 3 × depth resumes.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resume_parser.domain import validated_tenant_id
from resume_parser.embedding import Embedder
from resume_parser.resume import Basics, Work
from resume_parser.search import page_token, places
from resume_parser.search.calibration import calibration_for
from resume_parser.search.constraints import QueryConstraints, parse_query
from resume_parser.search.facets import ResumeFacets
from resume_parser.search.filters import Filters
from resume_parser.search.fulltext import TextMatch, matching_resumes, resumes_meeting
from resume_parser.search.lexicon import canonical, words
from resume_parser.search.nearest import (
    Similarities,
    VectorMatch,
    candidate_similarities,
    nearest_resumes,
    plan_vector_search,
)
from resume_parser.search.query import (
    SearchHit,
    SearchMode,
    SearchPage,
    SearchQuery,
    validate_time_range,
    validated_min_score,
    validated_page_size,
    validated_text,
)
from resume_parser.search.scoring import DEFAULT_MIN_SCORE, Match, match, query_skills

# Resumes each ranker contributes; the candidates of all rankers are scored. The vector ranker's
# cost grows fastest with its depth (index walk, vectors read), the full-text rankers' slowly, and
# they find what a query names exactly (a certificate, a degree, a rare skill): they reach further.
DEFAULT_DEPTH = 25
TEXT_DEPTH_FACTOR = 2
# Only what a hit shows is read: its name, and the one work entry that explains it (a stored
# resume also carries every entry and per-field evidence, many times larger).
HIT_FIELDS_SQL = """
    SELECT r.id, r.external_id, r.parsed->'basics', r.parsed->'work'->hit.work_index
    FROM unnest(CAST(:ids AS uuid[]), CAST(:work_indexes AS int[])) AS hit(id, work_index)
    JOIN resumes r ON r.id = hit.id
"""
FACETS_SQL = "SELECT id, search_facets FROM resumes WHERE id = ANY(:ids)"
# Query vectors kept, so that the next pages of a query, and repeated queries, skip the model.
QUERY_VECTOR_CACHE_SIZE = 512


@dataclass(frozen=True, slots=True)
class _Ranked:
    resume_id: uuid.UUID
    score: float
    match: Match | None  # None for a resume deleted while it was ranked
    work_index: int | None


class SearchService:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        embedder: Embedder,
        *,
        depth: int = DEFAULT_DEPTH,
        default_min_score: float = DEFAULT_MIN_SCORE,
    ):
        self._sessions = sessions
        self._embedder = embedder
        self._depth = depth
        self._default_min_score = default_min_score
        self._calibration = calibration_for(embedder.name)
        self._query_vectors: OrderedDict[str, asyncio.Future[list[float]]] = OrderedDict()

    async def search(self, query: SearchQuery) -> SearchPage:
        query_text = validated_text(query)
        page_size = validated_page_size(query)
        validate_time_range(query)
        validated_tenant_id(query.tenant_id)
        hybrid = query.mode == SearchMode.HYBRID
        min_score = validated_min_score(query, self._default_min_score) if hybrid else 0.0
        query_fingerprint = page_token.fingerprint(query, self._embedder.name, min_score)
        offset = page_token.decode(query.page_token, query_fingerprint)

        ranked = await self._rank(query, parse_query(query_text))
        kept = [r for r in ranked if r.score >= min_score]
        page = kept[offset : offset + page_size]
        hits = await self._hits(page)
        more = offset + page_size < len(kept)
        return SearchPage(
            hits,
            page_token.encode(offset + page_size, query_fingerprint) if more else "",
            below_threshold=len(ranked) - len(kept),
            min_score=min_score,
        )

    async def _rank(self, query: SearchQuery, constraints: QueryConstraints) -> list[_Ranked]:
        """Every candidate with its score, best first. The rankers run at once, on their own
        connections: full-text search needs no vector, so it overlaps the embedding."""
        filters = Filters(query.tenant_id, query.job_post_id, query.created_after, query.created_before)
        retrieval_text = _retrieval_text(constraints)
        # The query's and the roles' vectors in one model call, started before anything waits for them.
        self._embed_all([retrieval_text, *(" ".join(role) for role in constraints.roles)])
        async with asyncio.TaskGroup() as group:
            vector_task = group.create_task(self._nearest(query, retrieval_text, filters))
            text_task = group.create_task(self._matching(query, _fulltext_text(constraints), filters))
            constrained_task = group.create_task(
                self._constrained(query, retrieval_text, constraints, filters)
            )
            roles_task = group.create_task(self._role_vectors(query, constraints))
        vector_matches, text_matches = vector_task.result(), text_task.result()
        constrained = constrained_task.result()
        work_of = {m.resume_id: m.work_index for m in vector_matches if m.work_index is not None}
        found = [m.resume_id for m in vector_matches] + [m.resume_id for m in (*text_matches, *constrained)]
        candidates = list(dict.fromkeys(found))
        scored = await self._scored(candidates, constraints, retrieval_text, roles_task.result(), work_of)
        if query.mode == SearchMode.HYBRID:
            return scored
        # A single ranker's own order, with the match explained all the same.
        matches = {r.resume_id: r.match for r in scored}
        if query.mode == SearchMode.VECTOR:
            return [
                _Ranked(m.resume_id, m.similarity, matches.get(m.resume_id), m.work_index)
                for m in vector_matches
            ]
        return [
            _Ranked(m.resume_id, m.rank, matches.get(m.resume_id), work_of.get(m.resume_id))
            for m in text_matches
        ]

    async def _scored(
        self,
        candidates: list[uuid.UUID],
        constraints: QueryConstraints,
        retrieval_text: str,
        role_vectors: list[list[float]],
        work_of: dict[uuid.UUID, int],
    ) -> list[_Ranked]:
        if not candidates:
            return []
        query_vector = await self._query_vector(retrieval_text)
        # The facets and the similarities are read at once, on two connections.
        async with asyncio.TaskGroup() as group:
            facets_task = group.create_task(self._facets(candidates))
            similarities_task = group.create_task(self._similarities(candidates, query_vector, role_vectors))
        facets, similarities = facets_task.result(), similarities_task.result()
        skills = query_skills(constraints, list(facets.values()))
        scale = self._calibration.scale
        ranked = []
        for resume_id, resume in facets.items():
            found = similarities.get(resume_id, Similarities(0.0, None, None))
            text_similarity, title_similarity = found.query, found.role
            result = match(
                constraints,
                resume,
                skills,
                title_similarity=None if title_similarity is None else scale(title_similarity),
                text_similarity=scale(text_similarity),
            )
            # Equal match scores are ordered by the embedding's similarity to the whole query.
            work_index = found.work_index if found.work_index is not None else work_of.get(resume_id)
            ranked.append((result.score, text_similarity, resume_id, result, work_index))
        ranked.sort(key=lambda item: (-item[0], -item[1], item[2]))
        return [_Ranked(r, score, result, work) for score, _, r, result, work in ranked]

    async def _facets(self, candidates: list[uuid.UUID]) -> dict[uuid.UUID, ResumeFacets]:
        async with self._sessions() as session:
            rows = await session.execute(text(FACETS_SQL), {"ids": candidates})
            return {resume_id: ResumeFacets.from_json(data) for resume_id, data in rows.all()}

    async def _similarities(
        self, candidates: list[uuid.UUID], query_vector: list[float], role_vectors: list[list[float]]
    ) -> dict[uuid.UUID, Similarities]:
        async with self._sessions() as session:
            return await candidate_similarities(
                session,
                embedder=self._embedder.name,
                dimension=self._embedder.dimension,
                resume_ids=candidates,
                query_vector=query_vector,
                role_vectors=role_vectors,
            )

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

    async def _constrained(
        self, query: SearchQuery, query_text: str, constraints: QueryConstraints, filters: Filters
    ) -> list[TextMatch]:
        """Resumes that meet the query's place, languages and experience: those with its rare words
        first, then any. Not ordered by the embedding: a filtered walk of the vector index took
        100 ms for a language an eighth of a large pool speaks (bench/README.md)."""
        narrowed = _constraint_filters(constraints, filters)
        if query.mode != SearchMode.HYBRID or narrowed == filters:
            return []
        async with self._sessions() as session:
            depth = self._depth * TEXT_DEPTH_FACTOR
            found = await matching_resumes(session, query_text=query_text, filters=narrowed, depth=depth)
            if len(found) < depth:
                known = {m.resume_id for m in found}
                more = await resumes_meeting(session, filters=narrowed, depth=depth)
                found += [m for m in more if m.resume_id not in known][: depth - len(found)]
            return found

    async def _role_vectors(self, query: SearchQuery, constraints: QueryConstraints) -> list[list[float]]:
        return list(await asyncio.gather(*(self._query_vector(" ".join(role)) for role in constraints.roles)))

    def _embed_all(self, texts: list[str]) -> None:
        """Start one model call for the texts whose vectors are not cached (or being computed)."""
        missing = [t for t in dict.fromkeys(texts) if not self._cached(t)]
        if not missing:
            return
        batch = asyncio.ensure_future(self._embedder.embed_queries(missing))
        for i, text_ in enumerate(missing):
            self._remember(text_, asyncio.ensure_future(_nth(batch, i)))

    def _cached(self, text_: str) -> bool:
        task = self._query_vectors.get(text_)
        return task is not None and not (task.done() and (task.cancelled() or task.exception() is not None))

    def _remember(self, text_: str, task: asyncio.Future[list[float]]) -> None:
        self._query_vectors[text_] = task
        if len(self._query_vectors) > QUERY_VECTOR_CACHE_SIZE:
            self._query_vectors.popitem(last=False)

    async def _query_vector(self, query_text: str) -> list[float]:
        """The embedder's vector for a text, from a small least-recently-used cache. The cache holds
        the embedding task, so that every ranker asking for one text waits for one model call."""
        if not self._cached(query_text):
            self._embed_all([query_text])
        self._query_vectors.move_to_end(query_text)
        return await asyncio.shield(self._query_vectors[query_text])

    async def _matching(self, query: SearchQuery, query_text: str, filters: Filters) -> list[TextMatch]:
        if query.mode == SearchMode.VECTOR or not query_text.strip():
            return []
        async with self._sessions() as session:
            depth = self._depth * TEXT_DEPTH_FACTOR
            return await matching_resumes(session, query_text=query_text, filters=filters, depth=depth)

    async def _hits(self, page: Sequence[_Ranked]) -> list[SearchHit]:
        if not page:
            return []
        arguments = {"ids": [r.resume_id for r in page], "work_indexes": [r.work_index for r in page]}
        async with self._sessions() as session:
            rows = (await session.execute(text(HIT_FIELDS_SQL), arguments)).all()
        stored = {resume_id: (external_id, basics, work) for resume_id, external_id, basics, work in rows}
        hits = []
        for ranked in page:
            if ranked.resume_id not in stored:  # deleted between ranking and reading
                continue
            external_id, basics_json, work_json = stored[ranked.resume_id]
            basics = Basics.model_validate(basics_json or {})
            result = ranked.match
            hits.append(
                SearchHit(
                    resume_id=ranked.resume_id,
                    score=ranked.score,
                    name=basics.name or "",
                    external_id=external_id,
                    matched_work=Work.model_validate(work_json) if work_json else None,
                    matched_skills=result.matched_skills if result else [],
                    matched_title=result.matched_title if result else "",
                    checks=result.checks if result else [],
                    basics=basics,
                )
            )
        return hits


async def _nth(batch: asyncio.Future[list[list[float]]], index: int) -> list[float]:
    return (await asyncio.shield(batch))[index]


def _constraint_filters(constraints: QueryConstraints, filters: Filters) -> Filters:
    """The caller's filters and what the query names (place, languages or the countries where they
    are the main language, certificates, degrees: any of them) and its years (a year's slack either
    way, so that a candidate nearly there is still scored)."""
    low, high = constraints.min_years, constraints.max_years
    # A language asked for is also met, in part, by living where it is the main language.
    local = {c for wanted in constraints.languages for c in places.countries_speaking(wanted.language)}
    return replace(
        filters,
        countries=tuple(sorted(constraints.countries | local)),
        languages=tuple(wanted.language for wanted in constraints.languages),
        certificate_words=tuple(
            sorted({words(term)[0] for terms in constraints.certificates for term in terms})
        ),
        degrees=tuple(d for d in constraints.degrees if d != "any"),
        min_experience_months=None if low is None else max(0, int((low - 1) * 12)),
        max_experience_months=None if high is None else int((high + 1) * 12),
    )


def _retrieval_text(constraints: QueryConstraints) -> str:
    """What the embedding ranker sees: the role in canonical English, then the other words that
    are not constraints; the whole query when nothing is left."""
    role = [" ".join(r) for r in constraints.roles]
    words = " ".join(dict.fromkeys(" ".join([*role, constraints.terms]).split()))
    return words or constraints.text


def _fulltext_text(constraints: QueryConstraints) -> str:
    """What the full-text ranker sees: the query's words, the role's canonical English, the cities
    and the languages, certificates and degrees asked for (the document carries the languages'
    English names and the degrees' short names)."""
    extra = [canonical(constraints.role_text), *constraints.cities]
    extra += [wanted.language for wanted in constraints.languages]
    extra += [name for alternatives in constraints.certificates for name in alternatives]
    extra += [degree for degree in constraints.degrees if degree != "any"] + list(constraints.fields)
    return " ".join([constraints.terms, *extra])

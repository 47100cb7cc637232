"""Synthetic resumes for the latency benchmark, bulk-loaded with COPY.

Each synthetic resume recombines a dev-corpus resume (its title and roles, two thirds of its skills,
another city and other employers) and stores that resume's real vectors (whole resume, work
entries, current titles) of the embedder in use with noise added, so the vectors cluster as real
ones do, and its search facets as the pipeline computes them. One skill per resume is a rare product code
("ERP-1234", about 20 resumes each), so that queries naming one exercise full-text search on rare
terms. The HNSW index is dropped during the load and rebuilt with the DDL of migration 0002: one
build is far faster than growing the graph row by row.
"""

from __future__ import annotations

import json
import random
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import numpy as np
from pgvector.asyncpg import register_vector
from search_support import dev_resumes
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex

from resume_parser.db.tables import HNSW_INDEXES
from resume_parser.embedding import Embedder
from resume_parser.resume import ParsedResume
from resume_parser.search.document import full_text, resume_vectors
from resume_parser.search.facets import resume_facets

JOB_POSTS = 200
RARE_CODES = 5000
NOISE = 0.03  # per component: cosine to the source vector about 0.85, like different real resumes
CITIES = ["Berlin", "Madrid", "Mumbai", "Austin", "Lund", "Torino", "Calgary", "Sydney", "Toulouse", "Köln"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Hooli"]
RESUME_COLUMNS = [
    *("id", "filename", "declared_content_type", "media_type", "job_post_id", "external_id", "bucket"),
    *("key", "size_bytes", "sha256", "stage", "sequence", "attempt", "parsed", "created_at", "updated_at"),
    "search_facets",
]


def synthetic_resume(rng: random.Random, source: ParsedResume, index: int) -> ParsedResume:
    data = source.to_json_dict()
    city = {"city": rng.choice(CITIES)}
    data["basics"] = {"name": f"Candidate {index}", "label": source.basics.label, "location": city}
    data["work"] = [{**work, "name": rng.choice(COMPANIES)} for work in data.get("work", [])[:3]]
    for skill in data.get("skills", []):
        keywords = skill.get("keywords", [])
        skill["keywords"] = rng.sample(keywords, k=max(1, len(keywords) * 2 // 3)) if keywords else []
    data.setdefault("skills", []).append({"name": f"ERP-{rng.randrange(RARE_CODES)}"})
    return ParsedResume.model_validate(data)


def _resume_row(
    resume_id: uuid.UUID, parsed: ParsedResume, job: str, i: int, created: datetime
) -> tuple[Any, ...]:
    file_fields = ("resume.pdf", "application/pdf", "application/pdf")
    stored_fields = ("bench", f"k/{resume_id}", 1, "0" * 64, "COMPLETED", 8, 1)
    parsed_json = json.dumps(parsed.to_json_dict())
    facets = json.dumps(resume_facets(parsed).to_json())
    return (resume_id, *file_fields, job, f"ext-{i}", *stored_fields, parsed_json, created, created, facets)


async def load(db_url: str, count: int, embedder: Embedder) -> None:
    sources = list(dev_resumes().values())
    # The vectors of each source as the pipeline stores them, for its first three work entries.
    source_vectors = []
    for parsed in sources:
        kept = [
            v for v in await resume_vectors(parsed, embedder) if v.kind != "work" or (v.work_index or 0) < 3
        ]
        source_vectors.append(
            ([(v.kind, v.work_index) for v in kept], np.array([v.vector for v in kept], dtype=np.float32))
        )
    rng, noise = random.Random(7), np.random.default_rng(7)
    now = datetime.now(UTC)
    resumes, texts, embeddings = [], [], []
    for i in range(count):
        pick = rng.randrange(len(sources))
        parsed = synthetic_resume(rng, sources[pick], i)
        resume_id = uuid.uuid4()
        created = now - timedelta(minutes=rng.randrange(365 * 24 * 60))
        resumes.append(_resume_row(resume_id, parsed, f"job-{rng.randrange(JOB_POSTS)}", i, created))
        texts.append((resume_id, full_text(parsed)))
        kinds, base = source_vectors[pick]
        vectors = base + noise.normal(0.0, NOISE, base.shape).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        embeddings += [
            (resume_id, index, kind, embedder.name, embedder.dimension, v)
            for (kind, index), v in zip(kinds, vectors, strict=True)
        ]
    connection = await asyncpg.connect(db_url.replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        await register_vector(connection)
        await _copy(connection, resumes, texts, embeddings)
        await _build_indexes(connection)
    finally:
        await connection.close()


async def _copy(
    connection: asyncpg.Connection, resumes: list[Any], texts: list[Any], embeddings: list[Any]
) -> None:
    started = time.perf_counter()
    for index in HNSW_INDEXES:
        await connection.execute(f"DROP INDEX IF EXISTS {index.name}")
    await connection.copy_records_to_table("resumes", records=resumes, columns=RESUME_COLUMNS)
    await connection.execute("CREATE TEMP TABLE texts (id uuid, body text)")
    await connection.copy_records_to_table("texts", records=texts)
    await connection.execute(
        "UPDATE resumes r SET search_document = to_tsvector('simple', t.body) FROM texts t WHERE t.id = r.id"
    )
    columns = ["resume_id", "work_index", "kind", "embedder", "dimension", "embedding"]
    await connection.copy_records_to_table("resume_embeddings", records=embeddings, columns=columns)
    elapsed = time.perf_counter() - started
    print(f"copied {len(resumes)} resumes and {len(embeddings)} vectors in {elapsed:.0f} s", flush=True)


async def _build_indexes(connection: asyncpg.Connection) -> None:
    started = time.perf_counter()
    await connection.execute("SET maintenance_work_mem = '2GB'")  # the whole graph in memory
    for index in HNSW_INDEXES:
        await connection.execute(str(CreateIndex(index).compile(dialect=postgresql.dialect())))  # type: ignore[no-untyped-call]
    await connection.execute("VACUUM ANALYZE resumes")
    await connection.execute("VACUUM ANALYZE resume_embeddings")
    print(f"built the HNSW indexes in {time.perf_counter() - started:.0f} s", flush=True)

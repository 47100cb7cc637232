"""Search latency at scale: p50/p95 of SearchResumes over gRPC with 100,000 stored resumes.

Synthetic resumes (bench/synthetic_resumes.py) are loaded into the local stack's PostgreSQL; the
requests go through a real gRPC server (create_server, as `resume-parser serve` builds it), with the
configured embedder (the multilingual USE model unless LOCAL_EMBED_MODEL says otherwise) embedding
the query and its role on every request and the query parsed into its constraints, as in
production. The requests mix the labelled queries of bench/search_queries.json, the queries of the
labelled search set (../shared/eval/search/queries.json: years, places, languages, certificates in
four languages; they bring the constrained ranker in) and queries naming a rare skill, each of them
unfiltered, filtered to one job post, or to the last 90 days.

    .venv/bin/python bench/search_latency.py [--resumes 100000] [--requests 300] [--data-dir DIR]

With --data-dir the loaded database is kept and reused by the next run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import string
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg  # type: ignore[import-untyped]
import grpc
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_resumes import JOB_POSTS, RARE_CODES, load

from resume_parser.bootstrap import build_container, build_embedder
from resume_parser.db.tables import HNSW_INDEXES
from resume_parser.embedding import Embedder
from resume_parser.grpc_api.server import create_server
from resume_parser.localstack import LocalStack, create_database
from resume_parser.migrate import upgrade_head
from resume_parser.search.filters import Filters
from resume_parser.search.fulltext import matching_documents_sql
from resume_parser.search.nearest import VECTORS_PER_RESUME, nearest_vectors_sql
from resume_parser.search.service import DEFAULT_DEPTH
from resume_parser.settings import Settings

QUERIES = Path(__file__).resolve().parent / "search_queries.json"
SEARCH_SET = Path(__file__).resolve().parents[2] / "shared" / "eval" / "search" / "queries.json"
DATABASE = "search_latency"
TARGET_P95_MS = 50.0
SHARED_BUFFERS = "2GB"
KINDS = ("unfiltered", "one job post", "last 90 days")
VECTOR_LITERAL = re.compile(r"'\[[-0-9.e,]+\]'")  # hundreds of numbers: shortened in the printed plans


def requests_to_send(count: int) -> list[tuple[str, api.SearchResumesRequest]]:
    texts = [q["query"] for q in json.loads(QUERIES.read_text())["queries"]]
    if SEARCH_SET.exists():
        texts += [q["query"] for q in json.loads(SEARCH_SET.read_text(encoding="utf-8"))["queries"]]
    rng = random.Random(11)
    requests = []
    for i in range(count):
        text = texts[i % len(texts)] if i % 4 else f"SAP consultant, ERP-{rng.randrange(RARE_CODES)}"
        # A word found in no resume makes every request new to the server's query-vector cache.
        unique = "".join(rng.choices(string.ascii_lowercase, k=8))
        request = api.SearchResumesRequest(query=f"{text} {unique}", page_size=20)
        kind = KINDS[i % 3]
        if kind == "one job post":
            request.job_post_id = f"job-{rng.randrange(JOB_POSTS)}"
        elif kind == "last 90 days":
            request.create_time_after.FromDatetime(datetime.now(UTC) - timedelta(days=90))
        requests.append((kind, request))
    return requests


async def prewarm(db_url: str, dimension: int) -> None:
    """Read the index and tables into shared_buffers, the steady state of a server in use."""
    connection = await asyncpg.connect(db_url.replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        await connection.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        relations = (f"ix_resume_embeddings_hnsw_{dimension}", "resume_embeddings", "resumes", "pk_resumes")
        for relation in relations:
            await connection.execute("SELECT pg_prewarm($1)", relation)
    finally:
        await connection.close()


async def measure(settings: Settings, count: int, dimension: int) -> tuple[dict[str, list[float]], int]:
    """Milliseconds per request, by kind of filter, and how many requests had results; requests
    are sent one at a time."""
    await prewarm(settings.db_url or "", dimension)
    container = await build_container(settings)
    server, port = await create_server(container, address="127.0.0.1:0")
    await server.start()
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = api_grpc.ResumeServiceStub(channel)
            for _, request in requests_to_send(30):  # warm the caches, the pool and the model
                await stub.SearchResumes(request)
            timings: dict[str, list[float]] = defaultdict(list)
            answered = 0
            for kind, request in requests_to_send(count):
                started = time.perf_counter()
                response = await stub.SearchResumes(request)
                timings[kind].append((time.perf_counter() - started) * 1000)
                answered += bool(response.results)  # a no-match query is answered empty
            return timings, answered
    finally:
        await server.stop(None)
        await container.stack.aclose()


async def explain(db_url: str, embedder: Embedder) -> str:
    """EXPLAIN ANALYZE of the rankers' SQL as SearchService runs it (a generic plan shows the query
    vector as $1 instead of its numbers)."""
    vector = str(await embedder.embed_query("site reliability engineer with Kubernetes and Terraform"))
    where, _ = Filters().sql()
    job_where, _ = Filters(job_post_id="job-7").sql()
    connection = await asyncpg.connect(db_url.replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        limit = DEFAULT_DEPTH * VECTORS_PER_RESUME  # what SearchService asks for
        await connection.execute(f"SET hnsw.ef_search = {limit}; SET hnsw.iterative_scan = relaxed_order")
        await connection.execute("SET plan_cache_mode = force_generic_plan")
        sections = []
        hnsw, exact = (
            nearest_vectors_sql(embedder.dimension, where, exact=False),
            nearest_vectors_sql(embedder.dimension, job_where, exact=True),
        )
        for title, template, arguments in (
            ("vector ranker, HNSW (unfiltered)", hnsw, [vector, embedder.name]),
            ("vector ranker, exact (one job post)", exact, [vector, embedder.name, "job-7"]),
            ("full-text ranker", matching_documents_sql(where), ["SAP consultant, ERP-42"]),
        ):
            sql = _positional(template).replace(":limit", str(limit)).replace(":depth", str(DEFAULT_DEPTH))
            plan = await connection.fetch(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}", *arguments)
            sections += [f"-- {title}", *(VECTOR_LITERAL.sub("'[...]'", row[0]) for row in plan)]
    finally:
        await connection.close()
    return "\n".join(sections)


async def size_shared_buffers(stack: LocalStack, admin_url: str) -> None:
    """Give PostgreSQL the shared_buffers a production server of this size would have, so the HNSW
    index (about 650 MB at 100,000 resumes) is searched in memory; the embedded server's default is
    128 MB. Takes effect on restart."""
    connection = await asyncpg.connect(admin_url.replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        current = await connection.fetchval("SHOW shared_buffers")
        if current != SHARED_BUFFERS:
            await connection.execute(f"ALTER SYSTEM SET shared_buffers = '{SHARED_BUFFERS}'")
    finally:
        await connection.close()
    if current != SHARED_BUFFERS:
        stack.restart_postgres()


def _positional(sql: str) -> str:
    """SQLAlchemy's named parameters as asyncpg's numbered ones (:query_text before :query); the
    synthetic resumes are all in the default tenant."""
    sql = sql.replace(":tenant_id", "''")
    for name, number in (("query_text", 1), ("query", 1), ("embedder", 2), ("job_post_id", 3)):
        sql = sql.replace(f":{name}", f"${number}")
    return sql


def percentile(values: list[float], fraction: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def report(
    resumes: int, timings: dict[str, list[float]], answered: int, plan: str, embedder: str, load_before: float
) -> bool:
    everything = [t for kind in KINDS for t in timings[kind]]
    print(f"\nSearchResumes over gRPC (hybrid, page_size 20), {resumes} resumes, one request at a time,")
    print(f"embedder {embedder}; {answered} of {len(everything)} requests had results")
    load_after = os.getloadavg()[0]
    loads = f"load average {load_before:.1f} before, {load_after:.1f} at the end"
    print(f"(machine: {os.cpu_count()} CPUs, {loads}):\n")
    print("| requests | count | p50 | p95 | p99 |\n|---|---|---|---|---|")
    for label, values in [*((kind, timings[kind]) for kind in KINDS), ("all", everything)]:
        p50, p95, p99 = (percentile(values, f) for f in (0.50, 0.95, 0.99))
        print(f"| {label} | {len(values)} | {p50:.1f} ms | {p95:.1f} ms | {p99:.1f} ms |")
    print("\nEXPLAIN (ANALYZE, BUFFERS):\n" + plan)
    uses_index = any(index.name and f"Index Scan using {index.name}" in plan for index in HNSW_INDEXES)
    met = percentile(everything, 0.95) < TARGET_P95_MS
    verdict = "met" if met else "NOT met"
    print(f"\nHNSW index used: {'yes' if uses_index else 'NO'}; p95 < {TARGET_P95_MS:.0f} ms: {verdict}")
    return uses_index and met


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--resumes", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--data-dir", type=Path, help="keep the loaded database here and reuse it")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    stack = LocalStack(args.data_dir)
    endpoints = stack.start()
    try:
        asyncio.run(size_shared_buffers(stack, endpoints.db_url))
        embedder = build_embedder(Settings(), None)
        # One loaded database per embedder: vectors of another model are never compared.
        database = f"{DATABASE}_{re.sub(r'[^a-z0-9]+', '_', embedder.name.lower())}"
        marker = stack.data_dir / f"{database}-{args.resumes}.loaded"
        base, _, socket = endpoints.db_url.partition("?")
        db_url = f"{base.rsplit('/', 1)[0]}/{database}?{socket}"  # as create_database names it
        if not marker.exists():
            db_url = create_database(endpoints.db_url, database)
            upgrade_head(db_url)  # migrations run their own event loop: not inside asyncio.run
            asyncio.run(load(db_url, args.resumes, embedder))
            marker.touch()
        else:
            upgrade_head(db_url)  # a database kept from an older version gets the newer migrations
        settings = Settings(
            db_url=db_url,
            redis_url=endpoints.redis_url,
            aws_endpoint_url_s3=endpoints.s3_endpoint_url,
            aws_access_key_id="local",
            aws_secret_access_key="local",
        )
        timings, answered = asyncio.run(measure(settings, args.requests, embedder.dimension))
        plan = asyncio.run(explain(db_url, embedder))
    finally:
        stack.stop()
    return 0 if report(args.resumes, timings, answered, plan, embedder.name, load_before) else 1


if __name__ == "__main__":
    sys.exit(main())

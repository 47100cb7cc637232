"""Retrieval benchmark (`make bench-search`): recall@10 and nDCG@10 of SearchResumes over the dev corpus.

The dev corpus truth files are stored as the parsed resumes, so retrieval is judged apart from parsing;
bench/search_queries.json holds the labelled queries. Each ranking mode runs over the same stored
vectors: vector-only, full-text only, and the hybrid that callers get (every ranker's candidates
ordered by their match score, under the default threshold). The labelled search set over all the
training corpora is bench/search_eval.py's.

    .venv/bin/python bench/search_bench.py [--db-url URL] [--per-query]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_support import dev_resumes, store_parsed, temporary_database

from resume_parser.bootstrap import build_embedder
from resume_parser.db.engine import create_engine, create_sessionmaker
from resume_parser.db.repository import ResumeRepository
from resume_parser.embedding import Embedder
from resume_parser.search import SearchMode, SearchQuery, SearchService
from resume_parser.settings import Settings

QUERIES = Path(__file__).resolve().parent / "search_queries.json"
CUTOFF = 10
MODES = (SearchMode.VECTOR, SearchMode.TEXT, SearchMode.HYBRID)


@dataclass(frozen=True)
class LabelledQuery:
    kind: str
    text: str
    relevant: frozenset[str]


def load_queries() -> list[LabelledQuery]:
    data = json.loads(QUERIES.read_text())
    return [LabelledQuery(q["kind"], q["query"], frozenset(q["relevant"])) for q in data["queries"]]


def recall_at(ranked: list[str], relevant: frozenset[str], cutoff: int = CUTOFF) -> float:
    return len(relevant.intersection(ranked[:cutoff])) / len(relevant)


def ndcg_at(ranked: list[str], relevant: frozenset[str], cutoff: int = CUTOFF) -> float:
    """Binary-relevance nDCG: hits near the top count more, normalized by the best possible order."""
    gain = sum(1 / math.log2(rank + 2) for rank, stem in enumerate(ranked[:cutoff]) if stem in relevant)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(len(relevant), cutoff)))
    return gain / ideal


async def ranked_stems(service: SearchService, text: str, mode: SearchMode) -> list[str]:
    page = await service.search(SearchQuery(text=text, page_size=CUTOFF, mode=mode))
    return [hit.external_id for hit in page.hits]


async def evaluate(db_url: str, embedder: Embedder, per_query: bool) -> dict[SearchMode, tuple[float, float]]:
    engine = create_engine(db_url, pool_size=2)
    sessions = create_sessionmaker(engine)
    try:
        repository = ResumeRepository(sessions)
        for stem, parsed in dev_resumes().items():
            await store_parsed(repository, embedder, parsed, job_post_id="bench", external_id=stem)
        service = SearchService(sessions, embedder)
        queries = load_queries()
        results: dict[SearchMode, tuple[float, float]] = {}
        for mode in MODES:
            recalls, ndcgs = [], []
            for query in queries:
                ranked = await ranked_stems(service, query.text, mode)
                recalls.append(recall_at(ranked, query.relevant))
                ndcgs.append(ndcg_at(ranked, query.relevant))
                if per_query:
                    print(f"{mode.value:7} R={recalls[-1]:.2f} nDCG={ndcgs[-1]:.2f}  {query.text[:60]}")
            results[mode] = (sum(recalls) / len(recalls), sum(ndcgs) / len(ndcgs))
        return results
    finally:
        await engine.dispose()


def markdown_table(embedder_name: str, results: dict[SearchMode, tuple[float, float]], queries: int) -> str:
    lines = [
        f"Retrieval over {len(dev_resumes())} dev-corpus resumes, {queries} labelled queries "
        f"(bench/search_queries.json), embedder {embedder_name}:",
        "",
        f"| ranking | recall@{CUTOFF} | nDCG@{CUTOFF} |",
        "|---|---|---|",
    ]
    labels = {
        SearchMode.VECTOR: "vector only",
        SearchMode.TEXT: "full-text only",
        SearchMode.HYBRID: "hybrid (match score)",
    }
    for mode in MODES:
        recall, ndcg = results[mode]
        lines.append(f"| {labels[mode]} | {recall:.3f} | {ndcg:.3f} |")
    lines += [
        "",
        "Gemini embedder: not measured here. It needs the Gemini API (network and a key) and this "
        "benchmark runs offline; run it with a GeminiEmbedder where the API is reachable.",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db-url", help="a migrated, empty database (default: a temporary embedded PostgreSQL)"
    )
    parser.add_argument("--per-query", action="store_true", help="print each query's recall and nDCG")
    args = parser.parse_args()

    started = time.perf_counter()
    embedder = build_embedder(Settings(), None)  # the configured local embedder
    if args.db_url:
        results = asyncio.run(evaluate(args.db_url, embedder, args.per_query))
    else:
        with temporary_database("search_bench") as db_url:  # migrations run their own event loop
            results = asyncio.run(evaluate(db_url, embedder, args.per_query))
    print(markdown_table(embedder.name, results, len(load_queries())))
    print(f"\n({time.perf_counter() - started:.0f} s)")
    hybrid, vector = results[SearchMode.HYBRID], results[SearchMode.VECTOR]
    if hybrid[0] < vector[0] or hybrid[1] < vector[1]:
        print("FAIL: hybrid ranks worse than vector-only", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

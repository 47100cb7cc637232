"""Candidate search on the labelled search set (`make bench-search`): recall@10, nDCG@10 and the
no-match queries of ../shared/eval/search/, through SearchResumes over gRPC.

Two ways to fill the index, so that search and parsing can be told apart:

    .venv/bin/python bench/search_eval.py            # both, one after the other (`make bench-search`)
    .venv/bin/python bench/search_eval.py truth      # the truth files stand in for the parser (~3 min)
    .venv/bin/python bench/search_eval.py service    # the running service parses every document (~15 min)

`truth` stores each document's truth JSON as its parsed resume (vectors, full text and facets built
as the pipeline builds them) in a throwaway database, starts a gRPC server in this process and runs
the queries through it. `service` runs `resume-parser dev` with two workers, uploads the 410
documents with the search set's own runner (search_run.py), waits until they are parsed and runs
the queries; with `--data-dir DIR` the parsed index is kept, and a later run with the same DIR and
`--skip-upload` only rebuilds the search data (`resume-parser reembed`) and queries again, which
takes a minute instead of the parse. Both score with the set's metrics.py and print the per-query
table; run files and reports go to bench/out/search-eval/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import grpc
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_support import store_parsed

from resume_parser.bootstrap import build_container
from resume_parser.grpc_api.server import create_server
from resume_parser.localstack import LocalEndpoints, LocalStack, create_database
from resume_parser.migrate import upgrade_head
from resume_parser.resume import ParsedResume
from resume_parser.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path(os.environ.get("EVAL", ROOT.parent / "shared" / "eval")).resolve()
SEARCH_SET = EVAL / "search"
OUT = ROOT / "bench" / "out" / "search-eval"
TENANT = "search-eval"
PAGE_SIZE = 10


def search_set() -> tuple[dict[str, Any], Any]:
    """queries.json and the set's metrics module (its scorer is the reference)."""
    sys.path.insert(0, str(SEARCH_SET))
    import metrics  # the search set's own scorer, beside its queries

    return json.loads((SEARCH_SET / "queries.json").read_text(encoding="utf-8")), metrics


def truth_documents() -> dict[str, ParsedResume]:
    """Document id -> its truth file, for every document of the set's corpora."""
    sys.path.insert(0, str(SEARCH_SET))
    import judge

    return {doc_id: ParsedResume.model_validate(truth) for doc_id, truth in judge.load_docs().items()}


async def run_queries(target: str, spec: dict[str, Any]) -> tuple[dict[str, list[str]], dict[str, Any]]:
    """Every query through SearchResumes: the ranked document ids, and what each response said
    beyond them (how many hits were cut, the explanations of the first hit)."""
    run: dict[str, list[str]] = {}
    details: dict[str, Any] = {}
    async with grpc.aio.insecure_channel(target) as channel:
        stub = api_grpc.ResumeServiceStub(channel)
        for query in spec["queries"]:
            request = api.SearchResumesRequest(query=query["query"], page_size=PAGE_SIZE, tenant_id=TENANT)
            response = await stub.SearchResumes(request, timeout=60)
            run[query["id"]] = [result.external_id for result in response.results]
            details[query["id"]] = {
                "below_threshold": response.below_threshold_count,
                "scores": [round(result.match_score, 3) for result in response.results],
            }
    return run, details


async def index_truth(settings: Settings) -> int:
    container = await build_container(settings)
    try:
        documents = truth_documents()
        for doc_id, parsed in documents.items():
            await store_parsed(
                container.repository,
                container.embedder,
                parsed,
                job_post_id="",
                external_id=doc_id,
                tenant_id=TENANT,
            )
        return len(documents)
    finally:
        await container.close()


async def serve_and_query(
    settings: Settings, spec: dict[str, Any]
) -> tuple[dict[str, list[str]], dict[str, Any]]:
    container = await build_container(settings)
    server, port = await create_server(container, address="127.0.0.1:0")
    await server.start()
    try:
        return await run_queries(f"127.0.0.1:{port}", spec)
    finally:
        await server.stop(None)
        await container.close()


def truth_run(spec: dict[str, Any]) -> tuple[dict[str, list[str]], dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="search-eval-") as data_dir:
        stack = LocalStack(Path(data_dir))
        endpoints = stack.start()
        try:
            db_url = create_database(endpoints.db_url, "search_eval")
            upgrade_head(db_url)  # migrations run their own event loop: not inside asyncio.run
            settings = Settings(
                db_url=db_url,
                redis_url=endpoints.redis_url,
                aws_endpoint_url_s3=endpoints.s3_endpoint_url,
                aws_access_key_id="local",
                aws_secret_access_key="local",  # type: ignore[arg-type]
            )
            started = time.perf_counter()
            count = asyncio.run(index_truth(settings))
            print(f"indexed {count} truth files in {time.perf_counter() - started:.0f} s", flush=True)
            return asyncio.run(serve_and_query(settings, spec))
        finally:
            stack.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def service_run(
    spec: dict[str, Any], data_dir: Path, *, skip_upload: bool, workers: int
) -> tuple[dict[str, list[str]], dict[str, Any]]:
    """`resume-parser dev` parses the documents; its index is searched like any client would."""
    port = free_port()
    OUT.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    (OUT / "dev.log").unlink(missing_ok=True)  # the next banner is the one _reembed reads
    with (OUT / "dev.log").open("ab") as log:
        dev = subprocess.Popen(
            [
                python,
                "-m",
                "resume_parser",
                "dev",
                "--port",
                str(port),
                "--data-dir",
                str(data_dir),
                "--workers",
                str(workers),
            ],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for_server(f"127.0.0.1:{port}", dev)
        if skip_upload:
            _reembed(OUT / "dev.log")
        run_file = OUT / "service-run.json"
        command = [
            python,
            str(SEARCH_SET / "search_run.py"),
            "--target",
            f"127.0.0.1:{port}",
            "--out",
            str(run_file),
        ]
        subprocess.run([*command, *(["--skip-upload"] if skip_upload else [])], check=True, cwd=ROOT)
        return asyncio.run(run_queries(f"127.0.0.1:{port}", spec))
    finally:
        dev.terminate()
        dev.wait(timeout=60)


def _wait_for_server(target: str, process: subprocess.Popen[bytes], timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"resume-parser dev exited with {process.returncode}; see {OUT / 'dev.log'}")
        try:
            grpc.channel_ready_future(grpc.insecure_channel(target)).result(timeout=2)
            return
        except grpc.FutureTimeoutError:
            continue
    raise SystemExit("resume-parser dev did not start in time")


def _reembed(log: Path) -> None:
    """Rebuild vectors, full-text documents and facets of the stored parses with this code, on the
    servers that the running `resume-parser dev` announced in its log."""
    announced = dict(re.findall(r"^\s+(PostgreSQL|Redis|S3)\s+(\S+)", log.read_text(), re.MULTILINE))
    local = LocalEndpoints(announced["PostgreSQL"], announced["Redis"], announced["S3"])
    env = {**os.environ, **local.environment()}
    subprocess.run([sys.executable, "-m", "resume_parser", "reembed"], check=True, env=env, cwd=ROOT)


def report(
    name: str, spec: dict[str, Any], metrics: Any, run: dict[str, list[str]], details: dict[str, Any]
) -> dict[str, Any]:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}-run.json").write_text(json.dumps(run, indent=1) + "\n")
    evaluation = metrics.evaluate(spec, run, metrics.known_ids(spec))
    evaluation["responses"] = details
    (OUT / f"{name}-report.json").write_text(json.dumps(evaluation, indent=2) + "\n")
    print(f"\n{name}: per query (recall@10, nDCG@10; no-match queries: hits returned)\n")
    print("| query | lang | recall@10 | nDCG@10 | relevant | returned | cut |\n|---|---|---|---|---|---|---|")
    for query in spec["queries"]:
        row, cut = evaluation["per_query"][query["id"]], details[query["id"]]["below_threshold"]
        if row.get("expect_no_match"):
            verdict = "empty (correct)" if row["correct"] else "NOT empty"
            print(f"| {query['id']} | {row['lang']} | {verdict} | | 0 | {row['returned']} | {cut} |")
        else:
            print(
                f"| {query['id']} | {row['lang']} | {row['recall@10']:.3f} | {row['ndcg@10']:.3f} "
                f"| {row['relevant']} | {row['returned']} | {cut} |"
            )
    print()
    for key, value in evaluation["summary"].items():
        print(f"- {key}: {value if not isinstance(value, float) else f'{value:.3f}'}")
    return evaluation


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "parsed_by",
        nargs="?",
        choices=["truth", "service", "both"],
        default="both",
        help="what fills the index",
    )
    parser.add_argument(
        "--data-dir", type=Path, help="service: keep the parsed index here (reused with --skip-upload)"
    )
    parser.add_argument(
        "--skip-upload", action="store_true", help="service: search the index kept in --data-dir"
    )
    parser.add_argument("--workers", type=int, default=2, help="service: worker processes")
    args = parser.parse_args()
    if args.skip_upload and args.data_dir is None:
        parser.error("--skip-upload needs the --data-dir of an earlier run")
    spec, metrics = search_set()
    for parsed_by in ("truth", "service") if args.parsed_by == "both" else (args.parsed_by,):
        started, load = time.perf_counter(), os.getloadavg()[0]
        if parsed_by == "truth":
            run, details = truth_run(spec)
        else:
            data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="search-eval-service-"))
            run, details = service_run(spec, data_dir, skip_upload=args.skip_upload, workers=args.workers)
        report(f"parsed-by-{parsed_by}", spec, metrics, run, details)
        end_load = os.getloadavg()[0]
        print(
            f"\n({time.perf_counter() - started:.0f} s, load average {load:.1f} before, {end_load:.1f} after)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""End-to-end latency benchmark (`make bench-e2e`): upload to COMPLETED, and where the time goes.

For each configuration it starts a fresh `resume-parser dev` stack (embedded PostgreSQL, Valkey,
moto's S3, the gRPC server and `--workers` arq workers) and uploads one-page text PDFs of the dev
corpus (`../shared/eval/dev`). Every client uploads one file, opens WatchResume on it at once, waits
for COMPLETED, then uploads the next. Configurations:

- 1 client, 1 worker, `--uploads` sequential uploads (default 50): the latency of an idle stack;
- `--clients` clients (default 10) with 1 worker and with 2 workers, `--concurrent-uploads` in all
  (default 200): throughput and latency under concurrency.

Each upload's time is split into parts, from the client's clock, the transition times stored in
PostgreSQL (GetResume's stage_timings) and the server's and worker's JSON log lines (same machine,
same clock). A worker's `store STAGE` step runs beside the stages' work (pipeline._Transitions): it
is counted from entering the stage to its transition being stored, the wait behind the previous
transition included. The report (Markdown, on stdout) replaces its section of bench/results.md; the stack's
logs and every upload's raw figures are kept in bench/out/e2e/.

    .venv/bin/python bench/e2e_bench.py [--uploads 50] [--clients 10] [--concurrent-uploads 200]
                                        [--only sequential] [--no-results]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import grpc
import pypdfium2
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from resume_parser.settings import Settings

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
CORPUS = ROOT.parent / "shared" / "eval" / "dev"
OUT_DIR = BENCH_DIR / "out" / "e2e"
RESULTS = BENCH_DIR / "results.md"
BEGIN, END = "<!-- e2e-bench -->", "<!-- /e2e-bench -->"
WARMUP_PER_WORKER = 5  # a worker's first jobs load lazily built state; not counted
PARSE_STAGES = ("EXTRACTING", "GROUPING", "NORMALIZING")  # the parse; the rest is the service around it
STAGES = ["QUEUED", "EXTRACTING", "GROUPING", "NORMALIZING", "EMBEDDING", "PERSISTING", "COMPLETED"]


@dataclasses.dataclass(frozen=True)
class Config:
    name: str
    clients: int
    workers: int
    uploads: int


@dataclasses.dataclass
class Upload:
    """One upload as the client saw it; times are time.time() seconds."""

    file: str
    sent: float = 0.0
    answered: float = 0.0
    completed_received: float | None = None
    resume_id: str = ""
    entered: dict[str, float] = dataclasses.field(default_factory=dict)  # stage -> stored enter time
    received: dict[str, float] = dataclasses.field(default_factory=dict)  # stage -> live receive time
    final_stage: str = ""


def one_page_text_pdfs() -> list[tuple[str, bytes]]:
    files = []
    for path in sorted(CORPUS.glob("*.pdf")):
        document = pypdfium2.PdfDocument(path)
        text = document[0].get_textpage().get_text_range()
        if len(document) == 1 and text.strip():
            files.append((path.name, path.read_bytes()))
        document.close()
    return files


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def load() -> float:
    return os.getloadavg()[0]


@contextmanager
def dev_stack(workers: int, log_path: Path) -> Iterator[str]:
    """A fresh `resume-parser dev` stack on a free port; yields its address. Its stderr (the JSON
    logs of the server and the workers) goes to `log_path`."""
    settings_names = {name.upper() for name in Settings.model_fields}
    env = {k: v for k, v in os.environ.items() if k not in settings_names} | {"LOG_LEVEL": "INFO"}
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="e2e-bench-") as data_dir, log_path.open("wb") as log:
        command = [sys.executable, "-m", "resume_parser", "dev", "--data-dir", data_dir]
        command += ["--port", str(port), "--workers", str(workers)]
        child = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
        try:
            yield f"127.0.0.1:{port}"
        finally:
            child.send_signal(signal.SIGTERM)
            try:
                child.wait(timeout=60)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


async def wait_until_serving(address: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    async with grpc.aio.insecure_channel(address) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        while time.monotonic() < deadline:
            try:
                reply = await health.Check(health_pb2.HealthCheckRequest(), timeout=2)
                if reply.status == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.aio.AioRpcError:
                pass
            await asyncio.sleep(0.5)
    raise RuntimeError("the dev stack did not start serving")


def stage_name(value: int) -> str:
    return pb.Stage.Name(value).removeprefix("STAGE_")


async def upload_and_watch(stub: api_grpc.ResumeServiceAsyncStub, upload: Upload, content: bytes) -> None:
    request = api.UploadResumeRequest(content=content, filename=upload.file, content_type="application/pdf")
    upload.sent = time.time()
    response = await stub.UploadResume(request, timeout=120)
    upload.answered = time.time()
    upload.resume_id = response.resume.id
    watch = api.WatchResumeRequest(resume_id=upload.resume_id)
    first = True
    async for event in stub.WatchResume(watch, timeout=300):
        now, stage = time.time(), stage_name(event.stage)
        if not first:  # the stream's first message is the state at subscription, not a live event
            upload.received[stage] = now
        first = False
        if stage in ("COMPLETED", "FAILED"):
            upload.final_stage = stage
            upload.completed_received = now if stage == "COMPLETED" else None
    stored = (await stub.GetResume(api.GetResumeRequest(resume_id=upload.resume_id), timeout=60)).resume
    for timing in stored.stage_timings:
        upload.entered.setdefault(stage_name(timing.stage), timing.enter_time.ToNanoseconds() / 1e9)


async def client(address: str, uploads: list[Upload], files: dict[str, bytes]) -> None:
    # A subchannel pool of its own gives each client its own connection, like separate callers.
    options = [("grpc.use_local_subchannel_pool", 1)]
    async with grpc.aio.insecure_channel(address, options=options) as channel:
        stub = api_grpc.ResumeServiceStub(channel)
        for upload in uploads:
            await upload_and_watch(stub, upload, files[upload.file])


async def run_uploads(
    address: str, config: Config, files: list[tuple[str, bytes]], count: int
) -> list[Upload]:
    uploads = [Upload(files[i % len(files)][0]) for i in range(count)]
    contents = dict(files)
    await asyncio.gather(
        *(client(address, uploads[c :: config.clients], contents) for c in range(config.clients))
    )
    return uploads


def log_lines(path: Path) -> list[dict[str, object]]:
    lines = []
    for raw in path.read_text(errors="replace").splitlines():
        if raw.startswith("{"):
            try:
                lines.append(json.loads(raw))
            except ValueError:
                continue
    return lines


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def parts(uploads: list[Upload], logs: list[dict[str, object]]) -> dict[str, list[float]]:
    """Milliseconds per part of each upload, by part name, in the order of the report."""
    by_resume: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in logs:
        if "resume_id" in line:
            by_resume[str(line["resume_id"])].append(line)
    figures: dict[str, list[float]] = defaultdict(list)
    for upload in uploads:
        if upload.completed_received is None:
            continue
        ms = figures_of(upload, by_resume[upload.resume_id])
        for name, value in ms.items():
            figures[name].append(value)
    return figures


def figures_of(upload: Upload, lines: list[dict[str, object]]) -> dict[str, float]:
    assert upload.completed_received is not None
    entered = upload.entered
    work = {  # each stage's own work in the worker (logged with or without the step timings)
        str(line["stage"]): 1000 * float(line["seconds"])  # type: ignore[arg-type]
        for line in lines
        if line.get("message") == "stage finished"
    }
    total = 1000 * (upload.completed_received - upload.sent)
    parse = sum(work.get(stage, 0.0) for stage in PARSE_STAGES)
    ms: dict[str, float] = {"upload to COMPLETED (client)": total}
    ms["  the parse: extract + group + normalize work"] = parse
    ms["  everything else"] = total - parse
    ms["UploadResume call (client)"] = 1000 * (upload.answered - upload.sent)
    for line in lines:
        if line.get("message") == "resume uploaded":
            for step, value in dict(line.get("timings_ms") or {}).items():  # type: ignore[call-overload]
                ms[f"  upload: {step}"] = float(value)
    # Between consecutive stored transitions: the stage's work plus the next transition's store.
    for before, after in itertools.pairwise(STAGES):
        label = "queue wait + job start" if before == "QUEUED" else f"{before} stage"
        ms[f"{label} (stored {before} -> stored {after})"] = 1000 * (entered[after] - entered[before])
    job = next((line for line in lines if line.get("message") == "resume completed"), {})
    if "queue_ms" in job:
        ms["  queue wait (enqueue -> job start)"] = float(job["queue_ms"])  # type: ignore[arg-type]
    steps = dict(job.get("timings_ms") or {})  # type: ignore[call-overload]
    for step, value in steps.items() if steps else work.items():
        ms[f"  worker: {step} work" if step in STAGES else f"  worker: {step}"] = float(value)
    published = dict(job.get("published_at") or {})  # type: ignore[call-overload]
    for stage, received in upload.received.items():
        if stage in published:
            ms[f"watch delivery {stage} (published -> received)"] = 1000 * (
                received - float(published[stage])
            )
        elif stage in entered:
            ms[f"watch delivery {stage} (stored -> received)"] = 1000 * (received - entered[stage])
    return ms


def table(title: str, figures: dict[str, list[float]]) -> list[str]:
    rows = [f"**{title}**", "", "| part (ms) | n | p50 | p95 | p99 |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, values in figures.items():  # in the order the parts were first seen: the timeline's
        p50, p95, p99 = (percentile(values, p) for p in (50, 95, 99))
        rows.append(f"| {name} | {len(values)} | {p50:.1f} | {p95:.1f} | {p99:.1f} |")
    return rows


async def measure(config: Config, files: list[tuple[str, bytes]]) -> list[str]:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    log_path = OUT_DIR / f"{config.name}.log"
    with dev_stack(config.workers, log_path) as address:
        await wait_until_serving(address)
        print(f"{config.name}: warming up ...", file=sys.stderr, flush=True)
        await run_uploads(
            address,
            dataclasses.replace(config, clients=config.workers),
            files,
            WARMUP_PER_WORKER * config.workers,
        )
        load_before = load()
        print(
            f"{config.name}: {config.uploads} uploads (load {load_before:.2f}) ...",
            file=sys.stderr,
            flush=True,
        )
        started = time.time()
        uploads = await run_uploads(address, config, files, config.uploads)
        seconds = max(u.completed_received or u.answered for u in uploads) - started
        load_after = load()
    (OUT_DIR / f"{config.name}.json").write_text(json.dumps([dataclasses.asdict(u) for u in uploads]))
    completed = sum(u.final_stage == "COMPLETED" for u in uploads)
    title = (
        f"{config.clients} client(s), {config.workers} worker(s), {config.uploads} uploads: "
        f"{completed} COMPLETED, {completed / seconds:.2f} resumes/s "
        f"({completed / seconds / config.workers:.2f} per worker); "
        f"1-minute load average {load_before:.2f} before, {load_after:.2f} after"
    )
    return table(title, parts(uploads, log_lines(log_path)))


def update_results(report: str) -> None:
    block = f"{BEGIN}\n{report}\n{END}"
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    if BEGIN in text and END in text:
        head, _, rest = text.partition(BEGIN)
        text = head + block + rest.partition(END)[2]
    else:
        text = (
            text.rstrip("\n")
            + "\n\n## End-to-end latency, upload to COMPLETED, part by part (`make bench-e2e`)\n\n"
            + block
            + "\n"
        )
    RESULTS.write_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--uploads", type=int, default=50, help="sequential uploads, 1 client, 1 worker")
    parser.add_argument("--clients", type=int, default=10, help="concurrent clients (default 10)")
    parser.add_argument("--concurrent-uploads", type=int, default=200, help="uploads with --clients clients")
    parser.add_argument("--only", choices=["sequential", "concurrent"], help="run one kind of configuration")
    parser.add_argument("--no-results", dest="results", action="store_false", help="do not touch results.md")
    args = parser.parse_args()
    configs = []
    if args.only != "concurrent":
        configs.append(Config("sequential", 1, 1, args.uploads))
    if args.only != "sequential":
        configs += [
            Config(f"clients{args.clients}-workers{w}", args.clients, w, args.concurrent_uploads)
            for w in (1, 2)
        ]
    files = one_page_text_pdfs()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    )
    lines = [
        f"{stamp}, commit {commit.stdout.strip()}, {len(files)} one-page text PDFs of the dev corpus.",
        "",
    ]
    for config in configs:
        lines += [*asyncio.run(measure(config, files)), ""]
    report = "\n".join(lines).rstrip()
    print(report)
    if args.results:
        update_results(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

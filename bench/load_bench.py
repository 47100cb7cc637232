"""Load benchmark (`make bench-load`): many uploads, each watched to the end, on the real local stack.

It starts embedded PostgreSQL, Valkey and moto's S3 server, then ONE `resume-parser serve` process and
`--workers` `resume-parser worker` processes on loopback. `--clients` concurrent gRPC clients (one
connection each) upload `--uploads` real resumes from the dev corpus and open a WatchResume stream
right after each upload. The workers are held back (stopped after the warm-up) until every upload
has been accepted, so that every upload's stream is open at once (1,000 concurrent streams on one
server) while the workers drain the queue; `--workers-from-start` lets them run all along instead.
It measures throughput, upload-to-COMPLETED latency, event delivery latency and peak memory, and
checks that nothing was lost: one terminal event per upload, sequences going up by one without
repeats, and GetResume agreeing with the stream. The figures are printed and kept in bench/README.md;
the processes' logs and every upload's record (records.json) go to bench/out/load/.

    .venv/bin/python bench/load_bench.py [--uploads 1000] [--clients 50] [--workers 2]
                                          [--deadline-minutes 30] [--workers-from-start] [--no-readme]

Exit code 0 when every upload ended correctly (COMPLETED or FAILED with a reason), 1 otherwise,
including when the deadline passes (the uploads still running are listed).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import logging
import mimetypes
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

sys.path.insert(0, str(Path(__file__).resolve().parent))

import grpc
import psutil
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from load_report import TERMINAL, RunFigures, SeenEvent, UploadRecord, stuck_lines, update_readme

from resume_parser.blobstore import S3BlobStore
from resume_parser.localstack import LocalEndpoints, LocalStack
from resume_parser.migrate import upgrade_head
from resume_parser.settings import Settings

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
CORPUS = [ROOT.parent / "shared" / "eval" / "dev", ROOT / "tests" / "fixtures"]
RESUME_SUFFIXES = {".pdf", ".docx", ".txt"}
LOG_DIR = BENCH_DIR / "out" / "load"
WARMUP_PER_WORKER = 4  # one full batch per worker (worker_max_jobs), so each has loaded its models
STREAM_RETRIES = 3
SAMPLE_SECONDS = 0.5


def resume_files() -> list[tuple[str, bytes]]:
    files = [p for folder in CORPUS for p in sorted(folder.iterdir()) if p.suffix in RESUME_SUFFIXES]
    return [(path.name, path.read_bytes()) for path in files]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def child_environment(endpoints: LocalEndpoints, port: int) -> dict[str, str]:
    """This shell's environment without any service setting, plus the local stack's."""
    settings_names = {name.upper() for name in Settings.model_fields}
    inherited = {k: v for k, v in os.environ.items() if k not in settings_names}
    return {**inherited, **endpoints.environment(), "GRPC_HOST": "127.0.0.1", "GRPC_PORT": str(port)}


class ServiceProcesses:
    """The server and worker child processes, each logging to its own file, and their peak memory."""

    def __init__(self, env: dict[str, str]):
        self._env = env
        self.children: dict[str, subprocess.Popen[bytes]] = {}
        self.sampled: dict[str, int] = {}  # role -> pid, for the memory and CPU figures
        self.peak_rss: dict[str, int] = {}
        self.cpu_seconds: dict[str, float] = {}  # user + system, children included, at the last sample
        self._sampling = threading.Event()

    def start(self, role: str, command: str) -> None:
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        with self.log_path(role).open("ab") as log:  # a restarted role keeps its earlier lines
            self.children[role] = subprocess.Popen(
                [sys.executable, "-m", "resume_parser", command],
                env=self._env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.sampled[role] = self.children[role].pid

    def log_path(self, role: str) -> Path:
        return LOG_DIR / f"{role.replace(' ', '-')}.log"

    def exited(self) -> list[str]:
        return [
            f"{role} exited with {p.returncode}" for role, p in self.children.items() if p.poll() is not None
        ]

    def log_tail(self, role: str, lines: int = 15) -> str:
        return "\n".join(self.log_path(role).read_text(errors="replace").splitlines()[-lines:])

    @contextmanager
    def sampling_memory(self) -> Iterator[None]:
        """Sample each process's RSS, children included, every SAMPLE_SECONDS on a thread of its own,
        so a busy event loop cannot skip samples."""
        self._sampling.set()
        sampler = threading.Thread(target=self._sample, name="rss-sampler", daemon=True)
        sampler.start()
        try:
            yield
        finally:
            self._sampling.clear()
            sampler.join()

    def _sample(self) -> None:
        while self._sampling.is_set():
            for role, pid in self.sampled.items():
                try:
                    process = psutil.Process(pid)
                    family = [process, *process.children(recursive=True)]
                    rss = sum(member.memory_info().rss for member in family)
                    times = [member.cpu_times() for member in family]
                except psutil.Error:
                    continue  # exited between the listing and the read
                self.peak_rss[role] = max(self.peak_rss.get(role, 0), rss)
                self.cpu_seconds[role] = sum(t.user + t.system for t in times)
            time.sleep(SAMPLE_SECONDS)

    def stop(self, roles: list[str] | None = None) -> None:
        stopping = [child for role, child in self.children.items() if roles is None or role in roles]
        for child in stopping:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in stopping:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        for role in roles or []:
            del self.children[role]  # stopped on purpose: not an exit to report


async def ensure_bucket(endpoints: LocalEndpoints) -> None:
    env = endpoints.environment()
    settings = Settings(
        aws_endpoint_url_s3=endpoints.s3_endpoint_url,
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    )
    blobs = S3BlobStore(settings)
    await blobs.start()
    try:
        await blobs.ensure_bucket()
    finally:
        await blobs.close()


async def wait_until_serving(address: str, processes: ServiceProcesses, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    async with grpc.aio.insecure_channel(address) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        while time.monotonic() < deadline and not processes.exited():
            try:
                reply = await health.Check(health_pb2.HealthCheckRequest(), timeout=2)
                if reply.status == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.aio.AioRpcError:
                await asyncio.sleep(0.5)
    raise RuntimeError(f"the server did not start serving: {processes.exited() or 'timed out'}")


class LoadRun:
    """Uploads from `clients` concurrent connections, one WatchResume stream per upload."""

    def __init__(self, address: str, files: list[tuple[str, bytes]], uploads: int, clients: int):
        self._address = address
        self._files = files
        self._clients = clients
        self.records = [UploadRecord(i, files[i % len(files)][0]) for i in range(uploads)]
        self.open_streams = 0
        self.peak_streams = 0
        self.all_uploaded = asyncio.Event()
        self.workers_started: float | None = None  # monotonic; None while they ran from the start
        self._answered = 0

    async def run(self) -> None:
        # Watch streams outlive the client that opened them, so they belong to the outer group.
        async with asyncio.TaskGroup() as watchers, asyncio.TaskGroup() as clients:
            for client in range(self._clients):
                clients.create_task(self._client(self.records[client :: self._clients], watchers))

    async def _client(self, records: list[UploadRecord], watchers: asyncio.TaskGroup) -> None:
        # A subchannel pool of its own gives each client its own connection, like separate callers.
        channel = grpc.aio.insecure_channel(self._address, options=[("grpc.use_local_subchannel_pool", 1)])
        stub = api_grpc.ResumeServiceStub(channel)
        tasks = []
        for record in records:
            if await self._upload(stub, record):
                tasks.append(watchers.create_task(self._watch(stub, record)))
        await asyncio.gather(*tasks)
        await channel.close()

    async def _upload(self, stub: api_grpc.ResumeServiceAsyncStub, record: UploadRecord) -> bool:
        name, content = self._files[record.index % len(self._files)]
        request = api.UploadResumeRequest(
            content=content,
            filename=name,
            content_type=mimetypes.guess_type(name)[0] or "",
            job_post_id="load-bench",
        )
        record.started = time.monotonic()
        try:
            response = await stub.UploadResume(request, timeout=120)
        except grpc.aio.AioRpcError as error:
            self._answered_one()
            record.upload_error = f"{error.code().name}: {error.details()}"
            record.upload_seconds = time.monotonic() - record.started
            record.debug_error = error.debug_error_string() or ""
            return False
        record.upload_seconds = time.monotonic() - record.started
        record.resume_id = response.resume.id
        self._answered_one()
        return True

    def _answered_one(self) -> None:
        self._answered += 1
        if self._answered == len(self.records):
            self.all_uploaded.set()

    async def _watch(self, stub: api_grpc.ResumeServiceAsyncStub, record: UploadRecord) -> None:
        """Watch until the terminal event; a broken stream is recorded, then watched again."""
        for _ in range(STREAM_RETRIES):
            stream: list[SeenEvent] = []
            record.streams.append(stream)
            self.open_streams += 1
            self.peak_streams = max(self.peak_streams, self.open_streams)
            try:
                async for event in stub.WatchResume(api.WatchResumeRequest(resume_id=record.resume_id)):
                    stream.append(seen(event, first=not stream))
                    if event.stage in TERMINAL:
                        record.ended = time.monotonic()
                    if event.stage == pb.STAGE_COMPLETED:
                        record.completed_after = time.monotonic() - record.started
                return
            except grpc.aio.AioRpcError as error:
                record.stream_errors.append(f"{error.code().name}: {error.details()}")
                await asyncio.sleep(1)
            finally:
                self.open_streams -= 1

    async def check_stored(self) -> None:
        """What GetResume says for each upload, to compare with the stream's last event."""
        limit = asyncio.Semaphore(self._clients)
        async with grpc.aio.insecure_channel(self._address) as channel:
            stub = api_grpc.ResumeServiceStub(channel)

            async def fetch(record: UploadRecord) -> None:
                async with limit:
                    reply = await stub.GetResume(api.GetResumeRequest(resume_id=record.resume_id), timeout=60)
                    record.stored = (reply.resume.stage, reply.resume.sequence)

            await asyncio.gather(*(fetch(r) for r in self.records if r.resume_id))

    @property
    def seconds(self) -> float:
        """First upload call to the last terminal event received."""
        ends = [r.ended for r in self.records if r.ended is not None]
        return max(ends) - min(r.started for r in self.records if r.started) if ends else 0.0

    @property
    def processing_seconds(self) -> float:
        """From the workers' start (or the first upload, if they ran all along) to the last terminal event."""
        ends = [r.ended for r in self.records if r.ended is not None]
        started = self.workers_started or min(r.started for r in self.records if r.started)
        return max(ends) - started if ends else 0.0


def seen(event: api.WatchResumeResponse, *, first: bool) -> SeenEvent:
    return SeenEvent(
        sequence=event.sequence,
        stage=event.stage,
        event_time=event.event_time.ToNanoseconds() / 1e9,
        received_at=time.time(),
        first_of_stream=first,
        error_reason=event.error.reason,
    )


async def finishes_in_time(run: LoadRun, deadline: float) -> bool:
    try:
        await asyncio.wait_for(run.run(), max(1.0, deadline - time.monotonic()))
    except TimeoutError:
        return False
    return True


async def release_workers(
    run: LoadRun, processes: ServiceProcesses, workers: list[str], running: bool
) -> None:
    if running:
        return
    await run.all_uploaded.wait()
    print(f"all uploads accepted, {run.open_streams} streams open; starting the workers ...", flush=True)
    run.workers_started = time.monotonic()
    for role in workers:
        processes.start(role, "worker")


async def benchmark(
    args: argparse.Namespace, address: str, processes: ServiceProcesses, deadline: float
) -> int:
    await wait_until_serving(address, processes, timeout=max(1.0, min(300.0, deadline - time.monotonic())))
    files = resume_files()
    # Excluded from the figures: the first jobs of a worker load its models.
    warmup = LoadRun(address, files, args.workers * WARMUP_PER_WORKER, args.clients)
    print(f"warming up with {len(warmup.records)} uploads ...", flush=True)
    warm = await finishes_in_time(warmup, deadline)
    unhealthy = [r for r in warmup.records if r.completed_after is None or r.problems()]
    if not warm or unhealthy:
        await report_stuck(warmup, processes)
        return 1

    load_before = os.getloadavg()[0]
    run = LoadRun(address, files, args.uploads, args.clients)
    workers = [role for role in processes.children if role.startswith("worker")]
    if not args.workers_from_start:
        processes.stop(workers)
    print(f"{args.uploads} uploads from {args.clients} clients ...", flush=True)
    releasing = asyncio.create_task(release_workers(run, processes, workers, args.workers_from_start))
    finished = await finishes_in_time(run, deadline)
    releasing.cancel()
    if not finished:
        print(f"deadline of {args.deadline_minutes} minutes passed", file=sys.stderr)
        await report_stuck(run, processes)
        return 1
    await run.check_stored()
    figures = RunFigures(
        args.uploads, args.clients, args.workers, run.seconds, run.processing_seconds, run.records,
        run.peak_streams,
        dict(processes.peak_rss), dict(processes.cpu_seconds), load_before,
    )  # fmt: skip
    print(figures.table())
    (LOG_DIR / "records.json").write_text(json.dumps([dataclasses.asdict(r) for r in run.records]))
    for line in figures.problem_lines() + processes.exited():
        print(line, file=sys.stderr)
    if args.readme:
        update_readme(BENCH_DIR / "README.md", figures)
        print("\nfigures kept in bench/README.md")
    return 0 if not figures.broken and not processes.exited() else 1


async def report_stuck(run: LoadRun, processes: ServiceProcesses) -> None:
    """What did not finish, what GetResume says about it, and the end of every child's log."""
    try:
        await asyncio.wait_for(run.check_stored(), 60)
    except (TimeoutError, grpc.aio.AioRpcError) as error:
        print(f"GetResume check incomplete: {error!r}", file=sys.stderr)
    for line in stuck_lines(run.records) + processes.exited():
        print(line, file=sys.stderr)
    for r in run.records:
        if r.problems() and r.finished:
            print(f"upload {r.index} {r.resume_id}: {'; '.join(r.problems())}", file=sys.stderr)
    for role in processes.children:
        print(f"\n--- last lines of {processes.log_path(role)}\n{processes.log_tail(role)}", file=sys.stderr)


def _stop_on_sigterm(signum: int, frame: Any) -> NoReturn:
    raise KeyboardInterrupt  # unwinds through the finally blocks that stop every process


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--uploads", type=int, default=1000, help="resumes to upload (default 1000)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent gRPC clients (default 50)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--deadline-minutes", type=float, default=30, help="give up after this (default 30)")
    parser.add_argument("--stack", action="store_true", help=argparse.SUPPRESS)  # internal: see run_stack
    parser.add_argument(
        "--workers-from-start",
        action="store_true",
        help="let the workers run while uploads arrive (fewer streams open at once)",
    )
    parser.add_argument("--no-readme", dest="readme", action="store_false", help="do not update README.md")
    args = parser.parse_args()
    if min(args.uploads, args.clients, args.workers) < 1:
        parser.error("--uploads, --clients and --workers must be at least 1")
    return args


def run_stack() -> int:
    """`--stack` mode: run the local stack until stdin closes. It runs in a process of its own so
    that moto's S3 server does not share the measuring process's interpreter lock."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's per-request access log
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    answer = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # anything else the servers print goes to the log, not into the answer
    stack = LocalStack()
    try:
        endpoints = stack.start()
        upgrade_head(endpoints.db_url)
        asyncio.run(ensure_bucket(endpoints))
        print(json.dumps(dataclasses.asdict(endpoints)), file=answer, flush=True)
        sys.stdin.read()  # returns when the benchmark closes the pipe or dies
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()
    return 0


@contextmanager
def local_stack_process() -> Iterator[tuple[LocalEndpoints, int]]:
    """The local stack in a child process: its endpoints and its pid."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    with (LOG_DIR / "stack.log").open("wb") as log:
        child = subprocess.Popen(
            [sys.executable, __file__, "--stack"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log
        )
    assert child.stdin is not None and child.stdout is not None
    try:
        line = child.stdout.readline()
        if not line:
            raise RuntimeError(f"the local stack did not start; see {LOG_DIR / 'stack.log'}")
        yield LocalEndpoints(**json.loads(line)), child.pid
    finally:
        child.stdin.close()
        try:
            child.wait(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def main() -> int:
    args = parse_args()
    if args.stack:
        return run_stack()
    deadline = time.monotonic() + args.deadline_minutes * 60
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        with local_stack_process() as (endpoints, stack_pid):
            port = free_port()
            processes = ServiceProcesses(child_environment(endpoints, port))
            # PostgreSQL runs detached from it (pg_ctl), so this is moto's S3 server and Valkey.
            processes.sampled["S3 (moto) and Valkey"] = stack_pid
            processes.start("server", "serve")
            for number in range(1, args.workers + 1):
                processes.start(f"worker {number}", "worker")
            try:
                with processes.sampling_memory():
                    return asyncio.run(benchmark(args, f"127.0.0.1:{port}", processes, deadline))
            finally:
                processes.stop()  # before the stack they depend on
    except KeyboardInterrupt:
        print("interrupted; stopping everything", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

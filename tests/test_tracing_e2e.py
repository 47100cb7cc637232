"""One upload seen by operators, across processes: one trace from the gRPC request through the arq
job to every pipeline stage (the server, this process, records spans in memory; a real worker
process prints its spans as JSON), and the RPC and stage metrics of both processes."""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import sys
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from prometheus_client import REGISTRY

from resume_parser.settings import Settings
from tests.conftest import WorkerProcess, settings_environment
from tests.helpers import SAMPLE_PDF, memory_span_exporter, upload, watch_all

STAGES = ["EXTRACTING", "GROUPING", "NORMALIZING", "EMBEDDING"]


@pytest.fixture(scope="module")
def server_spans() -> InMemorySpanExporter:
    return memory_span_exporter()


def json_objects(text: str) -> Iterator[dict[str, Any]]:
    decoder, position = json.JSONDecoder(), 0
    while (start := text.find("{", position)) != -1:
        value, position = decoder.raw_decode(text, start)
        yield value


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def scrape(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        body: bytes = response.read()
        return body.decode()


@pytest.mark.timeout(300)  # starts a worker process of its own
async def test_one_upload_is_one_trace_and_is_counted_by_server_and_worker(
    stub: api_grpc.ResumeServiceStub,
    settings: Settings,
    server_spans: InMemorySpanExporter,
    worker: WorkerProcess,
) -> None:
    # The session's worker would take the job without printing its spans: a tracing one stands in.
    worker.stop()
    metrics_port = free_port()
    env = {
        **settings_environment(settings),
        "OTEL_TRACES_EXPORTER": "console",
        "METRICS_PORT": str(metrics_port),
    }
    uploads_before = uploads_counted()
    traced_worker = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "resume_parser",
        "worker",
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        uploaded = await upload(stub, SAMPLE_PDF.read_bytes())
        await watch_all(stub, uploaded.resume.id)
        worker_metrics = await asyncio.to_thread(scrape, metrics_port)
    finally:
        traced_worker.send_signal(signal.SIGTERM)  # the span processor flushes at exit
        output, _ = await asyncio.wait_for(traced_worker.communicate(), timeout=30)
        worker.start()
    printed = output.decode()

    request = next(s for s in server_spans.get_finished_spans() if s.name.endswith("/UploadResume"))
    assert request.kind == SpanKind.SERVER and request.context is not None
    trace_id = f"0x{request.context.trace_id:032x}"
    worker_spans = [s for s in json_objects(printed) if s["context"]["trace_id"] == trace_id]
    job = next(s for s in worker_spans if s["name"] == "process_resume")
    assert job["kind"] == "SpanKind.CONSUMER"
    assert job["parent_id"] == f"0x{request.context.span_id:016x}"
    stages = {s["name"]: s for s in worker_spans if s["name"].startswith("stage ")}
    assert sorted(stages) == sorted(f"stage {stage}" for stage in STAGES)
    assert all(s["parent_id"] == job["context"]["span_id"] for s in stages.values())

    assert uploads_counted() == uploads_before + 1
    for stage in STAGES:
        assert (
            f'resume_parser_stage_duration_seconds_count{{backend="local",stage="{stage}"}} 1.0'
            in worker_metrics
        )


def uploads_counted() -> float:
    labels = {"grpc_service": "ats.resume.v1.ResumeService", "grpc_method": "UploadResume", "grpc_code": "OK"}
    return REGISTRY.get_sample_value("grpc_server_handled_total", labels) or 0.0

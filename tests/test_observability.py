"""Metrics and traces, observed from outside: a real grpc.aio server behind the interceptors, a real
/metrics endpoint, and a real arq job on the session's Redis carrying the request's trace context."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import urllib.request
from collections.abc import AsyncIterator, Iterator
from typing import Any

import grpc
import pytest
from arq.connections import ArqRedis, create_pool
from arq.worker import Worker, func
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from prometheus_client import REGISTRY

from resume_parser.errors import ConfigurationError
from resume_parser.jobqueue import redis_settings
from resume_parser.observability import metrics, tracing
from resume_parser.observability.startup import start_observability
from resume_parser.observability.trace_logging import TraceIdFilter
from resume_parser.settings import Settings
from tests.helpers import memory_span_exporter

HEALTH = "grpc.health.v1.Health"
JOBS_SERVICE = "test.Jobs"
JOB = "traced_job"
# Not the pipeline's queue, so the suite's real worker process never takes these jobs.
QUEUE = "arq:observability-test"


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def rpc_count(method: str, code: str, service: str = HEALTH) -> float:
    return sample("grpc_server_handled_total", grpc_service=service, grpc_method=method, grpc_code=code)


@pytest.fixture(scope="module")
def spans() -> Iterator[InMemorySpanExporter]:
    """Every span of the process, kept in memory. The global provider can be set once per process."""
    exporter = memory_span_exporter()
    yield exporter
    exporter.shutdown()


@pytest.fixture
def finished(spans: InMemorySpanExporter) -> InMemorySpanExporter:
    spans.clear()
    return spans


@pytest.fixture
async def jobs(redis_url: str) -> AsyncIterator[ArqRedis]:
    pool = await create_pool(redis_settings(redis_url), default_queue_name=QUEUE)
    await pool.delete(QUEUE)
    yield pool
    await pool.aclose()


def enqueue_handler(jobs: ArqRedis) -> grpc.GenericRpcHandler:
    """test.Jobs/Enqueue: queues one job carrying the trace context, as UploadResume does."""

    async def enqueue(request: bytes, context: grpc.aio.ServicerContext[Any, Any]) -> bytes:
        await jobs.enqueue_job(JOB, "resume-1", trace_context=tracing.inject())
        return b""

    return grpc.method_handlers_generic_handler(
        JOBS_SERVICE, {"Enqueue": grpc.unary_unary_rpc_method_handler(enqueue)}
    )


@pytest.fixture
async def server(jobs: ArqRedis) -> AsyncIterator[grpc.aio.Channel]:
    """A real server with both interceptors, the health service and test.Jobs; yields a channel to it."""
    server = grpc.aio.server(interceptors=[metrics.MetricsInterceptor(), tracing.TracingInterceptor()])
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    await health_servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    server.add_generic_rpc_handlers([enqueue_handler(jobs)])
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        yield channel
    await server.stop(grace=None)


async def traced_job(
    ctx: dict[str, Any], resume_id: str, trace_context: dict[str, str] | None = None
) -> None:
    """What the pipeline job does with the context: a job span, then one child span per stage."""
    with tracing.job_span("process_resume", trace_context, {"resume_id": resume_id}):
        for stage in ("EXTRACTING", "GROUPING"):
            with tracing.stage_span(stage, backend="local"), metrics.time_stage(stage, "local"):
                await asyncio.sleep(0)
        with (
            contextlib.suppress(ValueError),
            tracing.stage_span("NORMALIZING", backend="local"),
            metrics.time_stage("NORMALIZING", "local"),
        ):
            raise ValueError("the text of a resume that must not reach a span")


async def run_jobs(jobs: ArqRedis) -> Worker:
    """A real arq worker, in burst mode: runs the queued jobs, then returns."""
    worker = Worker(
        functions=[func(traced_job, name=JOB)],
        queue_name=QUEUE,
        redis_pool=jobs,  # its own pool would be closed with a call redis has deprecated
        burst=True,
        handle_signals=False,
        poll_delay=0.05,
        keep_result=0,
    )
    await asyncio.wait_for(worker.main(), timeout=30)
    return worker


def by_name(spans: tuple[ReadableSpan, ...]) -> dict[str, ReadableSpan]:
    return {span.name: span for span in spans}


async def test_request_span_continues_into_the_job_and_each_stage_is_a_child(
    server: grpc.aio.Channel, finished: InMemorySpanExporter, jobs: ArqRedis
) -> None:
    enqueue: grpc.aio.UnaryUnaryMultiCallable[bytes, bytes] = server.unary_unary(f"/{JOBS_SERVICE}/Enqueue")
    await enqueue(b"")
    worker = await run_jobs(jobs)

    assert (worker.jobs_complete, worker.jobs_failed) == (1, 0)

    spans = by_name(finished.get_finished_spans())
    request, job = spans[f"{JOBS_SERVICE}/Enqueue"], spans["process_resume"]
    stages = [spans[f"stage {stage}"] for stage in ("EXTRACTING", "GROUPING", "NORMALIZING")]
    assert request.kind == SpanKind.SERVER and request.parent is None
    assert request.attributes is not None and request.attributes["rpc.grpc.status_code"] == 0
    assert job.kind == SpanKind.CONSUMER
    assert job.parent is not None and request.context is not None and job.context is not None
    assert (job.parent.trace_id, job.parent.span_id) == (request.context.trace_id, request.context.span_id)
    for stage in stages:
        assert stage.parent is not None and stage.parent.span_id == job.context.span_id
        assert stage.context is not None and stage.context.trace_id == request.context.trace_id
    failed = stages[-1]
    assert failed.status.status_code == StatusCode.ERROR
    assert failed.attributes is not None and failed.attributes["error.type"] == "ValueError"
    assert not failed.events  # no exception event: its message may quote a document
    assert stages[0].status.status_code == StatusCode.UNSET


async def test_request_span_continues_the_callers_trace(
    server: grpc.aio.Channel, finished: InMemorySpanExporter
) -> None:
    enqueue: grpc.aio.UnaryUnaryMultiCallable[bytes, bytes] = server.unary_unary(f"/{JOBS_SERVICE}/Enqueue")
    with trace.get_tracer("test").start_as_current_span("caller", kind=SpanKind.CLIENT) as caller:
        await enqueue(b"", metadata=tuple(tracing.inject().items()))

    request = by_name(finished.get_finished_spans())[f"{JOBS_SERVICE}/Enqueue"]
    assert request.parent is not None
    assert request.parent.span_id == caller.get_span_context().span_id


async def test_health_checks_are_counted_but_not_traced(
    server: grpc.aio.Channel, finished: InMemorySpanExporter
) -> None:
    stub = health_pb2_grpc.HealthStub(server)
    ok_before, missing_before = rpc_count("Check", "OK"), rpc_count("Check", "NOT_FOUND")
    seconds_before = sample(
        "grpc_server_handling_seconds_count", grpc_service=HEALTH, grpc_method="Check", grpc_code="OK"
    )

    await stub.Check(health_pb2.HealthCheckRequest(service=""))
    with pytest.raises(grpc.aio.AioRpcError) as missing:
        await stub.Check(health_pb2.HealthCheckRequest(service="no.such.Service"))

    assert missing.value.code() == grpc.StatusCode.NOT_FOUND
    # The server counts an RPC once its handler has finished, which can be just after the client
    # has the answer: wait for the count as for the cancelled stream below.
    for _ in range(100):
        if rpc_count("Check", "NOT_FOUND") == missing_before + 1:
            break
        await asyncio.sleep(0.02)
    assert rpc_count("Check", "OK") == ok_before + 1
    assert rpc_count("Check", "NOT_FOUND") == missing_before + 1
    assert (
        sample("grpc_server_handling_seconds_count", grpc_service=HEALTH, grpc_method="Check", grpc_code="OK")
        == seconds_before + 1
    )
    assert finished.get_finished_spans() == ()


async def test_open_streams_are_gauged_and_a_cancelled_one_is_counted(server: grpc.aio.Channel) -> None:
    stub = health_pb2_grpc.HealthStub(server)
    watchers_before, cancelled_before = (
        sample("resume_parser_active_watchers"),
        rpc_count("Watch", "CANCELLED"),
    )

    call = stub.Watch(health_pb2.HealthCheckRequest(service=""))
    first = await call.read()
    assert first.status == health_pb2.HealthCheckResponse.SERVING
    assert sample("resume_parser_active_watchers") == watchers_before + 1
    call.cancel()

    for _ in range(100):
        if rpc_count("Watch", "CANCELLED") == cancelled_before + 1:
            break
        await asyncio.sleep(0.02)
    assert rpc_count("Watch", "CANCELLED") == cancelled_before + 1
    assert sample("resume_parser_active_watchers") == watchers_before


async def test_metrics_endpoint_exposes_rpc_stage_retry_and_queue_metrics(server: grpc.aio.Channel) -> None:
    await health_pb2_grpc.HealthStub(server).Check(health_pb2.HealthCheckRequest(service=""))
    with metrics.time_stage("EMBEDDING", "local"):
        pass
    metrics.record_retry("NORMALIZING", ConnectionResetError())
    poller = asyncio.create_task(metrics.poll_queue_depth(queue_depth_of_three, interval_seconds=0.01))
    await asyncio.sleep(0.05)
    poller.cancel()

    endpoint = metrics.start_metrics_server(0)
    try:
        url = f"http://127.0.0.1:{endpoint.port}/metrics"
        body = await asyncio.to_thread(lambda: urllib.request.urlopen(url, timeout=5).read().decode())
    finally:
        endpoint.close()

    assert (
        'grpc_server_handled_total{grpc_code="OK",grpc_method="Check",grpc_service="grpc.health.v1.Health"}'
        in body
    )
    assert "grpc_server_handling_seconds_bucket{" in body
    assert 'resume_parser_stage_duration_seconds_count{backend="local",stage="EMBEDDING"}' in body
    assert 'resume_parser_retries_total{error="ConnectionResetError",stage="NORMALIZING"}' in body
    assert "resume_parser_queue_depth 3.0" in body
    assert "resume_parser_active_watchers" in body


async def queue_depth_of_three() -> int:
    return 3


def test_stage_timer_counts_failures_by_stage_backend_and_error_type() -> None:
    labels = {"stage": "EXTRACTING", "backend": "textract"}
    failures_before = sample("resume_parser_stage_failures_total", **labels, error="TimeoutError")
    timings_before = sample("resume_parser_stage_duration_seconds_count", **labels)

    with pytest.raises(TimeoutError), metrics.time_stage("EXTRACTING", "textract"):
        raise TimeoutError

    assert sample("resume_parser_stage_failures_total", **labels, error="TimeoutError") == failures_before + 1
    assert sample("resume_parser_stage_duration_seconds_count", **labels) == timings_before + 1


def test_inject_is_empty_outside_a_span_and_round_trips_inside_one(spans: InMemorySpanExporter) -> None:
    assert tracing.inject() == {}
    with trace.get_tracer("test").start_as_current_span("request") as request:
        carrier = tracing.inject()
    with tracing.job_span("job", carrier) as job:
        pass
    assert set(carrier) == {"traceparent"}
    assert job.get_span_context().trace_id == request.get_span_context().trace_id
    with tracing.job_span("orphan", None) as orphan:
        pass
    assert orphan.get_span_context().trace_id != request.get_span_context().trace_id


def test_tracing_is_off_by_default_and_rejects_unknown_exporters() -> None:
    assert tracing.build_tracer_provider("none", service_name="resume-parser") is None
    with pytest.raises(ConfigurationError, match="unknown trace exporter 'jaeger'"):
        tracing.build_tracer_provider("jaeger", service_name="resume-parser")


def test_console_exporter_prints_spans_with_the_service_name(capsys: pytest.CaptureFixture[str]) -> None:
    provider = tracing.build_tracer_provider("console", service_name="resume-parser-test")
    assert provider is not None
    with provider.get_tracer("test").start_as_current_span("console-check"):
        pass
    provider.shutdown()  # flushes the batch

    printed = capsys.readouterr().out
    assert '"name": "console-check"' in printed
    assert '"service.name": "resume-parser-test"' in printed


def test_otlp_exporter_needs_its_package() -> None:
    try:
        importlib.import_module("opentelemetry.exporter.otlp.proto.grpc.trace_exporter")
        installed = True
    except ImportError:
        installed = False
    if installed:
        provider = tracing.build_tracer_provider(
            "otlp", service_name="s", otlp_endpoint="http://127.0.0.1:4317"
        )
        assert provider is not None
        provider.shutdown()
    else:
        with pytest.raises(ConfigurationError, match="opentelemetry-exporter-otlp-proto-grpc"):
            tracing.build_tracer_provider("otlp", service_name="s")


async def test_a_process_serves_metrics_only_when_a_port_is_configured() -> None:
    assert start_observability(Settings(metrics_port=None)) is None

    endpoint = start_observability(Settings(metrics_port=0))
    assert endpoint is not None
    try:
        url = f"http://127.0.0.1:{endpoint.port}/metrics"
        body = await asyncio.to_thread(lambda: urllib.request.urlopen(url, timeout=5).read().decode())
    finally:
        endpoint.close()
    assert "# TYPE resume_parser_stage_duration_seconds histogram" in body


def test_log_records_inside_a_span_carry_its_ids(spans: InMemorySpanExporter) -> None:
    outside = logging.LogRecord("t", logging.INFO, __file__, 1, "outside", None, None)
    inside = logging.LogRecord("t", logging.INFO, __file__, 1, "inside", None, None)
    ids = TraceIdFilter()

    assert ids.filter(outside)
    with tracing.stage_span("GROUPING") as span:
        assert ids.filter(inside)

    context = span.get_span_context()
    assert "trace_id" not in vars(outside)
    assert vars(inside)["trace_id"] == f"{context.trace_id:032x}"
    assert vars(inside)["span_id"] == f"{context.span_id:016x}"

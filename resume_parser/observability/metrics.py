"""Prometheus metrics of the server and the workers, and the HTTP endpoint that serves them.

The metrics live in prometheus-client's default registry, declared once here, the library's usual
idiom. Each process (the server, every worker) serves its own /metrics on its own port; Prometheus
adds the instance label.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from wsgiref.simple_server import WSGIServer

import grpc
import prometheus_client
from prometheus_client import Counter, Gauge, Histogram

from resume_parser.observability import rpc

log = logging.getLogger(__name__)

# From a cached health check to a slow OCR or Gemini stage, and watch streams that last minutes.
SECONDS_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)
RPC_LABELS = ("grpc_service", "grpc_method", "grpc_code")

RPCS_HANDLED = Counter(
    "grpc_server_handled_total", "RPCs completed on the server, by method and status code.", RPC_LABELS
)
RPC_SECONDS = Histogram(
    "grpc_server_handling_seconds",
    "Time from the start of an RPC to its final status, by method and status code.",
    RPC_LABELS,
    buckets=SECONDS_BUCKETS,
)
ACTIVE_WATCHERS = Gauge(
    "resume_parser_active_watchers", "Open server-streaming RPCs: WatchResume streams being served."
)
STAGE_SECONDS = Histogram(
    "resume_parser_stage_duration_seconds",
    "Time spent in a pipeline stage, successful or not, by stage and backend.",
    ("stage", "backend"),
    buckets=SECONDS_BUCKETS,
)
STAGE_FAILURES = Counter(
    "resume_parser_stage_failures_total",
    "Pipeline stages that raised, by stage, backend and exception type.",
    ("stage", "backend", "error"),
)
RETRIES = Counter(
    "resume_parser_retries_total",
    "Jobs retried after a transient failure of an outside call (S3, Textract, Gemini, PostgreSQL), "
    "by stage and exception type.",
    ("stage", "error"),
)
QUEUE_DEPTH = Gauge("resume_parser_queue_depth", "Pipeline jobs waiting in the arq queue.")


class MetricsInterceptor(grpc.aio.ServerInterceptor):
    """Counts and times every RPC by method and final status code; tracks open streams."""

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[rpc.Handler | None]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> rpc.Handler | None:
        handler = await continuation(handler_call_details)
        if handler is None:
            return None
        service, method = rpc.split_method(handler_call_details.method)

        @contextmanager
        def observe(context: rpc.Context) -> Iterator[None]:
            started = time.perf_counter()
            streaming = handler.response_streaming
            if streaming:
                ACTIVE_WATCHERS.inc()
            error: BaseException | None = None
            try:
                yield
            except BaseException as raised:
                error = raised
                raise
            finally:
                if streaming:
                    ACTIVE_WATCHERS.dec()
                code = rpc.final_code(context, error).name
                RPCS_HANDLED.labels(service, method, code).inc()
                RPC_SECONDS.labels(service, method, code).observe(time.perf_counter() - started)

        return rpc.wrap_handler(handler, observe)


@contextmanager
def time_stage(stage: str, backend: str) -> Iterator[None]:
    """Record a pipeline stage's duration, and its failure if it raises."""
    started = time.perf_counter()
    try:
        yield
    except Exception as error:
        STAGE_FAILURES.labels(stage, backend, type(error).__name__).inc()
        raise
    finally:
        STAGE_SECONDS.labels(stage, backend).observe(time.perf_counter() - started)


def record_retry(stage: str, error: BaseException) -> None:
    RETRIES.labels(stage, type(error).__name__).inc()


async def poll_queue_depth(depth: Callable[[], Awaitable[int]], *, interval_seconds: float = 5.0) -> None:
    """Keep the queue-depth gauge current; run as a background task until cancelled."""
    while True:
        try:
            QUEUE_DEPTH.set(await depth())
        except Exception as error:  # a Redis hiccup must not end the polling
            log.warning("queue depth unavailable", extra={"error": type(error).__name__})
        await asyncio.sleep(interval_seconds)


@dataclass(frozen=True)
class MetricsServer:
    """The running /metrics HTTP endpoint (a daemon thread)."""

    port: int
    _server: WSGIServer
    _thread: threading.Thread

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def start_metrics_server(port: int, host: str = "127.0.0.1") -> MetricsServer:
    """Serve the default registry at http://host:port/metrics; port 0 picks a free port."""
    server: Any
    server, thread = prometheus_client.start_http_server(port, addr=host)
    return MetricsServer(port=server.server_port, _server=server, _thread=thread)

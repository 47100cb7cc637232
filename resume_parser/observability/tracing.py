"""OpenTelemetry traces across the whole path of a resume.

The gRPC request span (TracingInterceptor) is carried into the arq job as a small dict of W3C trace
headers (inject() when enqueueing, job_span() in the worker), and each pipeline stage is a child span
(stage_span()). So one trace shows an upload from the RPC through every stage, retries included.

Tracing is off unless an exporter is configured; without one the API's no-op tracer is used and
every helper here costs next to nothing.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum

import grpc
from opentelemetry import propagate, trace
from opentelemetry.context import Context
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SpanExporter
from opentelemetry.trace import Span, SpanKind, Status, StatusCode
from opentelemetry.util.types import AttributeValue

from resume_parser.errors import ConfigurationError
from resume_parser.observability import rpc

INSTRUMENTATION = "resume_parser"
# Load balancers poll health every few seconds; those calls would drown the traces that matter.
UNTRACED_PREFIXES = ("/grpc.health.v1.Health/", "/grpc.reflection.")
# The server-side codes that mean the service, not the caller, went wrong (OpenTelemetry's rule).
SERVER_ERROR_CODES = {
    grpc.StatusCode.UNKNOWN,
    grpc.StatusCode.DEADLINE_EXCEEDED,
    grpc.StatusCode.UNIMPLEMENTED,
    grpc.StatusCode.INTERNAL,
    grpc.StatusCode.UNAVAILABLE,
    grpc.StatusCode.DATA_LOSS,
}


class TraceExporter(StrEnum):
    NONE = "none"
    CONSOLE = "console"  # spans as JSON on stdout, for a look while developing
    OTLP = "otlp"  # needs the opentelemetry-exporter-otlp-proto-grpc package


def configure_tracing(
    exporter: str, *, service_name: str = "resume-parser", otlp_endpoint: str | None = None
) -> TracerProvider | None:
    """Install the process-wide tracer provider for the chosen exporter; None when tracing is off."""
    provider = build_tracer_provider(exporter, service_name=service_name, otlp_endpoint=otlp_endpoint)
    if provider is not None:
        trace.set_tracer_provider(provider)
    return provider


def build_tracer_provider(
    exporter: str, *, service_name: str, otlp_endpoint: str | None = None
) -> TracerProvider | None:
    try:
        kind = TraceExporter(exporter.lower())
    except ValueError:
        choices = ", ".join(e.value for e in TraceExporter)
        raise ConfigurationError(f"unknown trace exporter {exporter!r}; choose one of: {choices}") from None
    if kind == TraceExporter.NONE:
        return None
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    provider.add_span_processor(BatchSpanProcessor(_span_exporter(kind, otlp_endpoint)))
    return provider


def _span_exporter(kind: TraceExporter, otlp_endpoint: str | None) -> SpanExporter:
    if kind == TraceExporter.CONSOLE:
        return ConsoleSpanExporter(out=sys.stdout)  # today's stdout, not the one at import
    try:
        # Optional: imported by name so the type checker is content whether or not it is installed.
        otlp = importlib.import_module("opentelemetry.exporter.otlp.proto.grpc.trace_exporter")
    except ImportError:
        raise ConfigurationError(
            "the otlp trace exporter needs the OTLP exporter package: "
            "pip install opentelemetry-exporter-otlp-proto-grpc"
        ) from None
    exporter: SpanExporter = (
        otlp.OTLPSpanExporter(endpoint=otlp_endpoint) if otlp_endpoint else otlp.OTLPSpanExporter()
    )
    return exporter


def _tracer() -> trace.Tracer:
    return trace.get_tracer(INSTRUMENTATION)


class TracingInterceptor(grpc.aio.ServerInterceptor):
    """Starts a SERVER span per RPC, continuing the caller's trace when it sends a traceparent."""

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[rpc.Handler | None]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> rpc.Handler | None:
        handler = await continuation(handler_call_details)
        full_method: str = handler_call_details.method
        if handler is None or full_method.startswith(UNTRACED_PREFIXES):
            return handler
        service, method = rpc.split_method(full_method)
        metadata = handler_call_details.invocation_metadata or ()
        parent = propagate.extract({key: value for key, value in metadata if isinstance(value, str)})

        name = f"{service}/{method}"
        attributes = {"rpc.system": "grpc", "rpc.service": service, "rpc.method": method}
        # A stream's generator may be closed from another task (a cancelled client), where the span
        # could not be detached from the context again; streams start no jobs, so theirs need not be
        # current.
        streaming = bool(handler.unary_stream or handler.stream_stream)

        @contextmanager
        def observe(context: rpc.Context) -> Iterator[None]:
            span = _tracer().start_span(name, context=parent, kind=SpanKind.SERVER, attributes=attributes)
            error: BaseException | None = None
            try:
                if streaming:
                    yield
                else:
                    with trace.use_span(
                        span, end_on_exit=False, record_exception=False, set_status_on_exception=False
                    ):
                        yield
            except BaseException as raised:
                error = raised
                raise
            finally:
                _set_rpc_status(span, rpc.final_code(context, error))
                span.end()

        return rpc.wrap_handler(handler, observe)


def _set_rpc_status(span: Span, code: grpc.StatusCode) -> None:
    span.set_attribute("rpc.grpc.status_code", code.value[0])
    if code in SERVER_ERROR_CODES:
        span.set_status(Status(StatusCode.ERROR, code.name))


def inject() -> dict[str, str]:
    """The current trace context as W3C headers, to carry in a job's kwargs; empty when not tracing."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier


@contextmanager
def job_span(
    name: str, trace_context: Mapping[str, str] | None, attributes: Mapping[str, AttributeValue] | None = None
) -> Iterator[Span]:
    """A CONSUMER span for one run of a job, child of the span that enqueued it (if it was traced)."""
    with _traced(
        name, SpanKind.CONSUMER, attributes or {}, parent=propagate.extract(dict(trace_context or {}))
    ) as span:
        yield span


@contextmanager
def stage_span(stage: str, backend: str | None = None) -> Iterator[Span]:
    """A span for one pipeline stage, child of the current (job) span."""
    attributes = {"resume_parser.stage": stage}
    if backend:
        attributes["resume_parser.backend"] = backend
    with _traced(f"stage {stage}", SpanKind.INTERNAL, attributes) as span:
        yield span


@contextmanager
def _traced(
    name: str,
    kind: SpanKind,
    attributes: Mapping[str, AttributeValue],
    parent: Context | None = None,
) -> Iterator[Span]:
    with _tracer().start_as_current_span(
        name,
        context=parent,
        kind=kind,
        attributes=attributes,
        record_exception=False,  # exception text may quote a document; the type is enough
        set_status_on_exception=False,
    ) as span:
        try:
            yield span
        except Exception as error:
            span.set_attribute("error.type", type(error).__name__)
            span.set_status(Status(StatusCode.ERROR, type(error).__name__))
            raise

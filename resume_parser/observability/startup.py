"""Turning observability on in a process (`serve` or `worker`), from the settings."""

from __future__ import annotations

from resume_parser.observability import metrics, tracing
from resume_parser.observability.metrics import MetricsServer
from resume_parser.settings import Settings


def start_observability(settings: Settings) -> MetricsServer | None:
    """Tracing with the configured exporter, and /metrics when METRICS_PORT is set (else None)."""
    tracing.configure_tracing(
        settings.otel_traces_exporter,
        service_name=settings.otel_service_name,
        otlp_endpoint=settings.otel_exporter_otlp_endpoint,
    )
    if settings.metrics_port is None:
        return None
    return metrics.start_metrics_server(settings.metrics_port, settings.metrics_host)

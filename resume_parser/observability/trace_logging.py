"""Trace ids on log lines, so a JSON log line leads to its trace (and back).

Separate from tracing.py so the logging set-up, which every command runs, imports only the small
OpenTelemetry API."""

from __future__ import annotations

import logging

from opentelemetry import trace


class TraceIdFilter(logging.Filter):
    """Adds trace_id and span_id to records logged inside a span. Install it on the log handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = trace.get_current_span().get_span_context()
        if context.is_valid:
            record.trace_id = f"{context.trace_id:032x}"
            record.span_id = f"{context.span_id:016x}"
        return True

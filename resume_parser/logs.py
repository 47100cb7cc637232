"""Structured JSON logs on stderr. Callers pass ids, stages, durations and error codes as `extra`;
never resume text, names, emails or phone numbers."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

from resume_parser.observability.trace_logging import TraceIdFilter

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        return json.dumps(entry, default=str)


def configure(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(TraceIdFilter())  # trace_id/span_id on lines logged inside a span
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Library chatter at INFO would log request details; keep it to warnings.
    for noisy in ("botocore", "aiobotocore", "urllib3", "httpx", "google_genai", "arq.worker"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))

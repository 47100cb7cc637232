"""Where one request's or one job's time went, for its log line.

A resume's latency is spread over many short steps (an S3 call, a database round trip, a PUBLISH,
a stage's work); logging each step's milliseconds with the outcome lets an operator, and
`make bench-e2e`, see which step a slow resume spent its time in.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class StepTimings:
    def __init__(self) -> None:
        self.ms: dict[str, float] = {}  # step -> milliseconds, in the order the steps ran
        self.published_at: dict[str, float] = {}  # stage -> epoch seconds its PUBLISH was sent

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.ms[name] = round((time.perf_counter() - started) * 1000, 2)

    def published(self, stage: str) -> None:
        """Call just before publishing the stage's transition (watchers' delivery starts here)."""
        self.published_at[stage] = round(time.time(), 4)

    def fields(self) -> dict[str, object]:
        """The log record's `extra` fields."""
        return {"timings_ms": dict(self.ms), "published_at": dict(self.published_at)}

"""What the load benchmark (bench/load_bench.py) saw, whether anything was lost, and its report.

One UploadRecord per upload holds everything a client observed: the UploadResume call, every
WatchResume event with its receive time, stream errors, and what GetResume said at the end. The
checks here turn that into the "nothing lost" verdict; the figures into a Markdown table that is
printed and kept in bench/README.md.
"""

from __future__ import annotations

import itertools
import math
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ats.resume.v1 import resume_pb2 as pb
from run_all import machine

TERMINAL = {pb.STAGE_COMPLETED, pb.STAGE_FAILED}
MIB = 1024 * 1024


@dataclass(frozen=True)
class SeenEvent:
    sequence: int
    stage: int
    event_time: float  # epoch seconds, stamped by the service
    received_at: float  # epoch seconds, client clock (same machine, so comparable)
    first_of_stream: bool  # the stream's opening snapshot, not a live transition
    error_reason: str = ""


@dataclass
class UploadRecord:
    index: int
    filename: str
    started: float = 0.0  # monotonic, when UploadResume was called
    resume_id: str = ""
    upload_seconds: float | None = None
    upload_error: str = ""
    debug_error: str = ""  # gRPC's own account of a failed upload, for diagnosis
    streams: list[list[SeenEvent]] = field(default_factory=list)
    stream_errors: list[str] = field(default_factory=list)
    ended: float | None = None  # monotonic, when the terminal event arrived
    completed_after: float | None = None  # seconds from the upload call to the COMPLETED event
    stored: tuple[int, int] | None = None  # (stage, sequence) from GetResume after the run

    @property
    def events(self) -> list[SeenEvent]:
        return [event for stream in self.streams for event in stream]

    @property
    def last(self) -> SeenEvent | None:
        events = self.events
        return events[-1] if events else None

    @property
    def finished(self) -> bool:
        return self.last is not None and self.last.stage in TERMINAL

    def problems(self) -> list[str]:
        """Everything that breaks the contract; empty when the upload was handled correctly."""
        if self.upload_error:
            return [f"upload failed after {self.upload_seconds or 0:.1f} s: {self.upload_error}"]
        found = [f"stream error: {error}" for error in self.stream_errors]
        terminals = sum(event.stage in TERMINAL for event in self.events)
        if terminals != 1:
            found.append(f"{terminals} terminal events")
        for stream in self.streams:
            found += _stream_problems(stream)
        last = self.last
        if last is not None and self.stored is not None and self.stored != (last.stage, last.sequence):
            found.append(
                f"GetResume says {_stage(self.stored[0])}#{self.stored[1]}, "
                f"the stream ended at {_stage(last.stage)}#{last.sequence}"
            )
        return found


def _stream_problems(stream: list[SeenEvent]) -> list[str]:
    found = []
    for before, after in itertools.pairwise(stream):
        if before.stage in TERMINAL:
            found.append(f"event {after.sequence} after the terminal event")
        if after.sequence <= before.sequence:
            found.append(f"sequence {before.sequence} then {after.sequence} (repeat or reorder)")
        elif after.sequence != before.sequence + 1:
            found.append(f"sequence gap {before.sequence} -> {after.sequence}")
    return found


def _stage(value: int) -> str:
    return pb.Stage.Name(value).removeprefix("STAGE_")  # type: ignore[arg-type]


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def spread(values: list[float], scale: float, unit: str) -> str:
    shown = [percentile(values, q) * scale for q in (0.5, 0.95, 0.99)] + [
        max(values, default=math.nan) * scale
    ]
    return " / ".join(f"{value:.0f}" if value >= 100 else f"{value:.2f}" for value in shown) + f" {unit}"


@dataclass
class RunFigures:
    uploads: int
    clients: int
    workers: int
    seconds: float  # first upload call to last terminal event
    processing_seconds: float  # workers' start (or first upload) to last terminal event
    records: list[UploadRecord]
    peak_streams: int
    peak_rss: dict[str, int]  # process role -> bytes, children included
    cpu_seconds: dict[str, float]  # process role -> CPU time used, children included
    load_before: float
    load_after: float = field(default_factory=lambda: os.getloadavg()[0])

    @property
    def completed(self) -> list[UploadRecord]:
        return [r for r in self.records if r.completed_after is not None and not r.problems()]

    @property
    def failed_reasons(self) -> Counter[str]:
        return Counter(
            r.last.error_reason or "(no reason)"
            for r in self.records
            if r.last is not None and r.last.stage == pb.STAGE_FAILED and not r.problems()
        )

    @property
    def broken(self) -> list[UploadRecord]:
        return [r for r in self.records if r.problems()]

    def table(self) -> str:
        completed = self.completed
        failed = self.failed_reasons
        latencies = [r.completed_after for r in completed if r.completed_after is not None]
        upload_calls = [
            r.upload_seconds for r in self.records if r.resume_id and r.upload_seconds is not None
        ]
        delivery = [
            e.received_at - e.event_time for r in self.records for e in r.events if not e.first_of_stream
        ]
        reasons = ", ".join(f"{reason}: {count}" for reason, count in failed.most_common())
        rows = [
            ("uploads / clients / workers", f"{self.uploads} / {self.clients} / {self.workers}"),
            ("COMPLETED", str(len(completed))),
            ("FAILED (reason: count)", f"{failed.total()}" + (f" ({reasons})" if reasons else "")),
            ("UploadResume errors", str(sum(bool(r.upload_error) for r in self.records))),
            ("accepted but lost or inconsistent", str(sum(bool(r.resume_id) for r in self.broken))),
            ("run time (first upload to last terminal event)", f"{self.seconds:.1f} s"),
            ("processing time (workers' start to last terminal event)", f"{self.processing_seconds:.1f} s"),
            ("throughput", f"{len(completed) / self.processing_seconds:.2f} resumes COMPLETED/s"),
            ("UploadResume call p50 / p95 / p99 / max", spread(upload_calls, 1000, "ms")),
            ("upload to COMPLETED p50 / p95 / p99 / max", spread(latencies, 1, "s")),
            ("event delivery p50 / p95 / p99 / max", spread(delivery, 1000, "ms")),
            ("events delivered live", str(len(delivery))),
            ("peak concurrent WatchResume streams", str(self.peak_streams)),
            *((f"peak RSS, {role}", f"{rss / MIB:.0f} MiB") for role, rss in self.peak_rss.items()),
            *((f"CPU time, {role}", f"{cpu:.0f} s") for role, cpu in self.cpu_seconds.items()),
            ("load average (1 min) before / after", f"{self.load_before:.1f} / {self.load_after:.1f}"),
        ]
        return "\n".join(["| measure | value |", "| --- | --- |", *(f"| {k} | {v} |" for k, v in rows)])

    def problem_lines(self, limit: int = 20) -> list[str]:
        broken = self.broken
        lines = [
            f"upload {r.index} ({r.filename}, {r.resume_id or 'no id'}): {'; '.join(r.problems())}"
            + (f"\n    {r.debug_error}" if r.debug_error else "")
            for r in broken[:limit]
        ]
        if len(broken) > limit:
            lines.append(f"... and {len(broken) - limit} more")
        return lines


def stuck_lines(records: list[UploadRecord], limit: int = 20) -> list[str]:
    """The uploads without a terminal event when the deadline passed, grouped by their last stage."""
    stuck = [r for r in records if r.resume_id and not r.finished]
    stages = Counter(_stage(r.last.stage) if r.last else "no event yet" for r in stuck)
    not_uploaded = sum(not r.resume_id and not r.upload_error for r in records)
    lines = [
        f"{len(stuck)} uploads without a terminal event, by the last stage seen: {dict(stages)}; "
        f"{not_uploaded} not uploaded yet"
    ]
    for r in stuck[:limit]:
        seen = f"{_stage(r.last.stage)}#{r.last.sequence}" if r.last else "nothing"
        stored = f"{_stage(r.stored[0])}#{r.stored[1]}" if r.stored else "unknown"
        lines.append(
            f"  upload {r.index} {r.resume_id or '(no id)'}: stream saw {seen}, GetResume says {stored}"
        )
    return lines


def update_readme(path: Path, figures: RunFigures) -> None:
    """Replace this configuration's section of the README (or add it), keeping everything else."""
    key = f"{figures.uploads}x{figures.clients}x{figures.workers}"
    about = machine()
    section = "\n".join(
        [
            f"<!-- load-bench {key} -->",
            f"### {figures.uploads} uploads, {figures.clients} clients, {figures.workers} workers",
            "",
            f"{about['date']}, commit {about['commit']}: {about['CPU']}, cores {about['cores']}, "
            f"{about['memory']} RAM, Python {about['Python']}. The machine was shared with other work: "
            f"1-minute load average {figures.load_before:.1f} before, {figures.load_after:.1f} after.",
            "",
            figures.table(),
            f"<!-- /load-bench {key} -->",
        ]
    )
    text = path.read_text() if path.exists() else ""
    pattern = re.compile(rf"<!-- load-bench {key} -->.*?<!-- /load-bench {key} -->", re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text.strip("\n") + "\n")

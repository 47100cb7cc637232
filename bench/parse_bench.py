"""Benchmark: extract + group + normalize (local) of a one-page text PDF, on one core; then a 2 MB
resume on one line (its line breaks lost, as pasted from a web form).

    .venv/bin/python bench/parse_bench.py [--runs 200] [--file resume.pdf]

Prints a markdown table: wall-clock median and 95th percentile over the runs, the median CPU time of
this process (what the parse costs on one core, whatever else the machine is doing), the median
wall time of each stage, and the models' share: the time spent inside the CRFs (labelling lines and
tokens), the rest being reading order, features and assembly. A warm-up run comes first (it loads
the models and lookup tables; a service pays that once).
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from resume_parser.cascade import crf
from resume_parser.cascade.parser import load_cascade
from resume_parser.extraction.local import extract_bytes
from resume_parser.grouping.grouper import LayoutGrouper
from resume_parser.normalization.local import LocalNormalizer

ONE_LINE_BYTES = 2_000_000
ONE_LINE_RUNS = 5

_RESUME = [
    ("Helvetica-Bold", 20, "Jane van der Berg"),
    ("Helvetica", 12, "Senior Backend Engineer"),
    ("Helvetica", 10, "jane.berg@example.com | +49 30 23125974 | Berlin, Germany | github.com/jberg"),
    ("Helvetica-Bold", 12, "SUMMARY"),
    ("Helvetica", 10, "Backend engineer with 9 years of experience building payment and billing systems."),
    ("Helvetica-Bold", 12, "EXPERIENCE"),
    ("Helvetica-Bold", 10, "Senior Backend Engineer, Acme GmbH|Jan 2021 – Present"),
    ("Helvetica", 10, "• Built the billing service in Go, processing 40M invoices per month"),
    ("Helvetica", 10, "• Cut p95 latency of the payments API by 40% with caching and query tuning"),
    ("Helvetica", 10, "• Mentored 4 engineers and ran the backend guild"),
    ("Helvetica-Bold", 10, "Backend Engineer, Beta Labs|03/2017 - 12/2020"),
    ("Helvetica", 10, "• Migrated a monolith to 6 services on Kubernetes"),
    ("Helvetica", 10, "• Introduced contract tests, raising coverage from 41% to 90%"),
    ("Helvetica-Bold", 10, "Junior Developer, Gamma AG|2015 - 2017"),
    ("Helvetica", 10, "• Shipped the first customer dashboard in React"),
    ("Helvetica-Bold", 12, "EDUCATION"),
    ("Helvetica-Bold", 10, "Technische Universität Berlin|2011 – 2015"),
    ("Helvetica", 10, "B.Sc. in Computer Science"),
    ("Helvetica-Bold", 12, "SKILLS"),
    ("Helvetica", 10, "Languages: Go, Python, SQL, TypeScript"),
    ("Helvetica", 10, "Platforms: PostgreSQL, Kafka, Kubernetes, AWS, Terraform"),
    ("Helvetica-Bold", 12, "LANGUAGES"),
    ("Helvetica", 10, "German (Native), English (C1), Spanish (B1)"),
    ("Helvetica-Bold", 12, "CERTIFICATES"),
    ("Helvetica", 10, "AWS Certified Developer – Associate (Amazon Web Services), May 2021"),
]


def one_page_pdf() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    width, height = A4
    y = height - 60
    for font, size, text in _RESUME:
        canvas.setFont(font, size)
        left, _, right = text.partition("|")
        canvas.drawString(60, y, left)
        if right:
            canvas.drawRightString(width - 60, y, right)
        y -= size * 1.6 + (8 if size == 12 else 0)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


class ModelClock:
    """Time spent inside the CRFs: every SequenceModel.label call is timed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        label = crf.SequenceModel.label

        def timed(model: crf.SequenceModel, features: list[list[str]]) -> crf.Labelling:
            started = time.perf_counter()
            try:
                return label(model, features)
            finally:
                self.seconds += time.perf_counter() - started

        crf.SequenceModel.label = timed  # type: ignore[method-assign,assignment]


def one_line_text(length: int = ONE_LINE_BYTES) -> bytes:
    """A resume's text with its line breaks lost, repeated to `length` bytes."""
    text = " ".join(text for _, _, text in _RESUME).replace("|", " ")
    return ((text + " ") * (length // (len(text) + 1) + 1)).encode()[:length]


@dataclass
class Timings:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    models: list[float] = field(default_factory=list)
    stages: dict[str, list[float]] = field(
        default_factory=lambda: {"extract": [], "group": [], "normalize": []}
    )


def timed_runs(
    data: bytes, runs: int, grouper: LayoutGrouper, normalizer: LocalNormalizer, clock: ModelClock
) -> Timings:
    timings = Timings()
    for _ in range(runs):
        clock.seconds = 0.0
        started, started_cpu = time.perf_counter(), time.process_time()
        document = extract_bytes(data)
        extracted = time.perf_counter()
        grouped = grouper.group(document)
        grouped_at = time.perf_counter()
        normalizer.normalize_sync(grouped)
        done = time.perf_counter()
        timings.wall.append((done - started) * 1000)
        timings.cpu.append((time.process_time() - started_cpu) * 1000)
        timings.models.append(clock.seconds * 1000)
        timings.stages["extract"].append((extracted - started) * 1000)
        timings.stages["group"].append((grouped_at - extracted) * 1000)
        timings.stages["normalize"].append((done - grouped_at) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--file", type=Path, default=None, help="a one-page PDF to time instead")
    args = parser.parse_args()
    data = args.file.read_bytes() if args.file else one_page_pdf()
    cascade = load_cascade()
    grouper, normalizer = LayoutGrouper(cascade), LocalNormalizer(cascade)
    clock = ModelClock()
    normalizer.normalize_sync(grouper.group(extract_bytes(data)))  # warm-up
    name = args.file.name if args.file else "generated one-page text PDF"
    print(
        "| benchmark | input | runs | median ms | p95 ms | median CPU ms "
        "| extract / group / normalize ms | models ms |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    _row("extract + group + normalize (local)", name, timed_runs(data, args.runs, grouper, normalizer, clock))
    one_line = one_line_text()
    timings = timed_runs(one_line, ONE_LINE_RUNS, grouper, normalizer, clock)
    _row("the same, line breaks lost", f"{len(one_line) / 1e6:.0f} MB on one line", timings)


def _row(title: str, name: str, timings: Timings) -> None:
    ordered = sorted(timings.wall)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    split = " / ".join(f"{statistics.median(values):.1f}" for values in timings.stages.values())
    print(
        f"| {title} | {name} | {len(ordered)} | {statistics.median(ordered):.1f} | {p95:.1f} "
        f"| {statistics.median(timings.cpu):.1f} | {split} | {statistics.median(timings.models):.1f} |"
    )


if __name__ == "__main__":
    main()

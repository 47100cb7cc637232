"""`make bench`: run every benchmark that exists and collect their reports in bench/results.md.

Each benchmark is a script in bench/ that prints its results (Markdown tables of medians and
percentiles over repeated runs) on stdout. This runner runs them one after another, shows their
output as it comes, and writes one file with every report under the machine it ran on, so numbers
are never read without knowing where they came from.

    .venv/bin/python bench/run_all.py [--only parse_bench search_bench] [--timeout 3600]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
# In the order they run: the fast, self-contained ones first.
BENCHMARKS = {
    "extract_bench": "Parse speed per page and per document, against the raw PDFium text floor",
    "parse_bench": "Parse speed of a one-page resume (extract + group + normalize)",
    "accuracy_bench": "Parse accuracy on the dev corpus (the shared scorer)",
    "convert_bench": "DOC, RTF and ODT: LibreOffice conversion time (cold, warm) and accuracy against DOCX",
    "search_bench": "Search quality on the dev corpus (recall, nDCG)",
    "search_eval": "Candidate search on the labelled search set (truth files, then the service's parses)",
    "search_latency": "Search latency at scale",
    "load_bench": "End-to-end upload-to-COMPLETED and watch event latency under load",
    "e2e_bench": "End-to-end latency, upload to COMPLETED, part by part (`make bench-e2e`)",
}


@dataclass
class Report:
    name: str
    title: str
    output: str
    exit_code: int
    seconds: float


def machine() -> dict[str, str]:
    return {
        "CPU": _cpu_model(),
        "cores": f"{os.cpu_count()} (usable by this process: {len(os.sched_getaffinity(0))})",
        "memory": _memory(),
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "OS": platform.platform(),
        "commit": _git_commit(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return f"{total / 2**30:.1f} GiB"


def _git_commit() -> str:
    result = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or "unknown"


def run(script: Path, title: str, timeout: float) -> Report:
    """Run one benchmark, echoing its stdout live and keeping it for the report."""
    print(f"\n== {script.stem}: {title}", flush=True)
    started = time.perf_counter()
    lines: list[str] = []
    with subprocess.Popen(
        [sys.executable, str(script)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    ) as process:
        timer = threading.Timer(timeout, process.kill)  # also stops a benchmark that hangs silently
        timer.start()
        try:
            for line in process.stdout or ():
                print(line, end="", flush=True)
                lines.append(line)
        finally:
            timer.cancel()
        exit_code = process.wait()
    seconds = time.perf_counter() - started
    if seconds >= timeout:
        lines.append(f"\n(stopped at the {timeout:.0f} s time limit)")
    return Report(script.stem, title, "".join(lines).strip(), exit_code, seconds)


def render(reports: list[Report], missing: list[str], about: dict[str, str]) -> str:
    parts = [
        "# Benchmark results",
        "",
        "Written by `make bench` (bench/run_all.py); each section is the benchmark's own report.",
        "",
        "| machine | |",
        "| --- | --- |",
        *(f"| {key} | {value} |" for key, value in about.items()),
    ]
    for report in reports:
        outcome = "" if report.exit_code == 0 else f", **failed with exit code {report.exit_code}**"
        parts += [
            "",
            f"## {report.title}",
            "",
            f"`bench/{report.name}.py`, {report.seconds:.0f} s{outcome}",
            "",
            report.output or "(no output)",
        ]
    if missing:
        parts += ["", "Not run (no such benchmark yet): " + ", ".join(f"`{name}`" for name in missing)]
    return "\n".join(parts) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", nargs="+", choices=list(BENCHMARKS), help="run just these benchmarks")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed per benchmark")
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "results.md")
    args = parser.parse_args()

    chosen = {name: title for name, title in BENCHMARKS.items() if not args.only or name in args.only}
    present = [name for name in chosen if (BENCH_DIR / f"{name}.py").exists()]
    missing = [name for name in chosen if name not in present]
    reports = [run(BENCH_DIR / f"{name}.py", chosen[name], args.timeout) for name in present]
    args.out.write_text(render(reports, missing, machine()))
    print(f"\nwrote {args.out}", flush=True)
    return 0 if all(report.exit_code == 0 for report in reports) else 1


if __name__ == "__main__":
    sys.exit(main())

"""`resume-parser parse FILE [FILE...] [--out DIR] [--jobs N]`: parse files offline with the local pipeline.

One file without --out prints its JSON Resume to stdout. With --out, each file's result is written to
DIR/<stem>.json, files are parsed in parallel processes, and a file that fails is reported on stderr
while the others are still written; the exit status is 1 when any file failed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from resume_parser.errors import ResumeParserError


@dataclass(frozen=True, slots=True)
class Outcome:
    path: Path
    resume: dict[str, Any] | None
    error: str | None  # "REASON: message" when the file failed


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, help="PDF, DOCX, TXT, HTML or image files")
    parser.add_argument("--out", type=Path, default=None, help="write DIR/<stem>.json for each file")
    parser.add_argument("--jobs", type=int, default=None, help="parallel processes (default: all cores)")


def parse_one(path: Path) -> Outcome:
    """Parse one file; every failure becomes an Outcome so one bad file never stops the batch."""
    from resume_parser.parsing import parse_file  # the extractors load in the worker process only

    try:
        return Outcome(path, parse_file(path).to_json_dict(), None)
    except ResumeParserError as error:
        return Outcome(path, None, f"{error.reason}: {error.message}")
    except OSError as error:
        return Outcome(path, None, f"UNREADABLE: {error.strerror or error}")
    except Exception as error:  # a parser bug must not lose the other files' results
        return Outcome(path, None, f"INTERNAL: {type(error).__name__}: {error}")


def run(args: argparse.Namespace) -> int:
    files: list[Path] = list(args.files)
    started = time.perf_counter()
    if args.out is None and len(files) == 1:
        outcome = parse_one(files[0])
        if outcome.resume is not None:
            json.dump(outcome.resume, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        failures = _report([outcome])
    else:
        if args.out is not None:
            args.out.mkdir(parents=True, exist_ok=True)
        outcomes = []
        for outcome in _progress(_parse_all(files, args.jobs), len(files)):
            _emit(outcome, args.out)
            outcomes.append(outcome)
        failures = _report(outcomes)
    seconds = time.perf_counter() - started
    print(f"files: {len(files)}, failures: {failures}, seconds: {seconds:.2f}", file=sys.stderr)
    return 1 if failures else 0


def _parse_all(files: list[Path], jobs: int | None) -> Iterator[Outcome]:
    workers = min(jobs or os.cpu_count() or 1, len(files))
    if workers <= 1:
        yield from (parse_one(path) for path in files)
        return
    importlib.import_module("resume_parser.parsing")  # load once here; forked workers inherit it
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(parse_one, files)


def _progress(outcomes: Iterator[Outcome], total: int) -> Iterator[Outcome]:
    if not sys.stderr.isatty():  # a bar only on a terminal, never in logs or pipes
        return outcomes
    return iter(tqdm(outcomes, total=total, unit="file", file=sys.stderr))


def _emit(outcome: Outcome, out: Path | None) -> None:
    if outcome.resume is None:
        return
    text = json.dumps(outcome.resume, ensure_ascii=False, indent=2) + "\n"
    if out is None:  # several files to stdout: one compact JSON document per line
        sys.stdout.write(json.dumps(outcome.resume, ensure_ascii=False) + "\n")
        return
    (out / f"{outcome.path.stem}.json").write_text(text, encoding="utf-8")


def _report(outcomes: list[Outcome]) -> int:
    failed = [o for o in outcomes if o.error is not None]
    for outcome in failed:
        print(f"error: {outcome.path}: {outcome.error}", file=sys.stderr)
    return len(failed)

"""DOC, RTF and ODT: LibreOffice conversion time per format, cold and warm, and what it costs in accuracy.

    .venv/bin/python bench/convert_bench.py [--cold-runs 5] [--warm-rounds 2] [--one-shot-runs 5]

The documents are the 40 DOCX resumes of ../shared/eval/train-docx, saved as DOC, RTF and ODT by
LibreOffice's own command line (tests/office.py); LibreOffice lays out 29 of them on one page.

- warm: `convert_to_docx` in a process whose LibreOffice is running (every document after a parser
  child's first): the service's case.
- cold: the same call right after the instance was stopped, so it includes making a profile,
  starting LibreOffice and its bridge: what a parser child's first document pays.
- one-shot: `soffice --convert-to docx` per document, a new LibreOffice each time (with a profile
  made once): the usual way to call LibreOffice, the alternative the warm instance replaces.
- accuracy: each copy and its DOCX original parsed locally (extract, group, normalize) and scored
  with the shared scorer; the overall F1 per document, then the largest gap between a copy and
  its original.

Wall-clock seconds; medians and 95th percentiles (nearest rank). The machine's load average is
printed with the figures: on a shared machine they move with it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests/office.py makes the copies, as in the test suite

from resume_parser.extraction.libreoffice import convert_to_docx, stop_office  # noqa: E402
from resume_parser.parsing import parse_bytes  # noqa: E402
from tests.office import FORMATS, convert  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
TRAIN_DOCX = EVAL / "train-docx"
IMPORT_FILTERS = {"doc": "MS Word 97", "rtf": "Rich Text Format", "odt": "writer8"}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def timed(work: Any, *args: Any) -> float:
    started = time.perf_counter()
    work(*args)
    return time.perf_counter() - started


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def one_page(originals: list[Path], work: Path) -> set[str]:
    """The documents LibreOffice lays out on one page."""
    pdfs = convert(originals, "pdf", work / "pdf")
    pages = {}
    for original, pdf in pdfs.items():
        document = pdfium.PdfDocument(pdf)
        pages[original.stem] = len(document)
        document.close()
    return {stem for stem, count in pages.items() if count == 1}


def one_shot(source: Path, out: Path, profile: Path) -> None:
    subprocess.run(
        [
            *("soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}"),
            *("--convert-to", "docx", "--outdir", str(out), str(source)),
        ],
        capture_output=True,
        check=True,
    )


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def overall_f1(score: ModuleType, truth: dict[str, Any], data: bytes) -> float:
    counts, _ = score.score_document(truth, parse_bytes(data).to_json_dict())
    tp = sum(c.tp for c in counts.values())
    wrong = sum(c.fp + c.fn for c in counts.values())
    return 2 * tp / (2 * tp + wrong) if tp or wrong else 1.0


def row(name: str, values: list[float]) -> str:
    median, p95 = statistics.median(values), percentile(values, 0.95)
    return f"| {name} | {len(values)} | {median:.2f} | {p95:.2f} |"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cold-runs", type=int, default=5, help="cold conversions per format")
    parser.add_argument("--warm-rounds", type=int, default=2, help="passes over the 40 documents per format")
    parser.add_argument("--one-shot-runs", type=int, default=5, help="soffice --convert-to runs per format")
    args = parser.parse_args()

    originals = sorted(TRAIN_DOCX.glob("*.docx"))
    with tempfile.TemporaryDirectory(prefix="convert-bench-") as directory:
        work = Path(directory)
        copies = {extension: convert(originals, extension, work / extension) for extension in FORMATS}
        single = one_page(originals, work)
        print(f"load average before: {load()}; {len(originals)} documents, {len(single)} on one page\n")

        rows = ["| format, run | conversions | median s | p95 s |", "| --- | ---: | ---: | ---: |"]
        for extension in FORMATS:
            files = [copies[extension][original] for original in originals]
            data = [path.read_bytes() for path in files]
            cold = []
            for index in range(args.cold_runs):
                stop_office()
                cold.append(timed(convert_to_docx, data[index % len(data)], IMPORT_FILTERS[extension]))
            warm: list[float] = []
            warm_one_page: list[float] = []
            for _ in range(args.warm_rounds):
                for original, document in zip(originals, data, strict=True):
                    seconds = timed(convert_to_docx, document, IMPORT_FILTERS[extension])
                    warm.append(seconds)
                    if original.stem in single:
                        warm_one_page.append(seconds)
            profile = work / "one-shot-profile"
            shots = [
                timed(one_shot, files[index % len(files)], work / "one-shot", profile)
                for index in range(args.one_shot_runs + 1)
            ][1:]  # the first run makes the profile
            rows += [
                row(f"{extension.upper()} cold (first document of a process)", cold),
                row(f"{extension.upper()} warm, every document", warm),
                row(f"{extension.upper()} warm, one-page documents", warm_one_page),
                row(f"{extension.upper()} one-shot `soffice --convert-to`", shots),
            ]
        stop_office()
        print("\n".join(rows))
        print(f"\nload average after the timings: {load()}\n")

        score = scorer()
        print("| format | mean overall F1 | DOCX originals | largest gap to the original | gaps > 0.03 |")
        print("| --- | ---: | ---: | ---: | ---: |")
        truths = {o: json.loads(o.with_suffix(".json").read_text(encoding="utf-8")) for o in originals}
        baseline = {o: overall_f1(score, truths[o], o.read_bytes()) for o in originals}
        for extension in FORMATS:
            f1 = {o: overall_f1(score, truths[o], copies[extension][o].read_bytes()) for o in originals}
            gaps = [abs(f1[o] - baseline[o]) for o in originals]
            means = f"{statistics.mean(f1.values()):.3f} | {statistics.mean(baseline.values()):.3f}"
            print(f"| {extension.upper()} | {means} | {max(gaps):.3f} | {sum(g > 0.03 for g in gaps)} |")
        stop_office()
    return 0


if __name__ == "__main__":
    sys.exit(main())

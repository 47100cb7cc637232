"""Generate the holdout-style corpus, parse it with the local parser and score it.

    python bench/holdout/run.py [--out bench/holdout/out]

Writes OUT/corpus (documents + truth), OUT/pred (predictions) and OUT/report.json (the scorer's
--json report), prints the scorer's table, then F1 per layout and per locale.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SCORER = REPO.parent / "shared" / "eval" / "score.py"
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def grouped_f1(report: dict[str, Any], key_of: Callable[[str], str]) -> dict[str, tuple[int, float]]:
    """Micro F1 over the documents whose stem maps to the same key: {key: (documents, f1)}."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for stem, doc in report["documents"].items():
        total = sums[key_of(stem)]
        total[0] += 1
        for counts in doc["metrics"].values():
            total[1] += counts["tp"]
            total[2] += counts["fp"]
            total[3] += counts["fn"]
    return {key: (n, _f1(tp, fp, fn)) for key, (n, tp, fp, fn) in sorted(sums.items())}


def layout_of(stem: str) -> str:
    return "-".join(stem.split("-")[:2]) if stem.startswith("scan-") else stem.split("-", maxsplit=1)[0]


def locale_of(stem: str) -> str:
    return stem.split("-")[-2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    corpus, pred = args.out / "corpus", args.out / "pred"
    for folder in (corpus, pred):
        shutil.rmtree(folder, ignore_errors=True)
    documents = generate(corpus)
    pred.mkdir(parents=True)
    cli = REPO / ".venv" / "bin" / "resume-parser"
    subprocess.run([str(cli), "parse", "--out", str(pred), *map(str, documents)], check=True, cwd=REPO)
    report_path = args.out / "report.json"
    command = [
        sys.executable,
        str(SCORER),
        "--truth",
        str(corpus),
        "--pred",
        str(pred),
        "--json",
        str(report_path),
    ]
    subprocess.run(command, check=True)
    report = json.loads(report_path.read_text(encoding="utf-8"))
    for title, key_of in (("layout", layout_of), ("locale", locale_of)):
        print(f"\n{title:<16} docs   F1")
        for key, (count, f1) in grouped_f1(report, key_of).items():
            print(f"{key:<16} {count:>4}   {f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

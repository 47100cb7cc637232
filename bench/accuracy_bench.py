"""Parse accuracy: the dev corpus through `resume-parser parse`, scored by the shared scorer.

.venv/bin/python bench/accuracy_bench.py [--corpus ../shared/eval/dev]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    args = parser.parse_args()
    documents = sorted(p for p in args.corpus.iterdir() if p.suffix != ".json")
    scorer = args.corpus.parent / "score.py"
    with tempfile.TemporaryDirectory() as out:
        cli = Path(sys.executable).parent / "resume-parser"
        subprocess.run([str(cli), "parse", "--out", out, *map(str, documents)], check=True)
        report = subprocess.run(
            [sys.executable, str(scorer), "--truth", str(args.corpus), "--pred", out],
            check=True,
            capture_output=True,
            text=True,
        )
    print(f"Local normalizer on {len(documents)} documents of {args.corpus}:\n")
    print("```\n" + report.stdout.rstrip() + "\n```")
    return 0


if __name__ == "__main__":
    sys.exit(main())

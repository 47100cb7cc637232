"""`resume-parser train | evaluate | alignment`: rebuild the models, measure them, check the labels.

resume-parser train                   # every model from ../shared/eval into cascade/models
resume-parser evaluate                # in sample: the committed models on every corpus, per family
resume-parser evaluate --lolo         # leave one layout family out; refits calibration.json
resume-parser alignment --unaligned   # truth values not found in their documents, listed
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from resume_parser.cascade.parser import MODELS

if TYPE_CHECKING:
    from resume_parser.training.evaluate import LeaveOneOut, Scores

DEFAULT_EVAL = Path("../shared/eval")
DEFAULT_CACHE = Path(".cache/layouts")


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    train = commands.add_parser("train", help="train the parser's models from the labelled corpora")
    _common(train)
    train.add_argument("--out", type=Path, default=MODELS, help="where the model files go")
    train.set_defaults(run=lambda args, settings: run_train(args))

    evaluate = commands.add_parser("evaluate", help="score the parser per layout family")
    _common(evaluate)
    evaluate.add_argument("--lolo", action="store_true", help="leave one layout family out at a time")
    evaluate.add_argument("--families", default=None, help="comma-separated families (default: all)")
    evaluate.add_argument("--calibrate", action="store_true", help="with --lolo: refit calibration.json")
    evaluate.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    evaluate.set_defaults(run=lambda args, settings: run_evaluate(args))

    alignment = commands.add_parser("alignment", help="how much of the truth the labels found")
    _common(alignment)
    alignment.add_argument("--unaligned", action="store_true", help="list every value not found")
    alignment.set_defaults(run=lambda args, settings: run_alignment(args))


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL, help="the labelled corpora")
    parser.add_argument("--corpora", default=None, help="comma-separated corpus folders (default: all)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="extracted layouts are kept here")
    parser.add_argument("--processes", type=int, default=2, help="parallel processes")


def _featured(args: argparse.Namespace) -> list:  # type: ignore[type-arg]
    from resume_parser.training.corpus import CORPORA, load_corpora
    from resume_parser.training.examples import build_examples
    from resume_parser.training.train import featurize

    corpora = args.corpora.split(",") if args.corpora else CORPORA
    documents = load_corpora(args.eval_dir, corpora)
    started = time.perf_counter()
    examples = build_examples(documents, args.cache, args.processes)
    featured = [featurize(example) for example in examples]
    print(
        f"{len(featured)} documents read and labelled in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    return featured


def run_train(args: argparse.Namespace) -> int:
    from resume_parser.training.gazetteer import write_gazetteer
    from resume_parser.training.train import train_cascade

    started = time.perf_counter()
    print(f"gazetteer: {write_gazetteer()} city names", file=sys.stderr)
    featured = _featured(args)
    train_cascade(featured, args.out, args.processes)
    manifest = json.loads((args.out / "manifest.json").read_text("utf-8"))
    print(
        f"trained on {manifest['documents']} documents in {time.perf_counter() - started:.0f} s: "
        f"models version {manifest['version']} in {args.out}"
    )
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from resume_parser.cascade.parser import Cascade
    from resume_parser.training import calibrate
    from resume_parser.training.evaluate import leave_one_family_out, load_scorer, predict, score_by_group

    featured = _featured(args)
    scorer = load_scorer(args.eval_dir)
    families = args.families.split(",") if args.families else sorted({e.family for e in featured})
    scored = [e for e in featured if e.family in families]
    started = time.perf_counter()
    if args.lolo:
        lolo = leave_one_family_out(scorer, featured, families, args.processes)
        print("leave one layout family out, values below their calibrated threshold left out:")
        groups = score_by_group(scorer, scored, lolo.calibrated)
        _report(groups)
        print("\nthe same without thresholds (every value kept):")
        _summary(score_by_group(scorer, scored, lolo.raw))
        _reliability(lolo)
        if args.calibrate:
            calibrations = lolo.calibration()
            calibrate.write(calibrations, MODELS)
            thresholds = ", ".join(
                f"{k} {c.threshold:.2f}" for k, c in sorted(calibrations.items()) if c.threshold
            )
            print(f"\ncalibration.json written; thresholds: {thresholds or 'none'}")
    else:
        groups = score_by_group(scorer, scored, predict(Cascade(MODELS), scored))
        _report(groups)
    print(f"({time.perf_counter() - started:.0f} s)")
    if args.json:
        figures = {
            name: {"documents": g.documents, "f1": g.f1, "fields": g.metric_f1()}
            for name, g in groups.items()
        }
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


def _report(groups: dict[str, Scores]) -> None:
    from resume_parser.training.evaluate import format_table

    print(format_table(groups))
    _summary(groups)


def _summary(groups: dict[str, Scores]) -> None:
    text = [g.f1 for name, g in groups.items() if "/scan-" not in name]
    scans = [g for name, g in groups.items() if "/scan-" in name]
    print(f"layout families: {len(text)}, mean F1 {statistics.mean(text):.3f}, minimum {min(text):.3f}")
    if scans:
        documents = sum(g.documents for g in scans)
        mean = statistics.mean(g.f1 for g in scans)
        print(f"scans: {documents} documents in {len(scans)} families, mean F1 {mean:.3f}")


def _reliability(lolo: LeaveOneOut) -> None:
    print("\nreliability (every family's values calibrated without that family):")
    print(f"{'confidence':12s} {'values':>7s} {'precision':>9s}")
    for label, count, precision in lolo.reliability():
        shown = f"{precision:9.3f}" if precision is not None else "        -"
        print(f"{label:12s} {count:7d} {shown}")


def run_alignment(args: argparse.Namespace) -> int:
    import re

    featured = _featured(args)
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for example in featured:
        document, alignment = example.example.document, example.example.alignment
        row = found[document.corpus + (" (scans)" if document.is_scan else "")]
        row[0] += alignment.found
        row[1] += alignment.total
        if args.unaligned:
            for missing in alignment.unaligned:
                path = re.sub(r"\[\d+\]", "[]", missing.path)
                print(f"{document.name}\t{path}\t{missing.value}")
    print(f"\n{'corpus':24s} {'aligned':>8s} {'values':>7s} {'share':>6s}")
    for corpus, (hits, total) in sorted(found.items()):
        print(f"{corpus:24s} {hits:8d} {total:7d} {hits / total:6.3f}")
    return 0

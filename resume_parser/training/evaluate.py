"""Scoring the cascade with the corpora's own scorer (../shared/eval/score.py), per layout family,
in sample and leave one layout family out.

Leave-one-out runs in two passes. First, for every family, the cascade is trained without it and
reads the family's documents keeping every value with its raw confidence. Then, for every family,
calibration is fitted on the other families' values (calibrate.py) and the family is read again with
it: values below their field's threshold are left out, as the shipped parser does. The second pass
is the figure for layouts never seen; the calibration shipped is fitted on all families' values.
"""

from __future__ import annotations

import importlib.util
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from resume_parser.cascade.calibration import FieldCalibration
from resume_parser.cascade.parser import Cascade, Reading
from resume_parser.training import calibrate
from resume_parser.training.train import FeaturedExample, train_cascade


def load_scorer(eval_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("resume_eval_score", eval_dir / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(slots=True)
class Scores:
    """tp/fp/fn per metric, summed over documents."""

    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    documents: int = 0

    def add(self, metrics: dict[str, Any]) -> None:
        self.documents += 1
        for metric, c in metrics.items():
            row = self.counts[metric]
            row[0] += c.tp
            row[1] += c.fp
            row[2] += c.fn

    @property
    def f1(self) -> float:
        tp = sum(r[0] for r in self.counts.values())
        fp = sum(r[1] for r in self.counts.values())
        fn = sum(r[2] for r in self.counts.values())
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    def metric_f1(self) -> dict[str, float]:
        return {
            m: (2 * tp / (2 * tp + fp + fn) if tp else 0.0)
            for m, (tp, fp, fn) in self.counts.items()
            if tp + fp + fn
        }

    def weakest(self, count: int = 3) -> list[tuple[str, float]]:
        return sorted(self.metric_f1().items(), key=lambda item: item[1])[:count]


def predict(cascade: Cascade, examples: list[FeaturedExample], calibrated: bool = True) -> dict[str, Reading]:
    return {e.example.document.name: cascade.parse_reading(e.example.reading, calibrated) for e in examples}


def score_by_group(
    scorer: ModuleType, examples: list[FeaturedExample], readings: dict[str, Reading]
) -> dict[str, Scores]:
    """Scores per layout family (scans apart, as `CORPUS/scan-FAMILY`)."""
    groups: dict[str, Scores] = defaultdict(Scores)
    for example in examples:
        document = example.example.document
        reading = readings.get(document.name)
        predicted = reading.resume.to_json_dict() if reading else {}
        counts, _ = scorer.score_document(document.truth, predicted)
        family = document.family.replace("/", "/scan-") if document.is_scan else document.family
        groups[family].add(counts)
    return dict(groups)


@dataclass(slots=True)
class LeaveOneOut:
    raw: dict[str, Reading]  # every value kept, raw confidences
    calibrated: dict[str, Reading]  # read with calibration fitted on the other families
    judged: dict[str, list[calibrate.Judged]]  # per family, its raw values judged right or wrong
    truth_totals: dict[str, Counter[str]]  # per family, truth values per field
    fold_calibrations: dict[str, dict[str, FieldCalibration]] = field(default_factory=dict)

    def reliability(self) -> list[tuple[str, int, float | None]]:
        """The reliability table, every family's values calibrated without that family."""
        rows: list[tuple[str, int, float | None]] = []
        for family, judged in self.judged.items():
            rows = calibrate.merge_bins(rows, calibrate.reliability(judged, self.fold_calibrations[family]))
        return rows

    def calibration(self, without: str | None = None) -> dict[str, FieldCalibration]:
        judged = [j for family, items in self.judged.items() if family != without for j in items]
        totals: Counter[str] = Counter()
        for family, counts in self.truth_totals.items():
            if family != without:
                totals.update(counts)
        return calibrate.fit(judged, dict(totals))


def leave_one_family_out(
    scorer: ModuleType, examples: list[FeaturedExample], families: list[str], processes: int = 2
) -> LeaveOneOut:
    result = LeaveOneOut({}, {}, {}, {})
    with tempfile.TemporaryDirectory(prefix="lolo-") as root:
        folders = {}
        for family in families:
            folder = Path(root) / family
            train_cascade([e for e in examples if e.family != family], folder, processes)
            folders[family] = folder
            held_out = [e for e in examples if e.family == family]
            readings = predict(Cascade(folder), held_out, calibrated=False)
            result.raw.update(readings)
            result.judged[family] = [
                j
                for e in held_out
                for j in calibrate.judge(
                    scorer,
                    e.example.document.truth,
                    readings[e.example.document.name].resume,
                    readings[e.example.document.name].evidence,
                )
            ]
            result.truth_totals[family] = sum(
                (calibrate.truth_counts(e.example.document.truth) for e in held_out), Counter()
            )
        for family, folder in folders.items():
            result.fold_calibrations[family] = result.calibration(without=family)
            calibrate.write(result.fold_calibrations[family], folder)
            held_out = [e for e in examples if e.family == family]
            result.calibrated.update(predict(Cascade(folder), held_out))
    return result


def format_table(groups: dict[str, Scores]) -> str:
    lines = [f"{'family':30s} {'docs':>4s} {'F1':>6s}  weakest fields"]
    for name in sorted(groups):
        scores = groups[name]
        weakest = ", ".join(f"{m} {v:.2f}" for m, v in scores.weakest())
        lines.append(f"{name:30s} {scores.documents:4d} {scores.f1:6.3f}  {weakest}")
    return "\n".join(lines)

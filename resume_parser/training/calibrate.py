"""Fitting the confidence calibration on leave-one-layout-out predictions.

Every value the cascade read for a document it was not trained on is judged right or wrong by the
scorer's own rules; per field, isotonic regression maps the raw model probability to the observed
share of right values, and the threshold is the calibrated confidence below which leaving values out
raises that field's F1 on these predictions. Fields whose absence the scorer reads as a value of its
own (dates: a missing end date means "ongoing") and the entries' anchors (employer, institution: an
entry without one cannot be matched) are calibrated but never left out.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from resume_parser.cascade.calibration import CALIBRATION_FILE, FieldCalibration, field_key
from resume_parser.resume import FieldEvidence, ParsedResume

NEVER_LEFT_OUT = (
    "work.name",
    "work.startDate",
    "education.institution",
    "education.startDate",
    "basics.label",
)
_PATH = re.compile(r"^(?P<section>\w+)(?:\[(?P<index>\d+)\])?(?:\.(?P<rest>.+))?$")


@dataclass(frozen=True, slots=True)
class Judged:
    key: str  # field key, e.g. "work.position"
    confidence: float
    correct: bool


def judge(
    scorer: ModuleType, truth: dict[str, Any], resume: ParsedResume, evidence: list[FieldEvidence]
) -> list[Judged]:
    predicted = resume.to_json_dict()
    judge_of = _Judge(scorer, truth, predicted)
    judged = []
    for item in evidence:
        verdict = judge_of.correct(item.path)
        if verdict is not None:
            judged.append(Judged(field_key(item.path), item.confidence, verdict))
    return judged


class _Judge:
    def __init__(self, scorer: ModuleType, truth: dict[str, Any], predicted: dict[str, Any]) -> None:
        self.s = scorer
        self.truth = truth
        self.predicted = predicted
        self.pairs = {section: self._pairs(section) for section in ("work", "education")}

    def _pairs(self, section: str) -> dict[int, int]:
        fields = ("name", "company") if section == "work" else ("institution",)

        def key(entry: dict[str, Any]) -> str:
            return next(
                (self.s.norm_text(entry.get(f)) for f in fields if self.s.norm_text(entry.get(f))), ""
            )

        truth = [key(e) for e in self.truth.get(section) or []]
        predicted = [key(e) for e in self.predicted.get(section) or []]
        return {j: i for i, j, _ in self.s.align(truth, predicted, self.s.ENTRY_ALIGN_THRESHOLD)}

    def correct(self, path: str) -> bool | None:
        match = _PATH.match(path)
        if match is None:
            return None
        section, index, rest = match["section"], match["index"], match["rest"] or ""
        if section == "basics":
            return self._basics(rest)
        if section in ("work", "education") and index is not None:
            return self._entry(section, int(index), rest)
        if section == "skills":
            return self._in_set(self.s.skills_set, path)
        if section == "languages":
            return self._in_set(self.s.languages_set, path)
        if section == "certificates":
            return self._in_set(self.s.certificates_set, path)
        return None

    def _basics(self, name: str) -> bool | None:
        truth, predicted = self.truth.get("basics") or {}, self.predicted.get("basics") or {}
        s = self.s
        if name.startswith("profiles"):
            index = int(re.findall(r"\d+", name)[0])
            profiles = predicted.get("profiles") or []
            if index >= len(profiles):
                return None
            return bool(s.profiles_set({"profiles": [profiles[index]]}) & s.profiles_set(truth))
        normalizers = {
            "name": s.norm_text,
            "email": s.norm_email,
            "url": s.norm_url,
        }
        if name == "location.city":
            t, p = ((d.get("location") or {}).get("city") for d in (truth, predicted))
            return None if not p else bool(t) and s.norm_text(t) == s.norm_text(p)
        if name == "phone":
            t, p = s.phone_digits(truth.get("phone")), s.phone_digits(predicted.get("phone"))
            return None if not p else bool(t) and s.phone_match(t, p)
        normalize = normalizers.get(name)
        if normalize is None or not predicted.get(name):
            return None
        return bool(truth.get(name)) and normalize(truth.get(name)) == normalize(predicted.get(name))

    def _entry(self, section: str, index: int, name: str) -> bool | None:
        predicted = self.predicted.get(section) or []
        if index >= len(predicted):
            return None
        truth_index = self.pairs[section].get(index)
        if name in ("name", "institution"):
            return truth_index is not None
        if truth_index is None:
            return False
        t = self.s._entry_values(section, self.truth[section][truth_index])
        p = self.s._entry_values(section, predicted[index])
        field = {"position": "position", "studyType": "studyType+area", "area": "studyType+area"}.get(name)
        if field is not None:
            return bool(p[field]) and self.s._field_match(field, t[field], p[field])
        if name == "startDate":
            return all(self.s._field_match(f, t[f], p[f]) for f in ("startDate", "endDate") if t[f] or p[f])
        return None

    def _in_set(self, of: Any, path: str) -> bool | None:
        value = _value_at(self.predicted, path)
        if value is None:
            return None
        section = path.split("[", maxsplit=1)[0]
        probe = (
            {"skills": [{"name": "", "keywords": [value]}]}
            if section == "skills"
            else {section: [{"language" if section == "languages" else "name": value}]}
        )
        return bool(of(probe) & of(self.truth))


def _value_at(document: dict[str, Any], path: str) -> Any:
    node: Any = document
    for part in re.findall(r"[^.\[\]]+", path):
        if isinstance(node, list):
            index = int(part)
            if index >= len(node):
                return None
            node = node[index]
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
        if node is None:
            return None
    return node


def fit(judged: list[Judged], truth_totals: dict[str, int]) -> dict[str, FieldCalibration]:
    """Per field: an isotonic map from raw to calibrated confidence, and the threshold."""
    from sklearn.isotonic import IsotonicRegression

    by_key: dict[str, list[Judged]] = defaultdict(list)
    for item in judged:
        by_key[item.key].append(item)
    calibrations = {}
    for key, items in sorted(by_key.items()):
        raw = [i.confidence for i in items]
        regression = IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True, out_of_bounds="clip")
        regression.fit(raw, [1.0 if i.correct else 0.0 for i in items])
        xs = sorted(set(round(x, 4) for x in regression.X_thresholds_))
        ys = [round(float(y), 4) for y in regression.predict(xs)]
        calibration = FieldCalibration(tuple(xs), tuple(ys), 0.0)
        threshold = (
            0.0 if key in NEVER_LEFT_OUT else _best_threshold(items, calibration, truth_totals.get(key))
        )
        calibrations[key] = FieldCalibration(tuple(xs), tuple(ys), threshold)
    return calibrations


def _best_threshold(items: list[Judged], calibration: FieldCalibration, truth_total: int | None) -> float:
    """The calibrated confidence below which dropping values gives the field its best F1."""
    if not truth_total:
        return 0.0
    scored = sorted(((calibration.probability(i.confidence), i.correct) for i in items), reverse=True)
    best, best_f1 = 0.0, -1.0
    tp = fp = 0
    kept = [(c, ok) for c, ok in scored]
    for position, (confidence, correct) in enumerate(kept):
        tp += correct
        fp += not correct
        f1 = 2 * tp / (2 * tp + fp + (truth_total - tp))
        following = kept[position + 1][0] if position + 1 < len(kept) else -1.0
        if f1 > best_f1 and following < confidence:
            best, best_f1 = confidence, f1
    everything = 2 * tp / (2 * tp + fp + (truth_total - tp)) if tp else 0.0
    return 0.0 if everything >= best_f1 - 1e-9 else round(best, 4)


def write(calibrations: dict[str, FieldCalibration], folder: Path) -> None:
    data = {
        "fields": {
            key: {"raw": list(c.raw), "calibrated": list(c.calibrated), "threshold": c.threshold}
            for key, c in sorted(calibrations.items())
        }
    }
    (folder / CALIBRATION_FILE).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def reliability(
    judged: list[Judged], calibrations: dict[str, FieldCalibration], bins: int = 10
) -> list[tuple[str, int, float | None]]:
    """(confidence bin, values, observed precision) over every judged value, by calibrated confidence."""
    counts = [[0, 0] for _ in range(bins)]
    for item in judged:
        calibration = calibrations.get(item.key)
        confidence = calibration.probability(item.confidence) if calibration else item.confidence
        row = counts[min(int(confidence * bins), bins - 1)]
        row[0] += 1
        row[1] += item.correct
    return [
        (f"{i / bins:.1f}–{(i + 1) / bins:.1f}", n, (right / n if n else None))
        for i, (n, right) in enumerate(counts)
    ]


def merge_bins(
    rows: list[tuple[str, int, float | None]], more: list[tuple[str, int, float | None]]
) -> list[tuple[str, int, float | None]]:
    """Two reliability tables of the same bins added together."""
    if not rows:
        return more
    merged = []
    for (label, n, p), (_, m, q) in zip(rows, more, strict=True):
        right = (p or 0.0) * n + (q or 0.0) * m
        merged.append((label, n + m, right / (n + m) if n + m else None))
    return merged


def truth_counts(truth: dict[str, Any]) -> Counter[str]:
    """How many values of each calibrated field the truth has (the F1 a threshold is chosen by)."""
    counts: Counter[str] = Counter()
    basics = truth.get("basics") or {}
    for name in ("name", "email", "phone", "url"):
        counts[f"basics.{name}"] += bool(basics.get(name))
    counts["basics.location.city"] += bool((basics.get("location") or {}).get("city"))
    counts["basics.profiles"] += len(basics.get("profiles") or [])
    for job in truth.get("work") or []:
        counts["work.position"] += bool(job.get("position"))
    for school in truth.get("education") or []:
        counts["education.studyType"] += bool(school.get("studyType") or school.get("area"))
        counts["education.area"] += bool(school.get("studyType") or school.get("area"))
    counts["skills.keywords"] += sum(len(g.get("keywords") or []) or 1 for g in truth.get("skills") or [])
    counts["languages.language"] += len(truth.get("languages") or [])
    counts["certificates.name"] += len(truth.get("certificates") or [])
    return counts

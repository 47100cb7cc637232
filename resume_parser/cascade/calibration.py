"""Calibrated confidence: a field's raw model probability (the mean marginal of its tokens) mapped to
the share of such values that were right in the leave-one-layout-out predictions, and the threshold
below which a value is left out rather than guessed.

The map is a monotone step function per field (isotonic regression, fitted by
training/calibrate.py), stored in the models folder as calibration.json.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

CALIBRATION_FILE = "calibration.json"
_INDEX = re.compile(r"\[\d+\]")


def field_key(path: str) -> str:
    """`work[2].position` -> `work.position`; `skills[0].keywords` -> `skills.keywords`."""
    return _INDEX.sub("", path)


@dataclass(frozen=True, slots=True)
class FieldCalibration:
    raw: tuple[float, ...]  # ascending raw probabilities ...
    calibrated: tuple[float, ...]  # ... and the observed precision from each one up
    threshold: float  # keep a value whose calibrated confidence is at least this

    def probability(self, raw: float) -> float:
        index = bisect_right(self.raw, raw) - 1
        return self.calibrated[max(index, 0)]


class Calibration:
    def __init__(self, fields: dict[str, FieldCalibration]) -> None:
        self.fields = fields

    @classmethod
    def load(cls, folder: Path) -> Calibration:
        path = folder / CALIBRATION_FILE
        if not path.exists():
            return cls({})
        data = json.loads(path.read_text("utf-8"))
        return cls(
            {
                name: FieldCalibration(tuple(f["raw"]), tuple(f["calibrated"]), float(f["threshold"]))
                for name, f in data["fields"].items()
            }
        )

    def confidence(self, path: str, raw: float) -> float:
        calibration = self.fields.get(field_key(path))
        return raw if calibration is None else calibration.probability(raw)

    def keeps(self, path: str, confidence: float) -> bool:
        calibration = self.fields.get(field_key(path))
        return calibration is None or confidence >= calibration.threshold

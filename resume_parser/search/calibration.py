"""Cosine similarity on a scale that means the same for every model: 0 for texts about unrelated
things, 1 for the same thing said differently.

Each model spreads its cosines differently (E5 puts unrelated job titles at 0.8, MiniLM at 0.2), so
the match score (scoring.py) cannot use them raw. The anchors below are the median cosines each
model gives to pairs of job titles of different occupations and to pairs of the same occupation
written differently or in another language; `python bench/calibrate_titles.py` measures them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Calibration:
    unrelated: float  # scaled to 0: nearly every pair of different occupations is below it
    same: float  # scaled to 1; neighbouring occupations ("data analyst", "data scientist") get 0.5

    def scale(self, cosine: float) -> float:
        return min(1.0, max(0.0, (cosine - self.unrelated) / (self.same - self.unrelated)))


# By embedder name (Embedder.name).
CALIBRATIONS = {
    "local:all-MiniLM-L6-v2:384": Calibration(unrelated=0.383, same=0.905),
    "local:multilingual-e5-small-q4:384": Calibration(unrelated=0.835, same=0.919),
    "local:use-multilingual-v3:512": Calibration(unrelated=0.396, same=0.783),
}
# For an embedder not measured: a middle guess, so that scores stay usable.
DEFAULT = Calibration(unrelated=0.3, same=0.8)


def calibration_for(embedder_name: str) -> Calibration:
    return CALIBRATIONS.get(embedder_name, DEFAULT)

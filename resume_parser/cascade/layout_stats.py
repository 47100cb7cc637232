"""What is usual in one document: its body type size, line spacing and column edges. Features are
relative to these, so a 9 pt LaTeX page and a 13 pt browser print look alike to the models."""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from dataclasses import dataclass

from resume_parser.cascade.tokens import TokenLine
from resume_parser.grouping.sections import weighted_median
from resume_parser.layout import UNKNOWN_BOX, Line


@dataclass(frozen=True, slots=True)
class LayoutStats:
    body_size: float | None  # the font size of most characters
    largest_size: float | None
    usual_gap: float  # median vertical gap between consecutive lines of a page
    usual_height: float  # median line height
    has_geometry: bool


def layout_stats(lines: list[TokenLine]) -> LayoutStats:
    weights: Counter[float] = Counter()
    for line in lines:
        for word in line.line.words:
            if word.font_size:
                weights[round(word.font_size, 1)] += len(word.text)
    body = weighted_median(weights)
    boxed = [line.line for line in lines if line.line.box != UNKNOWN_BOX]
    gaps = [
        b.box.top - a.box.bottom
        for a, b in itertools.pairwise(boxed)
        if a.page == b.page and b.box.top > a.box.top
    ]
    heights = [line.box.height for line in boxed if line.box.height > 0]
    return LayoutStats(
        body_size=body,
        largest_size=max(weights) if weights else None,
        usual_gap=statistics.median(gaps) if gaps else 0.0,
        usual_height=statistics.median(heights) if heights else 0.0,
        has_geometry=bool(boxed),
    )


def size_bucket(size: float | None, stats: LayoutStats) -> str:
    """Type size relative to the body: s (smaller), b (body), m (a little larger), l, xl."""
    if not size or not stats.body_size:
        return "?"
    ratio = size / stats.body_size
    for limit, name in ((0.93, "s"), (1.07, "b"), (1.25, "m"), (1.7, "l")):
        if ratio < limit:
            return name
    return "xl"


def gap_bucket(gap: float | None, stats: LayoutStats) -> str:
    """Vertical space relative to the usual line spacing: 0 (touching or less), 1 (usual), 2, 3+."""
    if gap is None or stats.usual_height <= 0:
        return "?"
    extra = (gap - stats.usual_gap) / stats.usual_height
    if extra < 0.25:
        return "1"
    if extra < 0.9:
        return "2"
    return "3"


def vertical_gap(previous: Line | None, line: Line) -> float | None:
    if previous is None or previous.page != line.page or UNKNOWN_BOX in (previous.box, line.box):
        return None
    return line.box.top - previous.box.bottom

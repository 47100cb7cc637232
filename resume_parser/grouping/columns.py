"""Column detection: a sidebar or two columns are read column by column, not line by line.

A gutter is a vertical line that (almost) no fragment crosses, with enough text on both sides.
Two layouts have such a gutter and must not be split: a label table (Europass-style dates or
labels on the left of each entry) and right-aligned dates. Both put the fragments of the two
sides on shared baselines, which independent columns almost never do by chance.
Fragments that do cross the gutter (a full-width name banner) cut the page into bands, each band
read on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from resume_parser.grouping.lines import merge_rows
from resume_parser.layout import UNKNOWN_BOX, Line

GUTTER_RANGE = (0.12, 0.88)  # a gutter outside this range is a margin note, not a column
MIN_SIDE_FRAGMENTS = 4
MAX_CROSSING_SHARE = 0.1
# A side is a label or date column when at least this share of its fragments shares a baseline
# with a fragment on the other side.
ROW_ALIGNED_SHARE = 0.5
ROW_TOLERANCE = 0.25  # of the smaller fragment's height
MAX_SPLIT_DEPTH = 3
EDGE_TOLERANCE = 0.002


@dataclass(frozen=True, slots=True)
class _Split:
    gutter: float
    left: list[Line]
    right: list[Line]
    crossing: list[Line]


def read_columns(fragments: list[Line]) -> list[list[Line]]:
    """The page's lines grouped into columns, in reading order."""
    if not fragments or any(f.box == UNKNOWN_BOX for f in fragments):
        return [fragments] if fragments else []
    return _columns(fragments, depth=0)


def _columns(fragments: list[Line], depth: int) -> list[list[Line]]:
    split = _find_split(fragments) if depth < MAX_SPLIT_DEPTH else None
    if split is None:
        return [merge_rows(fragments)]
    columns: list[list[Line]] = []
    for band in _bands(fragments, split):
        left = [f for f in band if f.box.right <= split.gutter + EDGE_TOLERANCE]
        right = [f for f in band if f.box.right > split.gutter + EDGE_TOLERANCE]
        sides = [_columns(side, depth + 1) for side in (left, right) if side]
        columns += [column for side in sorted(sides, key=_reading_priority, reverse=True) for column in side]
    return columns


def _find_split(fragments: list[Line]) -> _Split | None:
    """The column split crossed by the fewest fragments, then with the widest empty corridor."""
    low, high = GUTTER_RANGE
    candidates = sorted({round(f.box.left, 3) for f in fragments if low < f.box.left < high})
    splits = [_split_at(fragments, gutter) for gutter in candidates]
    columns = [s for s in splits if _is_valid(s, len(fragments)) and not _is_row_aligned(s)]
    return min(columns, key=lambda s: (len(s.crossing), -_corridor(s)), default=None)


def _corridor(split: _Split) -> float:
    return min(f.box.left for f in split.right) - max(f.box.right for f in split.left)


def _split_at(fragments: list[Line], gutter: float) -> _Split:
    left, right, crossing = [], [], []
    for fragment in fragments:
        if fragment.box.right <= gutter + EDGE_TOLERANCE:
            left.append(fragment)
        elif fragment.box.left >= gutter - EDGE_TOLERANCE:
            right.append(fragment)
        else:
            crossing.append(fragment)
    return _Split(gutter, left, right, crossing)


def _is_valid(split: _Split, total: int) -> bool:
    return (
        len(split.left) >= MIN_SIDE_FRAGMENTS
        and len(split.right) >= MIN_SIDE_FRAGMENTS
        and len(split.crossing) <= MAX_CROSSING_SHARE * total
    )


def _is_row_aligned(split: _Split) -> bool:
    smaller, other = sorted((split.left, split.right), key=len)
    aligned = sum(1 for fragment in smaller if any(_same_baseline(fragment, o) for o in other))
    return aligned >= ROW_ALIGNED_SHARE * len(smaller)


def _same_baseline(a: Line, b: Line) -> bool:
    # Centres, not bottoms: a smaller date or rating next to a label shares its centre line.
    tolerance = ROW_TOLERANCE * min(a.box.height, b.box.height)
    return abs(a.box.top + a.box.bottom - b.box.top - b.box.bottom) / 2 <= tolerance


def _bands(fragments: list[Line], split: _Split) -> list[list[Line]]:
    """Fragments cut into horizontal bands at each fragment that crosses the gutter."""
    crossing = {id(f) for f in split.crossing}
    bands: list[list[Line]] = [[]]
    for fragment in sorted(fragments, key=lambda f: f.box.top):
        if id(fragment) in crossing:
            bands += [[fragment], []]
        else:
            bands[-1].append(fragment)
    return [band for band in bands if band]


def _reading_priority(side: list[list[Line]]) -> tuple[float, int]:
    """Which side of a band is read first: the one opening with larger type (the name, usually),
    then the one with more words (the main column before a sidebar), whichever side it is on."""
    first = side[0]
    opening = max((line.font_size or 0.0) for line in first[:2])
    words = sum(len(line.words) for column in side for line in column)
    return opening, words

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
BASELINE_TOLERANCE = 0.15  # of the smaller fragment's height
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
    split = _find_split(fragments)
    if split is None or _is_row_aligned(split):
        return [merge_rows(fragments)]
    columns: list[list[Line]] = []
    for band in _bands(fragments, split):
        columns += _band_columns(band, split.gutter)
    return columns


def _find_split(fragments: list[Line]) -> _Split | None:
    best: _Split | None = None
    candidates = sorted(
        {round(f.box.left, 3) for f in fragments if GUTTER_RANGE[0] < f.box.left < GUTTER_RANGE[1]}
    )
    for gutter in candidates:
        split = _split_at(fragments, gutter)
        if not _is_valid(split, len(fragments)):
            continue
        if best is None or min(len(split.left), len(split.right)) > min(len(best.left), len(best.right)):
            best = split
    return best


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
    tolerance = BASELINE_TOLERANCE * min(a.box.height, b.box.height)
    return abs(a.box.bottom - b.box.bottom) <= tolerance


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


def _band_columns(band: list[Line], gutter: float) -> list[list[Line]]:
    left = merge_rows([f for f in band if f.box.right <= gutter + EDGE_TOLERANCE])
    right = merge_rows([f for f in band if f.box.right > gutter + EDGE_TOLERANCE])
    columns = [column for column in (left, right) if column]
    # The column that opens with the band's largest type (the name, usually) is the head of the
    # page: a sidebar of contact details is read after it, whichever side the sidebar is on.
    if (
        len(columns) == 2
        and _opens_with_largest_type(columns[1], band)
        and not _opens_with_largest_type(columns[0], band)
    ):
        columns.reverse()
    return columns


def _opens_with_largest_type(column: list[Line], band: list[Line]) -> bool:
    largest = max((f.font_size or 0.0) for f in band)
    return largest > 0 and any((line.font_size or 0.0) >= largest for line in column[:2])

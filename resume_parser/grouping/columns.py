"""Column detection: a sidebar or two columns are read column by column, not line by line.

A gutter is a vertical line that (almost) no fragment crosses, with text on both sides. Two
layouts have such a gutter and must not be split: a label table (Europass-style dates or labels
left of each entry) and right-aligned dates. Both put the two sides' fragments on shared rows,
which independent columns almost never do by chance; such a gutter is no column break.

Splits are looked for at two scales. A page split (a sidebar, two columns) needs several
fragments on each side; the fragments crossing its gutter (a full-width banner) cut the page into
bands, each read on its own. Inside a column, the full-width lines cut it into blocks, and a block
may still hold two small columns side by side (a name on the left, a contact block on the right).
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass

from resume_parser.grouping.lines import merge_rows, same_row, shares_row
from resume_parser.layout import UNKNOWN_BOX, Line

GUTTER_RANGE = (0.12, 0.88)  # a gutter outside this range is a margin note, not a column
# A fragment this wide, relative to the column's text, is a full-width line that no gutter crosses.
WIDE_SHARE = 0.5
MAX_SPLIT_DEPTH = 3
EDGE_TOLERANCE = 0.002
# The share of its side's height that the fragments sharing no row with the other side must span:
# a sidebar meets the other column's rows only by chance, here and there.
FREE_SPREAD = 0.5
# A side whose lines follow each other this many of their heights apart (or closer) is running text.
DENSE_PITCH = 1.6
SPARSE_FREE_SHARE = 1 / 2
OFFSET_TOLERANCE = 0.03  # fragment heights
SHORT_COLUMN_FREE_LINES = 8


@dataclass(frozen=True, slots=True)
class _Rules:
    min_side: int  # fragments needed on each side that share no row with the other side
    max_crossing_share: float
    # The share of the text's height the smaller side must span: a column runs alongside the
    # other, a contact block beside the name does not.
    min_height_share: float
    # The share of the smaller side's fragments that must share no row with the other side when
    # they are lines of running text (a label or date column needs SPARSE_FREE_SHARE).
    dense_free_share: float


PAGE_RULES = _Rules(min_side=4, max_crossing_share=0.1, min_height_share=0.4, dense_free_share=1 / 3)
BLOCK_RULES = _Rules(min_side=1, max_crossing_share=0.0, min_height_share=0.0, dense_free_share=1 / 2)


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
    split = _find_split(fragments, PAGE_RULES) if depth < MAX_SPLIT_DEPTH else None
    if split is None:
        return [_single_column(fragments)]
    columns: list[list[Line]] = []
    for band in _bands(fragments, split):
        left = [f for f in band if f.box.right <= split.gutter + EDGE_TOLERANCE]
        right = [f for f in band if f.box.right > split.gutter + EDGE_TOLERANCE]
        sides = [_columns(side, depth + 1) for side in (left, right) if side]
        columns += [column for side in sorted(sides, key=_reading_priority, reverse=True) for column in side]
    return columns


def _single_column(fragments: list[Line]) -> list[Line]:
    """One column's lines: blocks between full-width lines, each possibly two small columns."""
    lines: list[Line] = []
    for block in _blocks(fragments):
        split = _find_split(block, BLOCK_RULES) if len(block) > 2 else None
        if split is None:
            lines += merge_rows(block)
        else:
            sides = ([merge_rows(split.left)], [merge_rows(split.right)])
            first, second = sorted(sides, key=_reading_priority, reverse=True)
            lines += first[0] + second[0]
    return lines


def _blocks(fragments: list[Line]) -> list[list[Line]]:
    """Fragments cut into vertical runs at each full-width fragment (which keeps its row-mates)."""
    left = min(f.box.left for f in fragments)
    right = max(f.box.right for f in fragments)
    wide = WIDE_SHARE * (right - left)
    blocks: list[list[Line]] = [[]]
    for fragment in sorted(fragments, key=lambda f: f.box.top + f.box.bottom):
        if fragment.box.width >= wide:
            row_mates = [f for f in blocks[-1] if shares_row(f, fragment)]
            blocks[-1] = [f for f in blocks[-1] if not shares_row(f, fragment)]
            blocks += [[*row_mates, fragment], []]
        elif len(blocks) > 1 and blocks[-1] == [] and shares_row(blocks[-2][-1], fragment):
            blocks[-2].append(fragment)
        else:
            blocks[-1].append(fragment)
    return [block for block in blocks if block]


def _find_split(fragments: list[Line], rules: _Rules) -> _Split | None:
    """The column split crossed by the fewest fragments, then with the widest empty corridor."""
    low, high = GUTTER_RANGE
    candidates = sorted({round(f.box.left, 3) for f in fragments if low < f.box.left < high})
    if not candidates:
        return None
    mates = _row_mates(fragments)
    splits = [_split_at(fragments, gutter) for gutter in candidates]
    columns = [s for s in splits if _is_column_break(s, len(fragments), mates, rules)]
    return min(columns, key=lambda s: (len(s.crossing), -_corridor(s)), default=None)


def _row_mates(fragments: list[Line]) -> dict[int, list[int]]:
    """For each fragment (by id), the fragments sharing its row; a sweep over vertical centres."""
    by_centre = sorted(fragments, key=lambda f: f.box.top + f.box.bottom)
    reach = max(f.box.height for f in fragments)  # no row-mate's centre is further away than this
    mates: dict[int, list[int]] = {id(f): [] for f in fragments}
    for index, fragment in enumerate(by_centre):
        centre = fragment.box.top + fragment.box.bottom
        for other in by_centre[index + 1 :]:
            if other.box.top + other.box.bottom - centre > reach:
                break
            if same_row(fragment.box, other.box):
                mates[id(fragment)].append(id(other))
                mates[id(other)].append(id(fragment))
    return mates


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


def _is_column_break(split: _Split, total: int, mates: dict[int, list[int]], rules: _Rules) -> bool:
    if min(len(split.left), len(split.right)) < rules.min_side:
        return False
    if len(split.crossing) > rules.max_crossing_share * total:
        return False
    smaller, other = sorted((split.left, split.right), key=len)
    by_id = {id(f): f for f in other}
    offsets = [_offset(f, [by_id[m] for m in mates[id(f)] if m in by_id]) for f in smaller]
    free = [f for f, offset in zip(smaller, offsets, strict=True) if offset is None]
    placed = [offset for offset in offsets if offset is not None]
    if len(free) < _min_free_share(smaller, placed, rules) * len(smaller) or len(free) < rules.min_side:
        return False  # a label or date column: most of its fragments are parts of rows
    # A column runs alongside the other from top to bottom, and its free fragments are spread
    # through it; a contact block beside the name, or one above a column of dates, is short or
    # sits only at one end of its side.
    # A sidebar that ends early (contact and profile above, white paper below) is still a column
    # when nothing crosses its gutter and many of its lines stand free of the other side's rows.
    runs_alongside = _height(smaller) >= rules.min_height_share * _height(
        split.left + split.right + split.crossing
    ) or (not split.crossing and len(free) >= SHORT_COLUMN_FREE_LINES)
    return runs_alongside and _height(free) >= FREE_SPREAD * _height(smaller)


def _offset(fragment: Line, row_mates: list[Line]) -> float | None:
    """How far the fragment's middle sits from its nearest row-mate's, in its own heights."""
    if not row_mates or fragment.box.height <= 0:
        return None
    centre = fragment.box.top + fragment.box.bottom
    nearest = min(row_mates, key=lambda m: abs(m.box.top + m.box.bottom - centre))
    return (centre - nearest.box.top - nearest.box.bottom) / 2 / fragment.box.height


def _min_free_share(side: list[Line], offsets: list[float], rules: _Rules) -> float:
    """The share of a side's fragments that must share no row with the other side. Lines of running
    text, one under the other, meet the other column's rows by chance more often (all the more
    under OCR, whose boxes are tall); labels and dates stand apart, one per entry, and rows set on
    purpose (a label and its value, a skill and its rating dots) keep one offset."""
    if len(side) < 2 or _set_on_purpose(offsets):
        return SPARSE_FREE_SHARE
    by_top = sorted(side, key=lambda f: f.box.top)
    pitch = statistics.median(b.box.top - a.box.top for a, b in itertools.pairwise(by_top))
    dense = pitch <= DENSE_PITCH * statistics.median(f.box.height for f in side)
    return rules.dense_free_share if dense else SPARSE_FREE_SHARE


def _set_on_purpose(offsets: list[float]) -> bool:
    """Most row-mates sit at the same offset: the rows were laid out together."""
    if not offsets:
        return False
    agreeing = max(sum(1 for o in offsets if abs(o - p) <= OFFSET_TOLERANCE) for p in offsets)
    return agreeing * 2 >= len(offsets)


def _height(fragments: list[Line]) -> float:
    return max(f.box.bottom for f in fragments) - min(f.box.top for f in fragments)


def _corridor(split: _Split) -> float:
    return min(f.box.left for f in split.right) - max(f.box.right for f in split.left)


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
    """Which side is read first: the one opening with larger type (the name, usually), then the
    one with more words (the main column before a sidebar), whichever side it is on."""
    first = side[0]
    opening = max((line.font_size or 0.0) for line in first[:2])
    words = sum(len(line.words) for column in side for line in column)
    return opening, words

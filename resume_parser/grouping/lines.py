"""Line merging: fragments that sit on the same baseline become one line, read left to right.

Extractors cut lines at wide gaps (a right-aligned date, a label and its value); once the columns
are known, the fragments of one row inside a column belong together again.
"""

from __future__ import annotations

from resume_parser.layout import Box, Line
from resume_parser.normalization.lines import BULLET_GLYPHS, is_icon

# Two fragments share a row when their vertical centres are within this share of the smaller one's
# height: a title and its right-aligned date (or a skill and its rating dots) are set on one line;
# independent blocks side by side only meet by chance, and rarely that closely.
ROW_TOLERANCE = 0.25
# Type this much larger than its neighbour's is a different line (a name beside a contact block).
MAX_SIZE_RATIO = 1.5


def merge_rows(fragments: list[Line]) -> list[Line]:
    """The fragments as lines, top to bottom; fragments of one row are joined left to right."""
    rows: list[list[Line]] = []
    for fragment in sorted(fragments, key=lambda f: (f.box.top + f.box.bottom, f.box.left)):
        row = _matching_row(rows, fragment)
        if row is None:
            rows.append([fragment])
        else:
            row.append(fragment)
    return _level_rows_left_to_right([_join(row) for row in rows])


def _level_rows_left_to_right(lines: list[Line]) -> list[Line]:
    """Lines set level with each other but not joined (a small date beside a large heading) are read
    left to right, not by which centre is a hair higher."""
    ordered = list(lines)
    for index in range(1, len(ordered)):
        a, b = ordered[index - 1], ordered[index]
        if b.box.left < a.box.left and _level(a.box, b.box):
            ordered[index - 1], ordered[index] = b, a
    return ordered


def _level(a: Box, b: Box) -> bool:
    """Each vertical centre lies within the other box's top and bottom."""
    centre_a, centre_b = (a.top + a.bottom) / 2, (b.top + b.bottom) / 2
    return b.top <= centre_a <= b.bottom and a.top <= centre_b <= a.bottom


def same_row(a: Box, b: Box) -> bool:
    smaller, larger = sorted((a.height, b.height))
    if smaller <= 0 or larger > MAX_SIZE_RATIO * smaller:
        return False
    return abs(a.top + a.bottom - b.top - b.bottom) / 2 <= ROW_TOLERANCE * smaller


def _matching_row(rows: list[list[Line]], fragment: Line) -> list[Line] | None:
    # Rows are in vertical order, so only the last few can still share a baseline with the fragment.
    for row in reversed(rows[-3:]):
        if shares_row(row[0], fragment) and not any(_overlap_horizontally(f.box, fragment.box) for f in row):
            return row
    return None


def shares_row(a: Line, b: Line) -> bool:
    """On one row: by baseline and size; or an icon or bullet glyph beside text, whatever its size,
    when the two are level (an icon font's bullet, set smaller or larger than its item)."""
    if same_row(a.box, b.box):
        return True
    return (_glyphs_only(a) or _glyphs_only(b)) and _level(a.box, b.box)


def _glyphs_only(line: Line) -> bool:
    """Bullets and icons (private-use characters of icon fonts), nothing to read."""
    return all(char in BULLET_GLYPHS or is_icon(char) for word in line.words for char in word.text)


def _overlap_horizontally(a: Box, b: Box) -> bool:
    return min(a.right, b.right) - max(a.left, b.left) > 0.25 * min(a.width, b.width)


def _join(row: list[Line]) -> Line:
    if len(row) == 1:
        return row[0]
    row.sort(key=lambda f: f.box.left)
    words = [word for fragment in row for word in fragment.words]
    return Line(words=words, page=row[0].page, box=Box.enclosing([f.box for f in row]))

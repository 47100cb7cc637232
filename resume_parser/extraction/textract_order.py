"""Reading order for Textract lines that come without LAYOUT blocks: column by column.

Textract returns LINE blocks roughly top to bottom, so a two-column page comes out interleaved
row by row. We look for a gutter: a vertical strip no line enters, with at least two lines on each
side. Lines that do cross it (a title, a full-width paragraph, a footer) cut the page into bands
read from top to bottom; a band with text on both sides of the gutter is read left side first,
then right side, each side searched again for a gutter of its own.

One layout also has a gutter but must be read row by row: right-aligned dates or labels beside
longer text. Their side is much sparser than the other and every line of it sits on a row of the
other side, which two independent columns do not show.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from resume_parser.layout import Line

GUTTER_SEARCH = (0.1, 0.9)  # page-relative x range where a column gutter may lie
GUTTER_STEP = 0.005
GUTTER_HALF_WIDTH = 0.01  # a gutter is at least 2% of the page wide
MIN_COLUMN_LINES = 2
SPARSE_SIDE_RATIO = 1 / 3  # a side with fewer lines than this share of the other may be dates or labels
ROW_ALIGNED_SHARE = 0.8
PARAGRAPH_GAP = 0.8  # of the median line height


@dataclass(frozen=True, slots=True)
class Run:
    """Lines read one after another: a full-width band, or one column of a band (0 = leftmost)."""

    lines: list[Line]
    column: int


def columns_in_reading_order(lines: list[Line], first_column: int = 0) -> list[Run]:
    """The lines as runs (a band, or one column of a band), each top to bottom, runs in reading order."""
    if not lines:
        return []
    rows = rows_in_order(lines)
    gutter = _best_gutter(rows)
    if gutter is None:
        return [Run(_flatten(rows), first_column)]
    runs: list[Run] = []
    row_band: Run | None = None  # the band just read row by row, which the next such band continues
    for band, crossing in _bands(rows, gutter):
        left = [line for line in band if _center_x(line) < gutter]
        right = [line for line in band if _center_x(line) >= gutter]
        if not crossing and _reads_as_columns(left, right):
            left_runs = columns_in_reading_order(left, first_column)
            right_start = max(run.column for run in left_runs) + 1
            runs.extend(left_runs + columns_in_reading_order(right, right_start))
            row_band = None
        elif row_band is not None:
            row_band.lines.extend(band)
        else:
            row_band = Run(band, first_column)
            runs.append(row_band)
    return runs


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Lines in reading order cut where the vertical gap to the next line exceeds a typical line's height."""
    result: list[list[Line]] = []
    if not lines:
        return result
    heights = sorted(line.box.height for line in lines)
    threshold = PARAGRAPH_GAP * heights[len(heights) // 2]
    bottom = -1.0
    for line in lines:
        if not result or line.box.top - bottom > threshold:
            result.append([])
        result[-1].append(line)
        bottom = max(bottom, line.box.bottom)
    return result


def rows_in_order(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into rows (vertical centres close together), rows top to bottom, each left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: line.box.top):
        row = rows[-1] if rows else None
        if row is not None and _same_row(row[0], line):
            row.append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda line: line.box.left) for row in rows]


def _best_gutter(rows: list[list[Line]]) -> float | None:
    """The x position whose gutter puts the most lines into two-column bands, if any does."""
    best: tuple[int, float] | None = None
    low, high = GUTTER_SEARCH
    steps = round((high - low) / GUTTER_STEP)
    for step in range(steps + 1):
        x = low + step * GUTTER_STEP
        score = _lines_in_columns(rows, x)
        if score and (best is None or score > best[0]):
            best = (score, x)
    return best[1] if best else None


def _lines_in_columns(rows: list[list[Line]], gutter: float) -> int:
    total = 0
    for band, crossing in _bands(rows, gutter):
        if crossing:
            continue
        left = [line for line in band if _center_x(line) < gutter]
        right = [line for line in band if _center_x(line) >= gutter]
        if _reads_as_columns(left, right):
            total += len(band)
    return total


def _bands(rows: list[list[Line]], gutter: float) -> Iterator[tuple[list[Line], bool]]:
    """Consecutive rows split by whether a row has a line crossing the gutter: (lines, crossing)."""
    band: list[Line] = []
    band_crossing = False
    for row in rows:
        crossing = any(_crosses(line, gutter) for line in row)
        if band and crossing != band_crossing:
            yield band, band_crossing
            band = []
        band.extend(row)
        band_crossing = crossing
    if band:
        yield band, band_crossing


def _reads_as_columns(left: list[Line], right: list[Line]) -> bool:
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return False
    sparse, dense = sorted((left, right), key=len)
    if len(sparse) >= SPARSE_SIDE_RATIO * len(dense):
        return True
    aligned = sum(1 for line in sparse if any(_same_row(line, other) for other in dense))
    return aligned < ROW_ALIGNED_SHARE * len(sparse)


def _crosses(line: Line, gutter: float) -> bool:
    return line.box.left < gutter + GUTTER_HALF_WIDTH and line.box.right > gutter - GUTTER_HALF_WIDTH


def _same_row(a: Line, b: Line) -> bool:
    tolerance = min(a.box.height, b.box.height) / 2
    return abs(_center_y(a) - _center_y(b)) <= tolerance


def _center_x(line: Line) -> float:
    return (line.box.left + line.box.right) / 2


def _center_y(line: Line) -> float:
    return (line.box.top + line.box.bottom) / 2


def _flatten(rows: list[list[Line]]) -> list[Line]:
    return [line for row in rows for line in row]

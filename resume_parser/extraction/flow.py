"""Layout for flowing text that has no page geometry of its own (plain text, DOCX, HTML).

Each logical line becomes one row of a character grid, so boxes still say where a word sits: a
date after a tab lands at the right, a blank line leaves a vertical gap, an indented bullet starts
further in. The grouping stage can then treat every document alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from resume_parser.layout import Block, BlockKind, Box, Line, Page, Word

TAB_STOP = 8
MIN_GRID_COLUMNS = 80
MIN_GRID_ROWS = 60


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    font_size: float | None = None


@dataclass(slots=True)
class FlowBlock:
    """Logical lines (each a list of spans) that belong together."""

    lines: list[list[Span]]
    kind: BlockKind = BlockKind.BODY
    gap_before: int = 1  # blank rows between this block and the previous one


@dataclass(slots=True)
class _GridWord:
    text: str
    column: int
    span: Span


@dataclass(slots=True)
class _GridLine:
    row: int
    words: list[_GridWord] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((w.column + len(w.text) for w in self.words), default=0)


def layout_flow(blocks: Sequence[FlowBlock], page_number: int = 1) -> Page:
    """One page whose lines sit on a character grid, in the order given."""
    grid: list[tuple[FlowBlock, list[_GridLine]]] = []
    row = 0
    for block in blocks:
        grid_lines = []
        if grid:
            row += block.gap_before
        for spans in block.lines:
            words = _grid_words(spans)
            if words:
                grid_lines.append(_GridLine(row, words))
                row += 1
        if grid_lines:
            grid.append((block, grid_lines))
    columns = max([MIN_GRID_COLUMNS] + [line.width for _, lines in grid for line in lines])
    rows = max(MIN_GRID_ROWS, row)
    page_blocks = [
        Block([_to_line(line, columns, rows, page_number) for line in lines], kind=block.kind)
        for block, lines in grid
    ]
    return Page(number=page_number, width=0.0, height=0.0, blocks=page_blocks)


def _grid_words(spans: Sequence[Span]) -> list[_GridWord]:
    words: list[_GridWord] = []
    column = 0
    current: _GridWord | None = None
    for span in spans:
        for char in span.text:
            if char.isspace():
                current = None
                column = (column // TAB_STOP + 1) * TAB_STOP if char == "\t" else column + 1
                continue
            if current is None:
                current = _GridWord("", column, span)
                words.append(current)
            current.text += char
            column += 1
    return words


def _to_line(line: _GridLine, columns: int, rows: int, page_number: int) -> Line:
    top = line.row / rows
    bottom = (line.row + 0.8) / rows
    words = [
        Word(
            text=w.text,
            box=Box(w.column / columns, top, (w.column + len(w.text)) / columns, bottom),
            font_size=w.span.font_size,
            bold=w.span.bold,
            italic=w.span.italic,
        )
        for w in line.words
    ]
    return Line(words=words, page=page_number, box=Box.enclosing([w.box for w in words]))

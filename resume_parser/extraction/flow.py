"""Layout for flowing text that has no page geometry of its own (plain text, DOCX, HTML).

Each logical line becomes one row of a character grid, so boxes still say where a word sits: a
date after a tab lands at the right, a blank line leaves a vertical gap, an indented bullet starts
further in. The grouping stage can then treat every document alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from resume_parser.layout import Block, BlockKind, Box, Document, Line, Page, Word

TAB_STOP = 8
# About forty pages of text: no resume is longer, and past it a pasted dump (or an attack) would
# only cost time. The words after it are not read, and the document says so in its warnings.
MAX_FLOW_WORDS = 20_000
MIN_GRID_COLUMNS = 80
MIN_GRID_ROWS = 60


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    font_size: float | None = None
    link: str | None = None  # a hyperlink's target


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


def flow_document(blocks: Sequence[FlowBlock], *, media_type: str, extractor: str) -> Document:
    """A document of one grid page; text beyond MAX_FLOW_WORDS is left out with a warning."""
    page, complete = layout_flow(blocks, max_words=MAX_FLOW_WORDS)
    warnings = [] if complete else [f"only the first {MAX_FLOW_WORDS:,} words were read"]
    return Document(pages=[page], media_type=media_type, extractor=extractor, warnings=warnings)


def layout_flow(
    blocks: Sequence[FlowBlock], page_number: int = 1, max_words: int | None = None
) -> tuple[Page, bool]:
    """One page whose lines sit on a character grid, in the order given; and whether every word
    fitted within max_words."""
    grid: list[tuple[FlowBlock, list[_GridLine]]] = []
    row = 0
    # One word more than allowed is read, to tell a text that fits exactly from one that does not.
    left = max_words + 1 if max_words is not None else None
    for block in blocks:
        grid_lines = []
        if grid:
            row += block.gap_before
        for spans in block.lines:
            if left is not None and left <= 0:
                break
            words = _grid_words(spans, left)
            if left is not None:
                left -= len(words)
            if words:
                grid_lines.append(_GridLine(row, words))
                row += 1
        if grid_lines:
            grid.append((block, grid_lines))
    complete = left is None or left > 0
    if not complete:
        del grid[-1][1][-1].words[-1]  # the extra word
    columns = max([MIN_GRID_COLUMNS] + [line.width for _, lines in grid for line in lines])
    rows = max(MIN_GRID_ROWS, row)
    page_blocks = [
        Block([_to_line(line, columns, rows, page_number) for line in lines if line.words], kind=block.kind)
        for block, lines in grid
    ]
    return Page(number=page_number, width=0.0, height=0.0, blocks=page_blocks), complete


_WORD = re.compile(r"[^\s]+")


def _grid_words(spans: Sequence[Span], limit: int | None = None) -> list[_GridWord]:
    """Words at their grid columns, at most `limit` of them; a tab moves to the next tab stop.
    One regular-expression pass per span, so a resume pasted as one huge line stays cheap."""
    words: list[_GridWord] = []
    column = 0
    joined_to_previous = False
    for span in spans:
        position = 0
        for match in _WORD.finditer(span.text):
            if limit is not None and len(words) >= limit:
                return words
            gap = span.text[position : match.start()]
            if gap or not joined_to_previous:
                column = _advance(column, gap)
            if words and not gap and joined_to_previous:
                words[-1].text += match.group()  # a word whose formatting changes mid-word
            else:
                words.append(_GridWord(match.group(), column, span))
            column += len(match.group())
            position = match.end()
            joined_to_previous = True
        tail = span.text[position:]
        if tail:
            column = _advance(column, tail)
            joined_to_previous = False
    return words


def _advance(column: int, spaces: str) -> int:
    if "\t" not in spaces:
        return column + len(spaces)
    for char in spaces:
        column = (column // TAB_STOP + 1) * TAB_STOP if char == "\t" else column + 1
    return column


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
            link=w.span.link,
        )
        for w in line.words
    ]
    return Line(words=words, page=page_number, box=Box.enclosing([w.box for w in words]))

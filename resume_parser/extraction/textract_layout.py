"""Textract blocks (PAGE, LINE, WORD, LAYOUT_*) mapped into the layout model.

Textract returns its LAYOUT_* blocks in reading order, columns included, each pointing at the
LINE blocks it holds; that order becomes the order of our blocks. A page without LAYOUT blocks
(text detection, or a page Textract found no layout on) is ordered by its line geometry instead.

Boxes are Textract's page-relative bounding boxes, turned upright when the text on the page runs
sideways or upside down (a scan fed in rotated), so reading order and everything downstream see
the page as a reader would. Word confidences are scaled from Textract's 0..100 to 0..1.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from resume_parser.extraction.textract_order import columns_in_reading_order, paragraphs
from resume_parser.layout import Block, BlockKind, Box, Document, Line, Page, Word

TextractBlock = Mapping[str, Any]  # one element of a Textract response's "Blocks"

LAYOUT_PREFIX = "LAYOUT_"
LAYOUT_KINDS = {
    "LAYOUT_HEADER": BlockKind.HEADER,
    "LAYOUT_FOOTER": BlockKind.FOOTER,
    "LAYOUT_TABLE": BlockKind.TABLE,
}


def document_from_blocks(blocks: Sequence[TextractBlock], media_type: str) -> Document:
    """All pages of one analysis (every NextToken page's blocks, concatenated) as a Document."""
    by_id = {block["Id"]: block for block in blocks if "Id" in block}
    by_page: defaultdict[int, list[TextractBlock]] = defaultdict(list)
    for block in blocks:
        # Synchronous responses cover a single page and leave "Page" out.
        by_page[int(block.get("Page", 1))].append(block)
    pages = [_page(number, by_page[number], by_id) for number in sorted(by_page)]
    return Document(pages=pages, media_type=media_type, extractor="textract")


def _page(number: int, blocks: list[TextractBlock], by_id: Mapping[str, TextractBlock]) -> Page:
    line_blocks = [block for block in blocks if block["BlockType"] == "LINE"]
    turns = _quarter_turns(line_blocks)
    lines = {block["Id"]: _line(block, number, turns, by_id) for block in line_blocks}
    layout = [block for block in blocks if block["BlockType"].startswith(LAYOUT_PREFIX)]
    if layout:
        page_blocks = _blocks_from_layout(layout, lines, turns, by_id)
    else:
        page_blocks = _blocks_by_columns(lines.values())
    # Textract gives ratios of the page, not its size in points.
    return Page(number=number, width=0.0, height=0.0, blocks=page_blocks)


def _blocks_from_layout(
    layout: list[TextractBlock],
    lines: Mapping[str, Line],
    turns: int,
    by_id: Mapping[str, TextractBlock],
) -> list[Block]:
    nested = {child_id for block in layout for child_id in _child_ids(block) if child_id in by_id}
    nested = {child_id for child_id in nested if by_id[child_id]["BlockType"].startswith(LAYOUT_PREFIX)}
    claimed: set[str] = set()
    result: list[Block] = []
    for element in layout:
        if element["Id"] in nested:
            continue  # read as part of its parent (a list's items)
        items = _list_items(element, by_id) if element["BlockType"] == "LAYOUT_LIST" else [element]
        kind = _kind(element, turns)
        for item in items:
            item_lines = [lines[line_id] for line_id in _line_ids(item, by_id, claimed) if line_id in lines]
            if item_lines:
                result.append(Block(lines=item_lines, kind=kind))
    # A line no layout element claimed would otherwise be lost; it goes last, in geometric order.
    leftovers = [line for line_id, line in lines.items() if line_id not in claimed]
    return result + _blocks_by_columns(leftovers)


def _blocks_by_columns(lines: Iterable[Line]) -> list[Block]:
    return [
        Block(lines=paragraph, column=run.column)
        for run in columns_in_reading_order(list(lines))
        for paragraph in paragraphs(run.lines)
    ]


def _list_items(element: TextractBlock, by_id: Mapping[str, TextractBlock]) -> list[TextractBlock]:
    items = [by_id[child_id] for child_id in _child_ids(element) if child_id in by_id]
    return items or [element]


def _line_ids(element: TextractBlock, by_id: Mapping[str, TextractBlock], claimed: set[str]) -> list[str]:
    """The LINE ids under a layout element, depth first; a line goes to the first element claiming it."""
    found: list[str] = []
    pending = list(reversed(_child_ids(element)))
    seen: set[str] = set()
    while pending:
        block_id = pending.pop()
        block = by_id.get(block_id)
        if block is None or block_id in seen:
            continue
        seen.add(block_id)
        if block["BlockType"] == "LINE":
            if block_id not in claimed:
                claimed.add(block_id)
                found.append(block_id)
        elif block["BlockType"] != "WORD":
            pending.extend(reversed(_child_ids(block)))
    return found


def _kind(element: TextractBlock, turns: int) -> BlockKind:
    if element["BlockType"] == "LAYOUT_PAGE_NUMBER":
        box = _box(element, turns)
        return BlockKind.FOOTER if box.top + box.bottom > 1.0 else BlockKind.HEADER
    return LAYOUT_KINDS.get(element["BlockType"], BlockKind.BODY)


def _line(block: TextractBlock, page: int, turns: int, by_id: Mapping[str, TextractBlock]) -> Line:
    box = _box(block, turns)
    words = [
        _word(by_id[child_id], turns)
        for child_id in _child_ids(block)
        if child_id in by_id and by_id[child_id]["BlockType"] == "WORD"
    ]
    if not words:
        words = [Word(text=block.get("Text", ""), box=box, confidence=_confidence(block))]
    return Line(words=words, page=page, box=box)


def _word(block: TextractBlock, turns: int) -> Word:
    return Word(text=block.get("Text", ""), box=_box(block, turns), confidence=_confidence(block))


def _confidence(block: TextractBlock) -> float | None:
    value = block.get("Confidence")
    return None if value is None else min(max(float(value) / 100.0, 0.0), 1.0)


def _child_ids(block: TextractBlock) -> list[str]:
    return [
        child_id
        for relationship in block.get("Relationships", [])
        if relationship.get("Type") == "CHILD"
        for child_id in relationship.get("Ids", [])
    ]


def _box(block: TextractBlock, turns: int) -> Box:
    bounds = block.get("Geometry", {}).get("BoundingBox", {})
    left = _clamp(bounds.get("Left", 0.0))
    top = _clamp(bounds.get("Top", 0.0))
    right = _clamp(left + bounds.get("Width", 0.0))
    bottom = _clamp(top + bounds.get("Height", 0.0))
    return _upright(Box(left, top, right, bottom), turns)


def _clamp(value: float) -> float:
    return min(max(float(value), 0.0), 1.0)


def _quarter_turns(line_blocks: list[TextractBlock]) -> int:
    """How many quarter turns clockwise the page's text runs (0 upright, 1 top to bottom, ...).

    A polygon starts at the text's own top-left corner and goes along the baseline first, so its
    first edge points in the reading direction whatever the page's rotation; most lines decide.
    """
    votes: Counter[int] = Counter()
    for block in line_blocks:
        polygon = block.get("Geometry", {}).get("Polygon", [])
        if len(polygon) >= 2:
            dx = polygon[1]["X"] - polygon[0]["X"]
            dy = polygon[1]["Y"] - polygon[0]["Y"]
            votes[_direction(dx, dy)] += 1
    return votes.most_common(1)[0][0] if votes else 0


def _direction(dx: float, dy: float) -> int:
    if abs(dx) >= abs(dy):
        return 0 if dx >= 0 else 2
    return 1 if dy > 0 else 3  # y grows downwards


def _upright(box: Box, turns: int) -> Box:
    """The box in the frame of a reader who turned the page so its text runs left to right."""
    if turns == 1:
        return Box(box.top, 1.0 - box.right, box.bottom, 1.0 - box.left)
    if turns == 2:
        return Box(1.0 - box.right, 1.0 - box.bottom, 1.0 - box.left, 1.0 - box.top)
    if turns == 3:
        return Box(1.0 - box.bottom, box.left, 1.0 - box.top, box.right)
    return box

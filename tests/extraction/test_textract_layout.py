"""Textract blocks -> layout model, on real Textract responses (tests/extraction/textract_data).

The expected line orders below were read off the responses' LINE geometry by hand.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from resume_parser.extraction.textract_layout import document_from_blocks
from resume_parser.extraction.textract_order import columns_in_reading_order
from resume_parser.layout import BlockKind, Box, Document, Line, Word

DATA = Path(__file__).parent / "textract_data"

MULTICOL_ORDER = [
    "Multi-column test document",
    "A sample document with multiple columns, to test logic for sorting",
    "Textract lines into natural reading order.",
    # left column
    "This section has two columns,",
    "with the intention to read the left",
    "column fully before starting the",
    "right.",
    "The left column contains",
    "multiple paragraphs, with",
    "greater separation than lines",
    "within one paragraph.",
    # right column
    "A horizontally separate right",
    "column.",
    "This column has approximately",
    "equivalent vertical position but",
    "different paragraph breaks.",
    "Correct processing should read",
    "it after the left column's content.",
    # single column again
    "A final footer section restores single-column layout, and should be",
    "read last. In the general sense, text reading order on a page is non-",
    "trivial and sometimes subjective. However, heuristics can give us a",
    "good start.",
]

MULTICOL_2_ORDER = [
    "HEADING OF THE PAGE GOES HERE",
    "Section ID",
    # left column, under its label
    "[ENTER]",
    "Two columns, both alike in",
    "dignity, in fair Verona, where we",
    "lay our sample document.",
    "From ancient grudge break to",
    "new technological advance,",
    "where textual reading order is",
    "preserved.",
    # right column
    "A glooming peace this example",
    "with it brings; The author, for",
    "fear, will not show his head:",
    "Go hence with caution, to test",
    "more sample documents.",
    "For never was a heuristic",
    "infallible, for trying to sort text",
    "In reading order",
    "THE END",
    "Page 1",
]

TWOCOL_LEFT = [
    "When a section of (LTR) text is presented in two",
    "columns, the intended reading order is typically to",
    "complete one column top-to-bottom, before starting to",
    "read the next.",
    "However due to the broad possibilities for laying out",
    "non-conventional documents and the nature of human",
    "visual attention, It's not precise (arguably, not even",
    "possible) to define an exact linear reading order for",
    "words on a richly formatted page.",
    "Depending on the use case, simple heuristics and/or",
    "ML model-based approaches may be appropriate.",
]
TWOCOL_RIGHT = [
    "The Amazon Textract Response Parser aims to",
    "implement useful, generalisable parsing tools on which",
    "further (domain-specific) analyses can be built.",
    "This means it cannot solve for every edge case in",
    "layout analysis",
    "But at least sample documents like these can test some",
    "common, representative structures: Even if creating",
    "requires tackling the difficult task of writing about",
    "nothing in particular for an entire page of content.",
    "The included sample test documents are fully synthetic.",
]


@cache
def _response(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text())
    return data


def blocks_of(name: str) -> list[dict[str, Any]]:
    """A private copy of a fixture's blocks, safe to modify."""
    blocks: list[dict[str, Any]] = copy.deepcopy(_response(name)["Blocks"])
    return blocks


def texts(document: Document) -> list[str]:
    return [line.text for line in document.lines]


def test_two_columns_are_read_column_by_column() -> None:
    document = document_from_blocks(blocks_of("test-multicol-response.json"), "application/pdf")

    assert texts(document) == MULTICOL_ORDER
    assert document.extractor == "textract"
    assert len(document.pages) == 1


def test_columns_under_a_heading_row_and_before_a_closing_row() -> None:
    document = document_from_blocks(blocks_of("test-multicol-response-2.json"), "application/pdf")

    assert texts(document) == MULTICOL_2_ORDER


def test_two_column_section_between_full_width_text() -> None:
    document = document_from_blocks(blocks_of("test-twocol-header-footer-response.json"), "application/pdf")
    order = texts(document)

    start = order.index(TWOCOL_LEFT[0])
    assert order[start : start + len(TWOCOL_LEFT) + len(TWOCOL_RIGHT)] == TWOCOL_LEFT + TWOCOL_RIGHT
    assert order[start - 1].startswith("different subsections of the document")
    assert order[start + len(TWOCOL_LEFT) + len(TWOCOL_RIGHT)].startswith("After a two-column section")
    assert order[:2] == ["Left-aligned header", "right-aligned header"]
    assert order[-1] == "footer content"


def test_blocks_record_their_column_and_break_at_paragraph_gaps() -> None:
    document = document_from_blocks(blocks_of("test-multicol-response.json"), "application/pdf")
    blocks = document.pages[0].blocks

    columns = {block.lines[0].text: block.column for block in blocks}
    assert columns["This section has two columns,"] == 0
    assert columns["A horizontally separate right"] == 1
    assert columns["A final footer section restores single-column layout, and should be"] == 0
    # The left column has two paragraphs; the larger gap before the second one splits them.
    assert [block.lines[0].text for block in blocks if block.column == 0][2:4] == [
        "This section has two columns,",
        "The left column contains",
    ]
    assert all(block.kind == BlockKind.BODY for block in blocks)


def test_words_carry_boxes_and_confidence_from_textract() -> None:
    raw = blocks_of("test-multicol-response.json")
    first_word = next(block for block in raw if block["BlockType"] == "WORD")
    document = document_from_blocks(raw, "application/pdf")

    title = document.lines[0]
    assert [word.text for word in title.words] == ["Multi-column", "test", "document"]
    word = title.words[0]
    assert word.text == first_word["Text"]
    assert word.confidence == pytest.approx(first_word["Confidence"] / 100)
    bounds = first_word["Geometry"]["BoundingBox"]
    assert word.box.left == pytest.approx(bounds["Left"])
    assert word.box.bottom == pytest.approx(bounds["Top"] + bounds["Height"])
    for line in document.lines:
        assert line.page == 1
        for w in line.words:
            assert line.box.left - 0.01 <= w.box.left <= w.box.right <= line.box.right + 0.01


def test_page_rotated_by_90_degrees_is_read_upright() -> None:
    document = document_from_blocks(blocks_of("gib__90_degrees.json"), "image/png")
    order = texts(document)

    assert len(order) == 65
    # In the upright page the first table reads row by row: 1.1.x, then 1.2.x.
    assert order.index("Value 1.1.1") < order.index("Value 1.1.2") < order.index("Value 1.1.3")
    assert order.index("Value 1.1.3") < order.index("Value 1.2.1") < order.index("Value 1.3.3")
    for line in document.lines:
        assert 0.0 <= line.box.left <= line.box.right <= 1.0
        assert 0.0 <= line.box.top <= line.box.bottom <= 1.0
    upright = sum(1 for line in document.lines if line.box.width > line.box.height)
    assert upright > 0.9 * len(order)


def _rotate_point(x: float, y: float, quarter_turns: int) -> tuple[float, float]:
    """Where a point of the upright page lands when the page is turned clockwise."""
    for _ in range(quarter_turns):
        x, y = 1.0 - y, x
    return x, y


def _rotated(blocks: list[dict[str, Any]], quarter_turns: int) -> list[dict[str, Any]]:
    for block in blocks:
        geometry = block.get("Geometry")
        if not geometry:
            continue
        points = [_rotate_point(p["X"], p["Y"], quarter_turns) for p in geometry["Polygon"]]
        geometry["Polygon"] = [{"X": x, "Y": y} for x, y in points]
        xs, ys = [x for x, _ in points], [y for _, y in points]
        geometry["BoundingBox"] = {
            "Left": min(xs),
            "Top": min(ys),
            "Width": max(xs) - min(xs),
            "Height": max(ys) - min(ys),
        }
    return blocks


@pytest.mark.parametrize("quarter_turns", [1, 2, 3])
def test_a_turned_page_reads_like_the_upright_one(quarter_turns: int) -> None:
    turned = _rotated(blocks_of("test-multicol-response.json"), quarter_turns)
    document = document_from_blocks(turned, "image/png")

    assert texts(document) == MULTICOL_ORDER
    title = document.lines[0].box
    assert title.width > title.height


# --- LAYOUT blocks -------------------------------------------------------------------------------


def _layout(block_type: str, child_ids: list[str], top: float = 0.5) -> dict[str, Any]:
    return {
        "BlockType": block_type,
        "Id": f"{block_type.lower()}-{len(child_ids)}-{child_ids[0] if child_ids else 'empty'}",
        "Page": 1,
        "Confidence": 90.0,
        "Geometry": {"BoundingBox": {"Left": 0.1, "Top": top, "Width": 0.8, "Height": 0.02}},
        "Relationships": [{"Type": "CHILD", "Ids": child_ids}] if child_ids else [],
    }


def _line_ids(blocks: list[dict[str, Any]], predicate: Any) -> list[str]:
    """Ids of LINE blocks, in the response's own order, whose bounding box satisfies the predicate."""
    return [
        block["Id"]
        for block in blocks
        if block["BlockType"] == "LINE" and predicate(block["Geometry"]["BoundingBox"], block["Text"])
    ]


def _with_layout() -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """The two-column page with LAYOUT blocks as Textract would return them, derived from its real lines."""
    blocks = blocks_of("test-twocol-header-footer-response.json")
    groups = {
        "header": _line_ids(blocks, lambda box, _: box["Top"] < 0.1),
        "page_number": _line_ids(blocks, lambda _, text: text == "Page of 1"),
        "footer": _line_ids(blocks, lambda box, text: box["Top"] > 0.9 and text != "Page of 1"),
        "left": _line_ids(blocks, lambda box, _: 0.3 < box["Top"] < 0.48 and box["Left"] < 0.5),
        "right": _line_ids(blocks, lambda box, _: 0.3 < box["Top"] < 0.48 and box["Left"] > 0.5),
        "intro": _line_ids(blocks, lambda box, _: 0.1 < box["Top"] < 0.3),
        "rest": _line_ids(blocks, lambda box, _: 0.48 < box["Top"] < 0.9),
    }
    layout = [
        _layout("LAYOUT_HEADER", groups["header"], top=0.06),
        _layout("LAYOUT_TEXT", groups["intro"]),
        _layout("LAYOUT_TEXT", groups["left"]),
        _layout("LAYOUT_TEXT", groups["right"]),
        _layout("LAYOUT_TEXT", groups["rest"]),
        _layout("LAYOUT_FOOTER", groups["footer"], top=0.92),
        _layout("LAYOUT_PAGE_NUMBER", groups["page_number"], top=0.92),
    ]
    return blocks + layout, groups


def _text_by_id(blocks: list[dict[str, Any]]) -> dict[str, str]:
    return {block["Id"]: block["Text"] for block in blocks if block["BlockType"] == "LINE"}


def test_layout_blocks_give_kinds_and_reading_order() -> None:
    blocks, groups = _with_layout()
    text_of = _text_by_id(blocks)
    document = document_from_blocks(blocks, "application/pdf")
    page_blocks = document.pages[0].blocks

    assert [block.kind for block in page_blocks] == [
        BlockKind.HEADER,
        BlockKind.BODY,
        BlockKind.BODY,
        BlockKind.BODY,
        BlockKind.BODY,
        BlockKind.FOOTER,
        BlockKind.FOOTER,  # a page number at the bottom is footer furniture
    ]
    assert [line.text for line in page_blocks[0].lines] == [text_of[i] for i in groups["header"]]
    assert [line.text for line in page_blocks[2].lines] == TWOCOL_LEFT
    assert [line.text for line in page_blocks[3].lines] == TWOCOL_RIGHT
    assert [line.text for line in page_blocks[-1].lines] == ["Page of 1"]
    assert len(document.lines) == len(text_of)


def test_layout_order_wins_over_geometry() -> None:
    blocks, groups = _with_layout()
    text_of = _text_by_id(blocks)
    layout = [block for block in blocks if block["BlockType"].startswith("LAYOUT_")]
    right, left = layout[3], layout[2]
    layout[2], layout[3] = right, left  # as Textract would list a right-to-left page
    others = [block for block in blocks if not block["BlockType"].startswith("LAYOUT_")]

    document = document_from_blocks(others + layout, "application/pdf")

    assert [line.text for line in document.pages[0].blocks[2].lines] == TWOCOL_RIGHT
    assert [line.text for line in document.pages[0].blocks[3].lines] == TWOCOL_LEFT
    assert [line.text for line in document.pages[0].blocks[0].lines] == [text_of[i] for i in groups["header"]]


def test_lists_tables_and_unclaimed_lines() -> None:
    blocks, groups = _with_layout()
    text_of = _text_by_id(blocks)
    rest = groups["rest"]
    items = [_layout("LAYOUT_TEXT", rest[0:2]), _layout("LAYOUT_TEXT", rest[2:4])]
    layout = [
        _layout("LAYOUT_TABLE", groups["left"]),
        _layout("LAYOUT_LIST", [item["Id"] for item in items]),
        *items,  # Textract lists a list's items after the list itself
        _layout("LAYOUT_FIGURE", []),
        _layout("LAYOUT_TEXT", groups["right"]),
    ]
    others = [block for block in blocks if not block["BlockType"].startswith("LAYOUT_")]

    page_blocks = document_from_blocks(others + layout, "application/pdf").pages[0].blocks

    assert page_blocks[0].kind == BlockKind.TABLE
    assert [line.text for line in page_blocks[0].lines] == TWOCOL_LEFT
    # each list item is a block of its own, read once
    assert [[line.text for line in block.lines] for block in page_blocks[1:3]] == [
        [text_of[i] for i in rest[0:2]],
        [text_of[i] for i in rest[2:4]],
    ]
    assert [line.text for line in page_blocks[3].lines] == TWOCOL_RIGHT
    # lines no layout element claimed follow, in geometric order: the header first
    leftovers = [line.text for block in page_blocks[4:] for line in block.lines]
    assert leftovers[0] == "Left-aligned header"
    assert leftovers[-1] == "footer content"
    assert len(leftovers) == len(text_of) - 4 - len(groups["left"]) - len(groups["right"])


def test_blocks_of_several_pages_are_grouped_by_page() -> None:
    first = blocks_of("test-multicol-response.json")
    second = blocks_of("test-multicol-response-2.json")
    for block in second:
        block["Page"] = 2

    document = document_from_blocks(first + second, "application/pdf")

    assert [page.number for page in document.pages] == [1, 2]
    assert [line.text for line in document.pages[0].lines] == MULTICOL_ORDER
    assert [line.text for line in document.pages[1].lines] == MULTICOL_2_ORDER
    assert {line.page for line in document.pages[1].lines} == {2}


# --- the ordering rules on their own ---------------------------------------------------------------


def _line(text: str, left: float, top: float, right: float, height: float = 0.015) -> Line:
    box = Box(left, top, right, top + height)
    return Line(words=[Word(text, box)], box=box)


def test_right_aligned_dates_stay_on_their_row() -> None:
    lines = [_line("Senior Engineer", 0.1, 0.10, 0.4), _line("2019 - 2021", 0.8, 0.10, 0.9)]
    lines += [_line(f"first job bullet {i}", 0.12, 0.12 + 0.02 * i, 0.6) for i in range(1, 5)]
    lines += [_line("Engineer", 0.1, 0.22, 0.3), _line("2016 - 2019", 0.8, 0.22, 0.9)]
    lines += [_line(f"second job bullet {i}", 0.12, 0.22 + 0.02 * i, 0.6) for i in range(1, 5)]

    runs = columns_in_reading_order(list(reversed(lines)))

    order = [line.text for run in runs for line in run.lines]
    assert order[:3] == ["Senior Engineer", "2019 - 2021", "first job bullet 1"]
    assert order[6:9] == ["Engineer", "2016 - 2019", "second job bullet 1"]


def test_a_sidebar_is_read_before_the_main_column() -> None:
    sidebar = [_line(f"skill {i}", 0.05, 0.13 + 0.04 * i, 0.25) for i in range(5)]
    main = [_line(f"main text {i}", 0.35, 0.1 + 0.02 * i, 0.95) for i in range(12)]
    name = _line("Full Width Name Banner", 0.05, 0.03, 0.95)

    runs = columns_in_reading_order([*main, *sidebar, name])

    assert [line.text for line in runs[0].lines] == ["Full Width Name Banner"]
    assert [line.text for line in runs[1].lines] == [f"skill {i}" for i in range(5)]
    assert [line.text for line in runs[2].lines] == [f"main text {i}" for i in range(12)]
    assert [run.column for run in runs] == [0, 0, 1]

"""Reading order from geometry: page headers and footers, page numbers and running headers set
apart, the body regrouped into columns, and section titles set in a left margin cut off their rows.
Nothing here decides what a line means; that is the segmentation model's job (cascade/).
"""

from __future__ import annotations

from dataclasses import dataclass

from resume_parser.grouping.columns import read_columns
from resume_parser.grouping.furniture import is_page_number, running_headers
from resume_parser.grouping.margin_titles import opens_beside, split_margin_titles
from resume_parser.layout import Block, BlockKind, Document, Line, Page

_MARGIN_KINDS = (BlockKind.HEADER, BlockKind.FOOTER)


@dataclass(frozen=True, slots=True)
class ReadLine:
    """A line in reading order, whether it comes from a page header or footer, and whether it is a
    section title found by its place."""

    line: Line
    margin: bool = False
    title: bool = False  # a section title already told apart by its place (set in a left margin)


def read_lines(document: Document) -> tuple[Document, list[ReadLine]]:
    """The document with its pages in reading order, and its lines as read: page headers and
    footers flagged, margin titles cut off their rows."""
    first_page = _body_fragments(document.pages[0]) if document.pages else []
    pages = [_ordered_page(page, first_page) for page in document.pages]
    ordered = Document(pages, document.media_type, document.extractor, warnings=document.warnings)
    lines: list[ReadLine] = []
    for page in pages:
        body = [line for block in page.blocks if block.kind not in _MARGIN_KINDS for line in block.lines]
        read: list[ReadLine] = []
        titles: list[Line] = []
        for block in page.blocks:
            if block.kind in _MARGIN_KINDS:
                read += [ReadLine(line, margin=True) for line in block.lines]
            else:
                split, found = split_margin_titles(block.lines, body)
                read += [ReadLine(line, title=any(line is t for t in found)) for line in split]
                titles += found
        lines += titles_moved_up(read)
    return ordered, lines


def titles_moved_up(lines: list[ReadLine]) -> list[ReadLine]:
    """The lines with each margin title read before the body line above its row when that line
    opens the title's section (see opens_beside)."""
    result = list(lines)
    for at in range(1, len(result) - 1):
        title, previous, rest = result[at], result[at - 1], result[at + 1]
        if not title.title or previous.margin or previous.title:
            continue
        above = [read.line for read in result[: at - 1] if not read.margin]
        if opens_beside(title.line, previous.line, rest.line, above):
            result[at - 1], result[at] = title, previous
    return result


def _ordered_page(page: Page, first_page: list[Line]) -> Page:
    """The page with its body lines regrouped into columns in reading order.

    A page without physical geometry (width 0: text, DOCX, HTML) is already in reading order, and
    page headers and footers keep their blocks. On a PDF page, page numbers and running headers
    found by position become header and footer blocks.
    """
    if page.width <= 0:
        return page
    margins_top = [block for block in page.blocks if block.kind == BlockKind.HEADER]
    margins_bottom = [block for block in page.blocks if block.kind == BlockKind.FOOTER]
    fragments = _body_fragments(page)
    furniture = [line for line in fragments if is_page_number(line)]
    if page.number > 1:
        furniture += running_headers(fragments, first_page)
    if furniture:
        fragments = [line for line in fragments if not any(line is f for f in furniture)]
        margins_top.append(Block([f for f in furniture if f.box.top < 0.5], kind=BlockKind.HEADER))
        margins_bottom.append(Block([f for f in furniture if f.box.top >= 0.5], kind=BlockKind.FOOTER))
    columns = [Block(lines=column, column=index) for index, column in enumerate(read_columns(fragments))]
    return Page(
        number=page.number,
        width=page.width,
        height=page.height,
        blocks=[b for b in margins_top if b.lines] + columns + [b for b in margins_bottom if b.lines],
        pictures=page.pictures,
    )


def _body_fragments(page: Page) -> list[Line]:
    return [line for block in page.blocks if block.kind not in _MARGIN_KINDS for line in block.lines]

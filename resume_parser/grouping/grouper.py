"""The grouping stage: reading order by columns, merged lines, and sections."""

from __future__ import annotations

from resume_parser.grouping.columns import read_columns
from resume_parser.grouping.furniture import is_page_number, running_headers
from resume_parser.grouping.margin_titles import split_margin_titles
from resume_parser.grouping.sections import ReadLine, segment
from resume_parser.layout import Block, BlockKind, Document, GroupedDocument, Line, Page

_MARGIN_KINDS = (BlockKind.HEADER, BlockKind.FOOTER)


class LayoutGrouper:
    """Grouper Protocol implementation working from geometry and typography alone."""

    def group(self, document: Document) -> GroupedDocument:
        first_page = _body_fragments(document.pages[0]) if document.pages else []
        pages = [_ordered_page(page, first_page) for page in document.pages]
        ordered = Document(pages, document.media_type, document.extractor, warnings=document.warnings)
        lines: list[ReadLine] = []
        for block in (block for page in pages for block in page.blocks):
            if block.kind in _MARGIN_KINDS:
                lines += [ReadLine(line, margin=True) for line in block.lines]
            else:
                split, titles = split_margin_titles(block.lines)
                lines += [ReadLine(line, title=any(line is t for t in titles)) for line in split]
        return GroupedDocument(document=ordered, sections=segment(lines))


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
    )


def _body_fragments(page: Page) -> list[Line]:
    return [line for block in page.blocks if block.kind not in _MARGIN_KINDS for line in block.lines]

"""The grouping stage: reading order by columns, merged lines, and sections."""

from __future__ import annotations

from resume_parser.grouping.columns import read_columns
from resume_parser.grouping.sections import ReadLine, segment
from resume_parser.layout import Block, BlockKind, Document, GroupedDocument, Page

_MARGIN_KINDS = (BlockKind.HEADER, BlockKind.FOOTER)


class LayoutGrouper:
    """Grouper Protocol implementation working from geometry and typography alone."""

    def group(self, document: Document) -> GroupedDocument:
        pages = [_ordered_page(page) for page in document.pages]
        ordered = Document(pages, document.media_type, document.extractor, warnings=document.warnings)
        lines = [
            ReadLine(line, margin=block.kind in _MARGIN_KINDS)
            for page in pages
            for block in page.blocks
            for line in block.lines
        ]
        return GroupedDocument(document=ordered, sections=segment(lines))


def _ordered_page(page: Page) -> Page:
    """The page with its body lines regrouped into columns in reading order.

    A page without physical geometry (width 0: text, DOCX, HTML) is already in reading order, and
    page headers and footers keep their blocks.
    """
    if page.width <= 0:
        return page
    margins_top = [block for block in page.blocks if block.kind == BlockKind.HEADER]
    margins_bottom = [block for block in page.blocks if block.kind == BlockKind.FOOTER]
    fragments = [line for block in page.blocks if block.kind not in _MARGIN_KINDS for line in block.lines]
    columns = [Block(lines=column, column=index) for index, column in enumerate(read_columns(fragments))]
    return Page(
        number=page.number,
        width=page.width,
        height=page.height,
        blocks=margins_top + columns + margins_bottom,
    )

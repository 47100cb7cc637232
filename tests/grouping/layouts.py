"""Hand-placed fragments for grouping tests: text at a position, in page coordinates (0..1)."""

from __future__ import annotations

from resume_parser.grouping.reading_order import read_lines
from resume_parser.grouping.sections import segment
from resume_parser.layout import Block, Box, Document, GroupedDocument, Line, Page, Word

PAGE_HEIGHT_POINTS = 842.0


def fragment(
    text: str, left: float, top: float, *, size: float = 10.0, bold: bool = False, page: int = 1
) -> Line:
    """A fragment whose words are laid out like Helvetica at `size` points on an A4 page."""
    height = size * 1.2 / PAGE_HEIGHT_POINTS
    char_width = size * 0.5 / 595
    words, x = [], left
    for token in text.split():
        box = Box(x, top, x + len(token) * char_width, top + height)
        words.append(Word(text=token, box=box, font_size=size, bold=bold))
        x = box.right + char_width
    return Line(words=words, page=page, box=Box.enclosing([w.box for w in words]))


def rows(texts: list[str], left: float, top: float, *, size: float = 10.0, pitch: float = 1.4) -> list[Line]:
    """Fragments one under the other, `pitch` font sizes apart; an empty text leaves its row empty."""
    step = size * pitch / PAGE_HEIGHT_POINTS
    return [fragment(text, left, top + index * step, size=size) for index, text in enumerate(texts) if text]


def document(*fragments: Line) -> Document:
    return Document(
        pages=[Page(1, 595.0, 842.0, [Block(list(fragments))])],
        media_type="application/pdf",
        extractor="test",
    )


def rule_sections(document: Document) -> GroupedDocument:
    """The hand-written segmentation rules, which the segmentation model reads as features."""
    ordered, lines = read_lines(document)
    return GroupedDocument(document=ordered, sections=segment(lines))

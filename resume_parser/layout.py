"""The layout model every extractor produces and the grouping and normalizer stages consume.

Pages -> blocks -> lines -> words, in explicit reading order. Coordinates are page-relative
(0..1, origin top-left) so PDF points, DOCX flow positions, OCR pixels and Textract ratios all
look the same downstream; nothing after extraction knows which extractor ran.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in page coordinates (0..1, origin top-left)."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def union(self, other: Box) -> Box:
        return Box(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )

    @staticmethod
    def enclosing(boxes: list[Box]) -> Box:
        left = min(b.left for b in boxes)
        top = min(b.top for b in boxes)
        right = max(b.right for b in boxes)
        bottom = max(b.bottom for b in boxes)
        return Box(left, top, right, bottom)


UNKNOWN_BOX = Box(0.0, 0.0, 0.0, 0.0)


@dataclass(slots=True)
class Word:
    """A run of characters without a space; typography where the source gives it."""

    text: str
    box: Box = UNKNOWN_BOX
    font_size: float | None = None
    bold: bool = False
    italic: bool = False
    confidence: float | None = None
    # Where a hyperlink over the word points ("https://github.com/jdoe", "mailto:…"), if any.
    link: str | None = None


@dataclass(slots=True)
class Line:
    """Words on one baseline, in reading order."""

    words: list[Word]
    page: int = 1
    box: Box = UNKNOWN_BOX

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def font_size(self) -> float | None:
        sizes = [w.font_size for w in self.words if w.font_size]
        return max(sizes) if sizes else None

    @property
    def bold(self) -> bool:
        """True when most of the line's characters are bold."""
        total = sum(len(w.text) for w in self.words)
        bold = sum(len(w.text) for w in self.words if w.bold)
        return total > 0 and bold * 2 > total


class BlockKind(StrEnum):
    BODY = "body"
    HEADER = "header"  # page header (DOCX header part, Textract LAYOUT_HEADER)
    FOOTER = "footer"
    TABLE = "table"


@dataclass(slots=True)
class Block:
    """Lines that belong together: a paragraph, a column fragment, a table cell."""

    lines: list[Line]
    kind: BlockKind = BlockKind.BODY
    column: int = 0

    @property
    def box(self) -> Box:
        known = [line.box for line in self.lines if line.box != UNKNOWN_BOX]
        return Box.enclosing(known) if known else UNKNOWN_BOX


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    width: float  # in points (1/72 inch) where known, else 0
    height: float
    blocks: list[Block] = field(default_factory=list)
    # Where the page shows pictures: photos, QR codes, logos (not backgrounds, not icons). Known
    # for PDF pages; empty for other sources and for scans, whose page is one image.
    pictures: list[Box] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return [line for block in self.blocks for line in block.lines]


@dataclass(slots=True)
class Document:
    """An extracted document: pages in order, blocks in reading order."""

    pages: list[Page]
    media_type: str
    extractor: str  # "pdfium", "ocr", "docx", "libreoffice+docx", "text", "html", "textract"
    # Why the text may be incomplete (e.g. pages Textract could not analyse); no personal data.
    warnings: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class SectionKind(StrEnum):
    HEADER = "header"  # the lines before the first heading: name, headline, contact
    CONTACT = "contact"
    SUMMARY = "summary"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    SKILLS = "skills"
    LANGUAGES = "languages"
    CERTIFICATES = "certificates"
    PROJECTS = "projects"
    INTERESTS = "interests"
    REFERENCES = "references"
    OTHER = "other"  # a heading we could not classify


@dataclass(slots=True)
class Section:
    kind: SectionKind
    heading: Line | None
    lines: list[Line]


@dataclass(slots=True)
class GroupedDocument:
    """The output of the grouping stage: the layout plus its sections in reading order."""

    document: Document
    sections: list[Section]

    def of_kind(self, kind: SectionKind) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]

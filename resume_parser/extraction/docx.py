"""DOCX resumes with python-docx: body paragraphs and tables in document order, text boxes, and the
page header and footer (where many templates put the contact details). Runs a reader cannot see
(hidden, microscopic, white on white) are left out; see docxvisibility.py.

Templates (DOTX) and macro-enabled files (DOCM, DOTM) are the same WordprocessingML under another
content type for the main part, and are read the same way. A DOCM's macros (word/vbaProject.bin)
stay an opaque part that nothing reads: python-docx has no VBA engine, so they never run."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from docx.document import Document as DocxDocument
from docx.opc.part import PartFactory
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement as _Element
from docx.package import Package
from docx.parts.document import DocumentPart
from docx.shared import Length
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from resume_parser.errors import CorruptDocumentError, DocumentLimitError, EmptyDocumentError
from resume_parser.extraction.docxvisibility import RunVisibility
from resume_parser.extraction.filetype import DOCX
from resume_parser.extraction.flow import FlowBlock, Span, flow_document
from resume_parser.extraction.limits import DEFAULT_LIMITS, ExtractionLimits
from resume_parser.layout import BlockKind, Document

MAX_ZIP_ENTRIES = 5_000
# python-docx maps only the DOCX main part to its document class; the other three are the same XML.
for _main_part_type in (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
):
    PartFactory.part_type_for[_main_part_type] = DocumentPart

_PARAGRAPH = qn("w:p")
_TABLE = qn("w:tbl")
_ROW = qn("w:tr")
_CELL = qn("w:tc")
_RUN = qn("w:r")
_TEXT_BOX = qn("w:txbxContent")
_HYPERLINK = qn("w:hyperlink")
_RELATIONSHIP_ID = qn("r:id")
_PARAGRAPH_PROPERTIES = qn("w:pPr")
_OUTLINE_LEVEL = qn("w:outlineLvl")
_VALUE = qn("w:val")
BODY_TEXT_LEVEL = "9"  # outline level 9 is body text, not a heading
MAX_LINK_CHARACTERS = 2048
# Word stores a text box twice: a DrawingML version and a VML fallback; read only the first.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def extract_docx(
    data: bytes, limits: ExtractionLimits = DEFAULT_LIMITS, *, media_type: str = DOCX, extractor: str = "docx"
) -> Document:
    """The layout of a WordprocessingML file; `media_type` and `extractor` label the result (a DOC
    that LibreOffice converted is still a DOC)."""
    check_zip_limits(data, limits)
    try:
        document = _open(data)
    except MemoryError:
        raise  # over the parser's memory cap: a limit, not damage
    except Exception as error:
        # A damaged package fails in python-docx, zipfile or lxml, each with its own exceptions
        # (PackageNotFoundError, KeyError, BadZipFile, XMLSyntaxError...): all mean the same here.
        raise CorruptDocumentError("the Word document is damaged") from error
    visibility = RunVisibility(document)
    blocks = [*_header_footer_blocks(document, visibility, footer=False), *_body_blocks(document, visibility)]
    blocks += _header_footer_blocks(document, visibility, footer=True)
    if not any(block.lines for block in blocks):
        raise EmptyDocumentError("the Word document contains no text")
    return flow_document(blocks, media_type=media_type, extractor=extractor)


def _open(data: bytes) -> DocxDocument:
    """docx.Document(), without its refusal of every main part that is not a DOCX's."""
    part = Package.open(io.BytesIO(data)).main_document_part
    if not isinstance(part, DocumentPart):
        raise ValueError("the package's main part is not a Word document")
    document: DocxDocument = part.document
    return document


def check_zip_limits(data: bytes, limits: ExtractionLimits) -> None:
    """Reject a zip bomb from its central directory, before anything is decompressed.

    zipfile never inflates a member past its declared size, so the declared sizes are a real bound.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise CorruptDocumentError("the ZIP container is damaged") from error
    if len(members) > MAX_ZIP_ENTRIES:
        raise DocumentLimitError(f"the document has more than {MAX_ZIP_ENTRIES} parts")
    declared = sum(member.file_size for member in members)
    if declared > limits.max_decompressed_bytes:
        limit = limits.max_decompressed_bytes
        raise DocumentLimitError(f"the document decompresses to {declared} bytes, over the limit of {limit}")


def _body_blocks(document: DocxDocument, visibility: RunVisibility) -> list[FlowBlock]:
    blocks: list[FlowBlock] = []
    for element in document.element.body.iterchildren():
        blocks += _element_blocks(element, document, BlockKind.BODY, visibility)
    return blocks


def _header_footer_blocks(
    document: DocxDocument, visibility: RunVisibility, *, footer: bool
) -> list[FlowBlock]:
    kind = BlockKind.FOOTER if footer else BlockKind.HEADER
    blocks: list[FlowBlock] = []
    seen: set[int] = set()
    for section in document.sections:
        parts = (
            (section.first_page_footer, section.footer)
            if footer
            else (section.first_page_header, section.header)
        )
        for part in parts:
            if part.is_linked_to_previous:
                continue
            element = part._element
            if id(element) in seen:
                continue
            seen.add(id(element))
            for child in element.iterchildren():
                blocks += _element_blocks(child, part, kind, visibility)
    return blocks


def _element_blocks(
    element: _Element, parent: object, kind: BlockKind, visibility: RunVisibility
) -> list[FlowBlock]:
    if element.tag == _PARAGRAPH:
        paragraph = Paragraph(element, parent)  # type: ignore[arg-type]
        block = FlowBlock(_paragraph_lines(paragraph, visibility), kind=kind, gap_before=0)
        return [block, *_text_box_blocks(element, parent, kind, visibility)]
    if element.tag == _TABLE:
        return _table_blocks(element, parent, kind, visibility)
    return []


def _table_blocks(
    table: _Element, parent: object, kind: BlockKind, visibility: RunVisibility
) -> list[FlowBlock]:
    """Row by row, cell by cell: a date cell is read just before the entry it dates."""
    blocks: list[FlowBlock] = []
    table_kind = BlockKind.TABLE if kind == BlockKind.BODY else kind
    for row in table.iterchildren(_ROW):
        for cell in row.iterchildren(_CELL):
            for child in cell.iterchildren():
                blocks += _element_blocks(child, parent, table_kind, visibility)
    return blocks


def _text_box_blocks(
    paragraph: _Element, parent: object, kind: BlockKind, visibility: RunVisibility
) -> list[FlowBlock]:
    blocks: list[FlowBlock] = []
    for box in paragraph.iter(_TEXT_BOX):
        if any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors()):
            continue
        for child in box.iterchildren():
            blocks += _element_blocks(child, parent, kind, visibility)
    return blocks


def _paragraph_lines(paragraph: Paragraph, visibility: RunVisibility) -> list[list[Span]]:
    """A paragraph's visible runs as spans; a manual line break starts a new line, a tab stays in it."""
    lines: list[list[Span]] = [[]]
    style_bold, style_size = _style_font(paragraph.style)
    if style_bold is None and _is_heading(paragraph):
        style_bold = True
    for run in _runs(paragraph):
        if not visibility.shows(run._r, paragraph._p):
            continue
        bold = run.bold if run.bold is not None else style_bold
        size = _points(run.font.size) or style_size
        link = _hyperlink_target(run._r, paragraph)
        for index, piece in enumerate(run.text.split("\n")):
            if index:
                lines.append([])
            if piece:
                lines[-1].append(Span(piece, bool(bold), bool(run.italic), size, link))
    return [line for line in lines if line]


def _runs(paragraph: Paragraph) -> Iterator[Run]:
    """Every run, including those inside hyperlinks and tracked insertions, but not in text boxes."""
    for element in paragraph._p.iter(_RUN):
        if not _in_text_box(element, paragraph._p):
            yield Run(element, paragraph)


def _hyperlink_target(element: _Element, paragraph: Paragraph) -> str | None:
    """The external address of the hyperlink a run lies in (its relationship's target), if any."""
    for ancestor in element.iterancestors(_HYPERLINK):
        relationship = paragraph.part.rels.get(ancestor.get(_RELATIONSHIP_ID) or "")
        if relationship is not None and relationship.is_external:
            return str(relationship.target_ref)[:MAX_LINK_CHARACTERS]
        return None
    return None


def _in_text_box(element: _Element, paragraph: _Element) -> bool:
    """Whether a text box lies between the element and its paragraph."""
    for ancestor in element.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag == _TEXT_BOX:
            return True
    return False


def _style_font(style: object) -> tuple[bool | None, float | None]:
    """Bold and size a paragraph style gives its runs, following its base styles."""
    bold: bool | None = None
    size: float | None = None
    current = style if isinstance(style, ParagraphStyle) else None
    while current is not None and (bold is None or size is None):
        if bold is None:
            bold = current.font.bold
        if size is None:
            size = _points(current.font.size)
        current = current.base_style
    return bold, size


def _is_heading(paragraph: Paragraph) -> bool:
    """A paragraph with an outline level (Word's headings, the navigation pane's entries), set
    directly or by its style. Word shows a heading in the theme's heading font and colour, which
    the layout cannot say; a template may set neither size nor weight ("Heading 1" with only a
    colour and a border). Its emphasis is kept as bold, as a reader sees it set apart."""
    elements = [paragraph._p]
    style = paragraph.style if isinstance(paragraph.style, ParagraphStyle) else None
    while style is not None:
        elements.append(style.element)
        style = style.base_style
    for element in elements:
        level = element.find(f"{_PARAGRAPH_PROPERTIES}/{_OUTLINE_LEVEL}")
        if level is not None:
            value: str | None = level.get(_VALUE)
            return value != BODY_TEXT_LEVEL
    return False


def _points(length: Length | None) -> float | None:
    return length.pt if length is not None else None

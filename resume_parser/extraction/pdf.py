"""PDF resumes with PDFium (pypdfium2): the text layer where there is one, OCR where there is not.

Limits are checked from the document's cross-reference data before any page is parsed: the page
count, and each page's size, which PDFium reads without loading the page.
"""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from resume_parser.errors import (
    CorruptDocumentError,
    DocumentLimitError,
    EmptyDocumentError,
    EncryptedDocumentError,
)
from resume_parser.extraction.filetype import PDF
from resume_parser.extraction.limits import DEFAULT_LIMITS, ExtractionLimits
from resume_parser.extraction.pdfpictures import picture_boxes
from resume_parser.extraction.pdfrender import check_render_cost, render_page, too_many_objects
from resume_parser.extraction.pdftext import text_layer_lines
from resume_parser.layout import Block, Document, Line, Page

# OCR reads a page image; it returns the page's lines (page-relative boxes) for a 1-based page number.
PageOcr = Callable[[Image.Image, int], list[Line]]

# A page with fewer letters and digits than this in its text layer is treated as a scan.
MIN_TEXT_LAYER_CHARS = 20
OCR_DPI = 150


def extract_pdf(
    data: bytes, limits: ExtractionLimits = DEFAULT_LIMITS, ocr: PageOcr | None = None
) -> Document:
    """The layout of a PDF; pages without a usable text layer go to `ocr` when one is given."""
    pdf = _open(data)
    try:
        _check_limits(pdf, limits)
        pages: list[Page] = []
        ocr_pages = 0
        for index in range(len(pdf)):
            page, used_ocr = _read_page(pdf, index, limits, ocr)
            pages.append(page)
            ocr_pages += used_ocr
    finally:
        pdf.close()
    if not any(page.blocks for page in pages):
        raise EmptyDocumentError(
            "the PDF contains no text" + ("" if ocr else " layer (scanned pages need OCR)")
        )
    extractor = "pdfium" if ocr_pages == 0 else "ocr" if ocr_pages == len(pages) else "pdfium+ocr"
    return Document(pages=pages, media_type=PDF, extractor=extractor)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedDocumentError("the PDF is protected by a password") from error
        raise CorruptDocumentError("the PDF is damaged and cannot be opened") from error


def _check_limits(pdf: pdfium.PdfDocument, limits: ExtractionLimits) -> None:
    count = len(pdf)
    if count == 0:
        raise CorruptDocumentError("the PDF has no pages")
    if count > limits.max_pages:
        raise DocumentLimitError(f"the PDF has {count} pages, over the limit of {limits.max_pages}")
    for index in range(count):
        width, height = pdf.get_page_size(index)
        if not (0 < width <= limits.max_page_points and 0 < height <= limits.max_page_points):
            raise DocumentLimitError(
                f"page {index + 1} has an unsupported size ({width:.0f} x {height:.0f} points)"
            )


def _read_page(
    pdf: pdfium.PdfDocument, index: int, limits: ExtractionLimits, ocr: PageOcr | None
) -> tuple[Page, bool]:
    try:
        page = pdf[index]
    except pdfium.PdfiumError as error:
        raise CorruptDocumentError(f"page {index + 1} of the PDF is damaged") from error
    try:
        width, height = page.get_size()
        lines = text_layer_lines(page, index + 1, limits)
        pictures = [] if too_many_objects(page, limits.max_page_objects) else picture_boxes(page, lines)
        used_ocr = ocr is not None and not has_usable_text(lines)
        if used_ocr:
            assert ocr is not None
            check_render_cost(page, index + 1, limits)
            lines = ocr(render_page(page, OCR_DPI, limits, grayscale=True), index + 1)
    finally:
        page.close()
    blocks = [Block(lines)] if lines else []
    page_layout = Page(number=index + 1, width=width, height=height, blocks=blocks, pictures=pictures)
    return page_layout, used_ocr


def has_usable_text(lines: list[Line]) -> bool:
    count = 0
    for line in lines:
        for word in line.words:
            count += sum(map(str.isalnum, word.text))
            if count >= MIN_TEXT_LAYER_CHARS:
                return True
    return False

"""The redaction of one document, from the stored file and its parsed resume to the redacted PDF.

Run in a parser child process (extraction/isolation.py): it reads the untrusted file with PDFium,
LibreOffice and the image decoders, under the same deadline and memory cap as parsing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from resume_parser.errors import CorruptDocumentError
from resume_parser.extraction.filetype import IMAGE_MEDIA_TYPES, PDF
from resume_parser.extraction.limits import ExtractionLimits
from resume_parser.extraction.ocr import ocr_page
from resume_parser.extraction.pdf import extract_pdf
from resume_parser.layout import Box, Document
from resume_parser.privacy import personal_values
from resume_parser.redaction.drawnpictures import drawn_pictures
from resume_parser.redaction.pages import as_pdf
from resume_parser.redaction.regions import RegionKind, find_regions, kept_words
from resume_parser.redaction.writer import RedactedPdf, render_redacted_page
from resume_parser.resume import ParsedResume

# The parser read these formats' pages as we paint them, so its evidence boxes apply.
_SAME_PAGES = (PDF, *IMAGE_MEDIA_TYPES)


@dataclass(frozen=True, slots=True)
class RedactedDocument:
    content: bytes  # the PDF
    page_count: int
    regions: dict[RegionKind, int] = field(default_factory=dict)  # how many were blacked out, per kind


def redact_document(
    data: bytes, media_type: str, parsed: ParsedResume, limits: ExtractionLimits
) -> RedactedDocument:
    pdf_bytes = as_pdf(data, media_type, limits)
    layout = extract_pdf(pdf_bytes, limits, ocr=ocr_page)  # words and pictures of the pages painted
    values = personal_values(parsed)
    evidence = parsed.meta.evidence if parsed.meta is not None and media_type in _SAME_PAGES else []
    pdf = _open(pdf_bytes)
    try:
        regions = find_regions(layout, values, evidence, _drawn_pictures(pdf, layout, limits))
        output = RedactedPdf()
        for page in layout.pages:
            boxes = [region.box for region in regions if region.page == page.number]
            jpeg = render_redacted_page(pdf[page.number - 1], page.number, boxes, limits)
            output.add_page(pdf.get_page_size(page.number - 1), jpeg, kept_words(page, regions))
    finally:
        pdf.close()
    return RedactedDocument(
        content=output.finish(), page_count=output.pages, regions=dict(Counter(r.kind for r in regions))
    )


def _drawn_pictures(
    pdf: pdfium.PdfDocument, layout: Document, limits: ExtractionLimits
) -> dict[int, list[Box]]:
    """Per page, the pictures its pixels show that are not image objects the extractor found
    (scans, vector-drawn photos)."""
    found: dict[int, list[Box]] = {}
    for page in layout.pages:
        drawn = drawn_pictures(pdf[page.number - 1], page.number, page.lines, limits)
        found[page.number] = [
            box for box in drawn if not any(_overlap(box, known) for known in page.pictures)
        ]
    return found


def _overlap(one: Box, other: Box) -> bool:
    return (
        one.left < other.right
        and other.left < one.right
        and one.top < other.bottom
        and other.top < one.bottom
    )


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:  # extract_pdf opened it a moment ago: unlikely
        raise CorruptDocumentError("the PDF is damaged and cannot be opened") from error

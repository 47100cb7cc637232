"""OCR (RapidOCR, offline): scanned PDF pages without a text layer, and PNG/JPEG/TIFF images."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from resume_parser.extraction.local import extract_bytes
from resume_parser.layout import Document, Word
from tests.extraction.documents import DEV_CORPUS, image_bytes, pdf_bytes, rendered_page, text_page
from tests.parsers import grouper

SCAN_DPI = 150
MIN_WORD_ACCURACY = 0.95
DEV_HEADINGS = Path(__file__).parents[1] / "grouping" / "dev_headings.json"


def word_accuracy(reference: Document, recognized: Document) -> float:
    """Share of the reference's words (case-folded, with a letter or digit) that OCR recognized."""

    def words(document: Document) -> Counter[str]:
        return Counter(
            w.text.casefold() for w in document_words(document) if any(c.isalnum() for c in w.text)
        )

    expected = words(reference)
    return sum((expected & words(recognized)).values()) / sum(expected.values())


def document_words(document: Document) -> list[Word]:
    return [word for line in document.lines for word in line.words]


def image_only_pdf(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=SCAN_DPI)
    return buffer.getvalue()


def test_a_scanned_resume_page_is_read_with_ocr() -> None:
    original = (DEV_CORPUS / "classic-1000.pdf").read_bytes()
    scan = image_only_pdf(rendered_page(original, dpi=SCAN_DPI))
    reference, recognized = extract_bytes(original), extract_bytes(scan)

    assert recognized.extractor == "ocr"
    accuracy = word_accuracy(reference, recognized)
    print(f"OCR word accuracy on a {SCAN_DPI} dpi scan of classic-1000: {accuracy:.3f}")
    assert accuracy >= MIN_WORD_ACCURACY
    assert "upadhriti.chaudhary85@rediffmail.com" in recognized.text
    assert all(
        word.confidence is not None and 0 < word.confidence <= 1 for word in document_words(recognized)
    )

    # Without fonts, sections still come from the heading vocabulary and the spacing.
    expected = json.loads(DEV_HEADINGS.read_text("utf-8"))["classic-1000.pdf"]
    sections = grouper().group(recognized).sections
    assert {s.heading.text: s.kind.value for s in sections if s.heading} == expected


@pytest.mark.parametrize("format", ["PNG", "JPEG", "TIFF"])
def test_images_are_read_with_ocr(format: str) -> None:
    page = pdf_bytes(text_page("Jane Doe", "Platform Engineer at Acme Corp", "jane.doe@example.com", size=16))
    document = extract_bytes(image_bytes(rendered_page(page, dpi=SCAN_DPI), format))
    assert document.extractor == "ocr"
    assert document.text.split("\n")[:3] == [
        "Jane Doe",
        "Platform Engineer at Acme Corp",
        "jane.doe@example.com",
    ]


def test_only_pages_without_a_text_layer_go_to_ocr() -> None:
    scanned = rendered_page(pdf_bytes(text_page("Scanned Page Second", size=28)), dpi=SCAN_DPI)

    def scan_page(canvas: Canvas) -> None:
        canvas.drawInlineImage(scanned, 0, 0, width=595, height=842)

    document = extract_bytes(pdf_bytes(text_page("A page with a real text layer of some length"), scan_page))
    assert document.extractor == "pdfium+ocr"
    assert [line.text for line in document.lines] == [
        "A page with a real text layer of some length",
        "Scanned Page Second",
    ]
    assert [line.page for line in document.lines] == [1, 2]

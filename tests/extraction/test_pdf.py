"""The PDF text layer: words with page-relative boxes, font size, bold and italic."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from resume_parser.errors import EmptyDocumentError
from resume_parser.extraction.pdf import extract_pdf
from resume_parser.layout import Word
from tests.extraction.documents import pdf_bytes, text_page
from tests.parsers import grouper


def resume_page(canvas: Canvas) -> None:
    canvas.setFont("Helvetica-Bold", 20)
    canvas.drawString(72, 780, "Jane Doe")
    canvas.setFont("Helvetica-Oblique", 11)
    canvas.drawString(72, 760, "Platform Engineer")
    canvas.setFont("Helvetica-Bold", 13)
    canvas.drawString(72, 720, "EXPERIENCE")
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawString(72, 700, "Senior Engineer, Acme Corp")
    canvas.setFont("Helvetica", 10)
    canvas.drawRightString(523, 700, "Jan 2020 – Present")
    canvas.drawString(72, 686, "Built the billing platform serving 2M customers")


def words_by_text(words: list[Word]) -> dict[str, Word]:
    return {word.text: word for word in words}


def test_words_carry_position_size_and_style() -> None:
    document = extract_pdf(pdf_bytes(resume_page))
    assert document.extractor == "pdfium"
    page = document.pages[0]
    assert (round(page.width), round(page.height)) == (595, 842)
    words = words_by_text([word for line in document.lines for word in line.words])

    name = words["Jane"]
    assert name.font_size == pytest.approx(20, abs=0.1)
    assert name.bold and not name.italic
    assert name.box.left == pytest.approx(72 / 595, abs=0.005)
    assert 0 < name.box.top < (842 - 780) / 842 < name.box.bottom < 0.1
    assert words["Platform"].italic and not words["Platform"].bold
    assert words["Built"].font_size == pytest.approx(10, abs=0.1) and not words["Built"].bold
    assert words["Present"].box.right == pytest.approx(523 / 595, abs=0.005)


def test_a_right_aligned_date_is_its_own_fragment_until_grouping_joins_the_row() -> None:
    document = extract_pdf(pdf_bytes(resume_page))
    fragments = [line.text for line in document.lines]
    assert "Senior Engineer, Acme Corp" in fragments
    assert "Jan 2020 – Present" in fragments

    grouped = grouper().group(document)
    lines = [line.text for line in grouped.document.lines]
    assert "Senior Engineer, Acme Corp Jan 2020 – Present" in lines


def test_pages_keep_their_numbers() -> None:
    document = extract_pdf(pdf_bytes(text_page("Page one text here"), text_page("Page two text here")))
    assert [page.number for page in document.pages] == [1, 2]
    assert [line.page for line in document.lines] == [1, 2]


def test_an_embedded_truetype_subset_font_maps_back_to_unicode() -> None:
    # reportlab ships Bitstream Vera; embedded as a subset, its text comes back through ToUnicode.
    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
    document = extract_pdf(pdf_bytes(text_page("Jürgen Müller · Señor Ingeniero · Œuvre € 5", font="Vera")))
    assert document.text == "Jürgen Müller · Señor Ingeniero · Œuvre € 5"


def test_a_page_without_text_and_no_ocr_is_empty() -> None:
    def blank(canvas: Canvas) -> None:
        canvas.rect(100, 100, 200, 200, fill=1)

    with pytest.raises(EmptyDocumentError):
        extract_pdf(pdf_bytes(blank))

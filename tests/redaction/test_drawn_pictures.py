"""Pictures found in a page's pixels: a photo drawn with vector paths (or part of a scan) is found;
a tinted band with text on it, text itself and small icons are not."""

from __future__ import annotations

import random

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from resume_parser.extraction.limits import DEFAULT_LIMITS
from resume_parser.extraction.pdf import extract_pdf
from resume_parser.redaction.drawnpictures import drawn_pictures
from tests.extraction.documents import pdf_bytes

WIDTH, HEIGHT = A4


def _page(canvas: Canvas) -> None:
    canvas.setFillColorRGB(0.85, 0.85, 0.9)
    canvas.rect(0, HEIGHT - 120, WIDTH, 120, stroke=0, fill=1)  # a header band ...
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont("Helvetica-Bold", 20)
    canvas.drawString(72, HEIGHT - 70, "Jane Example")  # ... with the name on it
    canvas.setFillColorRGB(0.7, 0.7, 0.7)
    canvas.circle(WIDTH - 110, HEIGHT - 230, 50, stroke=0, fill=1)  # an avatar, drawn
    canvas.circle(80, HEIGHT - 300, 4, stroke=0, fill=1)  # an icon
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont("Helvetica", 11)
    for index in range(20):
        canvas.drawString(
            90, HEIGHT - 300 - index * 16, "Built data pipelines and dashboards at Example Corp"
        )


def test_a_drawn_photo_is_found_and_a_band_with_text_is_not() -> None:
    data = pdf_bytes(_page)
    layout = extract_pdf(data)
    document = pdfium.PdfDocument(data)

    boxes = drawn_pictures(document[0], 1, layout.pages[0].lines, DEFAULT_LIMITS)

    [box] = boxes
    assert abs((box.left + box.right) / 2 - (WIDTH - 110) / WIDTH) < 0.02
    assert abs((box.top + box.bottom) / 2 - 230 / HEIGHT) < 0.02
    assert 0.12 < box.width < 0.2


def test_a_qr_code_drawn_as_modules_is_found() -> None:
    modules = random.Random(7)
    size, count, left, bottom = 3.0, 29, 400.0, 600.0  # an 87-point code of 29 x 29 modules

    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 11)
        for index in range(10):
            canvas.drawString(72, 700 - index * 15, "Built data pipelines and dashboards at Example Corp")
        for row in range(count):
            for column in range(count):
                if modules.random() < 0.5:
                    canvas.rect(left + column * size, bottom + row * size, size, size, stroke=0, fill=1)

    data = pdf_bytes(page)
    document = pdfium.PdfDocument(data)

    [box] = drawn_pictures(document[0], 1, extract_pdf(data).pages[0].lines, DEFAULT_LIMITS)

    assert abs(box.left - left / WIDTH) < 0.01
    assert abs(box.right - (left + size * count) / WIDTH) < 0.015
    assert abs(box.bottom - (1 - bottom / HEIGHT)) < 0.01

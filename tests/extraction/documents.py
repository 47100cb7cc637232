"""Small documents built in the tests: PDFs with reportlab, DOCX with python-docx, images with PIL."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from resume_parser.layout import Document as Layout

DEV_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"

Draw = Callable[[Canvas], None]


def pdf_bytes(*pages: Draw, pagesize: tuple[float, float] = A4, **canvas_options: object) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=pagesize, **canvas_options)
    for draw in pages:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def text_page(*lines: str, font: str = "Helvetica", size: float = 11) -> Draw:
    """A page with the given lines, one under the other from the top-left margin."""

    def draw(canvas: Canvas) -> None:
        canvas.setFont(font, size)
        for index, line in enumerate(lines):
            canvas.drawString(72, 770 - index * size * 1.4, line)

    return draw


def docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def image_bytes(image: Image.Image, format: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=format)
    return buffer.getvalue()


def rendered_page(pdf: bytes, *, dpi: int = 150) -> Image.Image:
    """The first page of a PDF as a bitmap: a scan without a text layer."""
    document = pdfium.PdfDocument(pdf)
    try:
        image: Image.Image = document[0].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()
    return image


# Keywords that the hidden-text tests hide in otherwise ordinary resumes.
STUFFING = "Python Kubernetes Golang Senior Staff Principal Architect"
STUFFED_WORDS = set(STUFFING.split())


def texts(document: Layout) -> list[str]:
    return [line.text for line in document.lines]

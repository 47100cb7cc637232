"""The redacted PDF: each page rasterized, its regions painted black, and written again as one JPEG
image with an invisible text layer (render mode 3, as OCR tools write it) of the words kept.

Nothing of the original page survives but its pixels: no text objects, fonts, links, metadata,
attachments or form fields, so no text can be recovered from under a black box. reportlab writes
the new PDF: it embeds the JPEG as it is and places each word at its box with a subset of one
Unicode font, so the redacted document stays searchable and selectable.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from resume_parser.extraction.limits import ExtractionLimits
from resume_parser.extraction.pdfrender import check_render_cost, render_page
from resume_parser.layout import Box, Word
from resume_parser.redaction.pages import register_font

# 150 dpi JPEG keeps a page readable (and OCR-able) at 150 to 400 KB.
DPI = 150
JPEG_QUALITY = 75
_INVISIBLE = 3
# The text layer's glyphs take this share of a word box's height; the baseline sits above the
# box's bottom by the font's usual descent.
_GLYPH_SHARE = 0.8
_DESCENT = 0.2


def render_redacted_page(
    page: pdfium.PdfPage, number: int, boxes: list[Box], limits: ExtractionLimits
) -> bytes:
    """The page as a JPEG with `boxes` (page coordinates) painted black."""
    check_render_cost(page, number, limits)
    image = render_page(page, DPI, limits).convert("RGB")
    paint_black(image, boxes)
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return output.getvalue()


def paint_black(image: Image.Image, boxes: list[Box]) -> None:
    width, height = image.size
    draw = ImageDraw.Draw(image)
    for box in boxes:
        draw.rectangle(
            (box.left * width, box.top * height, box.right * width, box.bottom * height), fill=(0, 0, 0)
        )


class RedactedPdf:
    """The redacted PDF, page by page."""

    def __init__(self) -> None:
        self._output = io.BytesIO()
        self._canvas = Canvas(self._output, invariant=True, pageCompression=1)
        self._font = register_font()
        self.pages = 0

    def add_page(self, size: tuple[float, float], jpeg: bytes, words: list[Word]) -> None:
        width, height = size
        canvas = self._canvas
        canvas.setPageSize((width, height))
        canvas.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width, height)
        for word in words:
            self._place(word, width, height)
        canvas.showPage()
        self.pages += 1

    def _place(self, word: Word, width: float, height: float) -> None:
        box = word.box
        size = max(box.height * height * _GLYPH_SHARE, 1.0)
        natural = stringWidth(word.text, self._font, size)
        if natural <= 0:
            return
        text = self._canvas.beginText(box.left * width, (1.0 - box.bottom) * height + size * _DESCENT)
        text.setTextRenderMode(_INVISIBLE)
        text.setFont(self._font, size)
        text.setHorizScale(100.0 * box.width * width / natural)
        text.textOut(word.text)
        self._canvas.drawText(text)

    def finish(self) -> bytes:
        self._canvas.save()
        return self._output.getvalue()

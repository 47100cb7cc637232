"""The original document laid out as PDF pages, the form the redaction paints on.

A PDF is used as it is. Word (DOCX, DOCM, DOTX, DOTM), DOC, RTF and ODT are laid out and printed by
LibreOffice, after the same checks the parser runs before LibreOffice sees a file. Text and HTML are
set as plain pages of their extracted lines (the parser's own reading, so no markup, script or
linked resource of an HTML file is ever loaded). Images become one page per frame at their
resolution.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from resume_parser.errors import CorruptDocumentError, DocumentLimitError, UnsupportedFormatError
from resume_parser.extraction.docx import check_zip_limits
from resume_parser.extraction.filetype import (
    CONVERTED_MEDIA_TYPES,
    HTML,
    IMAGE_MEDIA_TYPES,
    PDF,
    TEXT,
    WORDPROCESSINGML_MEDIA_TYPES,
)
from resume_parser.extraction.html import extract_html
from resume_parser.extraction.libreoffice import convert_to_pdf
from resume_parser.extraction.limits import ExtractionLimits
from resume_parser.extraction.office import checked_import_filter
from resume_parser.extraction.text import extract_text

# LibreOffice reads every Word XML flavour with its Word 2007 importer.
_WORD_IMPORT_FILTER = "MS Word 2007 XML"
DEFAULT_IMAGE_DPI = 200.0  # a typical scan, for images that do not state their resolution
# DejaVu Sans covers Latin, Greek and Cyrillic; reportlab's own Vera (Latin-1) where it is missing.
_FONT_FILES = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),)
FONT_NAME = "RedactionSans"
_TEXT_SIZE = 10.0
_MARGIN = 56.0  # points


def as_pdf(data: bytes, media_type: str, limits: ExtractionLimits) -> bytes:
    """The document as PDF pages. Raises a DocumentError subclass for a file that cannot be read."""
    if media_type == PDF:
        return data
    if media_type in WORDPROCESSINGML_MEDIA_TYPES:
        check_zip_limits(data, limits)
        return convert_to_pdf(data, _WORD_IMPORT_FILTER)
    if media_type in CONVERTED_MEDIA_TYPES:
        return convert_to_pdf(data, checked_import_filter(data, media_type, limits))
    if media_type == TEXT:
        return _text_pages([line.text for line in extract_text(data).lines])
    if media_type == HTML:
        return _text_pages([line.text for line in extract_html(data).lines])
    if media_type in IMAGE_MEDIA_TYPES:
        return _image_pages(data, limits)
    raise UnsupportedFormatError(f"unsupported media type {media_type!r}")


def register_font() -> str:
    """The name of a Unicode font registered with reportlab (once per process)."""
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        found = next((path for path in _FONT_FILES if path.exists()), None)
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(found) if found else "Vera.ttf"))
    return FONT_NAME


def _text_pages(lines: list[str]) -> bytes:
    font = register_font()
    output = io.BytesIO()
    canvas = Canvas(output, pagesize=A4, invariant=True)
    width, height = A4
    leading = _TEXT_SIZE * 1.35
    y = height - _MARGIN
    for line in lines:
        for part in simpleSplit(line, font, _TEXT_SIZE, width - 2 * _MARGIN) or [""]:
            if y < _MARGIN:
                canvas.showPage()
                y = height - _MARGIN
            canvas.setFont(font, _TEXT_SIZE)
            canvas.drawString(_MARGIN, y, part)
            y -= leading
    canvas.save()
    return output.getvalue()


def _image_pages(data: bytes, limits: ExtractionLimits) -> bytes:
    try:
        with warnings.catch_warnings():
            # Our own pixel limit, checked next, is the one that applies.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            frames = getattr(image, "n_frames", 1)
            if frames > limits.max_pages:
                raise DocumentLimitError(
                    f"the image has {frames} pages, over the limit of {limits.max_pages}"
                )
            pages = []
            for index in range(frames):
                image.seek(index)
                width, height = image.size
                if width * height > limits.max_image_pixels:
                    raise DocumentLimitError(
                        f"the image is over the limit of {limits.max_image_pixels} pixels"
                    )
                pages.append(image.convert("RGB"))
            dpi = image.info.get("dpi", (DEFAULT_IMAGE_DPI, DEFAULT_IMAGE_DPI))
    except Image.DecompressionBombError as error:
        raise DocumentLimitError(f"the image has more than {limits.max_image_pixels} pixels") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise CorruptDocumentError("the image is damaged or truncated") from error
    output = io.BytesIO()
    resolution = float(dpi[0]) or DEFAULT_IMAGE_DPI
    pages[0].save(output, format="PDF", save_all=True, append_images=pages[1:], resolution=resolution)
    return output.getvalue()

"""The local extractor: detects the file type from its bytes and runs the matching extractor."""

from __future__ import annotations

from resume_parser.errors import UnsupportedFormatError
from resume_parser.extraction import SourceFile
from resume_parser.extraction.docx import extract_docx
from resume_parser.extraction.filetype import (
    CONVERTED_MEDIA_TYPES,
    HTML,
    IMAGE_MEDIA_TYPES,
    PDF,
    TEXT,
    WORDPROCESSINGML_MEDIA_TYPES,
    detect_media_type,
)
from resume_parser.extraction.html import extract_html
from resume_parser.extraction.image import extract_image
from resume_parser.extraction.isolation import ParserProcesses
from resume_parser.extraction.limits import DEFAULT_LIMITS, ExtractionLimits
from resume_parser.extraction.ocr import ocr_page
from resume_parser.extraction.office import extract_office
from resume_parser.extraction.pdf import extract_pdf
from resume_parser.extraction.text import extract_text
from resume_parser.layout import Document


def extract_bytes(
    data: bytes, media_type: str | None = None, limits: ExtractionLimits = DEFAULT_LIMITS
) -> Document:
    """The layout of a resume file. `media_type`, when given, must come from detect_media_type.

    Raises a DocumentError subclass for a file that cannot be read, UnsupportedFormatError for a
    format we do not read.
    """
    media_type = media_type or detect_media_type(data)
    if media_type == PDF:
        return extract_pdf(data, limits, ocr=ocr_page)
    if media_type in WORDPROCESSINGML_MEDIA_TYPES:
        return extract_docx(data, limits, media_type=media_type)
    if media_type in CONVERTED_MEDIA_TYPES:
        return extract_office(data, media_type, limits)
    if media_type == TEXT:
        return extract_text(data)
    if media_type == HTML:
        return extract_html(data)
    if media_type in IMAGE_MEDIA_TYPES:
        return extract_image(data, media_type, limits)
    raise UnsupportedFormatError(f"unsupported media type {media_type!r}")


class LocalExtractor:
    """Extractor Protocol implementation for files the worker reads itself (no cloud service).

    Each file is parsed in a child process (see isolation.py): that also makes PDFium, which is
    not thread-safe, safe for a worker running several jobs at once.
    """

    name = "local"

    def __init__(self, processes: ParserProcesses, limits: ExtractionLimits = DEFAULT_LIMITS):
        self._processes = processes
        self._limits = limits

    async def extract(self, source: SourceFile) -> Document:
        return await self._processes.run(extract_bytes, source.data, source.media_type, self._limits)

"""DOC, RTF and ODT resumes: checked, converted to DOCX by LibreOffice, then read as DOCX.

Converting to DOCX rather than PDF keeps what the DOCX reader knows of a document: headers and
footers, tables, text boxes, and the formatting that hides text (docxvisibility.py). A converted
copy parses as its DOCX original does (tests/test_office_formats.py compares them). Each format is
first checked by its own module for what LibreOffice must not be handed: a password, a damaged
container, a zip bomb, pathological nesting, oversized embedded objects.
"""

from __future__ import annotations

from collections.abc import Callable

from resume_parser.extraction.doc import check_doc
from resume_parser.extraction.docx import extract_docx
from resume_parser.extraction.filetype import DOC, ODT, RTF
from resume_parser.extraction.libreoffice import convert_to_docx
from resume_parser.extraction.limits import DEFAULT_LIMITS, ExtractionLimits
from resume_parser.extraction.odf import check_odt
from resume_parser.extraction.rtf import check_rtf
from resume_parser.layout import Document

# Per media type: its checks, and the LibreOffice import filter that reads it.
_FORMATS: dict[str, tuple[Callable[[bytes, ExtractionLimits], None], str]] = {
    DOC: (check_doc, "MS Word 97"),
    RTF: (check_rtf, "Rich Text Format"),
    ODT: (check_odt, "writer8"),
}


def extract_office(data: bytes, media_type: str, limits: ExtractionLimits = DEFAULT_LIMITS) -> Document:
    import_filter = checked_import_filter(data, media_type, limits)
    converted = convert_to_docx(data, import_filter)
    return extract_docx(converted, limits, media_type=media_type, extractor="libreoffice+docx")


def checked_import_filter(data: bytes, media_type: str, limits: ExtractionLimits = DEFAULT_LIMITS) -> str:
    """The LibreOffice import filter for a DOC, RTF or ODT file, once the file passed its checks."""
    check, import_filter = _FORMATS[media_type]
    check(data, limits)
    return import_filter

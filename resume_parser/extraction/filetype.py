"""File-type detection from content (magic bytes), never from a file name or a declared type."""

from __future__ import annotations

import io
import zipfile

from resume_parser.errors import CorruptDocumentError, UnsupportedFormatError

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"
HTML = "text/html"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"

SUPPORTED_MEDIA_TYPES = (PDF, DOCX, TEXT, HTML, PNG, JPEG, TIFF)
IMAGE_MEDIA_TYPES = (PNG, JPEG, TIFF)

_SAVE_AS_HINT = "save it as PDF or DOCX and upload again"

# PDF readers accept a header anywhere in the first kilobyte; so do we.
_PDF_HEADER_WINDOW = 1024
_SNIFF_WINDOW = 4096
_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
)
_LEGACY_SIGNATURES = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Word (.doc) or other OLE2 file"),
    (b"{\\rtf", "RTF document"),
)
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")


def detect_media_type(data: bytes) -> str:
    """The media type of `data`, one of SUPPORTED_MEDIA_TYPES.

    Raises UnsupportedFormatError for an empty file, a known but unsupported format (named in the
    message) and bytes that match nothing we read; CorruptDocumentError for a damaged ZIP container.
    """
    if not data:
        raise UnsupportedFormatError("the file is empty (0 bytes)")
    head = data[:_SNIFF_WINDOW]
    if b"%PDF-" in head[:_PDF_HEADER_WINDOW]:
        return PDF
    for signature, media_type in _IMAGE_SIGNATURES:
        if head.startswith(signature):
            return media_type
    for signature, description in _LEGACY_SIGNATURES:
        if head.startswith(signature):
            raise UnsupportedFormatError(f"unsupported format: {description}; {_SAVE_AS_HINT}")
    if head.startswith(b"PK\x03\x04"):
        return _zip_media_type(data)
    if _looks_like_html(head):
        return HTML
    if _looks_like_text(head):
        return TEXT
    raise UnsupportedFormatError("unsupported format: the content matches no PDF, DOCX, text, HTML or image")


def _zip_media_type(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise CorruptDocumentError("the ZIP container is damaged") from error
    if "word/document.xml" in names:
        return DOCX
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise UnsupportedFormatError(
            f"unsupported format: OpenDocument ({mimetype.decode('ascii', 'replace')}); {_SAVE_AS_HINT}"
        )
    raise UnsupportedFormatError("unsupported format: a ZIP archive that is not a Word document")


def _looks_like_html(head: bytes) -> bool:
    """Markup that opens with a tag (or a comment, or an XML declaration) and names the document."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(b"<") and any(marker in start for marker in _HTML_MARKERS)


def _looks_like_text(head: bytes) -> bool:
    """Text has a BOM, or no NUL bytes and few control characters (cp1252 covers every other byte)."""
    if head.startswith(_TEXT_BOMS):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 0x20 and byte not in (0x09, 0x0A, 0x0C, 0x0D))
    return controls * 100 <= len(head)

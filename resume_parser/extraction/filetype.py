"""File-type detection from content (magic bytes), never from a file name or a declared type."""

from __future__ import annotations

import io
import struct
import zipfile

import olefile
from lxml import etree

from resume_parser.errors import CorruptDocumentError, EncryptedDocumentError, UnsupportedFormatError

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template"
DOCM = "application/vnd.ms-word.document.macroEnabled.12"
DOTM = "application/vnd.ms-word.template.macroEnabled.12"
DOC = "application/msword"
RTF = "application/rtf"
ODT = "application/vnd.oasis.opendocument.text"
TEXT = "text/plain"
HTML = "text/html"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"

# Word's XML formats: one package layout, read alike (docx.py); a template or macros change nothing.
WORDPROCESSINGML_MEDIA_TYPES = (DOCX, DOTX, DOCM, DOTM)
# Formats that LibreOffice converts to DOCX first (office.py).
CONVERTED_MEDIA_TYPES = (DOC, RTF, ODT)
IMAGE_MEDIA_TYPES = (PNG, JPEG, TIFF)
SUPPORTED_MEDIA_TYPES = (
    PDF,
    *WORDPROCESSINGML_MEDIA_TYPES,
    *CONVERTED_MEDIA_TYPES,
    TEXT,
    HTML,
    *IMAGE_MEDIA_TYPES,
)

SUPPORTED_FORMATS = (
    "PDF, DOCX (also DOTX, DOCM), DOC (Word 97-2003), RTF, ODT, plain text, HTML, PNG, JPEG, TIFF"
)
_HINT = (
    f"the service reads {SUPPORTED_FORMATS}; not Apple Pages (.pages) or Microsoft Works (.wps): "
    "save it as PDF or DOCX and upload again"
)

# PDF readers accept a header anywhere in the first kilobyte; so do we.
_PDF_HEADER_WINDOW = 1024
_SNIFF_WINDOW = 4096
_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
)
_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF_SIGNATURE = b"{\\rtf"
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")

# [MS-DOC] 2.5.2 FibBase: every Word binary document starts its WordDocument stream with this
# identifier, then nFib, the version: 0x00C1 for Word 97 and every later binary version; Word 6.0
# and 95 wrote 101-105, a format whose LibreOffice import we do not exercise.
_WORD_IDENT = 0xA5EC
_WORD97_NFIB = 0x00C1
# Works 2000 and later (.wps) keep their text in a CONTENTS stream that opens with this tag.
_WORKS_TAG = b"CHNKWKS"

_CONTENT_TYPES_LIMIT = 1024 * 1024
_MAIN_PART_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": DOTX,
    "application/vnd.ms-word.document.macroEnabled.main+xml": DOCM,
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": DOTM,
}
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def unsupported(what: str) -> UnsupportedFormatError:
    """The rejection of a format we do not read, naming what it is and what we do read."""
    return UnsupportedFormatError(f"unsupported format: {what}; {_HINT}")


def detect_media_type(data: bytes) -> str:
    """The media type of `data`, one of SUPPORTED_MEDIA_TYPES.

    Raises UnsupportedFormatError for an empty file, a known but unsupported format (named in the
    message) and bytes that match nothing we read; CorruptDocumentError for a damaged ZIP or OLE2
    container; EncryptedDocumentError for a password-protected Word XML file (which is no longer a
    ZIP, so nothing else can be told about it).
    """
    if not data:
        raise UnsupportedFormatError("the file is empty (0 bytes)")
    head = data[:_SNIFF_WINDOW]
    if b"%PDF-" in head[:_PDF_HEADER_WINDOW]:
        return PDF
    for signature, media_type in _IMAGE_SIGNATURES:
        if head.startswith(signature):
            return media_type
    if head.startswith(_OLE2_SIGNATURE):
        return _ole_media_type(data)
    if head.startswith(_RTF_SIGNATURE):
        return RTF
    if head.startswith(b"PK\x03\x04"):
        return _zip_media_type(data)
    if _looks_like_html(head):
        return HTML
    if _looks_like_text(head):
        return TEXT
    raise unsupported("the content matches none of these formats")


def _ole_media_type(data: bytes) -> str:
    """An OLE2 compound file: Word 97-2003 if it has a WordDocument stream of that version."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:  # bytes shorter than 1,536 would be a path
            if ole.exists("WordDocument"):
                fib = ole.openstream("WordDocument").read(4)
            elif ole.exists("EncryptedPackage") and ole.exists("EncryptionInfo"):
                raise EncryptedDocumentError(
                    "the document is a password-protected Word (or other Office) file"
                )
            elif ole.exists("CONTENTS") and ole.openstream("CONTENTS").read(7) == _WORKS_TAG:
                raise unsupported("a Microsoft Works document (.wps)")
            else:
                raise unsupported("an OLE2 compound file that is not a Word document (Excel, PowerPoint?)")
    except (EncryptedDocumentError, UnsupportedFormatError):
        raise
    except Exception as error:
        # olefile raises OSError for a damaged header and struct or index errors deeper in.
        raise CorruptDocumentError("the OLE2 compound file (legacy Word) is damaged") from error
    if len(fib) < 4:
        raise CorruptDocumentError("the Word document's main stream is truncated")
    ident, version = struct.unpack("<HH", fib)
    if ident != _WORD_IDENT:
        raise CorruptDocumentError("the Word document's main stream is damaged")
    if version < _WORD97_NFIB:
        raise unsupported("a Word 6.0/95 document")
    return DOC


def _zip_media_type(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
            content_types = _main_part_type(archive) if "[Content_Types].xml" in names else None
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise CorruptDocumentError("the ZIP container is damaged") from error
    if content_types is not None:
        return content_types
    if "word/document.xml" in names:
        return DOCX  # without a declared main part python-docx reports what is wrong with it
    if mimetype.strip() == ODT.encode():
        return ODT
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise unsupported(f"OpenDocument {mimetype.decode('ascii', 'replace')}, not a text document")
    if any(name.endswith(".iwa") for name in names) or "buildVersionHistory.plist" in names:
        raise unsupported("an Apple iWork document (Pages .pages, Numbers or Keynote)")
    raise unsupported("a ZIP archive that is not a Word or OpenDocument text document")


def _main_part_type(archive: zipfile.ZipFile) -> str | None:
    """The Word media type that [Content_Types].xml declares for the package's main part, if any."""
    info = archive.getinfo("[Content_Types].xml")
    if info.file_size > _CONTENT_TYPES_LIMIT:
        raise CorruptDocumentError("the document's content types part is implausibly large")
    try:
        root = etree.fromstring(archive.read(info), _XML_PARSER)
    except etree.XMLSyntaxError:
        return None  # left to the extractor, which reports the package as damaged
    for override in root:
        media_type = _MAIN_PART_TYPES.get(str(override.get("ContentType", "")).strip())
        if media_type is not None:
            return media_type
    return None


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

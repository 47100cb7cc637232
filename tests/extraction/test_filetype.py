"""File-type detection looks at the bytes, never at a name or a declared type."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from PIL import Image

from resume_parser.errors import CorruptDocumentError, UnsupportedFormatError
from resume_parser.extraction.filetype import DOCX, HTML, JPEG, PDF, PNG, TEXT, TIFF, detect_media_type
from tests.extraction.documents import docx_bytes, image_bytes, pdf_bytes, text_page


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_pdf_is_detected_even_after_leading_junk() -> None:
    pdf = pdf_bytes(text_page("Jane Doe"))
    assert detect_media_type(pdf) == PDF
    assert detect_media_type(b"\r\n\x00junk" + pdf) == PDF


def test_docx_is_told_apart_from_other_zip_archives() -> None:
    document = docx.Document()
    document.add_paragraph("Jane Doe")
    assert detect_media_type(docx_bytes(document)) == DOCX
    with pytest.raises(UnsupportedFormatError, match="ZIP archive that is not a Word document"):
        detect_media_type(zip_bytes({"notes.txt": b"hello"}))


def test_opendocument_is_unsupported_with_a_clear_message() -> None:
    odt = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    with pytest.raises(UnsupportedFormatError, match="OpenDocument"):
        detect_media_type(odt)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "legacy Word"),
        (b"{\\rtf1\\ansi Jane Doe}", "RTF"),
    ],
)
def test_legacy_formats_are_unsupported_with_a_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=message):
        detect_media_type(data)


@pytest.mark.parametrize(("format", "media_type"), [("PNG", PNG), ("JPEG", JPEG), ("TIFF", TIFF)])
def test_images(format: str, media_type: str) -> None:
    assert detect_media_type(image_bytes(Image.new("RGB", (8, 8), "white"), format)) == media_type


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><body>Jane</body></html>",
        b"\xef\xbb\xbf  <html lang='en'><p>Jane</p></html>",
        b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'></html>",
        b"<!-- saved from url=(0014)about:internet -->\n<HTML><BODY>Jane</BODY></HTML>",
    ],
)
def test_html(data: bytes) -> None:
    assert detect_media_type(data) == HTML


@pytest.mark.parametrize(
    "data",
    [
        b"Jane Doe\nEngineer\n",
        "Jürgen Müller – Köln".encode("cp1252"),
        "\ufeffJane".encode("utf-16"),
        b"Jane <jane@example.com>",
        b"<Jane Doe> wrote this resume in plain text",
    ],
)
def test_plain_text(data: bytes) -> None:
    assert detect_media_type(data) == TEXT


def test_empty_and_unknown_bytes_are_unsupported() -> None:
    with pytest.raises(UnsupportedFormatError, match="empty"):
        detect_media_type(b"")
    with pytest.raises(UnsupportedFormatError, match="matches no"):
        detect_media_type(bytes(range(256)) * 4)


def test_a_damaged_zip_container_is_corrupt() -> None:
    with pytest.raises(CorruptDocumentError):
        detect_media_type(b"PK\x03\x04" + b"\x00" * 100)

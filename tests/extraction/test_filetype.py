"""File-type detection looks at the bytes, never at a name or a declared type."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from PIL import Image

from resume_parser.errors import CorruptDocumentError, EncryptedDocumentError, UnsupportedFormatError
from resume_parser.extraction.filetype import (
    DOC,
    DOCM,
    DOCX,
    DOTM,
    DOTX,
    HTML,
    JPEG,
    ODT,
    PDF,
    PNG,
    RTF,
    TEXT,
    TIFF,
    detect_media_type,
)
from tests.extraction.documents import (
    docx_bytes,
    image_bytes,
    ole_bytes,
    password_protected_docx,
    pdf_bytes,
    text_page,
    with_main_part_type,
)


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
    with pytest.raises(UnsupportedFormatError, match="ZIP archive that is not a Word or OpenDocument"):
        detect_media_type(zip_bytes({"notes.txt": b"hello"}))


@pytest.mark.parametrize(
    ("content_type", "media_type"),
    [
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", DOTX),
        ("application/vnd.ms-word.document.macroEnabled.main+xml", DOCM),
        ("application/vnd.ms-word.template.macroEnabledTemplate.main+xml", DOTM),
    ],
)
def test_word_templates_and_macro_files_are_told_by_their_main_part_content_type(
    content_type: str, media_type: str
) -> None:
    document = docx.Document()
    document.add_paragraph("Jane Doe")
    assert detect_media_type(with_main_part_type(docx_bytes(document), content_type)) == media_type


def test_opendocument_text_is_detected_by_its_mimetype_member() -> None:
    odt = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    assert detect_media_type(odt) == ODT
    spreadsheet = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})
    with pytest.raises(
        UnsupportedFormatError, match=re.escape("opendocument.spreadsheet, not a text document")
    ):
        detect_media_type(spreadsheet)


def test_rtf_is_detected_by_its_signature() -> None:
    assert detect_media_type(b"{\\rtf1\\ansi Jane Doe}") == RTF


def test_word_97_is_an_ole2_file_with_a_word_document_stream() -> None:
    fib = bytes.fromhex("ecA5c100") + bytes(60)  # wIdent, nFib 0x00C1 (Word 97 and later)
    assert detect_media_type(ole_bytes({"WordDocument": fib, "1Table": bytes(64)})) == DOC
    with pytest.raises(UnsupportedFormatError, match=re.escape("Word 6.0/95")):
        detect_media_type(ole_bytes({"WordDocument": bytes.fromhex("eca56800") + bytes(60)}))
    with pytest.raises(CorruptDocumentError, match="main stream is damaged"):
        detect_media_type(ole_bytes({"WordDocument": bytes(64)}))
    with pytest.raises(UnsupportedFormatError, match="not a Word document"):
        detect_media_type(ole_bytes({"Workbook": bytes(64)}))


def test_a_damaged_ole2_file_is_corrupt() -> None:
    with pytest.raises(CorruptDocumentError, match="OLE2"):
        detect_media_type(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)


def test_a_password_protected_word_xml_file_is_encrypted() -> None:
    # Word and LibreOffice put an encrypted DOCX in an OLE2 file: EncryptionInfo + EncryptedPackage.
    document = docx.Document()
    document.add_paragraph("Jane Doe")
    with pytest.raises(EncryptedDocumentError):
        detect_media_type(password_protected_docx(document))


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (ole_bytes({"CONTENTS": b"CHNKWKS " + bytes(64)}), "Microsoft Works document (.wps)"),
        (zip_bytes({"Index/Document.iwa": b"", "Metadata/Properties.plist": b""}), "Pages .pages"),
    ],
    ids=["works", "pages"],
)
def test_works_and_pages_are_named_as_unsupported(data: bytes, name: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=re.escape(name)):
        detect_media_type(data)


def test_every_unsupported_format_message_lists_what_is_read_and_names_pages_and_works() -> None:
    for data in (bytes(range(256)) * 4, zip_bytes({"notes.txt": b"hello"}), b"GIF89a" + bytes(100)):
        with pytest.raises(UnsupportedFormatError) as rejected:
            detect_media_type(data)
        message = rejected.value.message
        for format_name in ("PDF", "DOCX", "DOC", "RTF", "ODT", "HTML", "JPEG", ".pages", ".wps"):
            assert format_name in message, (format_name, message)


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
    with pytest.raises(UnsupportedFormatError, match="matches none"):
        detect_media_type(bytes(range(256)) * 4)


def test_a_damaged_zip_container_is_corrupt() -> None:
    with pytest.raises(CorruptDocumentError):
        detect_media_type(b"PK\x03\x04" + b"\x00" * 100)

"""Bad input gives a specific, typed error quickly and without reading more than the limits allow."""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib

import docx
import pytest
from PIL import Image
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from resume_parser.errors import (
    CorruptDocumentError,
    DocumentLimitError,
    EncryptedDocumentError,
    UnsupportedFormatError,
)
from resume_parser.extraction.limits import DEFAULT_LIMITS, ExtractionLimits
from resume_parser.extraction.local import extract_bytes
from resume_parser.extraction.rtf import check_rtf
from resume_parser.settings import MIB, Settings
from tests.badfiles import png_header
from tests.extraction.documents import docx_bytes, image_bytes, ole_bytes, pdf_bytes, text_page
from tests.helpers import FIXTURES

RESUME_LINE = "Jane Doe, Platform Engineer at Acme Corp since 2019"
SECONDS = 1.0  # every rejection here takes milliseconds; this only catches runaway work


def rejects(
    error: type[Exception], data: bytes, match: str | None = None, limits: ExtractionLimits = DEFAULT_LIMITS
) -> None:
    """`data` is rejected with `error`, quickly."""
    start = time.perf_counter()
    with pytest.raises(error, match=match):
        extract_bytes(data, limits=limits)
    assert time.perf_counter() - start < SECONDS


def test_limits_come_from_settings() -> None:
    settings = Settings(max_pages=7, max_image_pixels=1000, max_decompressed_bytes=2 * MIB)
    assert ExtractionLimits.from_settings(settings) == ExtractionLimits(7, 1000, 2 * MIB)


def test_a_pdf_with_a_user_password_is_encrypted() -> None:
    data = pdf_bytes(text_page(RESUME_LINE), encrypt=StandardEncryption("secret", ownerPassword="owner"))
    rejects(EncryptedDocumentError, data)


def test_a_pdf_with_an_empty_user_password_opens() -> None:
    protection = StandardEncryption("", ownerPassword="owner", canCopy=0, canModify=0)
    assert extract_bytes(pdf_bytes(text_page(RESUME_LINE), encrypt=protection)).text == RESUME_LINE


@pytest.mark.parametrize(
    "cut", [lambda n: n // 2, lambda n: 100, lambda n: n - 30], ids=["half", "head", "tail"]
)
def test_a_truncated_pdf_is_corrupt(cut: object) -> None:
    data = pdf_bytes(text_page(RESUME_LINE))
    rejects(CorruptDocumentError, data[: cut(len(data))])  # type: ignore[operator]


def test_a_pdf_with_thousands_of_pages_is_rejected_before_any_page_is_read() -> None:
    data = pdf_bytes(*[text_page("x")] * 3000)
    rejects(DocumentLimitError, data, match="3000 pages", limits=ExtractionLimits(max_pages=50))


def test_a_page_of_extreme_size_is_rejected() -> None:
    rejects(DocumentLimitError, pdf_bytes(text_page(RESUME_LINE), pagesize=(20_000, 20_000)), match="size")


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02\x03" * 300], ids=["empty", "unknown"])
def test_empty_and_unknown_files_are_unsupported(data: bytes) -> None:
    rejects(UnsupportedFormatError, data)


def docx_with_member(name: str, size: int) -> bytes:
    """A valid Word document plus a member of `size` zero bytes (a few hundred KB compressed)."""
    document = docx.Document()
    document.add_paragraph(RESUME_LINE)
    buffer = io.BytesIO(docx_bytes(document))
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, bytes(size))
    return buffer.getvalue()


def test_a_docx_zip_bomb_is_rejected_from_its_declared_sizes() -> None:
    bomb = docx_with_member("word/media/padding.bin", 120 * MIB)
    assert len(bomb) < 1 * MIB
    rejects(DocumentLimitError, bomb, match="decompresses", limits=ExtractionLimits.from_settings(Settings()))


def declare_size(data: bytes, member: str, size: int) -> bytes:
    """The archive with `member`'s uncompressed size rewritten in its local and central headers."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    struct.pack_into("<I", patched, info.header_offset + 22, size)
    central = patched.find(b"PK\x01\x02")
    while central != -1:
        (name_length,) = struct.unpack_from("<H", patched, central + 28)
        if patched[central + 46 : central + 46 + name_length] == member.encode():
            struct.pack_into("<I", patched, central + 24, size)
        central = patched.find(b"PK\x01\x02", central + 4)
    return bytes(patched)


def test_a_docx_that_understates_its_sizes_inflates_no_further_than_declared() -> None:
    document = docx.Document()
    document.add_paragraph(RESUME_LINE + " " * (8 * MIB))  # 8 MiB of XML, a few KB compressed
    liar = declare_size(docx_bytes(document), "word/document.xml", 1000)
    rejects(CorruptDocumentError, liar, limits=ExtractionLimits(max_decompressed_bytes=1 * MIB))


@pytest.mark.parametrize("size", [(30_000, 30_000), (7_000, 7_000)], ids=["beyond-pil", "beyond-settings"])
def test_an_image_of_too_many_pixels_is_rejected_from_its_header(size: tuple[int, int]) -> None:
    rejects(DocumentLimitError, png_header(*size), match="pixels")


def test_a_truncated_image_is_corrupt() -> None:
    data = image_bytes(Image.new("RGB", (400, 400), "white"), "PNG")
    rejects(CorruptDocumentError, data[: len(data) // 2])


def test_a_tiff_with_more_pages_than_allowed_is_rejected() -> None:
    frames = [Image.new("L", (32, 32), 255) for _ in range(3)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="TIFF", save_all=True, append_images=frames[1:])
    rejects(DocumentLimitError, buffer.getvalue(), match="3 pages", limits=ExtractionLimits(max_pages=2))


def pdf_with_image(width: int, height: int) -> bytes:
    """A one-page PDF whose page shows one grey image that declares `width` x `height` pixels.

    The image data is a few bytes of a stream that would inflate to the declared size: only the
    image dictionary is needed to refuse it.
    """
    pixels = zlib.compress(bytes(4096))
    contents = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8"
        b" /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (width, height, len(pixels), pixels),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(contents), contents),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_scanned_page_with_a_giant_image_is_rejected_before_rendering() -> None:
    rejects(DocumentLimitError, pdf_with_image(30_000, 30_000), match="30000 x 30000 pixels")


def test_drawing_objects_hidden_in_nested_forms_count_towards_the_render_limit() -> None:
    """A form counts as one object on its page but draws all of its own: a rendering bomb wrapped
    in forms (here two levels deep) must not pass for a light page."""

    def wrapped_bomb(pdf: Canvas) -> None:
        pdf.beginForm("inner")
        for i in range(600):
            pdf.rect(i % 500, i // 500, 1, 1, stroke=0, fill=1)
        pdf.endForm()
        pdf.beginForm("outer")
        pdf.doForm("inner")
        pdf.doForm("inner")
        pdf.endForm()
        pdf.doForm("outer")

    rejects(
        DocumentLimitError,
        pdf_bytes(wrapped_bomb),
        "drawing objects",
        ExtractionLimits(max_page_objects=1000),
    )


RTF = rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard Jane Doe, Platform Engineer\par}"


@pytest.mark.parametrize(
    ("data", "error", "match"),
    [
        (b"{\\rtf1 " + b"{" * 1001 + b"x" + b"}" * 1001 + b"}", DocumentLimitError, "more than 1000 deep"),
        (
            RTF[:-1] + b"{\\object{\\*\\objdata \\bin2000000 " + bytes(2_000_000) + b"}}}",
            DocumentLimitError,
            "embeds",
        ),
        (RTF[:-12], CorruptDocumentError, "truncated"),
        (RTF + b"}", CorruptDocumentError, "closes more groups"),
        (RTF[:-1] + b"\\bin999999 abc}", CorruptDocumentError, "more binary data"),
    ],
    ids=["nesting", "object", "truncated", "unbalanced", "binary-overrun"],
)
def test_rtf_is_checked_before_it_is_converted(data: bytes, error: type[Exception], match: str) -> None:
    rejects(error, data, match)


def test_braces_inside_binary_data_and_escapes_do_not_count_as_groups() -> None:
    payload = b"}}}{" * 10
    data = RTF[:-1] + b"{\\*\\blipuid \\bin%d " % len(payload) + payload + b"} \\{ \\} \\\\}"
    check_rtf(data)  # balanced once \bin's bytes and the escaped braces are skipped


@pytest.mark.parametrize("name", ["protected.doc", "protected.odt"])
def test_password_protected_doc_and_odt_are_encrypted(name: str) -> None:
    rejects(EncryptedDocumentError, (FIXTURES / name).read_bytes(), "password-protected")


def test_an_odt_zip_bomb_is_rejected_from_its_declared_sizes() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", bytes(120 * MIB))
    rejects(DocumentLimitError, buffer.getvalue(), "decompresses", ExtractionLimits.from_settings(Settings()))


def test_a_doc_without_its_table_stream_is_corrupt() -> None:
    fib = bytes.fromhex("eca5c100") + bytes(6) + bytes.fromhex("0002") + bytes(52)  # fWhichTblStm: 1Table
    rejects(CorruptDocumentError, ole_bytes({"WordDocument": fib, "0Table": bytes(64)}), "table stream")

"""The bad-input corpus, generated on the fly: damaged, hostile, huge, empty and oddly encoded files.

Each case says how the service must end: rejected at upload with a reason, FAILED with a reason, or
COMPLETED (odd but legitimate input, such as UTF-16 text)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from tests.helpers import SAMPLE_PDF

RESUME_TEXT = """Ada Müller-Lovelace
Senior Backend Engineer
ada.mueller@example.org | +49 30 1234 5678 | Berlin, Germany

EXPERIENCE
Senior Backend Engineer, Nordwind Logistics GmbH
Jan 2021 - Present

EDUCATION
Technische Universität München
M.Sc. in Computer Science, 2015 - 2017

SKILLS
Go, Python, PostgreSQL
"""


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[], bytes]
    outcome: str  # "rejected", "failed" or "completed"
    reason: str = ""  # ErrorInfo / ResumeError reason (prefix match)


def _pdf(draw: Callable[[canvas.Canvas], None], **options: object) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, **options)  # type: ignore[arg-type]
    draw(pdf)
    pdf.save()
    return out.getvalue()


def _resume_lines(pdf: canvas.Canvas) -> None:
    y = 800
    for line in RESUME_TEXT.splitlines():
        pdf.drawString(50, y, line)
        y -= 16
    pdf.showPage()


def encrypted_pdf(user_password: str) -> bytes:
    return _pdf(_resume_lines, encrypt=StandardEncryption(user_password, ownerPassword="owner-secret"))


def many_pages_pdf(count: int) -> bytes:
    pdf = pdfium.PdfDocument.new()
    for _ in range(count):
        pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


def huge_page_pdf() -> bytes:
    return _pdf(lambda pdf: (pdf.setPageSize((200_000, 200_000)), _resume_lines(pdf)))


def flate_bomb_pdf() -> bytes:
    """A content stream that inflates from ~100 KB to 100 MB of drawing operators."""
    payload = zlib.compress(b"0 0 m 1 1 l S\n" * 7_500_000, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(payload) + payload + b"\nendstream",
    ]
    return _assemble_pdf(objects)


def _assemble_pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def invisible_text_pdf() -> bytes:
    def draw(pdf: canvas.Canvas) -> None:
        pdf.setFillColorRGB(1, 1, 1)
        for y in range(100, 800, 12):
            pdf.drawString(50, y, "Python Kubernetes Golang Rust Java Senior Staff Principal " * 3)
        pdf.showPage()

    return _pdf(draw)


STUFFED_KEYWORDS = ("COBOL", "Fortran", "Haskell", "Erlang")


def resume_with_white_text_stuffing() -> bytes:
    """A real resume with keywords hidden in white at the foot of the page, to game keyword search."""

    def draw(pdf: canvas.Canvas) -> None:
        _resume_lines(pdf)
        pdf.setFillColorRGB(1, 1, 1)
        for y in range(80, 400, 12):
            pdf.drawString(50, y, "SKILLS " + " ".join(STUFFED_KEYWORDS) + " Principal Architect")
        pdf.showPage()

    return _pdf(draw)


def docx_zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * 300_000_000 + b"</w:document>")
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge canvas; the pixel data is a few bytes of a zero stream."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def photo_jpeg() -> bytes:
    image = Image.new("RGB", (640, 800))
    for x in range(640):
        for y in range(0, 800, 4):
            image.putpixel((x, y), ((x * 3) % 256, (y * 2) % 256, 128))
    out = io.BytesIO()
    image.save(out, format="JPEG")
    return out.getvalue()


def blank_pdf() -> bytes:
    return _pdf(lambda pdf: pdf.showPage())


def corrupt_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<not-closed")
    return out.getvalue()


def _truncate(data: bytes, keep: int) -> bytes:
    return data[:keep]


CASES = [
    Case("zero-bytes", lambda: b"", "rejected", "EMPTY_FILE"),
    Case("random-bytes", lambda: bytes(range(256)) * 40, "rejected", "UNSUPPORTED_FORMAT"),
    Case(
        "legacy-doc",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048,
        "rejected",
        "UNSUPPORTED_FORMAT",
    ),
    Case("rtf", lambda: b"{\\rtf1\\ansi Resume}", "rejected", "UNSUPPORTED_FORMAT"),
    Case("gif", lambda: b"GIF89a" + b"\x00" * 100, "rejected", "UNSUPPORTED_FORMAT"),
    Case("plain-zip", lambda: _zip({"notes.txt": "hello"}), "rejected", "UNSUPPORTED_FORMAT"),
    Case(
        "odt",
        lambda: _zip({"mimetype": "application/vnd.oasis.opendocument.text"}),
        "rejected",
        "UNSUPPORTED_FORMAT",
    ),
    Case("damaged-zip", lambda: b"PK\x03\x04" + b"\x00" * 200, "rejected", "DOCUMENT_CORRUPT"),
    Case("elf-binary", lambda: b"\x7fELF\x02\x01\x01" + b"\x00" * 500, "rejected", "UNSUPPORTED_FORMAT"),
    Case("truncated-pdf", lambda: _truncate(SAMPLE_PDF.read_bytes(), 400), "failed", "DOCUMENT_"),
    Case("pdf-header-only", lambda: b"%PDF-1.7\n", "failed", "DOCUMENT_CORRUPT"),
    Case("pdf-garbage-body", lambda: b"%PDF-1.4\n" + bytes(range(256)) * 20, "failed", "DOCUMENT_CORRUPT"),
    Case("pdf-with-user-password", lambda: encrypted_pdf("candidate-secret"), "failed", "DOCUMENT_ENCRYPTED"),
    Case("pdf-owner-password-only", lambda: encrypted_pdf(""), "completed"),
    Case("pdf-10000-pages", lambda: many_pages_pdf(10_000), "failed", "DOCUMENT_LIMIT_EXCEEDED"),
    Case("pdf-huge-page", huge_page_pdf, "failed", "DOCUMENT_LIMIT_EXCEEDED"),
    Case("pdf-flate-bomb", flate_bomb_pdf, "failed", "DOCUMENT_LIMIT_EXCEEDED"),
    Case("pdf-blank-page", blank_pdf, "failed", "DOCUMENT_EMPTY"),
    Case("pdf-invisible-text-only", invisible_text_pdf, "failed", "DOCUMENT_EMPTY"),
    Case("pdf-white-text-stuffing", resume_with_white_text_stuffing, "completed"),
    Case("docx-zip-bomb", docx_zip_bomb, "failed", "DOCUMENT_LIMIT_EXCEEDED"),
    Case("docx-corrupt-xml", corrupt_docx, "failed", "DOCUMENT_CORRUPT"),
    Case("png-30000x30000", lambda: png_header(30_000, 30_000), "failed", "DOCUMENT_LIMIT_EXCEEDED"),
    Case("png-truncated", lambda: png_header(800, 600)[:40], "failed", "DOCUMENT_CORRUPT"),
    Case("jpeg-photo-only", photo_jpeg, "failed", "DOCUMENT_EMPTY"),
    Case("text-whitespace-only", lambda: b" \n\t\n   \n" * 50, "failed", "DOCUMENT_EMPTY"),
    Case("text-utf16", lambda: RESUME_TEXT.encode("utf-16"), "completed"),
    Case("text-latin1", lambda: RESUME_TEXT.encode("latin-1"), "completed"),
    Case("text-utf8-bom", lambda: b"\xef\xbb\xbf" + RESUME_TEXT.encode(), "completed"),
    Case("text-one-huge-line", lambda: ("word " * 300_000).encode(), "failed"),
    Case("text-long-lines", lambda: (RESUME_TEXT + "x" * 200_000 + "\n").encode(), "completed"),
    Case("html-resume", lambda: f"<html><body><pre>{RESUME_TEXT}</pre></body></html>".encode(), "completed"),
    Case("declared-pdf-is-text", lambda: RESUME_TEXT.encode(), "completed"),
]


def _zip(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()

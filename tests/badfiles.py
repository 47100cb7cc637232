"""The bad-input corpus, generated on the fly: damaged, hostile, huge, empty and oddly encoded files.

Each case says how the service must end: rejected at upload with a reason, FAILED with a reason, or
COMPLETED (odd but legitimate input, such as UTF-16 text)."""

from __future__ import annotations

import functools
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import docx
import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from tests.extraction.documents import docx_bytes, ole_bytes, password_protected_docx, with_main_part_type
from tests.helpers import FIXTURES, SAMPLE_PDF
from tests.office import FORMATS, convert_bytes

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


def resume_docx() -> docx.document.Document:
    document = docx.Document()
    for line in RESUME_TEXT.splitlines():
        document.add_paragraph(line)
    return document


@functools.cache
def office_copies() -> dict[str, bytes]:
    """The resume as DOC, RTF and ODT, saved by LibreOffice (once per test session)."""
    return convert_bytes(docx_bytes(resume_docx()), "docx", FORMATS)


def office_copy(extension: str) -> bytes:
    return office_copies()[extension]


def rtf_nested(depth: int) -> bytes:
    return b"{\\rtf1\\ansi " + b"{" * depth + RESUME_TEXT.encode() + b"}" * depth + b"}"


def rtf_with_object(size: int) -> bytes:
    """The resume with an embedded OLE object of `size` bytes, stored as binary (\\bin)."""
    rtf = office_copy("rtf")
    end = rtf.rstrip().rindex(b"}")
    blob = b"{\\object\\objemb{\\*\\objclass Package}{\\*\\objdata \\bin%d " % size + b"\x00" * size + b"}}"
    return rtf[:end] + blob + rtf[end:]


def odt_zip_bomb() -> bytes:
    """The resume with a content.xml that declares 300 MB (a few hundred KB compressed)."""
    source = zipfile.ZipFile(io.BytesIO(office_copy("odt")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "content.xml":
                data = data.replace(b"</office:text>", b" " * 300_000_000 + b"</office:text>")
            target.writestr(item, data)
    return out.getvalue()


def docm_with_macros() -> bytes:
    """The resume as a macro-enabled Word file with a VBA project (never run: no engine reads it)."""
    package = with_main_part_type(
        docx_bytes(resume_docx()), "application/vnd.ms-word.document.macroEnabled.main+xml"
    )
    out = io.BytesIO(package)
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr(
            "word/vbaProject.bin", ole_bytes({"PROJECT": b'ID="{00000000}"\r\nDocument=ThisDocument'})
        )
    return out.getvalue()


def pages_document() -> bytes:
    return _zip({"Index/Document.iwa": "", "Metadata/Properties.plist": "", "preview.jpg": ""})


CASES = [
    Case("zero-bytes", lambda: b"", "rejected", "EMPTY_FILE"),
    Case("random-bytes", lambda: bytes(range(256)) * 40, "rejected", "UNSUPPORTED_FORMAT"),
    Case(
        "ole2-damaged",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048,
        "rejected",
        "DOCUMENT_CORRUPT",
    ),
    Case("gif", lambda: b"GIF89a" + b"\x00" * 100, "rejected", "UNSUPPORTED_FORMAT"),
    Case("plain-zip", lambda: _zip({"notes.txt": "hello"}), "rejected", "UNSUPPORTED_FORMAT"),
    Case("apple-pages", pages_document, "rejected", "UNSUPPORTED_FORMAT"),
    Case(
        "works-wps",
        lambda: ole_bytes({"CONTENTS": b"CHNKWKS " + bytes(64)}),
        "rejected",
        "UNSUPPORTED_FORMAT",
    ),
    Case("doc-resume", lambda: office_copy("doc"), "completed"),
    Case("rtf-resume", lambda: office_copy("rtf"), "completed"),
    Case("odt-resume", lambda: office_copy("odt"), "completed"),
    Case("docm-with-macros", docm_with_macros, "completed"),
    Case(
        "doc-with-password", lambda: (FIXTURES / "protected.doc").read_bytes(), "failed", "DOCUMENT_ENCRYPTED"
    ),
    Case(
        "odt-with-password", lambda: (FIXTURES / "protected.odt").read_bytes(), "failed", "DOCUMENT_ENCRYPTED"
    ),
    Case(
        "docx-with-password",
        lambda: password_protected_docx(resume_docx()),
        "rejected",
        "DOCUMENT_ENCRYPTED",
    ),
    Case("doc-truncated", lambda: office_copy("doc")[:6000], "rejected", "DOCUMENT_CORRUPT"),
    Case("rtf-truncated", lambda: office_copy("rtf")[:-400], "failed", "DOCUMENT_CORRUPT"),
    Case("odt-truncated", lambda: office_copy("odt")[:3000], "rejected", "DOCUMENT_CORRUPT"),
    Case(
        "odt-without-content",
        lambda: _zip({"mimetype": "application/vnd.oasis.opendocument.text"}),
        "failed",
        "DOCUMENT_CORRUPT",
    ),
    Case("rtf-nested-100000-deep", lambda: rtf_nested(100_000), "failed", "DOCUMENT_LIMIT_EXCEEDED"),
    Case("rtf-1.2-mb-object", lambda: rtf_with_object(1_200_000), "failed", "DOCUMENT_LIMIT_EXCEEDED"),
    Case("odt-zip-bomb", odt_zip_bomb, "failed", "DOCUMENT_LIMIT_EXCEEDED"),
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

"""Small documents built in the tests: PDFs with reportlab, DOCX with python-docx, images with PIL."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pypdfium2 as pdfium
from msoffcrypto.format.ooxml import OOXMLFile
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from resume_parser.layout import Document as Layout

DEV_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"

Draw = Callable[[Canvas], None]


def pdf_bytes(*pages: Draw, pagesize: tuple[float, float] = A4, **canvas_options: object) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=pagesize, **canvas_options)
    for draw in pages:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def text_page(*lines: str, font: str = "Helvetica", size: float = 11) -> Draw:
    """A page with the given lines, one under the other from the top-left margin."""

    def draw(canvas: Canvas) -> None:
        canvas.setFont(font, size)
        for index, line in enumerate(lines):
            canvas.drawString(72, 770 - index * size * 1.4, line)

    return draw


def docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def image_bytes(image: Image.Image, format: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=format)
    return buffer.getvalue()


def rendered_page(pdf: bytes, *, dpi: int = 150) -> Image.Image:
    """The first page of a PDF as a bitmap: a scan without a text layer."""
    document = pdfium.PdfDocument(pdf)
    try:
        image: Image.Image = document[0].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()
    return image


# Keywords that the hidden-text tests hide in otherwise ordinary resumes.
STUFFING = "Python Kubernetes Golang Senior Staff Principal Architect"
STUFFED_WORDS = set(STUFFING.split())


def texts(document: Layout) -> list[str]:
    return [line.text for line in document.lines]


def with_main_part_type(package: bytes, content_type: str) -> bytes:
    """A Word package whose main part is declared as `content_type` (a template, a macro file)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(_DOCX_MAIN_TYPE, content_type.encode())
            target.writestr(item, data)
    return buffer.getvalue()


_DOCX_MAIN_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_SECTOR = 512
_FREE, _END, _FAT_SECTOR, _NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def ole_bytes(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file ([MS-CFB] version 3) holding up to three root streams.

    Each stream is padded to 4,096 bytes so that it lives in regular sectors, not the mini stream:
    enough for the detection and checks that read a stream's first bytes."""
    assert len(streams) <= 3
    contents = [data.ljust(4096, b"\x00") for data in streams.values()]
    fat = [_FAT_SECTOR, _END]  # sector 0: this table; sector 1: the directory
    starts = []
    for data in contents:
        starts.append(len(fat))
        count = len(data) // _SECTOR
        fat += [*range(len(fat) + 1, len(fat) + count), _END]
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH6xIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0, 4096, _END, 0, _END, 0)
    header += struct.pack("<109I", 0, *[_FREE] * 108)
    names = list(streams)
    entries = _ole_entry("Root Entry", 5, child=1 if names else _NO_STREAM, start=_END, size=0)
    for index, (name, start) in enumerate(zip(names, starts, strict=True), start=1):
        right = index + 1 if index < len(names) else _NO_STREAM
        entries += _ole_entry(name, 2, right=right, start=start, size=len(contents[index - 1]))
    fat_sector = struct.pack(f"<{len(fat)}I", *fat) + struct.pack("<I", _FREE) * (128 - len(fat))
    return header + fat_sector + entries.ljust(_SECTOR, b"\x00") + b"".join(contents)


def _ole_entry(
    name: str, kind: int, *, start: int, size: int, child: int = _NO_STREAM, right: int = _NO_STREAM
) -> bytes:
    encoded = (name + "\x00").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\x00")
        + struct.pack("<HBBIII", len(encoded), kind, 1, _NO_STREAM, right, child)
        + bytes(16 + 4 + 16)
        + struct.pack("<IQ", start, size)
    )


def password_protected_docx(document: docx.document.Document, password: str = "cv-secret") -> bytes:
    """The document encrypted as Word does it (ECMA-376 agile encryption in an OLE2 container)."""
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(docx_bytes(document))).encrypt(password, encrypted)
    return encrypted.getvalue()

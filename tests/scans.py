"""Scanned-document fixtures made from text PDFs: each page rendered to a bitmap, no text layer."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium


def image_only_pdf(source: Path, *, dpi: int = 150) -> bytes:
    pdf = pdfium.PdfDocument(source.read_bytes())
    try:
        images = [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in pdf]
    finally:
        pdf.close()
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()

"""Image-only 'scanned' copies of generated PDFs: rendered at scanner resolution, greyscale, slightly
rotated and speckled, saved as a PDF with no text layer so the parser has to OCR it."""

from __future__ import annotations

import random

import pypdfium2 as pdfium
from PIL import Image, ImageFilter


def scan(source: str, target: str, seed: int, dpi: int = 170) -> None:
    rng = random.Random(seed)
    pdf = pdfium.PdfDocument(source)
    pages = []
    for index in range(len(pdf)):
        image = pdf[index].render(scale=dpi / 72).to_pil().convert("L")
        image = image.rotate(
            rng.uniform(-1.0, 1.0), resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255
        )
        pages.append(_speckle(image, rng).filter(ImageFilter.GaussianBlur(0.4)))
    pdf.close()
    pages[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])


def _speckle(image: Image.Image, rng: random.Random) -> Image.Image:
    """A few hundred dark and light specks, like dust on the scanner glass."""
    pixels = image.load()
    assert pixels is not None
    width, height = image.size
    for _ in range(width * height // 4000):
        x, y = rng.randrange(width), rng.randrange(height)
        pixels[x, y] = rng.choice((40, 90, 230))
    return image

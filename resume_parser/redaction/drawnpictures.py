"""Pictures found in the page's pixels: the photo on a scanned page (a scan is one page-sized image,
so there is no picture object to find) and a photo or avatar drawn with vector paths rather than
placed as an image. Either shows as a solid block of ink where there is no text.

The page is rendered small, its text lines are whitened out, and the rest is cut into cells of
about 8 points; a cell is inked when most of its pixels are darker than the paper (the page's
median grey: scans are a little grey, and some pages are tinted). Connected inked cells that
fill most of their bounding box, are large enough to be a photo or a QR code, and have no text
line inside are pictures (a QR code's modules blur into such a block at this resolution). A
coloured header band with text on it is therefore not one; a picture fainter than the threshold
(a pale logo) or smaller than MIN_SIDE is not found.
"""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
from PIL import ImageDraw

from resume_parser.extraction.limits import ExtractionLimits
from resume_parser.extraction.pdfrender import check_render_cost, render_page
from resume_parser.layout import Box, Line

DPI = 36
CELL = 4  # pixels at DPI: about 8 points
CONTRAST = 16  # grey levels darker than the paper that count as ink (above a scan's noise)
INKED_SHARE = 0.5  # of a cell's pixels
MIN_FILL = 0.6  # of a component's bounding box
MIN_SIDE = 0.06  # of the page's width or height
MAX_AREA = 0.5  # of the page: larger is a background


def drawn_pictures(
    page: pdfium.PdfPage, number: int, lines: list[Line], limits: ExtractionLimits
) -> list[Box]:
    """The boxes (page coordinates) of the photos and QR codes that the page's pixels show."""
    check_render_cost(page, number, limits)
    image = render_page(page, DPI, limits, grayscale=True).convert("L")
    width, height = image.size
    draw = ImageDraw.Draw(image)
    for line in lines:
        box = line.box
        draw.rectangle((box.left * width, box.top * height, box.right * width, box.bottom * height), fill=255)
    pixels = np.asarray(image)
    inked = _inked_cells(pixels < np.median(pixels) - CONTRAST)
    boxes = []
    for cells, (top, left, bottom, right) in _components(inked):
        rows, columns = bottom - top + 1, right - left + 1
        box = Box(
            left * CELL / width,
            top * CELL / height,
            min(1.0, (right + 1) * CELL / width),
            min(1.0, (bottom + 1) * CELL / height),
        )
        if cells < MIN_FILL * rows * columns or not _photo_sized(box):
            continue
        if not any(_centre_inside(line.box, box) for line in lines):
            boxes.append(box)
    return boxes


def _inked_cells(ink_pixels: np.ndarray) -> np.ndarray:
    rows, columns = ink_pixels.shape[0] // CELL, ink_pixels.shape[1] // CELL
    ink = ink_pixels[: rows * CELL, : columns * CELL].reshape(rows, CELL, columns, CELL)
    inked: np.ndarray = ink.mean(axis=(1, 3)) > INKED_SHARE
    return inked


def _components(inked: np.ndarray) -> list[tuple[int, tuple[int, int, int, int]]]:
    """(cell count, (top, left, bottom, right)) of each 4-connected group of inked cells."""
    seen = np.zeros_like(inked)
    found = []
    rows, columns = inked.shape
    for row, column in zip(*np.nonzero(inked), strict=True):
        if seen[row, column]:
            continue
        seen[row, column] = True
        stack, count = [(int(row), int(column))], 0
        top, left, bottom, right = int(row), int(column), int(row), int(column)
        while stack:
            r, c = stack.pop()
            count += 1
            top, left, bottom, right = min(top, r), min(left, c), max(bottom, r), max(right, c)
            for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if 0 <= nr < rows and 0 <= nc < columns and inked[nr, nc] and not seen[nr, nc]:
                    seen[nr, nc] = True
                    stack.append((nr, nc))
        found.append((count, (top, left, bottom, right)))
    return found


def _photo_sized(box: Box) -> bool:
    return box.width >= MIN_SIDE and box.height >= MIN_SIDE and box.width * box.height <= MAX_AREA


def _centre_inside(inner: Box, outer: Box) -> bool:
    x, y = (inner.left + inner.right) / 2, (inner.top + inner.bottom) / 2
    return outer.left <= x <= outer.right and outer.top <= y <= outer.bottom

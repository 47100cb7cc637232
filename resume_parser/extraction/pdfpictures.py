"""Where a PDF page shows pictures: photos, QR codes, logos. The redacted document blacks them out,
and a photo on the page tells the parser the resume carries one.

A picture is a raster image object of the page (in a form too) that is neither tiny (an icon
before a phone number, a bullet, a skill-level dot) nor a background: one covering most of the
page (a scan, a page tint) or one with text printed over it (a coloured header or sidebar).
Vector drawings (a QR code drawn as rectangles, a logo made of paths) are not pictures here.
"""

from __future__ import annotations

import pypdfium2 as pdfium

from resume_parser.extraction.pdfrender import page_pictures
from resume_parser.layout import Box, Line

# Below this share of the page's width or height, an image is an icon or a decoration.
MIN_SIDE = 0.04
# Above this share of the page's area, an image is the page's background (or the page, in a scan).
MAX_AREA = 0.5


def picture_boxes(page: pdfium.PdfPage, lines: list[Line]) -> list[Box]:
    """The page's pictures in page coordinates (0..1, origin top-left), in drawing order."""
    left, bottom, right, top = page.get_bbox()
    width, height = max(right - left, 1.0), max(top - bottom, 1.0)
    boxes = []
    for picture in page_pictures(page):
        if picture.width == 0:  # a shading (gradient), not an image
            continue
        x0, y0, x1, y1 = picture.area
        box = Box(
            _clamp((x0 - left) / width),
            _clamp(1.0 - (y1 - bottom) / height),
            _clamp((x1 - left) / width),
            _clamp(1.0 - (y0 - bottom) / height),
        )
        if _is_picture(box, lines):
            boxes.append(box)
    return boxes


def _is_picture(box: Box, lines: list[Line]) -> bool:
    if box.width < MIN_SIDE or box.height < MIN_SIDE or box.width * box.height > MAX_AREA:
        return False
    return not any(_centre_inside(word.box, box) for line in lines for word in line.words)


def _centre_inside(inner: Box, outer: Box) -> bool:
    x, y = (inner.left + inner.right) / 2, (inner.top + inner.bottom) / 2
    return outer.left < x < outer.right and outer.top < y < outer.bottom


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))

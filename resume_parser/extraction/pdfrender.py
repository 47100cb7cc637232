"""Rasterizing a PDF page, within the limits: for OCR, and to see what lies beneath light text.

Rendering time grows with the page's drawing objects and its images' full sizes, not with the
output resolution, so both are checked before PDFium draws anything.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from resume_parser.errors import DocumentLimitError
from resume_parser.extraction.limits import ExtractionLimits

# Form XObjects nest; images deeper than this are not looked for.
MAX_FORM_DEPTH = 4

# left, bottom, right, top in PDF user space (points)
Rect = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class PlacedImage:
    width: int  # of the image data, in pixels
    height: int
    area: Rect  # where it is drawn on the page


def check_render_cost(page: pdfium.PdfPage, page_number: int, limits: ExtractionLimits) -> None:
    """Refuse, with DocumentLimitError, a page whose rendering could take minutes or gigabytes."""
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    if count > limits.max_page_objects:
        raise DocumentLimitError(
            f"page {page_number} has {count} drawing objects, over the limit of {limits.max_page_objects}"
        )
    for image in page_images(page):
        if image.width * image.height > limits.max_image_pixels:
            raise DocumentLimitError(
                f"page {page_number} holds an image of {image.width} x {image.height} pixels, over the "
                f"limit of {limits.max_image_pixels} pixels"
            )


def render_page(
    page: pdfium.PdfPage,
    dpi: float,
    limits: ExtractionLimits,
    *,
    grayscale: bool = False,
    smooth: bool = True,
) -> Image.Image:
    """The page as an image, scaled down if needed to stay within the pixel limit. Without
    smoothing (anti-aliasing) it renders faster, with ragged edges.

    Call check_render_cost first."""
    width, height = page.get_size()
    scale = dpi / 72
    pixels = width * height * scale * scale
    if pixels > limits.max_image_pixels:
        scale *= (limits.max_image_pixels / pixels) ** 0.5
    rough = not smooth
    bitmap = page.render(
        scale=scale, grayscale=grayscale, no_smoothtext=rough, no_smoothpath=rough, no_smoothimage=rough
    )
    image: Image.Image = bitmap.to_pil()
    return image


def page_images(page: pdfium.PdfPage) -> list[PlacedImage]:
    """The page's images, including those inside forms (placed on the page by their forms' matrices)."""
    images: list[PlacedImage] = []
    _collect_images(page.raw, pdfium.PdfMatrix(), 0, images)
    return images


def _collect_images(container: Any, matrix: pdfium.PdfMatrix, depth: int, images: list[PlacedImage]) -> None:
    # Raw calls: pypdfium2's object wrappers cost more than the loop itself on a busy page.
    in_form = depth > 0
    count = pdfium_c.FPDFFormObj_CountObjects if in_form else pdfium_c.FPDFPage_CountObjects
    get = pdfium_c.FPDFFormObj_GetObject if in_form else pdfium_c.FPDFPage_GetObject
    for index in range(count(container)):
        obj = get(container, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            width, height = ctypes.c_uint(), ctypes.c_uint()
            pdfium_c.FPDFImageObj_GetImagePixelSize(obj, width, height)
            images.append(PlacedImage(width.value, height.value, matrix.on_rect(*_bounds(obj))))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            form_matrix = pdfium_c.FS_MATRIX()
            pdfium_c.FPDFPageObj_GetMatrix(obj, form_matrix)
            _collect_images(obj, pdfium.PdfMatrix.from_raw(form_matrix).multiply(matrix), depth + 1, images)


def _bounds(obj: Any) -> Rect:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return left.value, bottom.value, right.value, top.value

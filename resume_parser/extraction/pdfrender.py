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

# Form XObjects nest; pictures deeper than this are not looked for.
MAX_FORM_DEPTH = 4

# left, bottom, right, top in PDF user space (points)
Rect = tuple[float, float, float, float]
# left, top, right, bottom in pixels of a rendered page
PixelBox = tuple[int, int, int, int]

_ROUGH = (
    pdfium_c.FPDF_RENDER_NO_SMOOTHTEXT
    | pdfium_c.FPDF_RENDER_NO_SMOOTHPATH
    | pdfium_c.FPDF_RENDER_NO_SMOOTHIMAGE
)


@dataclass(frozen=True, slots=True)
class Picture:
    """An image or a shading (a gradient) on the page."""

    area: Rect  # where it is drawn
    width: int = 0  # of an image's data, in pixels
    height: int = 0


def check_render_cost(page: pdfium.PdfPage, page_number: int, limits: ExtractionLimits) -> None:
    """Refuse, with DocumentLimitError, a page whose rendering could take minutes or gigabytes."""
    if too_many_objects(page, limits.max_page_objects):
        raise DocumentLimitError(
            f"page {page_number} has over {limits.max_page_objects} drawing objects (the limit)"
        )
    for image in page_pictures(page):
        if image.width * image.height > limits.max_image_pixels:
            raise DocumentLimitError(
                f"page {page_number} holds an image of {image.width} x {image.height} pixels, over the "
                f"limit of {limits.max_image_pixels} pixels"
            )


def too_many_objects(page: pdfium.PdfPage, limit: int) -> bool:
    """Whether the page draws more than `limit` objects, counting those inside forms at any depth
    (a form counts as one object on the page but draws all of its own). Stops counting past `limit`."""
    count = 0
    forms = [(page.raw, False)]
    while forms:
        container, is_form = forms.pop()
        size = (pdfium_c.FPDFFormObj_CountObjects if is_form else pdfium_c.FPDFPage_CountObjects)(container)
        count += size
        if count > limit:
            return True
        get = pdfium_c.FPDFFormObj_GetObject if is_form else pdfium_c.FPDFPage_GetObject
        for index in range(size):
            obj = get(container, index)
            if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_FORM:
                forms.append((obj, True))
    return False


def render_page(
    page: pdfium.PdfPage, dpi: float, limits: ExtractionLimits, *, grayscale: bool = False
) -> Image.Image:
    """The page as an image, scaled down if needed to stay within the pixel limit.

    Call check_render_cost first."""
    image: Image.Image = page.render(scale=render_scale(page, dpi, limits), grayscale=grayscale).to_pil()
    return image


def render_scale(page: pdfium.PdfPage, dpi: float, limits: ExtractionLimits) -> float:
    """Pixels per point for `dpi`, less if the whole page would exceed the pixel limit."""
    width, height = page.get_size()
    scale = dpi / 72
    pixels = width * height * scale * scale
    if pixels > limits.max_image_pixels:
        scale *= (limits.max_image_pixels / pixels) ** 0.5
    return scale


def render_window(page: pdfium.PdfPage, page_pixels: tuple[int, int], window: PixelBox) -> Image.Image:
    """The part `window` of the page rendered `page_pixels` large, without smoothing (faster).

    PDFium draws only the objects that reach into the window: a narrow band costs a fraction of
    the page. Call check_render_cost first."""
    left, top, right, bottom = window
    bitmap = pdfium.PdfBitmap.new_native(right - left, bottom - top, pdfium_c.FPDFBitmap_BGR)
    bitmap.fill_rect((255, 255, 255, 255), 0, 0, right - left, bottom - top)
    width, height = page_pixels
    pdfium_c.FPDF_RenderPageBitmap(bitmap, page, -left, -top, width, height, 0, _ROUGH)
    image: Image.Image = bitmap.to_pil()  # a copy: the bitmap can go
    bitmap.close()
    return image


def page_pictures(page: pdfium.PdfPage) -> list[Picture]:
    """The page's images and shadings, including those inside forms (placed on the page by their
    forms' matrices)."""
    pictures: list[Picture] = []
    _collect_pictures(page.raw, pdfium.PdfMatrix(), 0, pictures)
    return pictures


def _collect_pictures(container: Any, matrix: pdfium.PdfMatrix, depth: int, pictures: list[Picture]) -> None:
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
            pictures.append(Picture(matrix.on_rect(*_bounds(obj)), width.value, height.value))
        elif kind == pdfium_c.FPDF_PAGEOBJ_SHADING:
            pictures.append(Picture(matrix.on_rect(*_bounds(obj))))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            form_matrix = pdfium_c.FS_MATRIX()
            pdfium_c.FPDFPageObj_GetMatrix(obj, form_matrix)
            inner = pdfium.PdfMatrix.from_raw(form_matrix).multiply(matrix)
            _collect_pictures(obj, inner, depth + 1, pictures)


def _bounds(obj: Any) -> Rect:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return left.value, bottom.value, right.value, top.value

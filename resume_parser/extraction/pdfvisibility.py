"""Which words of a PDF's text layer a reader cannot see.

Reading the text layer notes, once per text object, the ink its glyphs are painted with. Dark ink
on any page is visible and costs nothing more. Only two kinds of words are judged here:

* words painted with no ink at all (invisible or clipping render mode, fully transparent):
  hidden, unless they lie over a picture (an image or a gradient). That is how a scanned page made
  searchable carries its text: an invisible layer over the page image, and that text is the real
  content; and text in clipping mode shows the picture painted through its glyphs (a gradient
  heading);
* words in light ink: hidden when they blend into what is beneath them. The page is rendered at
  low resolution with those words switched off, and the ink is compared with the pixels where the
  words sit, so white text on a navy banner stays and white text on a white page goes.

Unreadably small and off-page words need no page context; the text-layer reader drops them itself.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from resume_parser.errors import DocumentLimitError
from resume_parser.extraction.limits import ExtractionLimits
from resume_parser.extraction.pdfrender import (
    PixelBox,
    Rect,
    check_render_cost,
    page_pictures,
    render_scale,
    render_window,
    too_many_objects,
)
from resume_parser.extraction.visibility import WHITE, Rgb, blends_in, is_light
from resume_parser.layout import Word

# Enough to tell a banner from the page around it; a page renders in a few milliseconds.
BACKGROUND_DPI = 36
# Below this opacity (0..255) glyphs are too faint to read on any background.
MIN_VISIBLE_ALPHA = 26
# Where a word's background is sampled: points along the middle of its box, as fractions of its width.
_SAMPLES = (0.1, 0.3, 0.5, 0.7, 0.9)

_NO_PAINT_MODES = (pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP)
_STROKE_ONLY_MODES = (pdfium_c.FPDF_TEXTRENDERMODE_STROKE, pdfium_c.FPDF_TEXTRENDERMODE_STROKE_CLIP)
_FILL_AND_STROKE_MODES = (
    pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE,
    pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE_CLIP,
)


@dataclass(frozen=True, slots=True)
class Suspect:
    """A word that may not show: painted in light ink, or with none (`ink` is None)."""

    word: Word
    rect: Rect
    ink: Rgb | None
    text_objects: dict[int, Any]  # the FPDF_PAGEOBJECTs drawing its characters, by address
    clipping: bool = False  # unpainted glyphs that clip what is drawn next (it shows through them)


class InkReader:
    """The colour a text object paints its glyphs with, or None when it paints nothing."""

    def __init__(self) -> None:
        self._channels = [ctypes.c_uint() for _ in range(4)]

    def ink(self, text_object: Any) -> Rgb | None:
        mode = pdfium_c.FPDFTextObj_GetTextRenderMode(text_object)
        if mode in _NO_PAINT_MODES:
            return None
        if mode in _STROKE_ONLY_MODES:
            return self._colour(pdfium_c.FPDFPageObj_GetStrokeColor, text_object)
        fill = self._colour(pdfium_c.FPDFPageObj_GetFillColor, text_object)
        if mode in _FILL_AND_STROKE_MODES and (fill is None or is_light(fill)):
            # Outlined lettering (a white fill inside a dark outline) shows by its outline.
            stroke = self._colour(pdfium_c.FPDFPageObj_GetStrokeColor, text_object)
            return stroke if stroke is not None and not is_light(stroke) else fill
        return fill

    def _colour(self, get_colour: Any, text_object: Any) -> Rgb | None:
        red, green, blue, alpha = self._channels
        if not get_colour(text_object, red, green, blue, alpha):
            return (0, 0, 0)  # PDFium could not say: assume ordinary dark text
        if alpha.value < MIN_VISIBLE_ALPHA:
            return None
        return red.value, green.value, blue.value


def hidden_words(
    page: pdfium.PdfPage,
    page_number: int,
    suspects: list[Suspect],
    limits: ExtractionLimits,
    *,
    scanned: bool,
) -> list[Word]:
    """The suspects a reader of the page would not see. `scanned`: the page paints (almost) no text
    of its own, so an invisible text layer over its image is the scan's recognized text.

    Invisible text over a picture is that layer only on such a page: on a page with visible text,
    a picture (even a white one stretched over the page) does not make invisible words readable."""
    unpainted = [s for s in suspects if s.ink is None and (s.clipping or scanned)]
    light = [suspect for suspect in suspects if suspect.ink is not None]
    hidden: list[Word] = [s.word for s in suspects if s.ink is None and not (s.clipping or scanned)]
    if unpainted:
        pictures = _picture_areas(page, limits)
        hidden += [s.word for s in unpainted if not any(_centre_inside(s.rect, area) for area in pictures)]
    if light:
        backgrounds = _backgrounds(page, page_number, light, limits)
        hidden += [
            s.word for s, back in zip(light, backgrounds, strict=True) if s.ink and blends_in(s.ink, back)
        ]
    return hidden


def _backgrounds(
    page: pdfium.PdfPage, page_number: int, light: list[Suspect], limits: ExtractionLimits
) -> list[Rgb]:
    """The colour beneath each light word, seen with the light words switched off."""
    try:
        check_render_cost(page, page_number, limits)
    except DocumentLimitError:
        return [WHITE] * len(light)  # too costly to draw: judge against the usual white page
    to_pixel = _PixelMapping(page, render_scale(page, BACKGROUND_DPI, limits))
    window = to_pixel.window([s.rect for s in light])
    objects = list({address: obj for s in light for address, obj in s.text_objects.items()}.values())
    modes = [pdfium_c.FPDFTextObj_GetTextRenderMode(obj) for obj in objects]
    try:
        for obj in objects:
            pdfium_c.FPDFTextObj_SetTextRenderMode(obj, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
        image = render_window(page, to_pixel.page_pixels, window).convert("RGB")
    finally:
        # The page may still be rendered for OCR: it must look as it did.
        for obj, mode in zip(objects, modes, strict=True):
            pdfium_c.FPDFTextObj_SetTextRenderMode(obj, mode)
    return [_colour_beneath(image, window, to_pixel, s.rect) for s in light]


class _PixelMapping:
    """PDF user space to the pixels of the page rendered at `scale`, as PDFium maps it (page
    rotation, crop box)."""

    def __init__(self, page: pdfium.PdfPage, scale: float):
        width, height = page.get_size()
        self.page_pixels = (max(math.ceil(width * scale), 1), max(math.ceil(height * scale), 1))
        self._left, self._bottom, right, top = page.get_bbox()
        self._width, self._height = max(right - self._left, 1.0), max(top - self._bottom, 1.0)
        # PDFium maps whole pixels only: map the page's corners, interpolate in between.
        self._origin = self._device(page, self._left, self._bottom)
        self._across = self._device(page, right, self._bottom)
        self._up = self._device(page, self._left, top)

    def __call__(self, x: float, y: float) -> tuple[float, float]:
        u, v = (x - self._left) / self._width, (y - self._bottom) / self._height
        (x0, y0), (x1, y1), (x2, y2) = self._origin, self._across, self._up
        return x0 + u * (x1 - x0) + v * (x2 - x0), y0 + u * (y1 - y0) + v * (y2 - y0)

    def window(self, rects: list[Rect]) -> PixelBox:
        """The pixels covering all `rects`, within the page (at least one pixel)."""
        corners = [
            self(x, y) for left, bottom, right, top in rects for x, y in ((left, bottom), (right, top))
        ]
        columns, rows = [int(column) for column, _ in corners], [int(row) for _, row in corners]
        width, height = self.page_pixels
        left, top = min(max(min(columns), 0), width - 1), min(max(min(rows), 0), height - 1)
        return (
            left,
            top,
            max(min(max(columns) + 1, width), left + 1),
            max(min(max(rows) + 1, height), top + 1),
        )

    def _device(self, page: pdfium.PdfPage, x: float, y: float) -> tuple[int, int]:
        column, row = ctypes.c_int(), ctypes.c_int()
        width, height = self.page_pixels
        pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, width, height, 0, x, y, column, row)
        return column.value, row.value


def _colour_beneath(image: Image.Image, window: PixelBox, to_pixel: _PixelMapping, rect: Rect) -> Rgb:
    """The median colour of points along the middle of the word's box, where its glyphs are."""
    left, bottom, right, top = rect
    middle = (bottom + top) / 2
    (x0, y0), (x1, y1) = to_pixel(left, middle), to_pixel(right, middle)
    pixels = image.load()
    assert pixels is not None
    samples = []
    for fraction in _SAMPLES:
        column = min(max(int(x0 + (x1 - x0) * fraction) - window[0], 0), image.width - 1)
        row = min(max(int(y0 + (y1 - y0) * fraction) - window[1], 0), image.height - 1)
        samples.append(pixels[column, row])
    red, green, blue = (sorted(channel)[len(channel) // 2] for channel in zip(*samples, strict=True))
    return red, green, blue


def _picture_areas(page: pdfium.PdfPage, limits: ExtractionLimits) -> list[Rect]:
    if too_many_objects(page, limits.max_page_objects):
        return []  # a rendering bomb has no real text layer worth saving
    return [picture.area for picture in page_pictures(page)]


def _centre_inside(rect: Rect, area: Rect) -> bool:
    x, y = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
    return area[0] <= x <= area[2] and area[1] <= y <= area[3]

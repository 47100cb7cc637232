"""Image resumes (PNG, JPEG, TIFF): checked from the header, then read with OCR, frame by frame.

PIL's Image.open reads only the header, so the size limit applies before any pixel is decoded.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, UnidentifiedImageError

from resume_parser.errors import CorruptDocumentError, DocumentLimitError, EmptyDocumentError
from resume_parser.extraction.limits import DEFAULT_LIMITS, ExtractionLimits
from resume_parser.extraction.ocr import ocr_page
from resume_parser.layout import Block, Document, Page

# Large scans are scaled down before OCR: the text detector gains nothing above this size.
OCR_MAX_SIDE = 2500
DEFAULT_DPI = 200.0  # a typical scan, for images that do not state their resolution


def extract_image(data: bytes, media_type: str, limits: ExtractionLimits = DEFAULT_LIMITS) -> Document:
    pages = []
    with _open(data, limits) as image:
        frames = getattr(image, "n_frames", 1)
        if frames > limits.max_pages:
            raise DocumentLimitError(f"the image has {frames} pages, over the limit of {limits.max_pages}")
        for index in range(frames):
            image.seek(index)
            _check_pixels(image, limits)
            lines = ocr_page(_for_ocr(image), index + 1)
            width, height = _size_in_points(image)
            pages.append(
                Page(number=index + 1, width=width, height=height, blocks=[Block(lines)] if lines else [])
            )
    if not any(page.blocks for page in pages):
        raise EmptyDocumentError("no text was found in the image")
    return Document(pages=pages, media_type=media_type, extractor="ocr")


def _open(data: bytes, limits: ExtractionLimits) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # Our own pixel limit, checked next, is the one that applies; PIL's warning is not an error.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as error:
        raise DocumentLimitError(f"the image has more than {limits.max_image_pixels} pixels") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise CorruptDocumentError("the image is damaged or truncated") from error
    _check_pixels(image, limits)
    return image


def _check_pixels(image: Image.Image, limits: ExtractionLimits) -> None:
    width, height = image.size
    if width * height > limits.max_image_pixels:
        raise DocumentLimitError(
            f"the image is {width} x {height} pixels, over the limit of {limits.max_image_pixels} pixels"
        )


def _size_in_points(image: Image.Image) -> tuple[float, float]:
    dpi = image.info.get("dpi", (DEFAULT_DPI, DEFAULT_DPI))
    x_dpi, y_dpi = (float(dpi[0]) or DEFAULT_DPI, float(dpi[1]) or DEFAULT_DPI)
    return image.size[0] * 72 / x_dpi, image.size[1] * 72 / y_dpi


def _for_ocr(image: Image.Image) -> Image.Image:
    try:
        image.draft("RGB", (OCR_MAX_SIDE, OCR_MAX_SIDE))  # JPEG decodes straight to a smaller size
        frame = image.convert("RGB")
    except (OSError, SyntaxError, ValueError) as error:
        raise CorruptDocumentError("the image is damaged or truncated") from error
    if max(frame.size) > OCR_MAX_SIDE:
        frame.thumbnail((OCR_MAX_SIDE, OCR_MAX_SIDE))
    return frame

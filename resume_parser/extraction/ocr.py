"""OCR with RapidOCR (PaddleOCR models on ONNX Runtime, shipped inside the `rapidocr` package, so
it runs offline). Each detected text line becomes a line fragment; its words get boxes in
proportion to their share of the line's characters, which is what RapidOCR's line boxes allow.
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any

import numpy as np
from PIL import Image

from resume_parser.layout import Box, Line, Word

_engine_lock = threading.Lock()
# OCR glues bullets and middle dots to their neighbours ("•Led", "mail.com·"); they are separators.
_BULLETS = re.compile("([•·▪●◦‣∙])")


@functools.cache
def _engine() -> Any:
    # Imported here: loading ONNX Runtime and the models takes a second nobody should pay
    # unless a scan actually arrives.
    from rapidocr import RapidOCR

    # Resumes are upright: the text-angle classifier would only cost time.
    return RapidOCR(params={"Global.log_level": "critical", "Global.use_cls": False})


def ocr_page(image: Image.Image, page_number: int) -> list[Line]:
    """The text lines RapidOCR finds in a page image, with page-relative boxes and confidences."""
    rgb = np.asarray(image.convert("RGB"))
    with _engine_lock:  # the engine's sessions are not documented as thread-safe
        result = _engine()(rgb)
    if result.boxes is None or result.txts is None:
        return []
    width, height = image.size
    lines = []
    for points, text, score in zip(result.boxes, result.txts, result.scores or (), strict=False):
        box = _bounding_box(points, width, height)
        words = _words(str(text), box, float(score))
        if words:
            lines.append(Line(words=words, page=page_number, box=box))
    return lines


def _bounding_box(points: Any, width: int, height: int) -> Box:
    xs = [float(point[0]) for point in points]
    ys = [float(point[1]) for point in points]
    return Box(
        max(0.0, min(xs) / width),
        max(0.0, min(ys) / height),
        min(1.0, max(xs) / width),
        min(1.0, max(ys) / height),
    )


def _words(text: str, box: Box, confidence: float) -> list[Word]:
    tokens = _BULLETS.sub(r" \1 ", text).split()
    total = max(len(text), 1)
    words = []
    offset = 0
    for token in tokens:
        start = text.index(token, offset)
        offset = start + len(token)
        left = box.left + box.width * start / total
        right = box.left + box.width * offset / total
        words.append(Word(text=token, box=Box(left, box.top, right, box.bottom), confidence=confidence))
    return words

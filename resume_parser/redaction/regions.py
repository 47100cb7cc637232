"""What to black out on each page: where the parser read a personal field, every other word that
prints a personal value, and the pictures (photos, QR codes, logos).

Evidence boxes are page coordinates of the document the parser read. They apply when the pages
painted are that document (a PDF, an image); for a Word or text file the pages are LibreOffice's or
our own layout, so its personal values are found by their words alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from resume_parser.layout import Box, Document, Page, Word
from resume_parser.privacy import PersonalValue
from resume_parser.redaction.matching import personal_words
from resume_parser.resume import FieldEvidence

# A black box reaches a little past the glyphs it covers (ascenders, descenders, anti-aliasing),
# by these fractions of the word's height; OCR words get more room sideways, since their boxes
# are shares of their line's box by character count.
PADDING = 0.2
OCR_SIDE_PADDING = 0.6
# A word of the text layer is dropped when this much of it lies under black.
HIDDEN_SHARE = 0.1


class RegionKind(StrEnum):
    PERSONAL_FIELD = "personal_field"  # a personal field's evidence box
    PERSONAL_TEXT = "personal_text"  # another word printing a personal value
    PICTURE = "picture"  # a photo, QR code or logo


@dataclass(frozen=True, slots=True)
class Region:
    page: int  # 1-based
    box: Box
    kind: RegionKind


def find_regions(
    document: Document,
    values: list[PersonalValue],
    evidence: list[FieldEvidence],
    extra_pictures: dict[int, list[Box]] | None = None,
) -> list[Region]:
    """Every region of `document` to black out. `evidence` is left empty by callers whose pages are
    not the ones the parser read; `extra_pictures` are pictures found by other means, per page."""
    paths = {value.path for value in values}
    ocr_pages = {page.number for page in document.pages if _read_by_ocr(page)}
    regions = [
        Region(
            item.page, _padded(_box(item), _side_padding(item.page in ocr_pages)), RegionKind.PERSONAL_FIELD
        )
        for item in evidence
        if item.path in paths and item.page > 0 and item.box is not None
    ]
    for page in document.pages:
        fields = [region.box for region in regions if region.page == page.number]
        for word in personal_words(page.lines, values):
            if not any(_centre_inside(word.box, box) for box in fields):
                regions.append(Region(page.number, _word_box(word), RegionKind.PERSONAL_TEXT))
        pictures = [*page.pictures, *(extra_pictures or {}).get(page.number, [])]
        regions.extend(Region(page.number, box, RegionKind.PICTURE) for box in pictures)
    return regions


def kept_words(page: Page, regions: list[Region]) -> list[Word]:
    """The words of `page` that no region covers: the redacted page's text layer."""
    boxes = [region.box for region in regions if region.page == page.number]
    return [
        word
        for line in page.lines
        for word in line.words
        if not any(_covered_share(word.box, box) > HIDDEN_SHARE for box in boxes)
    ]


def _word_box(word: Word) -> Box:
    return _padded(word.box, _side_padding(word.confidence is not None))


def _side_padding(by_ocr: bool) -> float:
    return OCR_SIDE_PADDING if by_ocr else PADDING


def _read_by_ocr(page: Page) -> bool:
    words = [word for line in page.lines for word in line.words]
    return bool(words) and all(word.confidence is not None for word in words)


def _padded(box: Box, side: float) -> Box:
    height = box.height
    return Box(
        max(0.0, box.left - height * side),
        max(0.0, box.top - height * PADDING),
        min(1.0, box.right + height * side),
        min(1.0, box.bottom + height * PADDING),
    )


def _box(evidence: FieldEvidence) -> Box:
    assert evidence.box is not None
    return Box(evidence.box.left, evidence.box.top, evidence.box.right, evidence.box.bottom)


def _centre_inside(inner: Box, outer: Box) -> bool:
    x, y = (inner.left + inner.right) / 2, (inner.top + inner.bottom) / 2
    return outer.left <= x <= outer.right and outer.top <= y <= outer.bottom


def _covered_share(word: Box, black: Box) -> float:
    width = min(word.right, black.right) - max(word.left, black.left)
    height = min(word.bottom, black.bottom) - max(word.top, black.top)
    area = word.width * word.height
    if width <= 0 or height <= 0 or area <= 0:
        return 0.0
    return width * height / area

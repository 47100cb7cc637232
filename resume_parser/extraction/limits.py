"""The bounds every extractor enforces so that no input can exhaust a worker's time or memory."""

from __future__ import annotations

from dataclasses import dataclass

from resume_parser.settings import Settings

# A PDF page larger than 200 inches on a side is beyond what the PDF specification allows
# (14,400 units); anything that large is an attack or a broken file, not a resume.
MAX_PAGE_POINTS = 14_400.0
# A resume page holds hundreds to a few thousand drawing objects; millions are a rendering bomb
# (a small compressed stream of path operators) that would take minutes to rasterize for OCR.
MAX_PAGE_OBJECTS = 100_000
# RTF written by Word or LibreOffice nests groups under ten deep; 1,000 is far past any real file and
# far below the hundreds of thousands that make LibreOffice need gigabytes (see rtf.py).
MAX_RTF_DEPTH = 1_000
# Embedded OLE objects (a pasted chart, a packaged file) in an RTF, as stored in the file; a resume
# has none or a small one, and each goes to another importer.
MAX_EMBEDDED_OBJECT_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ExtractionLimits:
    max_pages: int = 50
    max_image_pixels: int = 40_000_000
    max_decompressed_bytes: int = 100 * 1024 * 1024
    max_page_points: float = MAX_PAGE_POINTS
    max_page_objects: int = MAX_PAGE_OBJECTS
    max_rtf_depth: int = MAX_RTF_DEPTH
    max_embedded_object_bytes: int = MAX_EMBEDDED_OBJECT_BYTES

    @classmethod
    def from_settings(cls, settings: Settings) -> ExtractionLimits:
        return cls(
            max_pages=settings.max_pages,
            max_image_pixels=settings.max_image_pixels,
            max_decompressed_bytes=settings.max_decompressed_bytes,
        )


DEFAULT_LIMITS = ExtractionLimits()

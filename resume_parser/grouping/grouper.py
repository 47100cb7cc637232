"""The grouping stage: reading order from geometry, then sections from the segmentation model."""

from __future__ import annotations

from resume_parser.cascade.parser import Cascade
from resume_parser.cascade.reading import read_document
from resume_parser.layout import Document, GroupedDocument


class LayoutGrouper:
    """Grouper Protocol implementation: columns, rows and margins by geometry (reading_order.py),
    then every line labelled with its section by the trained segmentation model."""

    def __init__(self, cascade: Cascade) -> None:
        self._cascade = cascade

    def group(self, document: Document) -> GroupedDocument:
        reading = read_document(document)
        sections = self._cascade.sections(reading, self._cascade.segment(reading))
        return GroupedDocument(document=reading.document, sections=sections)

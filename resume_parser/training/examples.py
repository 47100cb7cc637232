"""Training examples: a labelled document read as the cascade reads it, with its alignment, and the
sequences each model learns from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from resume_parser.cascade.fields import token_features
from resume_parser.cascade.labels import Kind
from resume_parser.cascade.layout_stats import layout_stats
from resume_parser.cascade.parser import blocks
from resume_parser.cascade.reading import ReadingDocument, read_document
from resume_parser.cascade.segmentation import line_features
from resume_parser.training.align import Alignment, align
from resume_parser.training.corpus import LabelledDocument, LayoutCache

Sequence = tuple[list[list[str]], list[str]]


@dataclass(slots=True)
class Example:
    document: LabelledDocument
    reading: ReadingDocument
    alignment: Alignment

    def segmentation(self) -> Sequence:
        return line_features(self.reading), self.alignment.line_labels

    def fields(self, kind: Kind) -> Iterator[Sequence]:
        """One sequence per block of lines of the kind, as the aligned labels cut them."""
        stats = layout_stats(self.reading.lines)
        for block in blocks(self.alignment.line_labels):
            if block.kind != kind or not block.lines:
                continue
            lines = [self.reading.lines[i] for i in block.lines]
            labels = [label for i in block.lines for label in self.alignment.token_labels[i]]
            if labels:
                yield token_features(lines, stats), labels


def build_examples(documents: list[LabelledDocument], cache_folder: Path, processes: int = 2) -> list[Example]:
    layouts = LayoutCache(cache_folder).extract_all([d.path for d in documents], processes)
    examples = []
    for document, layout in zip(documents, layouts, strict=True):
        reading = read_document(layout)
        examples.append(Example(document, reading, align(reading, document.truth)))
    return examples

"""Training examples: a labelled document read as the cascade reads it, with its alignment, and the
sequences each model learns from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from resume_parser.cascade.entries import ENTRY_KINDS, entry_line_labels
from resume_parser.cascade.entries import line_features as entry_features
from resume_parser.cascade.fields import token_features
from resume_parser.cascade.labels import ENTRY_PREFIX, OTHER_TOKEN, Kind
from resume_parser.cascade.layout_stats import LayoutStats, layout_stats
from resume_parser.cascade.parser import blocks
from resume_parser.cascade.reading import ReadingDocument, read_document
from resume_parser.cascade.segmentation import line_features
from resume_parser.cascade.tokens import TokenLine
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
        """One sequence per block of lines of the kind, as the aligned labels cut them. In entry
        sections the entry marks are the entry model's to learn, not the field model's."""
        for lines, rows in self._blocks(kind):
            labels = [label for row in rows for label in row]
            if kind in ENTRY_KINDS:
                labels = [label.removeprefix(ENTRY_PREFIX) for label in labels]
            if labels:
                yield token_features(lines, self._stats), labels
            if kind == Kind.WORK:
                glued = _without_place_separators(lines, rows)
                if glued is not None:
                    glued_lines, glued_rows = glued
                    labels = [label.removeprefix(ENTRY_PREFIX) for row in glued_rows for label in row]
                    yield token_features(glued_lines, self._stats), labels

    def entries(self) -> Iterator[Sequence]:
        """The entry model's sequences: the lines of every entry section's block."""
        for kind in ENTRY_KINDS:
            for lines, rows in self._blocks(kind):
                fields = [[label.removeprefix(ENTRY_PREFIX) for label in row] for row in rows]
                yield entry_features(kind, lines, fields, self._stats), entry_line_labels(rows)

    @property
    def _stats(self) -> LayoutStats:
        return layout_stats(self.reading.lines)

    def _blocks(self, kind: Kind) -> Iterator[tuple[list[TokenLine], list[list[str]]]]:
        for block in blocks(self.alignment.line_labels):
            if block.kind == kind and block.lines:
                lines = [self.reading.lines[i] for i in block.lines]
                yield lines, [self.alignment.token_labels[i] for i in block.lines]


def _without_place_separators(
    lines: list[TokenLine], rows: list[list[str]]
) -> tuple[list[TokenLine], list[list[str]]] | None:
    """The block again with the separators between an employer and its place removed ("Acme GmbH,
    Berlin" -> "Acme GmbH Berlin"), as some layouts print them: a place is then told by the
    gazetteer and its place in the line, not only by the comma before it. None when no line has
    such a separator."""
    changed = False
    new_lines, new_rows = [], []
    for line, row in zip(lines, rows, strict=True):
        drop = set()
        for index, label in enumerate(row):
            if label != OTHER_TOKEN or line.tokens[index].text[:1].isalnum():
                continue
            before = next((row[i] for i in range(index - 1, -1, -1) if row[i] != OTHER_TOKEN), None)
            after = next((row[i] for i in range(index + 1, len(row)) if row[i] != OTHER_TOKEN), None)
            if before and before.removeprefix(ENTRY_PREFIX) == "employer" and after == "location":
                drop.add(index)
        if drop:
            changed = True
            kept = [
                (t, label) for i, (t, label) in enumerate(zip(line.tokens, row, strict=True)) if i not in drop
            ]
            new_lines.append(TokenLine(line.line, line.text, tuple(t for t, _ in kept)))
            new_rows.append([label for _, label in kept])
        else:
            new_lines.append(line)
            new_rows.append(row)
    return (new_lines, new_rows) if changed else None


def build_examples(
    documents: list[LabelledDocument], cache_folder: Path, processes: int = 2
) -> list[Example]:
    layouts = LayoutCache(cache_folder).extract_all([d.path for d in documents], processes)
    examples = []
    for document, layout in zip(documents, layouts, strict=True):
        reading = read_document(layout)
        examples.append(Example(document, reading, align(reading, document.truth)))
    return examples

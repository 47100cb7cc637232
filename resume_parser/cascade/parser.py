"""The cascade put together, in the two stages of the pipeline:

- grouping: the layout read in order (reading.py), every line labelled with its section by the
  segmentation model, lines gathered into sections (`Cascade.segment`, `Cascade.sections`);
- normalizing: each section's tokens labelled with fields by the field model of its kind, the
  entries of work, education, certificate and project sections found by the entry model, and the
  fields assembled into a JSON Resume with value normalizers (`Cascade.read`).

Models are loaded once per process (`load_cascade`); a missing model file is a start-up error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from resume_parser.cascade.assemble import Assembler
from resume_parser.cascade.calibration import Calibration
from resume_parser.cascade.crf import Labelling
from resume_parser.cascade.entries import ENTRY_KINDS, EntrySplitter
from resume_parser.cascade.entries import MODEL_FILE as ENTRIES_FILE
from resume_parser.cascade.fields import MODELLED_KINDS, FieldLabeller, model_file
from resume_parser.cascade.labels import Kind, is_heading
from resume_parser.cascade.layout_stats import layout_stats
from resume_parser.cascade.reading import ReadingDocument, column_edges
from resume_parser.cascade.segmentation import MODEL_FILE, Segmenter
from resume_parser.cascade.spans import Placed, placed_tokens
from resume_parser.cascade.tokens import TokenLine, tokenize_line
from resume_parser.cascade.words import phrase_flags
from resume_parser.errors import ConfigurationError
from resume_parser.layout import Box, Line, Section, SectionKind
from resume_parser.normalization.contact import EMAIL
from resume_parser.normalization.phones import phone_candidates
from resume_parser.resume import FieldEvidence, ParsedResume

MODELS = Path(__file__).resolve().parent / "models"
MANIFEST = "manifest.json"


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive lines of one section kind, with the heading that opened them (if any)."""

    kind: Kind
    headings: list[int]  # the heading's lines (a heading may wrap: "Education and / training")
    lines: list[int]


STRAY_LINES = 2
# Within these sections a line styled like a heading labels what follows ("EMAIL", "FRAMEWORKS"):
# it stays a line of the section, for the field model to read.
_LABELLED_KINDS = (Kind.BASICS, Kind.SKILLS)


def blocks(labels: list[str], texts: list[str] | None = None) -> list[Block]:
    """Line labels to section blocks: a heading opens a block; a change of kind starts one too.

    A few lines of a section read just before its heading (a date set level with the heading, so
    geometry puts it first) open the block of that heading instead of making one of their own.
    """
    result: list[Block] = []
    for index, label in enumerate(labels):
        kind = Kind.of_label(label)
        last = result[-1] if result else None
        if is_heading(label):
            if last and last.kind == kind and texts and _wraps(last, texts, index):
                last.headings.append(index)  # the heading goes on on the next line
            elif last and last.kind == kind and kind in _LABELLED_KINDS:
                last.lines.append(index)
            elif last and not last.headings and last.kind == kind and len(last.lines) <= STRAY_LINES:
                result[-1] = Block(kind, [index], list(last.lines))
            else:
                result.append(Block(kind, [index], []))
        elif last and last.kind == kind:
            last.lines.append(index)
        else:
            result.append(Block(kind, [], [index]))
    return result


def _wraps(block: Block, texts: list[str], index: int) -> bool:
    return bool(block.headings) and not block.lines and _continues(texts[block.headings[-1]], texts[index])


_OPEN_ENDINGS = ("&", "+", ",", "/", "-", "–")
_CONNECTORS = frozenset({"and", "of", "und", "et", "y", "e", "de", "der", "des", "del"})


def _continues(heading: str, line: str) -> bool:
    """A heading line cut mid-phrase ("Education and" / "training")."""
    heading, line = heading.strip(), line.strip()
    last_word = heading.rsplit(maxsplit=1)[-1].casefold() if heading else ""
    return bool(line) and (line[0].islower() or heading.endswith(_OPEN_ENDINGS) or last_word in _CONNECTORS)


@dataclass(slots=True)
class Reading:
    """What the field models read from a document's sections."""

    resume: ParsedResume
    evidence: list[FieldEvidence]


class Cascade:
    def __init__(self, folder: Path = MODELS) -> None:
        self.folder = folder
        self.manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text("utf-8"))
        self.segmenter = Segmenter(folder)
        self.labellers = {kind: FieldLabeller(folder, kind) for kind in MODELLED_KINDS}
        self.entry_splitter = EntrySplitter(folder)
        self._icon_networks = dict(self.manifest.get("icon_networks", {}))
        self.calibration = Calibration.load(folder)

    @property
    def version(self) -> str:
        return str(self.manifest["version"])

    # -- grouping ----------------------------------------------------------------------------

    def segment(self, reading: ReadingDocument) -> Labelling:
        return self.segmenter.label(reading)

    def sections(self, reading: ReadingDocument, labelling: Labelling) -> list[Section]:
        sections: list[Section] = []
        for block in blocks(labelling.labels, [line.text for line in reading.lines]):
            heading = _joined([reading.lines[i].line for i in block.headings])
            lines = [reading.lines[i].line for i in block.lines]
            kind = block.kind.section
            if block.kind == Kind.BASICS and not sections and heading is None:
                kind = SectionKind.HEADER
            sections.append(Section(kind, heading, lines))
        return sections

    # -- normalizing -------------------------------------------------------------------------

    def read(self, sections: list[Section], calibrated: bool = True) -> Reading:
        """The fields of the sections; `calibrated=False` keeps every value with its raw confidence
        (what calibration itself is fitted on)."""
        token_lines = _tokenized(sections)
        stats = layout_stats(list(token_lines.values()))
        calibration = self.calibration if calibrated else Calibration({})
        assembler = Assembler(calibration=calibration, icon_networks=self._icon_networks)
        basics: list[Placed] = []
        others: list[TokenLine] = []
        for section in sections:
            kind = Kind.of_section(section.kind)
            lines = [token_lines[id(line)] for line in section.lines]
            if kind == Kind.SUMMARY:
                assembler.summary([line.text for line in lines])
            if kind != Kind.BASICS:
                others += lines
            if kind not in self.labellers or not lines:
                continue
            labelling = self.labellers[kind].label(lines, stats)
            if kind in ENTRY_KINDS:
                marked = self.entry_splitter.mark(kind, lines, labelling.labels, stats)
                labelling = Labelling(marked, labelling.probabilities)
            tokens = placed_tokens(lines, labelling)
            if kind == Kind.BASICS:
                basics += tokens
            else:
                assembler.add(kind, tokens)
        if not any(placed.label.removeprefix("B-") == "email" for placed in basics):
            basics += contact_outside_basics(others)
        assembler.basics(basics)
        return Reading(assembler.resume, assembler.evidence.items)

    def parse_reading(self, reading: ReadingDocument, calibrated: bool = True) -> Reading:
        """Both stages on a document already read: what the pipeline's group and normalize stages do."""
        return self.read(self.sections(reading, self.segment(reading)), calibrated)


# An e-mail address the segmentation put into another section (a contact line at the foot of a
# sidebar, read after the last section) is still the candidate's: the pattern is unambiguous. Its
# confidence is the calibration's to judge, like any other field's.
FOUND_OUTSIDE_PROBABILITY = 0.6


def contact_outside_basics(lines: list[TokenLine]) -> list[Placed]:
    """The first line outside the contact block printing an e-mail address, with that address and a
    phone number on the same line labelled as the contact block's; the short lines around it (a
    sidebar's contact list) give their phone number and their city too."""
    for index, line in enumerate(lines):
        found = EMAIL.search(line.text)
        if found is None:
            continue
        placed = _labelled(line, [(found.start(), found.end(), "email"), *_phone_spans(line)])
        for other in lines[max(0, index - CONTACT_NEIGHBOURS) : index + CONTACT_NEIGHBOURS + 1]:
            if other is not line and len(other.tokens) <= MAX_CONTACT_LINE_TOKENS:
                placed += _labelled(other, _phone_spans(other) or _place_spans(other))
        return placed
    return []


# How far from the e-mail line a sidebar's contact list reaches, and how long its lines are.
CONTACT_NEIGHBOURS = 3
MAX_CONTACT_LINE_TOKENS = 8


def _labelled(line: TokenLine, spans: list[tuple[int, int, str]]) -> list[Placed]:
    return [
        Placed(token, line, label, FOUND_OUTSIDE_PROBABILITY)
        for token in line.tokens
        for start, end, label in spans
        if token.end > start and token.start < end
    ]


def _phone_spans(line: TokenLine) -> list[tuple[int, int, str]]:
    spans = []
    for candidate in phone_candidates(line.text):
        start = line.text.find(candidate)
        spans.append((start, start + len(candidate), "phone"))
    return spans


def _place_spans(line: TokenLine) -> list[tuple[int, int, str]]:
    """A line that starts with a city the gazetteer knows ("Calgary AB CA", "Lyon, France"): the
    city, then the rest as its region or country."""
    flags = phrase_flags(line)
    if not line.tokens or "city=B" not in flags[0]:
        return []
    inside = 1
    while inside < len(line.tokens) and "city=I" in flags[inside]:
        inside += 1
    city_end = line.tokens[inside - 1].end
    spans = [(line.tokens[0].start, city_end, "city")]
    rest = [token for token in line.tokens[inside:] if token.text[:1].isalnum()]
    spans += [(token.start, token.end, "location") for token in rest]
    return spans


def _joined(lines: list[Line]) -> Line | None:
    """A heading printed on several lines, as one line."""
    if len(lines) <= 1:
        return lines[0] if lines else None
    words = [word for line in lines for word in line.words]
    return Line(words=words, page=lines[0].page, box=Box.enclosing([line.box for line in lines]))


def _tokenized(sections: list[Section]) -> dict[int, TokenLine]:
    lines: list[Line] = []
    for section in sections:
        if section.heading is not None:
            lines.append(section.heading)
        lines += section.lines
    edges = column_edges(lines)
    return {id(line): tokenize_line(line, edges.get(line.page, frozenset())) for line in lines}


def model_files() -> list[str]:
    return [MANIFEST, MODEL_FILE, ENTRIES_FILE, *(model_file(kind) for kind in MODELLED_KINDS)]


@cache
def load_cascade(folder: Path = MODELS) -> Cascade:
    """The process's cascade; a clear start-up error when its model files are missing."""
    missing = [name for name in model_files() if not (folder / name).exists()]
    if missing:
        raise ConfigurationError(
            f"the parser's model files are missing from {folder}: {', '.join(missing)} (run `make train`)"
        )
    return Cascade(folder)

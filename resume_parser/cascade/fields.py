"""The second stage of the cascade: per section kind, a model that labels every token of the section's
lines with the field it prints (employer, position, dates, institution, degree, skill, language, ...)
and marks where a new entry begins.

A token is described by itself (shape, lexicon flags, whether the date grammar, the phone pattern or
the city gazetteer covers it), by its place in the line (first or last, which cell of a line cut at
wide gaps, which comma-separated part, inside brackets), by its line (typography, bullets, dates,
indentation, space above, position in the section) and by its neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from resume_parser.cascade.crf import Features, Labelling, SequenceModel
from resume_parser.cascade.labels import Kind
from resume_parser.cascade.layout_stats import LayoutStats, gap_bucket, size_bucket, vertical_gap
from resume_parser.cascade.tokens import Token, TokenLine
from resume_parser.cascade.words import phrase_flags, word_flags
from resume_parser.layout import UNKNOWN_BOX
from resume_parser.normalization.dates import find_dates
from resume_parser.normalization.lines import is_bullet
from resume_parser.normalization.phones import phone_candidates

# The section kinds with a field model; summary and other sections are read as text.
MODELLED_KINDS = (
    Kind.BASICS,
    Kind.WORK,
    Kind.EDUCATION,
    Kind.SKILLS,
    Kind.LANGUAGES,
    Kind.CERTIFICATES,
    Kind.PROJECTS,
)
_PART_SEPARATORS = frozenset(",|·•–—;/")
_NEIGHBOUR_FLAGS = (
    "shape=",
    "w=",
    "punct=",
    "lex=",
    "sep",
    "email",
    "url",
    "year",
    "icon",
    "city=",
    "date=",
    "spacing=",
)


def model_file(kind: Kind) -> str:
    return f"fields-{kind.value}.crfsuite"


@dataclass(frozen=True, slots=True)
class TokenRef:
    """A token of a section's sequence: its line (index into the section's lines) and position."""

    line: int
    token: int


def sequence_refs(lines: list[TokenLine]) -> list[TokenRef]:
    return [TokenRef(i, j) for i, line in enumerate(lines) for j in range(len(line.tokens))]


def token_features(lines: list[TokenLine], stats: LayoutStats) -> list[Features]:
    """The features of every token of a section's lines, in order."""
    own: list[Features] = []
    left = min((line.line.box.left for line in lines if line.line.box != UNKNOWN_BOX), default=0.0)
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else None
        shared = _line_features(line, previous, index, stats, left)
        own += _tokens_of_line(line, shared)
    features: list[Features] = []
    for index, mine in enumerate(own):
        row = ["bias", *mine]
        for offset in (-2, -1, 1, 2):
            other = index + offset
            if 0 <= other < len(own):
                row += [f"{offset}:{f}" for f in own[other] if f.startswith(_NEIGHBOUR_FLAGS)]
            else:
                row.append(f"{offset}:none")
        features.append(row)
    return features


def _line_features(
    line: TokenLine, previous: TokenLine | None, index: int, stats: LayoutStats, left: float
) -> Features:
    layout_line = line.line
    text = line.text.strip()
    words = sum(1 for t in line.tokens if any(c.isalnum() for c in t.text))
    features = [f"L:idx={min(index, 3)}", f"L:len={min(words, 12) // 3}"]
    features.append(f"L:size={size_bucket(layout_line.font_size, stats)}")
    if layout_line.bold:
        features.append("L:bold")
    if is_bullet(text):
        features.append("L:bullet")
    if text.endswith("."):
        features.append("L:period")
    if text.endswith(":"):
        features.append("L:colon")
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        features.append("L:caps")
    if find_dates(text):
        features.append("L:dated")
    if previous is not None:
        if is_bullet(previous.text.strip()):
            features.append("L:afterbullet")
        if previous.text.strip().endswith("."):
            features.append("L:afterperiod")
        if previous.line.bold != layout_line.bold:
            features.append("L:boldchange")
        if previous.line.font_size != layout_line.font_size:
            features.append("L:sizechange")
        if find_dates(previous.text):
            features.append("L:afterdated")
        features.append(f"L:above={gap_bucket(vertical_gap(previous.line, layout_line), stats)}")
    if layout_line.box != UNKNOWN_BOX:
        indent = layout_line.box.left - left
        features.append("L:indent=0" if indent < 0.01 else "L:indent=1" if indent < 0.04 else "L:indent=2")
        if layout_line.page > 1:
            features.append("L:laterpage")
    return features


def _tokens_of_line(line: TokenLine, shared: Features) -> list[Features]:
    tokens = line.tokens
    dates = _date_marks(line)
    phones = _phone_marks(line)
    cities = phrase_flags(line)
    words = line.line.words
    line_size = line.line.font_size
    last_cell = tokens[-1].cell if tokens else 0
    part, depth = 0, 0
    rows: list[Features] = []
    for position, token in enumerate(tokens):
        if token.text in _PART_SEPARATORS:
            part += 1
        if token.text == "(":
            depth += 1
        features = [*word_flags(token.text), *shared, *cities[position]]
        if dates[position]:
            features.append(dates[position])
        if phones[position]:
            features.append("phone")
        features.append(f"tok={min(position, 3)}")
        if position == len(tokens) - 1:
            features.append("lasttok")
        features.append(f"cell={min(token.cell, 2)}")
        if token.cell == last_cell and last_cell > 0:
            features.append("lastcell")
        if position == 0 or tokens[position - 1].cell != token.cell:
            features.append("cellstart")
        features.append(f"part={min(part, 3)}")
        if depth > 0:
            features.append("inparen")
        if not token.space_before and position > 0:
            features.append("glued")
        if not token.text[:1].isalnum():
            features.append(_spacing(token, tokens[position + 1] if position + 1 < len(tokens) else None))
        word = words[token.word]
        if word.bold:
            features.append("bold")
        if word.italic:
            features.append("italic")
        if word.font_size and line_size and word.font_size < line_size - 0.5:
            features.append("smaller")
        if token.text == ")":
            depth = max(0, depth - 1)
        rows.append(features)
    if part:
        for position in range(len(tokens) - 1, -1, -1):
            if tokens[position].text in _PART_SEPARATORS:
                break
            rows[position].append("lastpart")
    return rows


def _spacing(token: Token, following: Token | None) -> str:
    """How a punctuation token sits between words: joining them ("CI/CD"), closing the word before
    ("Python,"), or standing apart (" / ", " | ")."""
    space_after = following is None or following.space_before
    if token.space_before:
        return "spacing=apart" if space_after else "spacing=opens"
    return "spacing=closes" if space_after else "spacing=joins"


def _date_marks(line: TokenLine) -> list[str]:
    marks = [""] * len(line.tokens)
    for found in find_dates(line.text):
        kind = "ongoing" if found.ongoing else "single" if found.start is None else "range"
        inside = [i for i, t in enumerate(line.tokens) if t.end > found.span[0] and t.start < found.span[1]]
        for order, index in enumerate(inside):
            marks[index] = f"date={'B' if order == 0 else 'I'}{kind}"
    return marks


def _phone_marks(line: TokenLine) -> list[bool]:
    marks = [False] * len(line.tokens)
    for candidate in phone_candidates(line.text):
        start = line.text.find(candidate)
        for i, t in enumerate(line.tokens):
            if t.end > start and t.start < start + len(candidate):
                marks[i] = True
    return marks


class FieldLabeller:
    """The trained field model of one section kind."""

    def __init__(self, folder: Path, kind: Kind) -> None:
        self.kind = kind
        self._model = SequenceModel(folder / model_file(kind))

    def label(self, lines: list[TokenLine], stats: LayoutStats) -> Labelling:
        return self._model.label(token_features(lines, stats))

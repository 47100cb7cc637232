"""The third model of the cascade: where the entries of a work, education, certificate or project
section begin.

The field models say what each token prints; this model reads the section line by line and says
which line opens a new entry (B) and which goes on with the current one (I). Its features are the
fields on the line and its neighbours, told by their role in an entry (the anchor: employer,
school, certificate; the title: position, degree; dates; place; descriptive text), whether a
header role repeats since the last line of text or follows one, and the line's typography and
spacing. Kept apart from the field models, the question "is this the employer or the position?"
does not depend on which of them a layout prints first.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

from resume_parser.cascade.crf import Features, SequenceModel
from resume_parser.cascade.labels import ENTRY_PREFIX, Kind, field_of
from resume_parser.cascade.layout_stats import LayoutStats, gap_bucket, size_bucket, vertical_gap
from resume_parser.cascade.tokens import TokenLine
from resume_parser.layout import UNKNOWN_BOX
from resume_parser.normalization.lines import is_bullet

MODEL_FILE = "entries.crfsuite"
ENTRY_KINDS = (Kind.WORK, Kind.EDUCATION, Kind.CERTIFICATES, Kind.PROJECTS)
OPENS, GOES_ON = "B", "I"
# Each field's role in an entry, whatever the section.
ROLES = {
    "employer": "anchor",
    "institution": "anchor",
    "name": "anchor",
    "position": "title",
    "degree": "title",
    "area": "title",
    "issuer": "title",
    "date": "date",
    "location": "place",
    "score": "detail",
    "url": "detail",
    "text": "text",
}
_HEADER_ROLES = ("anchor", "title", "date", "place")


def line_roles(labels: Sequence[str]) -> frozenset[str]:
    return frozenset(ROLES.get(field_of(label) or "", "none") for label in labels) - {"none"}


def entry_line_labels(token_labels: list[list[str]]) -> list[str]:
    """The target: a line opens an entry when a token on it carries the B- mark."""
    return [
        OPENS if any(label.startswith(ENTRY_PREFIX) for label in row) else GOES_ON for row in token_labels
    ]


def line_features(
    kind: Kind, lines: list[TokenLine], field_labels: list[list[str]], stats: LayoutStats
) -> list[Features]:
    roles = [line_roles(labels) for labels in field_labels]
    features: list[Features] = []
    seen: set[str] = set()  # header roles since the last line of text only
    after_text = False
    for index, line in enumerate(lines):
        mine = roles[index]
        row = ["bias", f"kind={kind.value}", *(f"has:{r}" for r in sorted(mine))]
        header = {r for r in mine if r in _HEADER_ROLES}
        if not mine:
            row.append("empty")
        elif mine == {"text"}:
            row.append("onlytext")
        if header & seen:
            row += [f"repeat:{r}" for r in sorted(header & seen)]
            row.append("repeat")
        if header and after_text:
            row.append("headerAfterText")
        if index == 0:
            row.append("first")
        row += _layout(line, lines[index - 1] if index else None, stats)
        for offset in (-1, 1):
            other = index + offset
            if 0 <= other < len(lines):
                row += [f"{offset}:has:{r}" for r in sorted(roles[other])]
            else:
                row.append(f"{offset}:none")
        features.append(row)
        if mine == {"text"}:
            seen, after_text = set(), True
        elif header:
            seen |= header
            after_text = False
    return features


def _layout(line: TokenLine, previous: TokenLine | None, stats: LayoutStats) -> Features:
    layout_line = line.line
    row = [f"size={size_bucket(layout_line.font_size, stats)}"]
    if layout_line.bold:
        row.append("bold")
    if is_bullet(line.text.strip()):
        row.append("bullet")
    if previous is not None:
        row.append(f"above={gap_bucket(vertical_gap(previous.line, layout_line), stats)}")
        if previous.line.font_size != layout_line.font_size:
            row.append("sizechange")
        if previous.line.bold != layout_line.bold:
            row.append("boldchange")
        if UNKNOWN_BOX not in (previous.line.box, layout_line.box):
            shift = layout_line.box.left - previous.line.box.left
            row.append("outdent" if shift < -0.01 else "indent" if shift > 0.01 else "aligned")
    return row


class EntrySplitter:
    """The trained entry-boundary model."""

    def __init__(self, folder: Path) -> None:
        self._model = SequenceModel(folder / MODEL_FILE)

    def mark(self, kind: Kind, lines: list[TokenLine], labels: list[str], stats: LayoutStats) -> list[str]:
        """The field labels with `B-` on the first field token of every line that opens an entry."""
        rows, start = [], 0
        for line in lines:
            rows.append(labels[start : start + len(line.tokens)])
            start += len(line.tokens)
        opens = self._model.label(line_features(kind, lines, rows, stats)).labels
        lefts = [None if line.line.box == UNKNOWN_BOX else line.line.box.left for line in lines]
        opens = dates_first(rows, opens, lefts)
        marked: list[str] = []
        for row, verdict in zip(rows, opens, strict=True):
            first = next((i for i, label in enumerate(row) if field_of(label) is not None), None)
            marked += [
                f"{ENTRY_PREFIX}{label}" if verdict == OPENS and i == first else label
                for i, label in enumerate(row)
            ]
        return marked


def dates_first(rows: list[list[str]], opens: list[str], lefts: list[float | None]) -> list[str]:
    """The verdicts, with entries opened where a layout that prints each entry's dates first, on a
    line of their own at the entry's left edge, begins them: such a dates line followed by header
    lines ("1/2024 – 2/2025" over "Agile Coach" over "Nimbus Robotics, San Francisco") is the head
    of one entry, opened on its dates line and nowhere else. The model learns where entries begin
    from the layouts it was trained on; a section whose first line is such a dates line says how
    this one begins them. (Dates set right of their header, read as a line of their own before it,
    say nothing of the kind.) `lefts`: each line's left edge, None where the layout has none."""
    roles = [line_roles(row) for row in rows]
    fielded = [i for i, mine in enumerate(roles) if mine]
    heads: dict[int, list[int]] = {}
    for position, index in enumerate(fielded):
        if roles[index] == {"date"}:
            rest = fielded[position + 1 :]
            head = list(itertools.takewhile(lambda i: "text" not in roles[i] and roles[i] != {"date"}, rest))
            if head and _aligned(lefts[index], lefts[head[0]]):
                heads[index] = head
    if not fielded or fielded[0] not in heads:
        return opens
    result = list(opens)
    for index, head in heads.items():
        result[index] = OPENS
        for line in head:
            result[line] = GOES_ON
    return result


ALIGN_TOLERANCE = 0.02  # page-width share


def _aligned(left: float | None, other: float | None) -> bool:
    return left is None or other is None or left <= other + ALIGN_TOLERANCE

"""From labelled tokens to entries and their field values.

A field model labels tokens; an entry starts at a `B-` label, and within it a field's value is a
run of tokens with that field's label (a run may cross a line break: an employer wrapped onto the
next line). The run's text is printed as in the document, with a word hyphenated at a line's end
joined again; its confidence is the mean of its tokens' probabilities, and its evidence the page
and the box around its words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resume_parser.cascade.crf import Labelling
from resume_parser.cascade.labels import ENTRY_PREFIX, field_of
from resume_parser.cascade.tokens import Token, TokenLine
from resume_parser.layout import UNKNOWN_BOX, Box

_EDGE_PUNCTUATION = " ,;:|·•◦▪–—-/()[]{}\"'“”‘’"


@dataclass(frozen=True, slots=True)
class Placed:
    """A labelled token and the line it was printed on."""

    token: Token
    line: TokenLine
    label: str
    probability: float


@dataclass(slots=True)
class Run:
    """Consecutive tokens of one field."""

    tokens: list[Placed] = field(default_factory=list)

    @property
    def text(self) -> str:
        text = tidy(run_text(self.tokens))
        last = self.tokens[-1]
        # An abbreviation keeps its closing period ("B.Sc.", "Ph.D."), which the tokenizer cut off.
        if "." in last.token.text and last.line.text[last.token.end : last.token.end + 1] == ".":
            text += "."
        return text

    @property
    def confidence(self) -> float:
        return sum(t.probability for t in self.tokens) / len(self.tokens)

    @property
    def page(self) -> int:
        return self.tokens[0].line.line.page

    @property
    def box(self) -> Box | None:
        boxes = [
            t.line.line.words[t.token.word].box
            for t in self.tokens
            if t.line.line.words[t.token.word].box != UNKNOWN_BOX and t.line.line.page == self.page
        ]
        return Box.enclosing(boxes) if boxes else None


@dataclass(slots=True)
class Entry:
    runs: dict[str, list[Run]] = field(default_factory=dict)
    order: list[tuple[str, Run]] = field(default_factory=list)

    def first(self, name: str) -> Run | None:
        runs = self.runs.get(name)
        return runs[0] if runs else None

    def all(self, name: str) -> list[Run]:
        return self.runs.get(name, [])


def placed_tokens(lines: list[TokenLine], labelling: Labelling) -> list[Placed]:
    placed = []
    items = iter(zip(labelling.labels, labelling.probabilities, strict=True))
    for line in lines:
        for token in line.tokens:
            label, probability = next(items)
            placed.append(Placed(token, line, label, probability))
    return placed


def entries(tokens: list[Placed], split_entries: bool = True) -> list[Entry]:
    """The tokens cut into entries at `B-` labels (one entry when split_entries is False), each
    with its fields' runs."""
    result: list[Entry] = []
    current: Entry | None = None
    previous: str | None = None
    for placed in tokens:
        name = field_of(placed.label)
        if name is None:
            previous = None
            continue
        starts = split_entries and placed.label.startswith(ENTRY_PREFIX)
        if current is None or starts:
            current = Entry()
            result.append(current)
            previous = None
        if name == previous:
            current.order[-1][1].tokens.append(placed)
        else:
            run = Run([placed])
            current.runs.setdefault(name, []).append(run)
            current.order.append((name, run))
        previous = name
    return [entry for entry in result if entry.runs]


def regrouped(found: list[Entry], anchor: str, titles: tuple[str, ...]) -> list[Entry]:
    """Entries cut at the wrong line put right: each entry's anchor (employer, school) with its
    title (position, degree). See shifted_anchors and joined_halves."""
    return joined_halves(shifted_anchors(found, anchor, titles), anchor, titles)


def shifted_anchors(found: list[Entry], anchor: str, titles: tuple[str, ...]) -> list[Entry]:
    """Entries cut one line late, at the anchor printed under its title ("MSc Computer Science" /
    "Queen's University" / "BSc ..." cut before each school): the first entry has a title and no
    anchor, the last an anchor and no title. Each entry's leading runs, up to its first title, then
    go back to the entry before."""
    if len(found) < 2 or not _title_only(found[0], anchor, titles):
        return found
    if not _anchor_only(found[-1], anchor, titles):
        return found
    result = [Entry() for _ in found]
    for index, entry in enumerate(found):
        first_title = next((i for i, (name, _) in enumerate(entry.order) if name in titles), len(entry.order))
        for position, (name, run) in enumerate(entry.order):
            target = result[index - 1] if index and position < first_title else result[index]
            target.runs.setdefault(name, []).append(run)
            target.order.append((name, run))
    return [entry for entry in result if entry.runs]


def _title_only(entry: Entry, anchor: str, titles: tuple[str, ...]) -> bool:
    return anchor not in entry.runs and any(title in entry.runs for title in titles)


def _anchor_only(entry: Entry, anchor: str, titles: tuple[str, ...]) -> bool:
    return anchor in entry.runs and not any(title in entry.runs for title in titles)


def joined_halves(found: list[Entry], anchor: str, titles: tuple[str, ...]) -> list[Entry]:
    """Entries with the halves of one entry cut apart put together again: an entry with a title
    but no anchor ("Computer Science, BSc") followed by one with the anchor but no title
    ("2019 - 2023" / "Cardiff University") is one entry, unless both print dates; so is an entry
    with the anchor followed by one without it when the two print no field in common (_halves)."""
    result: list[Entry] = []
    for entry in found:
        last = result[-1] if result else None
        if last is not None and _halves(last, entry, anchor, titles):
            for name, run in entry.order:
                last.runs.setdefault(name, []).append(run)
                last.order.append((name, run))
        else:
            result.append(entry)
    return result


def _halves(first: Entry, second: Entry, anchor: str, titles: tuple[str, ...]) -> bool:
    """Two parts of one entry: the title, then the anchor; or the anchor, then fields without an
    anchor, neither part printing a field the other prints ("University of Sydney", "Psychology" /
    "Bachelor of Science", "2015 - 2019")."""
    if _title_only(first, anchor, titles) and _anchor_only(second, anchor, titles):
        return not ("date" in first.runs and "date" in second.runs)
    shared = (set(first.runs) & set(second.runs)) - {"text"}
    return anchor in first.runs and anchor not in second.runs and not shared


def run_text(tokens: list[Placed]) -> str:
    """The tokens' text as printed; a word cut by a hyphen at a line's end is joined again."""
    out: list[str] = []
    for index, placed in enumerate(tokens):
        token = placed.token
        if index:
            before = tokens[index - 1]
            new_line = before.line is not placed.line
            if new_line and out and out[-1].endswith("-") and len(out[-1]) > 1 and out[-1][-2].isalpha():
                out[-1] = out[-1][:-1]
            elif new_line or token.space_before:
                out.append(" ")
        out.append(token.text)
    return "".join(out)


def tidy(text: str) -> str:
    """A field's text without separators left at its edges; an unmatched bracket is dropped."""
    text = " ".join(text.split()).strip(_EDGE_PUNCTUATION)
    if text.count("(") > text.count(")"):
        text = text.replace("(", "", 1) if text.startswith("(") else text + ")"
    return text

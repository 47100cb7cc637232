"""Section titles set in a left margin, on the row of their section's first line:

    EXPERIENCE   Head of Data at Tallis Group
                 Toronto · Jul 2025 – Present

Row merging rightly joins a label to its value, so the title arrives as the start of a body line.
A line that opens with a known section title in capitals, bold or larger type, left of the column's usual
left edge, with the rest of the line starting on that edge (or on another edge that other lines
share), is cut in two so that the title opens its section. (A bold label at the usual edge, "Soft
skills   Public speaking", stays a row.)

Some templates also set the odd entry at the margin, so the usual edge can be the margin itself:

    Education    University of Amsterdam
                 Electrical Engineering
    Erasmus University Rotterdam
    Network Engineering

There a title in larger type than the text beside it, the rest starting on an edge other lines of the
block start on, is cut off as well: larger type on the same row is what a label beside its value lacks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from resume_parser.grouping.headings import heading_kind
from resume_parser.grouping.traits import MAX_HEADING_WORDS, traits_of
from resume_parser.layout import UNKNOWN_BOX, Box, Line

# The gap between a margin title and the text beside it, in the title's word heights.
TITLE_GAP = 1.0
# A title in larger type may sit closer: its height is the larger type's.
LARGER_TITLE_GAP = 0.4
EDGE_TOLERANCE = 0.005  # page-width share
LARGER_TITLE = 1.15


def split_margin_titles(
    lines: list[Line], page_lines: list[Line] | None = None
) -> tuple[list[Line], list[Line]]:
    """The lines of a block with margin titles cut off, and the titles. The edges other lines share
    are those of the page's lines (`page_lines`, the block's own when not given): a title row can
    make a block of its own."""
    if not lines or any(line.box == UNKNOWN_BOX for line in [*lines, *(page_lines or [])]):
        return lines, []
    usual_left = (
        Counter(round(line.box.left / EDGE_TOLERANCE) for line in lines).most_common(1)[0][0] * EDGE_TOLERANCE
    )
    lefts = Counter(round(line.box.left / EDGE_TOLERANCE) for line in page_lines or lines)
    edges = [edge * EDGE_TOLERANCE for edge, count in lefts.items() if count >= 2]
    split: list[Line] = []
    titles: list[Line] = []
    for line in lines:
        # Left of the usual edge, a title in capitals, bold or larger type; the rest of its row on
        # the usual edge or on another the page's lines share (entries at one edge, their bullets
        # indented at the usual one). Anywhere, a title in larger type, the rest on a shared edge.
        parts = None
        if line.box.left < usual_left - EDGE_TOLERANCE:
            parts = _title_and_rest(line, TITLE_GAP, [usual_left, *edges], _emphasized)
        parts = parts or _title_and_rest(line, LARGER_TITLE_GAP, edges, _larger)
        split.extend(parts or [line])
        titles.extend(parts[:1] if parts else [])
    return split, titles


def opens_beside(title: Line, previous: Line, rest: Line, before: list[Line]) -> bool:
    """The line above a title's row is its section's first: a title in large type, centred on the
    entry's first two lines, shares its row with the second. So when the line above starts within
    the title's height above the title, right of it, after a wider gap than the one to the row."""
    if previous.box.left < rest.box.left - EDGE_TOLERANCE or previous.page != title.page:
        return False
    if not 0 <= title.box.top - previous.box.top < title.box.height:
        return False
    gap_to_row = rest.box.top - previous.box.bottom
    above = next((line for line in reversed(before) if line.page == previous.page), None)
    return above is None or previous.box.top - above.box.bottom > gap_to_row


def _title_and_rest(
    line: Line, min_gap: float, edges: list[float], set_apart: Callable[[Line, Line], bool]
) -> list[Line] | None:
    """The line cut at its first gap of `min_gap` word heights or more into a known section title,
    heading-shaped and set apart from the rest, and the rest, which starts on one of the edges."""
    words = line.words
    for count in range(1, min(len(words), MAX_HEADING_WORDS + 1)):
        before, after = words[count - 1], words[count]
        if after.box.left - before.box.right < min_gap * before.box.height:
            continue
        if not any(abs(after.box.left - edge) <= EDGE_TOLERANCE for edge in edges):
            return None
        title, rest = _cut(line, count)
        if not (traits_of(title).heading_shaped and set_apart(title, rest) and heading_kind(title.text)):
            return None
        return [title, rest]
    return None


def _emphasized(title: Line, rest: Line) -> bool:
    traits = traits_of(title)
    return traits.caps or traits.bold or _larger(title, rest)


def _cut(line: Line, count: int) -> tuple[Line, Line]:
    """The line's first `count` words and the rest, each a line of its own."""
    head, tail = line.words[:count], line.words[count:]
    return (
        Line(head, page=line.page, box=Box.enclosing([w.box for w in head])),
        Line(tail, page=line.page, box=Box.enclosing([w.box for w in tail])),
    )


def _larger(title: Line, rest: Line) -> bool:
    """The title set in larger type than the text beside it."""
    title_size = min((w.font_size for w in title.words if w.font_size), default=0.0)
    rest_size = max((w.font_size for w in rest.words if w.font_size), default=0.0)
    return rest_size > 0 and title_size >= LARGER_TITLE * rest_size

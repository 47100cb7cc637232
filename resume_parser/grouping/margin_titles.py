"""Section titles set in a left margin, on the row of their section's first line:

    EXPERIENCE   Head of Data at Tallis Group
                 Toronto · Jul 2025 – Present

Row merging rightly joins a label to its value, so the title arrives as the start of a body line.
A line that opens with a known section title in capitals, bold or larger type, left of the column's usual
left edge, with the rest of the line starting on that edge, is cut in two so that the title opens
its section. (A bold label at the usual edge, "Soft skills   Public speaking", stays a row.)
"""

from __future__ import annotations

from collections import Counter

from resume_parser.grouping.headings import heading_kind
from resume_parser.grouping.traits import MAX_HEADING_WORDS, traits_of
from resume_parser.layout import UNKNOWN_BOX, Box, Line, Word

# The gap between a margin title and the text beside it, in the title's word heights.
TITLE_GAP = 1.0
EDGE_TOLERANCE = 0.005  # page-width share
LARGER_TITLE = 1.15


def split_margin_titles(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The lines with margin titles cut off, and the titles."""
    if not lines or any(line.box == UNKNOWN_BOX for line in lines):
        return lines, []
    usual_left = Counter(round(line.box.left / EDGE_TOLERANCE) for line in lines).most_common(1)[0][0]
    split: list[Line] = []
    titles: list[Line] = []
    for line in lines:
        parts = _margin_title_and_rest(line, usual_left * EDGE_TOLERANCE)
        split.extend(parts or [line])
        titles.extend(parts[:1] if parts else [])
    return split, titles


def _margin_title_and_rest(line: Line, usual_left: float) -> list[Line] | None:
    words = line.words
    if len(words) < 2 or line.box.left >= usual_left - EDGE_TOLERANCE:
        return None
    for count in range(1, min(len(words), MAX_HEADING_WORDS + 1)):
        before, after = words[count - 1], words[count]
        if after.box.left - before.box.right < TITLE_GAP * before.box.height:
            continue
        if abs(after.box.left - usual_left) > EDGE_TOLERANCE:
            return None
        title = Line(words[:count], page=line.page, box=Box.enclosing([w.box for w in words[:count]]))
        traits = traits_of(title)
        set_apart = traits.caps or traits.bold or _larger(words[:count], words[count:])
        if not (traits.heading_shaped and set_apart and heading_kind(title.text)):
            return None
        rest = Line(words[count:], page=line.page, box=Box.enclosing([w.box for w in words[count:]]))
        return [title, rest]
    return None


def _larger(title: list[Word], rest: list[Word]) -> bool:
    """The title set in larger type than the text beside it."""
    title_size = min((w.font_size for w in title if w.font_size), default=0.0)
    rest_size = max((w.font_size for w in rest if w.font_size), default=0.0)
    return rest_size > 0 and title_size >= LARGER_TITLE * rest_size

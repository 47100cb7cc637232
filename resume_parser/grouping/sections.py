"""Section segmentation: which lines are headings, and the sections they open.

A heading is found in two steps. First the lines whose text names a known section and that look
like headings (short, set apart by size, weight, capitals or space). Their typography is then the
document's heading style: any other short line in that style is a heading too, of kind OTHER when
its text names nothing we know. Lines before the first heading are the resume's header (name,
headline, contact); page headers and footers join it.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from resume_parser.grouping.headings import heading_kind
from resume_parser.grouping.lines import same_row
from resume_parser.layout import Box, Line, Section, SectionKind

MAX_HEADING_WORDS = 6
MAX_HEADING_CHARS = 50
LARGER_THAN_BODY = 1.12
_RULE_CHARS = frozenset("-=_*~#.·•─━═")
# Consecutive heading lines closer than this many line heights are one heading on two lines.
HEADING_CONTINUATION_GAP = 0.8


@dataclass(frozen=True, slots=True)
class HeadingStyle:
    size: float  # rounded to half points; 0 when unknown
    bold: bool
    caps: bool


@dataclass(frozen=True, slots=True)
class ReadLine:
    """A line in reading order, and whether it comes from a page header or footer."""

    line: Line
    margin: bool = False


def segment(lines: list[ReadLine]) -> list[Section]:
    body = [read.line for read in lines if not read.margin]
    headings = _find_headings(body)
    header = Section(SectionKind.HEADER, None, [])
    in_header = _header_zone(body, headings)
    sections = [header]
    body_index = {id(line): index for index, line in enumerate(body)}
    for read in lines:
        line = read.line
        index = body_index.get(id(line), -1)
        if read.margin:
            header.lines.append(line)
        elif index in headings:
            if index - 1 in headings and _continues_heading(body[index - 1], line):
                _extend_heading(sections[-1], line)
                continue
            sections.append(Section(heading_kind(line.text) or SectionKind.OTHER, line, []))
        elif in_header(line):
            header.lines.append(line)
        elif not is_rule(line.text):
            sections[-1].lines.append(line)
    return [section for section in sections if section.lines or section.heading is not None]


def _header_zone(lines: list[Line], headings: set[int]) -> Callable[[Line], bool]:
    """Whether a line sits above the first heading of the first page, in any column.

    A monogram at the top of a sidebar is read after the main column, yet belongs to the header.
    """
    if not headings:
        return lambda line: True
    first = lines[min(headings)]
    limit = min(lines[i].box.top for i in headings if lines[i].page == first.page)
    return lambda line: line.page == first.page and line.box.bottom <= limit


def _find_headings(lines: list[Line]) -> set[int]:
    body_size = _body_font_size(lines)
    known = {
        i
        for i, line in enumerate(lines)
        if heading_kind(line.text) and _looks_like_heading(lines, i, body_size)
    }
    if not known:
        return set()
    styles = _dominant_styles([style_of(lines[i]) for i in known])
    first = min(known)
    styled = {
        i
        for i, line in enumerate(lines)
        if i > first
        and _is_heading_shaped(line)
        and style_of(line) in styles
        and _is_distinctive(lines, i, body_size)
    }
    return known | styled


def style_of(line: Line) -> HeadingStyle:
    size = round((line.font_size or 0.0) * 2) / 2
    return HeadingStyle(size=size, bold=_all_bold(line), caps=_is_caps(line.text))


def _dominant_styles(styles: list[HeadingStyle]) -> set[HeadingStyle]:
    """The styles shared by several named headings; a one-off (a bold "Languages:" label) is no style."""
    counts = Counter(styles)
    shared = {style for style, count in counts.items() if count >= 2}
    return shared or set(counts)


def _all_bold(line: Line) -> bool:
    return all(word.bold for word in line.words)


def _looks_like_heading(lines: list[Line], index: int, body_size: float | None) -> bool:
    line = lines[index]
    if not _is_heading_shaped(line):
        return False
    if body_size and line.font_size and line.font_size < body_size * 0.95:
        return False
    return _is_distinctive(lines, index, body_size) or _stands_alone(lines, index)


def _is_heading_shaped(line: Line) -> bool:
    text = line.text.strip().rstrip(":")
    return (
        not is_rule(line.text)
        and ":" not in text  # "Languages: English, French" is a labelled value, not a heading
        and 0 < len(text) <= MAX_HEADING_CHARS
        and len(text.split()) <= MAX_HEADING_WORDS
        and not any(char.isdigit() or char in "@/|" for char in text)
        and not text.endswith((".", ",", ";"))
        and any(char.isalpha() for char in text)
    )


def _is_distinctive(lines: list[Line], index: int, body_size: float | None) -> bool:
    line = lines[index]
    larger = bool(body_size and line.font_size and line.font_size >= body_size * LARGER_THAN_BODY)
    underlined = index + 1 < len(lines) and is_rule(lines[index + 1].text)
    return larger or _all_bold(line) or _is_caps(line.text) or underlined


def _stands_alone(lines: list[Line], index: int) -> bool:
    """A short line with more space above it than the lines around have between them."""
    if index == 0:
        return False
    gap = lines[index].box.top - lines[index - 1].box.bottom
    return gap > 0.8 * max(lines[index].box.height, 1e-6)


def is_rule(text: str) -> bool:
    """A line drawn with characters ("-------", "=====") under or between headings in plain text."""
    stripped = text.replace(" ", "")
    return len(stripped) >= 3 and set(stripped) <= _RULE_CHARS


def _is_caps(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 3 and all(char.isupper() for char in letters)


def _body_font_size(lines: list[Line]) -> float | None:
    sizes = [word.font_size for line in lines for word in line.words for _ in word.text if word.font_size]
    return statistics.median(sizes) if sizes else None


def _continues_heading(previous: Line, line: Line) -> bool:
    if style_of(previous) != style_of(line) or line.page != previous.page or same_row(previous.box, line.box):
        return False
    gap = line.box.top - previous.box.bottom
    one_unnamed = heading_kind(previous.text) is None or heading_kind(line.text) is None
    return 0 <= gap < HEADING_CONTINUATION_GAP * line.box.height and one_unnamed


def _extend_heading(section: Section, line: Line) -> None:
    assert section.heading is not None
    words = section.heading.words + line.words
    heading = Line(words=words, page=section.heading.page, box=Box.enclosing([section.heading.box, line.box]))
    section.heading = heading
    section.kind = heading_kind(heading.text) or SectionKind.OTHER

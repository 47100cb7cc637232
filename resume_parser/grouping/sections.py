"""Section segmentation: which lines are headings, and the sections they open.

A heading is found in two steps. First the lines whose text names a known section and that look
like headings (short, set apart by size, weight, capitals or space). Their typography is then the
document's heading style: any other short line in that style is a heading too, of kind OTHER when
its text names nothing we know. Lines before the first heading are the resume's header (name,
headline, contact); page headers and footers join it.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Callable

from resume_parser.grouping.headings import heading_kind
from resume_parser.grouping.lines import same_row
from resume_parser.grouping.reading_order import ReadLine
from resume_parser.grouping.traits import HeadingStyle, LineTraits, traits_of
from resume_parser.layout import Box, Line, Section, SectionKind

LARGER_THAN_BODY = 1.12
# Words a heading cannot end with, in English, German, French and Spanish.
_CONNECTORS = frozenset(
    ("and", "&", "of", "for", "und", "für", "et", "de", "des", "du", "y", "e", "del", "en")
)
SMALLER_THAN_BODY = 0.95
# Consecutive heading lines closer than this many line heights are one heading on two lines.
HEADING_CONTINUATION_GAP = 0.8


def segment(lines: list[ReadLine]) -> list[Section]:
    body = [read.line for read in lines if not read.margin]
    traits = [traits_of(line) for line in body]
    titles = [index for index, read in enumerate(read for read in lines if not read.margin) if read.title]
    headings = _find_headings(body, traits) | set(titles)
    in_header = _header_zone(body, headings)
    header = Section(SectionKind.HEADER, None, [])
    sections = [header]
    body_index = {id(line): index for index, line in enumerate(body)}
    for read in lines:
        line, index = read.line, body_index.get(id(read.line), -1)
        if read.margin:
            header.lines.append(line)
        elif index in headings:
            if index - 1 in headings and _continues_heading(
                body[index - 1 : index + 1], traits[index - 1 : index + 1]
            ):
                _extend_heading(sections[-1], line)
            else:
                sections.append(Section(heading_kind(line.text) or SectionKind.OTHER, line, []))
        elif in_header(line):
            header.lines.append(line)
        elif not traits[index].rule:
            sections[-1].lines.append(line)
    return [section for section in sections if section.lines or section.heading is not None]


def _find_headings(lines: list[Line], traits: list[LineTraits]) -> set[int]:
    body_size = _body_font_size(lines)
    shaped = [i for i, t in enumerate(traits) if t.heading_shaped]
    distinctive = {i for i in shaped if _is_distinctive(traits, i, body_size)}
    apart = _set_apart(lines)
    known = {
        i
        for i in shaped
        if not _smaller_than_body(traits[i], body_size)
        and (i in distinctive or apart(i))
        and heading_kind(traits[i].text) is not None
    }
    if not known:
        return set()
    # Capitals alone are too weak a style to find unnamed headings by (OCR and plain text have no
    # other): a sidebar's "PHONE" or a skill like "SQL" would become sections.
    styles = {
        style for style in _dominant_styles([traits[i].style for i in known]) if style.size or style.bold
    }
    first = min(known)
    headings = known | {
        i for i in distinctive if i > first and (traits[i].style in styles or _underlined(traits, i))
    }
    # "Education and" / "training": a heading that ends mid-phrase goes on in the next line.
    unfinished = {i + 1 for i in headings if i + 1 < len(traits) and _ends_mid_phrase(traits[i])}
    return headings | {i for i in unfinished if traits[i].heading_shaped}


def _header_zone(lines: list[Line], headings: set[int]) -> Callable[[Line], bool]:
    """Whether a line sits above the first heading of the first page, in any column.

    A monogram at the top of a sidebar is read after the main column, yet belongs to the header.
    """
    if not headings:
        return lambda line: True
    first = lines[min(headings)]
    limit = min(lines[i].box.top for i in headings if lines[i].page == first.page)
    return lambda line: line.page == first.page and line.box.bottom <= limit


def _dominant_styles(styles: list[HeadingStyle]) -> set[HeadingStyle]:
    """The styles shared by several named headings; a one-off (a bold "Languages:" label) is no style."""
    counts = Counter(styles)
    shared = {style for style, count in counts.items() if count >= 2}
    return shared or set(counts)


def _is_distinctive(traits: list[LineTraits], index: int, body_size: float | None) -> bool:
    line = traits[index]
    larger = bool(body_size and line.size and line.size >= body_size * LARGER_THAN_BODY)
    return larger or line.bold or line.caps or _underlined(traits, index)


def _ends_mid_phrase(line: LineTraits) -> bool:
    words = line.text.casefold().split()
    return bool(words) and words[-1] in _CONNECTORS


def _underlined(traits: list[LineTraits], index: int) -> bool:
    return index + 1 < len(traits) and traits[index + 1].rule


def _smaller_than_body(line: LineTraits, body_size: float | None) -> bool:
    return bool(body_size and line.size and line.size < body_size * SMALLER_THAN_BODY)


def _set_apart(lines: list[Line]) -> Callable[[int], bool]:
    """Whether a line has clearly more space above it than lines usually have between them, or
    opens a column.

    Measured against the document's own spacing, because boxes differ: OCR pads its line boxes
    until consecutive lines touch, PDF boxes leave a small gap, plain text a whole blank row.
    """
    gaps = [b.box.top - a.box.bottom for a, b in itertools.pairwise(lines) if a.page == b.page]
    if not gaps:
        return lambda index: False
    usual_gap = statistics.median(gaps)
    line_height = statistics.median(line.box.height for line in lines)
    needed = max(2 * usual_gap, usual_gap + 0.5 * line_height)

    def apart(index: int) -> bool:
        if index == 0:
            return False
        line, previous = lines[index], lines[index - 1]
        # A line above the one read before it opens the next column: nothing of its column is above.
        opens_column = line.box.top < previous.box.top and not same_row(line.box, previous.box)
        return line.page != previous.page or opens_column or line.box.top - previous.box.bottom >= needed

    return apart


def _body_font_size(lines: list[Line]) -> float | None:
    """The font size of most of the text (the median size, weighted by characters)."""
    weights: Counter[float] = Counter()
    for line in lines:
        for word in line.words:
            if word.font_size:
                weights[word.font_size] += len(word.text)
    return weighted_median(weights)


def weighted_median(weights: Counter[float]) -> float | None:
    """The value at which half of the weight lies below (the smallest such value)."""
    half, seen = sum(weights.values()) / 2, 0
    for size in sorted(weights):
        seen += weights[size]
        if seen >= half:
            return size
    return None


def _continues_heading(pair: list[Line], traits: list[LineTraits]) -> bool:
    (previous, line), (previous_traits, line_traits) = pair, traits
    if (
        previous_traits.style != line_traits.style
        or line.page != previous.page
        or same_row(previous.box, line.box)
    ):
        return False
    gap = line.box.top - previous.box.bottom
    one_unnamed = heading_kind(previous_traits.text) is None or heading_kind(line_traits.text) is None
    return 0 <= gap < HEADING_CONTINUATION_GAP * line.box.height and one_unnamed


def _extend_heading(section: Section, line: Line) -> None:
    assert section.heading is not None
    words = section.heading.words + line.words
    heading = Line(words=words, page=section.heading.page, box=Box.enclosing([section.heading.box, line.box]))
    section.heading = heading
    section.kind = heading_kind(heading.text) or SectionKind.OTHER

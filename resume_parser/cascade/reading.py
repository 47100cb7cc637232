"""The document as the cascade reads it: lines in reading order, each with its tokens and where it
was printed (a page header or footer, a title set in the left margin).

Two guards keep the models' input shaped like a resume. A line far longer than any printed line has
lost its line breaks (a resume pasted into a web form, a DOCX of one paragraph): it is cut again
where resumes break lines, before bullets, after sentences and date ranges, and before section
headings. And the models read at most MAX_TOKENS tokens of a document, so the work per document is
bounded whatever its size; the rest is noted in the document's warnings.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from resume_parser.cascade.tokens import TokenLine, clean_word, edge_of, tokenize_line
from resume_parser.grouping.headings import heading_kind
from resume_parser.grouping.reading_order import ReadLine, read_lines
from resume_parser.layout import UNKNOWN_BOX, Document, Line, Word
from resume_parser.normalization.dates import find_dates
from resume_parser.normalization.lines import BULLET_GLYPHS

MIN_LINES_ON_EDGE = 3
# No printed line holds this many words; a longer one lost its breaks.
MAX_LINE_WORDS = 40
# About fifteen pages: far more than a resume, little enough to read in well under a second.
MAX_TOKENS = 8_000
MAX_HEADING_WORDS = 3


@dataclass(slots=True)
class ReadingDocument:
    document: Document  # pages in reading order
    lines: list[TokenLine]
    in_margin: list[bool]  # printed in a page header or footer
    margin_title: list[bool]  # a section title cut off the row it was set on


def read_document(document: Document) -> ReadingDocument:
    ordered, read = read_lines(document)
    read = [piece for line in read for piece in _resegmented(line)]
    edges = column_edges([r.line for r in read])
    reading = ReadingDocument(ordered, [], [], [])
    tokens = 0
    for line in read:
        tokenized = tokenize_line(line.line, edges.get(line.line.page, frozenset()))
        tokens += len(tokenized.tokens)
        if tokens > MAX_TOKENS:
            ordered.warnings.append(f"only the first {MAX_TOKENS:,} words were parsed")
            break
        reading.lines.append(tokenized)
        reading.in_margin.append(line.margin)
        reading.margin_title.append(line.title)
    return reading


def column_edges(lines: list[Line]) -> dict[int, frozenset[int]]:
    """Per page, the left edges (in EDGE_STEP units) where several lines start: the columns' edges."""
    starts: dict[int, Counter[int]] = {}
    for line in lines:
        if line.words and line.box != UNKNOWN_BOX:
            starts.setdefault(line.page, Counter())[edge_of(line.box.left)] += 1
    return {
        page: frozenset(edge for edge, count in counts.items() if count >= MIN_LINES_ON_EDGE)
        for page, counts in starts.items()
    }


def _resegmented(read: ReadLine) -> list[ReadLine]:
    words = read.line.words
    if len(words) <= MAX_LINE_WORDS:
        return [read]
    words = words[:MAX_TOKENS]  # the models read no further anyway
    spans, start = [], 0
    for cut in [*sorted(_cut_points(words)), len(words)]:
        while cut - start > MAX_LINE_WORDS:  # a long stretch without a natural break: cut it evenly
            spans.append((start, start + MAX_LINE_WORDS))
            start += MAX_LINE_WORDS
        if cut > start:
            spans.append((start, cut))
            start = cut
    # The pieces of a line have no place of their own on the page: no box.
    return [ReadLine(Line(words[a:b], page=read.line.page), margin=read.margin) for a, b in spans]


def _cut_points(words: list[Word]) -> set[int]:
    """Word indices before which a resume would have broken the line (never inside a date range)."""
    texts = [clean_word(word.text) for word in words]
    starts = _word_starts(texts)
    cuts: set[int] = set()
    inside_dates: set[int] = set()
    for found in find_dates(" ".join(texts)):
        first, after = _word_at(starts, found.span[0]), _word_at(starts, found.span[1])
        inside_dates.update(range(first + 1, after))
        if found.start is not None or found.ongoing:
            cuts.add(after)
    for index, text in enumerate(texts):
        if text in BULLET_GLYPHS:
            cuts.add(index)
        elif text.endswith((".", "!", "?")) and len(text) > 3:
            cuts.add(index + 1)
        elif text.isupper() and (width := _heading_width(texts, index)):
            cuts.update((index, index + width))  # the heading on a line of its own
    return {cut for cut in cuts if 0 < cut < len(texts) and cut not in inside_dates}


def _heading_width(texts: list[str], index: int) -> int:
    """The words of a section heading in capitals opening at `index`, not followed by a lower-case
    word ("EXPERIENCE Acme"); 0 if none opens there."""
    for width in range(1, MAX_HEADING_WORDS + 1):
        words = texts[index : index + width]
        following = texts[index + width] if index + width < len(texts) else ""
        if len(words) < width or not all(w.isupper() and w.isalpha() for w in words):
            return 0
        if not following[:1].islower() and heading_kind(" ".join(words)) is not None:
            return width
    return 0


def _word_starts(texts: list[str]) -> list[int]:
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return starts


def _word_at(starts: list[int], offset: int) -> int:
    """The index of the first word starting at or after the character offset."""
    return bisect_left(starts, offset)

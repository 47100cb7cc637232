"""Page furniture in PDFs: page numbers and running headers, which word processors repeat on every page.

They are not part of any section, and left in the body they end up inside whatever section a page
break falls in ('Page 1 of 2' among the skills), or stretch a column to the page's foot. DOCX
marks its headers and footers itself; a PDF only shows them by position and wording:

* a page number sits in the top or bottom margin band and says nothing else ('Page 2 of 3',
  '2 / 3', '- 2 -', 'Seite 2 von 3');
* a running header sits in the top band of a later page, apart from the text below it, and
  repeats words from the top of the first page (the name, the email).
"""

from __future__ import annotations

import re

from resume_parser.layout import Line

# The share of the page's height, from either edge, where page furniture is set.
EDGE_BAND = 0.08
# A running header is set apart from the body below it by at least this many of its own heights.
HEADER_GAP = 1.5
# Page 1's lines this near the top are where a running header takes its words from.
FIRST_PAGE_TOP = 0.2
_PAGE_WORD = r"(?:page|p\.|pg\.?|seite|s\.|página|pág\.?|pagina|pag\.?|side|sida|strona|str\.)"
_OF_WORD = r"(?:/|of|von|de|sur|di|van|af|av|z|из)"
PAGE_NUMBER = re.compile(
    rf"^[\W_]*(?:{_PAGE_WORD}\s*)?\d{{1,3}}(?:\s*{_OF_WORD}\s*\d{{1,3}})?[\W_]*$", re.IGNORECASE
)
_WORD = re.compile(r"[^\W_]+(?:[@.'’-][^\W_]+)*")


def is_page_number(line: Line) -> bool:
    return _in_edge_band(line) and PAGE_NUMBER.match(line.text.strip()) is not None


def running_headers(later_page: list[Line], first_page: list[Line]) -> list[Line]:
    """The lines of a later page that repeat the first page's top lines in the top margin band."""
    known = {word for line in first_page if line.box.top < FIRST_PAGE_TOP for word in _words(line)}
    body = [line for line in later_page if line.box.top >= EDGE_BAND]
    if not body:
        return []
    body_top = min(line.box.top for line in body)
    return [
        line
        for line in later_page
        if line.box.bottom < EDGE_BAND
        and body_top - line.box.bottom >= HEADER_GAP * line.box.height
        and _words(line) <= known
        and _words(line)
    ]


def _in_edge_band(line: Line) -> bool:
    return line.box.bottom < EDGE_BAND or line.box.top > 1.0 - EDGE_BAND


def _words(line: Line) -> set[str]:
    return {word.casefold() for word in _WORD.findall(line.text)}

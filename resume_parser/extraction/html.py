"""HTML resumes with the standard library's parser: block elements become lines, headings and
bold elements keep their weight, scripts and styles are dropped."""

from __future__ import annotations

from html.parser import HTMLParser

from resume_parser.errors import EmptyDocumentError
from resume_parser.extraction.filetype import HTML
from resume_parser.extraction.flow import FlowBlock, Span, flow_document
from resume_parser.extraction.text import decode_text
from resume_parser.layout import Document

BODY_SIZE = 11.0
HEADING_SIZES = {"h1": 20.0, "h2": 16.0, "h3": 14.0, "h4": 12.0, "h5": BODY_SIZE, "h6": BODY_SIZE}
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
MAX_LINK_CHARACTERS = 2048
_CELL_TAGS = frozenset(("td", "th"))
_BOLD_TAGS = frozenset(("b", "strong", "th", *HEADING_SIZES))
_ITALIC_TAGS = frozenset(("i", "em"))
_HIDDEN_TAGS = frozenset(("script", "style", "head", "template", "noscript", "svg"))
_VOID_TAGS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)


class _ResumeHtmlParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[Span]] = [[]]
        self._open: list[str] = []
        self._links: list[str | None] = []  # each open element's href (set on <a> only)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS or tag == "br":
            self._new_line()
        elif tag in _CELL_TAGS and self.lines[-1]:
            self.lines[-1].append(Span("\t"))
        if tag == "li":
            self.lines[-1].append(Span("• "))
        if tag not in _VOID_TAGS:
            self._open.append(tag)
            href = dict(attrs).get("href") if tag == "a" else None
            self._links.append(href.strip()[:MAX_LINK_CHARACTERS] if href else None)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            # Unclosed inner elements (<p> without </p>) end with their parent.
            innermost = len(self._open) - 1 - self._open[::-1].index(tag)
            del self._open[innermost:], self._links[innermost:]
        if tag in _BLOCK_TAGS:
            self._new_line()

    def handle_data(self, data: str) -> None:
        if any(tag in _HIDDEN_TAGS for tag in self._open):
            return
        text = " ".join(data.split())
        if not text:
            if self.lines[-1]:
                self.lines[-1].append(Span(" "))
            return
        # Whitespace at either end separates this text from its neighbours; collapsed to one space.
        text = (" " if data[:1].isspace() else "") + text + (" " if data[-1:].isspace() else "")
        bold, italic = self._within(_BOLD_TAGS), self._within(_ITALIC_TAGS)
        link = next((href for href in reversed(self._links) if href), None)
        self.lines[-1].append(Span(text, bold, italic, self._size(), link))

    def _within(self, tags: frozenset[str]) -> bool:
        return any(tag in tags for tag in self._open)

    def _size(self) -> float:
        sizes = [HEADING_SIZES[tag] for tag in self._open if tag in HEADING_SIZES]
        return sizes[-1] if sizes else BODY_SIZE

    def _new_line(self) -> None:
        if self.lines[-1]:
            self.lines.append([])


def extract_html(data: bytes) -> Document:
    parser = _ResumeHtmlParser()
    parser.feed(decode_text(data))
    parser.close()
    lines = [line for line in parser.lines if any(span.text.strip() for span in line)]
    if not lines:
        raise EmptyDocumentError("the HTML document contains no text")
    blocks = [FlowBlock([line], gap_before=0) for line in lines]
    return flow_document(blocks, media_type=HTML, extractor="html")

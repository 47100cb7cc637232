"""Tokens: the units the field models label.

A layout word is a run of characters without a space ("Berlin,", "2019–2021", "C++"); the models
need finer units, so separators and brackets become tokens of their own while the punctuation that
is part of a name stays inside it ("Node.js", "Jean-Baptiste", "C#", ".NET"); a slash is a token
("CI", "/", "CD"; "linkedin", "/", "jdoe"). E-mail and
web addresses stay whole. A token keeps where it was printed (its word and its character offsets in
the line's text), so labels map back to words, boxes and text exactly.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from resume_parser.layout import UNKNOWN_BOX, Line
from resume_parser.normalization.contact import EMAIL
from resume_parser.normalization.lines import GAP_IN_CHARACTERS

# A name-like piece: letters and digits, joined by the inner punctuation names carry, then an
# optional "++" / "#" ("C++", "F#"); a leading dot only where a letter follows (".NET").
_PIECE = re.compile(r"\.?[^\W_]+(?:['’.\-&+][^\W_]+)*[+#]*|[^\w\s]|_+", re.UNICODE)
# Address-like words are kept whole: "jane@x.com", "https://x.io/a", "linkedin.com/in/jane-doe".
_ADDRESS = re.compile(
    rf"{EMAIL.pattern}|(?:https?://|www\.)\S+|[a-z0-9][\w\-]*(?:\.[\w\-]+)*\.[a-z]{{2,24}}/\S*",
    re.IGNORECASE,
)
_TRAILING = ".,;:)]}\"'”’»"


def clean_word(text: str) -> str:
    """A word as the models read it: NFKC, soft hyphens and zero-width characters removed."""
    text = unicodedata.normalize("NFKC", text)
    return text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "").replace("\ufffe", "-")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    word: int  # index of the layout word it comes from
    start: int  # character offsets in the line's text (see line_text)
    end: int
    space_before: bool  # separated from the previous token of the line by a space
    cell: int  # which of the line's cells (runs of words cut at wide gaps: tab stops, columns)


@dataclass(frozen=True, slots=True)
class TokenLine:
    """A layout line with its text and tokens."""

    line: Line
    text: str
    tokens: tuple[Token, ...]


def tokenize_line(line: Line, edges: frozenset[int] = frozenset()) -> TokenLine:
    words = [clean_word(word.text) for word in line.words]
    cells = word_cells(line, edges)
    tokens: list[Token] = []
    offset = 0
    for index, word in enumerate(words):
        first = True
        for start, end, apart in _word_pieces(word):
            space = (first and index > 0) or apart
            tokens.append(Token(word[start:end], index, offset + start, offset + end, space, cells[index]))
            first = False
        offset += len(word) + 1
    return TokenLine(line, " ".join(words), tuple(tokens))


EDGE_STEP = 0.004  # page-width share: left edges this close are one edge


def edge_of(x: float) -> int:
    return round(x / EDGE_STEP)


def word_cells(line: Line, edges: frozenset[int] = frozenset()) -> list[int]:
    """Each word's cell. A gap wider than two average character widths starts a new one, and so
    does a narrower gap before a word that starts on one of the page's column edges (a date column
    set close to its text: "09/2024–  Senior Engineer")."""
    words = line.words
    if not words or any(w.box == UNKNOWN_BOX for w in words):
        return [0] * len(words)
    characters = sum(len(w.text) for w in words)
    char_width = sum(w.box.width for w in words) / max(characters, 1)
    cells = [0]
    for previous, word in itertools.pairwise(words):
        gap = word.box.left - previous.box.right
        on_edge = edge_of(word.box.left) in edges and gap > 0.5 * char_width
        cells.append(cells[-1] + (gap > GAP_IN_CHARACTERS * char_width or on_edge))
    return cells


def _word_pieces(word: str) -> list[tuple[int, int, bool]]:
    """(start, end, apart) of each token of a word; `apart` marks a piece cut off a glued number,
    which was printed apart from it (in its own column) though no space came out between them."""
    address = _ADDRESS.fullmatch(word.rstrip(_TRAILING))
    if address:
        end = address.end()
        return [(0, end, False)] + [(i, i + 1, False) for i in range(end, len(word))]
    pieces: list[tuple[int, int, bool]] = []
    for match in _PIECE.finditer(word):
        start, end = match.span()
        apart = False
        for cut in _glued_cuts(word, start, end):
            pieces.append((start, cut, apart))
            start, apart = cut, True
        pieces.append((start, end, apart))
    return pieces


def _glued_cuts(word: str, start: int, end: int) -> list[int]:
    """Where a number runs into a capitalized word, as narrow date columns come out of some PDFs
    ("2019-2021Data Scientist")."""
    return [
        i
        for i in range(start + 1, end - 1)
        if word[i - 1].isdigit() and word[i].isupper() and word[i + 1].islower()
    ]


def join_tokens(tokens: list[Token]) -> str:
    """The printed text of a run of tokens, spaces where the document had them (and between lines:
    a token at offset 0 opens a line)."""
    return "".join(
        (" " if i and (t.space_before or t.start == 0) else "") + t.text for i, t in enumerate(tokens)
    )

"""A PDF page's text layer read with PDFium: words with boxes and typography, as line fragments.

PDFium already orders characters and marks line ends; we cut its lines further wherever a wide gap
separates two words (a right-aligned date, the other column of a table), because which fragments
belong together is the grouping stage's decision, made with the whole page in view.

Words a reader cannot see (keyword stuffing: invisible, white on white, microscopic, off the
page) are left out; see pdfvisibility.py.

The loop is written for speed: one call fetches all the text, and font and ink information is
fetched once per text object rather than per character.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from resume_parser.extraction.limits import DEFAULT_LIMITS, ExtractionLimits
from resume_parser.extraction.pdflinks import attach_links, page_links
from resume_parser.extraction.pdfrender import Rect
from resume_parser.extraction.pdfvisibility import InkReader, Suspect, hidden_words
from resume_parser.extraction.visibility import MIN_READABLE_POINTS, Rgb, is_light
from resume_parser.layout import Box, Line, Word

# A gap wider than this many font sizes between two words starts a new fragment. Justified
# text rarely stretches a space past one em; layout gaps (tabs, columns) are much wider.
FRAGMENT_GAP_EMS = 1.5
_loose_char_box = pdfium_c.FPDFText_GetLooseCharBox
_WORD = re.compile(r"\S+")
_LINE_BREAK = re.compile(r"[\r\n]")
# A page painting fewer letters and digits than this is a scan; its invisible text layer is the
# recognized text (as pdf.py's MIN_TEXT_LAYER_CHARS decides which pages need OCR).
MIN_PAINTED_CHARACTERS = 20
_CLIP_MODE = pdfium_c.FPDF_TEXTRENDERMODE_CLIP
_SOFT_HYPHEN = "\ufffe"  # PDFium's marker for a hyphen it believes is a line-end hyphenation
_FONT_FLAG_ITALIC = 1 << 6
_FONT_FLAG_FORCE_BOLD = 1 << 18
_BOLD_NAME_PARTS = ("bold", "black", "heavy", "semibold", "demi")
_ITALIC_NAME_PARTS = ("italic", "oblique")


@dataclass(frozen=True, slots=True)
class _FontStyle:
    bold: bool
    italic: bool


_DARK: Rgb = (0, 0, 0)


@dataclass(frozen=True, slots=True)
class _PageFrame:
    """Maps PDF user space (points, origin bottom-left) to page coordinates (0..1, origin top-left)."""

    left: float
    bottom: float
    width: float
    height: float

    def box(self, left: float, top: float, right: float, bottom: float) -> Box | None:
        """The box on the page, or None when it lies wholly outside (text there is never shown)."""
        x0 = (left - self.left) / self.width
        x1 = (right - self.left) / self.width
        y0 = 1.0 - (top - self.bottom) / self.height
        y1 = 1.0 - (bottom - self.bottom) / self.height
        if 0.0 <= x0 <= x1 <= 1.0 and 0.0 <= y0 <= y1 <= 1.0:  # the usual case, checked in one go
            return Box(x0, y0, x1, y1)
        x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        if x0 >= 1.0 or x1 <= 0.0 or y0 >= 1.0 or y1 <= 0.0:
            return None
        return Box(_clamp(x0), _clamp(y0), _clamp(x1), _clamp(y1))


def text_layer_lines(
    page: pdfium.PdfPage, page_number: int, limits: ExtractionLimits = DEFAULT_LIMITS
) -> list[Line]:
    """The page's visible text as line fragments in PDFium's order (not yet in reading order)."""
    left, bottom, right, top = page.get_bbox()
    frame = _PageFrame(left, bottom, max(right - left, 1.0), max(top - bottom, 1.0))
    textpage = page.get_textpage()
    try:
        reader = _PageReader(textpage, frame, page_number)
        lines = reader.lines()
        if reader.suspects:
            scanned = reader.painted_characters < MIN_PAINTED_CHARACTERS
            suspects = reader.suspects
            hidden = {id(word) for word in hidden_words(page, page_number, suspects, limits, scanned=scanned)}
            lines = _without(hidden, lines, frame.width)
        attach_links(lines, page_links(page.pdf, page, frame.box))
        return lines
    finally:
        textpage.close()


class _PageReader:
    def __init__(self, textpage: pdfium.PdfTextPage, frame: _PageFrame, page_number: int):
        self._textpage = textpage.raw  # the raw handle: no wrapper lookup on each of many calls
        self._frame = frame
        self._page_number = page_number
        self._rect = pdfium_c.FS_RECTF()
        self._fonts: dict[int | None, _FontStyle] = {}
        self._inks = InkReader()
        # Words whose visibility depends on what is beneath them: judged once the page is read.
        self.suspects: list[Suspect] = []
        self.painted_characters = 0  # letters and digits painted in dark ink
        self._last_object: int | None = None
        self._last_typography: tuple[float, _FontStyle] = (0.0, _FontStyle(False, False))
        # The last text object's ink, noted with its typography. Doubtful: painted with no ink or a
        # light one, so whether its words show depends on what is beneath them.
        self._ink: Rgb | None = _DARK
        self._doubtful = False

    def lines(self) -> list[Line]:
        text = _page_text(self._textpage).replace(_SOFT_HYPHEN, "-")
        lines: list[Line] = []
        words: list[Word] = []
        previous_end = 0
        line_break = False
        for match in _WORD.finditer(text):
            # A dropped (unreadable) word's line break passes on to the next word.
            line_break = line_break or _LINE_BREAK.search(text, previous_end, match.start()) is not None
            for word in self._words(match.group(), match.start(), match.end() - 1):
                if words and (line_break or _starts_new_fragment(words[-1], word, self._frame.width)):
                    lines.append(_line(words, self._page_number))
                    words = []
                words.append(word)
                line_break = False
            previous_end = match.end()
        if words:
            lines.append(_line(words, self._page_number))
        return lines

    def _words(self, text: str, first: int, last: int) -> list[Word]:
        """The words from char `first` to `last`: one, or more where the word wraps to the next line
        without a space (after a hyphen, or an opening parenthesis)."""
        words, start = [], first
        for cut in self._wraps(first, last):
            words += self._word(text[start - first : cut - first], start, cut - 1)
            start = cut
        return words + self._word(text[start - first :], start, last)

    def _wraps(self, first: int, last: int) -> list[int]:
        """The characters that begin a new line: below the line so far, and back to the left of the
        character before them. (Text set top to bottom goes down without going back left.)"""
        previous_left, _, _, line_bottom = self._char_box(first)
        if self._char_box(last)[1] >= line_bottom:
            return []  # the usual case: the last character is on the first one's line
        cuts = []
        for index in range(first + 1, last + 1):
            left, top, _, bottom = self._char_box(index)
            if top < line_bottom and left < previous_left:
                cuts.append(index)
                line_bottom = bottom
            previous_left = left
        return cuts

    def _word(self, text: str, first: int, last: int) -> list[Word]:
        """The word from char `first` to `last`, on one line; none if it cannot be seen."""
        left, top, right, bottom = self._char_box(first)
        if last != first:
            _, last_top, right, last_bottom = self._char_box(last)
            top, bottom = max(top, last_top), min(bottom, last_bottom)
        width, height = right - left, top - bottom
        small = width < MIN_READABLE_POINTS or height < MIN_READABLE_POINTS  # cheap test first
        box = self._frame.box(left, top, right, bottom)
        if box is None or (small and _unreadably_small(width, height, len(text))):
            return []
        size, style = self._typography(first)
        ink, doubtful = self._ink, self._doubtful
        # One light character object inside an otherwise dark word must not hide behind the first.
        for index in range(first + 1, last + 1):
            if doubtful:
                break
            self._typography(index)
            ink, doubtful = self._ink, self._doubtful
        word = Word(text, box, round(size, 2) if size else None, style.bold, style.italic)
        if not doubtful:
            self.painted_characters += sum(map(str.isalnum, text))
            return [word]
        rect = self._doubtful_extent(first, last, (left, bottom, right, top))
        # Only light words are switched off to see beneath them; unpainted ones need no objects.
        objects = self._text_objects(first, last) if ink else {}
        self.suspects.append(Suspect(word, rect, ink, objects, clipping=ink is None and self._clips(first)))
        return [word]

    def _doubtful_extent(self, first: int, last: int, word_rect: Rect) -> Rect:
        """The part of a word drawn in light ink or none: where its background is judged. A heading
        whose first letters are set white in a coloured box ("exp|erience") shows those letters on
        the box, not on the white page beside it."""
        doubtful = []
        for index in range(first, last + 1):
            self._typography(index)
            if self._doubtful:
                doubtful.append(index)
        if not doubtful or (doubtful[0] == first and doubtful[-1] == last):
            return word_rect
        left, _, _, _ = self._char_box(doubtful[0])
        _, _, right, _ = self._char_box(doubtful[-1])
        return left, word_rect[1], right, word_rect[3]

    def _clips(self, index: int) -> bool:
        text_object = pdfium_c.FPDFText_GetTextObject(self._textpage, index)
        return bool(text_object) and pdfium_c.FPDFTextObj_GetTextRenderMode(text_object) == _CLIP_MODE

    def _text_objects(self, first: int, last: int) -> dict[int, Any]:
        """The text objects drawing characters `first` to `last`, by address (some PDFs draw each
        character with an object of its own)."""
        objects = {}
        for index in range(first, last + 1):
            text_object = pdfium_c.FPDFText_GetTextObject(self._textpage, index)
            address = _address(text_object)
            if address:
                objects[address] = text_object
        return objects

    def _char_box(self, index: int) -> tuple[float, float, float, float]:
        """A character's loose box in PDF user space: left, top, right, bottom (top > bottom)."""
        rect = self._rect
        _loose_char_box(self._textpage, index, rect)
        return rect.left, rect.top, rect.right, rect.bottom

    def _typography(self, index: int) -> tuple[float, _FontStyle]:
        """Font size and style of a character, looked up once per text object (which also notes its ink)."""
        text_object = pdfium_c.FPDFText_GetTextObject(self._textpage, index)
        address = _address(text_object)
        if address is not None and address == self._last_object:
            return self._last_typography
        size = pdfium_c.FPDFText_GetFontSize(self._textpage, index)
        font = pdfium_c.FPDFTextObj_GetFont(text_object) if address else None
        font_key = _address(font) if font else None
        style = self._fonts.get(font_key)
        if style is None:
            style = _font_style(font) if font else _FontStyle(False, False)
            self._fonts[font_key] = style
        self._ink = self._inks.ink(text_object) if address else _DARK
        self._doubtful = self._ink is None or is_light(self._ink)
        self._last_object = address
        self._last_typography = (size, style)
        return size, style


def _unreadably_small(width: float, height: float, length: int) -> bool:
    """Whether a word's characters measure under the readable size both across and along the line
    (the box tells the size as drawn, after any scaling; the font size alone does not)."""
    across, along = min(width, height), max(width, height) / length
    return across < MIN_READABLE_POINTS and along < MIN_READABLE_POINTS


def _without(hidden: set[int], lines: list[Line], page_width: float) -> list[Line]:
    """The lines without the `hidden` words (by identity); a line whose middle is gone may leave a
    gap wide enough to cut it in two."""
    kept: list[Line] = []
    for line in lines:
        words = [word for word in line.words if id(word) not in hidden]
        if len(words) == len(line.words):
            kept.append(line)
            continue
        start = 0
        for index in range(1, len(words)):
            if _starts_new_fragment(words[index - 1], words[index], page_width):
                kept.append(_line(words[start:index], line.page))
                start = index
        if words:
            kept.append(_line(words[start:], line.page))
    return kept


def _line(words: list[Word], page_number: int) -> Line:
    return Line(words=list(words), page=page_number, box=Box.enclosing([w.box for w in words]))


def _page_text(textpage: Any) -> str:
    """All characters, index for index (PDFium's char indices), in one call when possible."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = ctypes.string_at(buffer, count * 2).decode("utf-16-le", errors="surrogatepass")
    if written == count + 1 and len(text) == count:
        return text
    # A character outside the BMP takes two UTF-16 units and breaks the 1:1 mapping; ask per character.
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 0x20) for i in range(count))


def _address(pointer: Any) -> int | None:
    """A ctypes pointer's address, for identity comparisons (the cheapest way ctypes offers)."""
    address: int | None = ctypes.c_void_p.from_buffer(pointer).value
    return address


def _font_style(font: object) -> _FontStyle:
    buffer = ctypes.create_string_buffer(128)
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, len(buffer))
    name = buffer.value.decode("latin-1").lower()
    flags = pdfium_c.FPDFFont_GetFlags(font)
    weight = pdfium_c.FPDFFont_GetWeight(font)
    bold = (
        weight >= 600 or any(part in name for part in _BOLD_NAME_PARTS) or bool(flags & _FONT_FLAG_FORCE_BOLD)
    )
    italic = any(part in name for part in _ITALIC_NAME_PARTS) or bool(flags & _FONT_FLAG_ITALIC)
    return _FontStyle(bold=bold, italic=italic)


def _starts_new_fragment(previous: Word, word: Word, page_width_points: float) -> bool:
    backwards = word.box.left < previous.box.left
    overlaps_vertically = word.box.top < previous.box.bottom and previous.box.top < word.box.bottom
    gap_points = (word.box.left - previous.box.right) * page_width_points
    return (
        backwards or not overlaps_vertically or gap_points > FRAGMENT_GAP_EMS * (previous.font_size or 10.0)
    )


def _clamp(value: float) -> float:
    return 0.0 if value < 0.0 else 1.0 if value > 1.0 else value

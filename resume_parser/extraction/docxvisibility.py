"""Which runs of a Word document a reader cannot see.

A run is hidden when it is marked hidden (w:vanish), set unreadably small, or coloured like what
is beneath it. Its properties come, first found first, from the run itself, its character style,
its paragraph's style and the document defaults (each style following its base styles). What is
beneath a run is the first shading found going outwards: the run, its paragraph, its table cell,
its table, its text box; then the page.

When the background cannot be known (a table style with shading, a theme-coloured text box, a
shape drawn behind the text anywhere in the document, a patterned shading), coloured text is kept:
dropping a white name printed on a banner would be worse than keeping some stuffing.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement as _Element

from resume_parser.extraction.visibility import MIN_READABLE_POINTS, WHITE, Rgb, blends_in, parse_hex_colour

_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
_SHAPE = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_VML = "urn:schemas-microsoft-com:vml"
_DRAWING_ANCHOR = qn("wp:anchor")
_VML_SHAPES = tuple(f"{{{_VML}}}{name}" for name in ("shape", "rect", "roundrect"))
_FALSE = ("0", "false", "off")
_MIN_BACKDROP_EMU = 12 * 12700  # 12 pt, in English Metric Units
_WHITE_THEME_COLOURS = ("background1", "light1")

# Word's highlighter colours (w:highlight), the only colours a run's highlight can take.
_HIGHLIGHTS: dict[str, Rgb] = {
    "black": (0, 0, 0),
    "blue": (0, 0, 255),
    "cyan": (0, 255, 255),
    "green": (0, 255, 0),
    "magenta": (255, 0, 255),
    "red": (255, 0, 0),
    "yellow": (255, 255, 0),
    "white": (255, 255, 255),
    "darkBlue": (0, 0, 128),
    "darkCyan": (0, 128, 128),
    "darkGreen": (0, 128, 0),
    "darkMagenta": (128, 0, 128),
    "darkRed": (128, 0, 0),
    "darkYellow": (128, 128, 0),
    "darkGray": (128, 128, 128),
    "lightGray": (192, 192, 192),
}


class _Unknown(Exception):
    """The background of a run cannot be told from the document."""


class RunVisibility:
    """Decides, run by run, whether a Word document's text shows. One per document."""

    def __init__(self, document: DocxDocument):
        self._document = document
        styles = document.styles.element
        self._styles = {style.get(qn("w:styleId")): style for style in styles.iterchildren(qn("w:style"))}
        self._default_paragraph_style = next(
            (
                style_id
                for style_id, style in self._styles.items()
                if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true")
            ),
            None,
        )
        defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self._defaults = [defaults] if defaults is not None else []
        self._chains: dict[tuple[str | None, str | None, str | None], list[_Element]] = {}
        self._has_backdrop: bool | None = None  # looked for at the first coloured run

    def shows(self, run: _Element, paragraph: _Element) -> bool:
        properties = self._run_properties(run, paragraph)
        vanish = _first(properties, "w:vanish")
        if vanish is not None and vanish.get(qn("w:val"), "true") not in _FALSE:
            return False
        size = _first(properties, "w:sz")
        if size is not None and _half_points(size) < 2 * MIN_READABLE_POINTS:
            return False
        colour = _first(properties, "w:color")
        try:
            ink = _ink(colour)
        except _Unknown:
            return True
        if ink is None:
            return True
        try:
            return not blends_in(ink, self._background(run, properties))
        except _Unknown:
            return True

    def _run_properties(self, run: _Element, paragraph: _Element) -> list[_Element]:
        """The rPr elements that can set a run's properties, the one that wins first."""
        own = run.find(qn("w:rPr"))
        character_style = _value(own, "w:rStyle")
        paragraph_style = _value(paragraph.find(qn("w:pPr")), "w:pStyle") or self._default_paragraph_style
        table = next(paragraph.iterancestors(qn("w:tbl")), None)
        table_style = _value(table.find(qn("w:tblPr")), "w:tblStyle") if table is not None else None
        key = (character_style, paragraph_style, table_style)
        if key not in self._chains:
            # Word's order: direct, character style, paragraph style, table style, document defaults.
            styles = [
                *self._style_chain(character_style),
                *self._style_chain(paragraph_style),
                *self._style_chain(table_style),
            ]
            inherited = [rpr for style in styles if (rpr := style.find(qn("w:rPr"))) is not None]
            self._chains[key] = inherited + self._defaults
        return ([own] if own is not None else []) + self._chains[key]

    def _style_chain(self, style_id: str | None) -> Iterator[_Element]:
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            style_id = _value(style, "w:basedOn")

    def _background(self, run: _Element, properties: list[_Element]) -> Rgb:
        """The colour beneath a run; raises _Unknown when it cannot be told."""
        highlight = _first(properties, "w:highlight")
        if highlight is not None and highlight.get(qn("w:val")) in _HIGHLIGHTS:
            return _HIGHLIGHTS[highlight.get(qn("w:val"), "")]
        shading = _shading(_first(properties, "w:shd"))
        if shading:
            return shading
        for ancestor in run.iterancestors():
            colour = self._ancestor_background(ancestor)
            if colour:
                return colour
        if self._backdrop():
            raise _Unknown
        return self._page_colour()

    def _ancestor_background(self, element: _Element) -> Rgb | None:
        tag = element.tag
        if tag == qn("w:p"):
            properties = element.find(qn("w:pPr"))
            shading = _shading(_find(properties, "w:shd"))
            style_id = _value(properties, "w:pStyle") or self._default_paragraph_style
            for style in self._style_chain(style_id):
                shading = shading or _shading(_find(style.find(qn("w:pPr")), "w:shd"))
            return shading
        if tag == qn("w:tc"):
            return _shading(_find(element.find(qn("w:tcPr")), "w:shd"))
        if tag == qn("w:tbl"):
            properties = element.find(qn("w:tblPr"))
            for table_style in self._style_chain(_value(properties, "w:tblStyle")):
                if next(table_style.iter(qn("w:shd")), None) is not None:
                    raise _Unknown  # shaded rows or columns by conditional formatting
            return _shading(_find(properties, "w:shd"))
        if tag == f"{{{_SHAPE}}}wsp":
            return _shape_fill(element)
        if tag in _VML_SHAPES:
            return _vml_fill(element)
        return None

    def _backdrop(self) -> bool:
        """Whether any shape is drawn behind the text (a coloured band in a template's header)."""
        if self._has_backdrop is None:
            parts = [self._document.part] + [
                rel.target_part
                for rel in self._document.part.rels.values()
                if rel.reltype in (RELATIONSHIP_TYPE.HEADER, RELATIONSHIP_TYPE.FOOTER)
            ]
            self._has_backdrop = any(_draws_behind_text(part.element) for part in parts)
        return self._has_backdrop

    def _page_colour(self) -> Rgb:
        background = self._document.element.find(qn("w:background"))
        if background is None:
            return WHITE
        colour = parse_hex_colour(background.get(qn("w:color")))
        if colour is None:
            raise _Unknown
        return colour


def _draws_behind_text(root: _Element) -> bool:
    anchors = (
        anchor.get("behindDoc") in ("1", "true") and not _too_small_to_hide_text(anchor)
        for anchor in root.iter(_DRAWING_ANCHOR)
    )
    shapes = ("z-index:-" in shape.get("style", "").replace(" ", "") for shape in root.iter(*_VML_SHAPES))
    return any(anchors) or any(shapes)


def _too_small_to_hide_text(anchor: _Element) -> bool:
    """Whether the anchored shape's declared size is under a line of text on either side: such a
    shape cannot be the band white text sits on (and must not vouch for all white text)."""
    extent = anchor.find(qn("wp:extent"))
    try:
        width, height = int(extent.get("cx", "")), int(extent.get("cy", ""))
    except (AttributeError, ValueError):
        return False  # no usable size: assume it may be large
    return min(width, height) < _MIN_BACKDROP_EMU


def _shading(shading: _Element | None) -> Rgb | None:
    """The colour a w:shd paints: None for none; raises _Unknown for a pattern of two colours."""
    if shading is None:
        return None
    pattern = shading.get(qn("w:val"), "clear")
    if pattern in ("nil", "clear"):
        return parse_hex_colour(shading.get(qn("w:fill"))) if pattern == "clear" else None
    if pattern == "solid":
        return parse_hex_colour(shading.get(qn("w:color"))) or (0, 0, 0)  # automatic: black
    raise _Unknown


def _shape_fill(shape: _Element) -> Rgb | None:
    """A DrawingML text box's fill: None when it has none (the page shows through)."""
    properties = shape.find(f"{{{_SHAPE}}}spPr")
    if properties is not None and properties.find(f"{{{_DRAWING}}}noFill") is not None:
        return None
    colour = (
        properties.find(f"{{{_DRAWING}}}solidFill/{{{_DRAWING}}}srgbClr") if properties is not None else None
    )
    if colour is None:
        raise _Unknown  # a theme colour, a gradient, a picture, or the shape style's fill
    rgb = parse_hex_colour(colour.get("val"))
    if rgb is None:
        raise _Unknown
    return rgb


def _vml_fill(shape: _Element) -> Rgb | None:
    if shape.get("filled", "t") in ("f", "false"):
        return None
    colour = shape.get("fillcolor", "#ffffff")  # VML's default fill is white
    rgb = parse_hex_colour(colour[1:]) if colour.startswith("#") else None
    if rgb is None:
        raise _Unknown
    return rgb


def _first(properties: list[_Element], tag: str) -> _Element | None:
    name = qn(tag)
    for element in properties:
        found: _Element | None = element.find(name)
        if found is not None:
            return found
    return None


def _find(parent: _Element | None, tag: str) -> _Element | None:
    found: _Element | None = parent.find(qn(tag)) if parent is not None else None
    return found


def _ink(colour: _Element | None) -> Rgb | None:
    """A run's colour; None for automatic. A theme colour wins over the RGB value stored beside it
    (which Word keeps only as a fallback): the background theme colours are white in every built-in
    theme, the others cannot be told without the theme (_Unknown)."""
    if colour is None:
        return None
    theme = colour.get(qn("w:themeColor"))
    if theme is None:
        return parse_hex_colour(colour.get(qn("w:val")))
    if theme in _WHITE_THEME_COLOURS and colour.get(qn("w:themeShade")) is None:
        return WHITE
    raise _Unknown


def _value(parent: _Element | None, tag: str) -> str | None:
    found = _find(parent, tag)
    return found.get(qn("w:val")) if found is not None else None


def _half_points(size: _Element) -> float:
    try:
        return float(size.get(qn("w:val"), "inf"))
    except ValueError:
        return float("inf")

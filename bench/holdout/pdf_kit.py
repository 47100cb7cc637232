"""A tiny text-flow helper over a reportlab canvas: a column that writes lines downwards and wraps."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONTS = {
    "sans": "DejaVuSans.ttf",
    "sans-bold": "DejaVuSans-Bold.ttf",
    "sans-italic": "DejaVuSans-Oblique.ttf",
    "sans-bolditalic": "DejaVuSans-BoldOblique.ttf",
    "serif": "DejaVuSerif.ttf",
    "serif-bold": "DejaVuSerif-Bold.ttf",
    "serif-italic": "DejaVuSerif-Italic.ttf",
    "cond": "DejaVuSansCondensed.ttf",
    "cond-bold": "DejaVuSansCondensed-Bold.ttf",
}
PAGE_WIDTH, PAGE_HEIGHT = A4
TOP, BOTTOM = PAGE_HEIGHT - 50, 50


def register_fonts() -> None:
    for name, file in FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, f"{FONT_DIR}/{file}"))


def new_canvas(path: str) -> Canvas:
    register_fonts()
    canvas = Canvas(path, pagesize=A4)
    canvas.setTitle("Resume")
    return canvas


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and pdfmetrics.stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


@dataclass
class Column:
    """Writes from the top of a column downwards; starts a new page when it runs out of room."""

    canvas: Canvas
    x: float
    width: float
    y: float = TOP
    top_after_break: float = TOP

    def room(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.canvas.showPage()
            self.y = self.top_after_break

    def text(
        self, text: str, font: str = "sans", size: float = 9.5, color: str = "#222222", leading: float = 1.3
    ) -> None:
        for line in wrap(text, font, size, self.width):
            self.room(size * leading)
            self.y -= size * leading
            self.canvas.setFont(font, size)
            self.canvas.setFillColor(color)
            self.canvas.drawString(self.x, self.y, line)

    def right(self, text: str, font: str = "sans", size: float = 9.5, color: str = "#222222") -> None:
        """Text right-aligned on the line just written (a date beside a title)."""
        self.canvas.setFont(font, size)
        self.canvas.setFillColor(color)
        self.canvas.drawRightString(self.x + self.width, self.y, text)

    def bullet(
        self, text: str, font: str = "sans", size: float = 9, mark: str = "•", leading: float = 1.3
    ) -> None:
        lines = wrap(text, font, size, self.width - 12)
        for index, line in enumerate(lines):
            self.room(size * leading)
            self.y -= size * leading
            self.canvas.setFont(font, size)
            self.canvas.setFillColor("#222222")
            if index == 0:
                self.canvas.drawString(self.x + 2, self.y, mark)
            self.canvas.drawString(self.x + 12, self.y, line)

    def rule(self, color: str = "#999999", width: float = 0.6, gap: float = 4) -> None:
        self.y -= gap
        self.canvas.setStrokeColor(color)
        self.canvas.setLineWidth(width)
        self.canvas.line(self.x, self.y, self.x + self.width, self.y)
        self.y -= gap

    def space(self, height: float) -> None:
        self.y -= height

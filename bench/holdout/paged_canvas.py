"""A reportlab canvas that knows the page count when it saves, so every page can carry 'Page 2 of 3' and
a running header from page 2 on (reportlab cannot go back to a finished page, so pages are kept until
save)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pdf_kit import register_fonts
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

# (canvas, page number, page count) -> draws the page's furniture
Furniture = Callable[[Canvas, int, int], None]


class PagedCanvas(Canvas):
    def __init__(self, path: str, furniture: Furniture) -> None:
        register_fonts()
        super().__init__(path, pagesize=A4)
        self.setTitle("Resume")
        self._furniture = furniture
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        if self._code:  # the page being drawn when save is called
            self._pages.append(dict(self.__dict__))
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._furniture(self, number, len(self._pages))
            super().showPage()
        super().save()

"""Hyperlinks of a PDF page: where each URI link annotation points, set on the words under it.

Templates often print a profile as a bare user name beside an icon ("jdoe" under a GitHub logo)
or a link text ("Portfolio"), while the link annotation over it holds the whole address. Word,
LibreOffice, Chromium and LaTeX's hyperref all write such annotations; the parser reads the
address from there instead of guessing it from the printed text.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from resume_parser.layout import Box, Line

# Addresses longer than this are not a contact detail (and a crafted file gains nothing).
MAX_LINK_BYTES = 2048
# Links beyond this many on one page are ignored: a resume has a handful.
MAX_LINKS_PER_PAGE = 200
_SCHEMES = ("http://", "https://", "mailto:", "tel:")

PageBox = Callable[[float, float, float, float], Box | None]


def page_links(pdf: pdfium.PdfDocument, page: pdfium.PdfPage, to_box: PageBox) -> list[tuple[Box, str]]:
    """The page's web, e-mail and telephone links with their areas in page coordinates."""
    links: list[tuple[Box, str]] = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    rect = pdfium_c.FS_RECTF()
    while len(links) < MAX_LINKS_PER_PAGE and pdfium_c.FPDFLink_Enumerate(page.raw, position, link):
        target = _uri(pdf, link)
        if target is None or not pdfium_c.FPDFLink_GetAnnotRect(link, rect):
            continue
        box = to_box(rect.left, rect.top, rect.right, rect.bottom)
        if box is not None:
            links.append((box, target))
    return links


def _uri(pdf: pdfium.PdfDocument, link: object) -> str | None:
    action = pdfium_c.FPDFLink_GetAction(link)
    if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
        return None
    length = pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, None, 0)
    if not 1 < length <= MAX_LINK_BYTES:
        return None
    buffer = ctypes.create_string_buffer(length)
    pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, buffer, length)
    target = buffer.value.decode("ascii", errors="replace").strip()
    return target if target.lower().startswith(_SCHEMES) else None


def attach_links(lines: list[Line], links: list[tuple[Box, str]]) -> None:
    """Sets each word's link to the annotation its centre lies in (the smallest, when nested)."""
    if not links:
        return
    by_size = sorted(links, key=lambda link: link[0].width * link[0].height)
    for line in lines:
        for word in line.words:
            x = (word.box.left + word.box.right) / 2
            y = (word.box.top + word.box.bottom) / 2
            for box, target in by_size:
                if box.left <= x <= box.right and box.top <= y <= box.bottom:
                    word.link = target
                    break

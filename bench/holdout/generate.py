"""Render the holdout-style corpus: documents `LAYOUT-LOCALE-SEED.ext` with truth `LAYOUT-LOCALE-SEED.json`.

    python bench/holdout/generate.py OUT_DIR

The layouts deliberately differ from the dev corpus (see README.md); the plan below fixes each
document's layout, locale, career track and date style, so the corpus is the same on every run.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import academic
import docx_themes
import export_theme
import margin_theme
import paged_theme
import pdf_themes
import scans
import text_theme
from people import person

Truth = dict[str, Any]


class Doc(NamedTuple):
    layout: str
    locale: str
    track: str
    seed: int
    date_style: str = "month"


PLAN = [
    Doc("banner", "en", "software", 2001, "year"),
    Doc("banner", "en", "data", 2002, "year"),
    Doc("banner", "en", "marketing", 2003, "year"),
    Doc("banner", "fr", "finance", 2004, "year"),
    Doc("banner", "fr", "software", 2005, "year"),
    Doc("gutter", "en", "software", 2011, "slash"),
    Doc("gutter", "en", "finance", 2012, "short"),
    Doc("gutter", "de", "software", 2013, "month"),
    Doc("gutter", "de", "data", 2014, "month"),
    Doc("gutter", "de", "marketing", 2015, "short"),
    Doc("academic", "en", "research", 2021, "year"),
    Doc("academic", "en", "research", 2022, "year"),
    Doc("academic", "en", "research", 2023, "year"),
    Doc("italic", "en", "finance", 2031, "month"),
    Doc("italic", "en", "data", 2032, "month"),
    Doc("italic", "es", "software", 2033, "spanish_de"),
    Doc("italic", "es", "marketing", 2034, "short"),
    Doc("italic", "es", "data", 2035, "month"),
    Doc("docxstyles", "en", "software", 2041, "short"),
    Doc("docxstyles", "en", "marketing", 2042, "short"),
    Doc("docxstyles", "de", "finance", 2043, "month"),
    Doc("docxgrid", "en", "data", 2051, "month"),
    Doc("docxgrid", "en", "finance", 2052, "month"),
    Doc("docxgrid", "fr", "marketing", 2053, "month"),
    Doc("txtdash", "en", "software", 2061, "short"),
    Doc("txtdash", "en", "marketing", 2062, "slash"),
    Doc("txtdash", "es", "finance", 2063, "short"),
    Doc("profile", "en", "software", 2081),
    Doc("profile", "en", "marketing", 2082),
    Doc("profile", "de", "data", 2083),
    Doc("profile", "fr", "finance", 2084),
    Doc("twopage", "en", "data", 2096, "short"),
    Doc("twopage", "en", "finance", 2092, "month"),
    Doc("twopage", "es", "software", 2095, "slash"),
    Doc("twopage", "de", "marketing", 2101, "month"),
    Doc("margin", "en", "data", 2111, "short"),
    Doc("margin", "es", "finance", 2112, "month"),
    Doc("margin", "fr", "software", 2113, "month"),
]
# Image-only copies of PDF layouts, for OCR.
SCANS = [
    Doc("banner", "en", "software", 2071, "year"),
    Doc("gutter", "de", "finance", 2072, "month"),
    Doc("italic", "en", "marketing", 2073, "month"),
    Doc("academic", "en", "research", 2074, "year"),
    Doc("profile", "en", "data", 2075),
]


def _renderer(doc: Doc) -> tuple[str, Callable[[Truth, str], Truth]]:
    """The file extension and a function (truth, path) -> printed truth."""
    loc, style = doc.locale, doc.date_style
    themes: dict[str, tuple[str, Callable[[Truth, str], Truth]]] = {
        "banner": ("pdf", lambda t, p: pdf_themes.banner(t, loc, p)),
        "gutter": ("pdf", lambda t, p: pdf_themes.gutter(t, loc, p, style)),
        "italic": ("pdf", lambda t, p: pdf_themes.italic(t, loc, p, style)),
        "academic": ("pdf", lambda t, p: academic.academic(t, p, doc.seed)),
        "docxstyles": ("docx", lambda t, p: docx_themes.styles(t, loc, p, style)),
        "docxgrid": ("docx", lambda t, p: docx_themes.grid(t, loc, p, style)),
        "txtdash": ("txt", lambda t, p: text_theme.dashed(t, loc, p, style)),
        "profile": ("pdf", lambda t, p: export_theme.profile_export(t, loc, p)),
        "twopage": ("pdf", lambda t, p: paged_theme.two_page(t, loc, p, style)),
        "margin": ("pdf", lambda t, p: margin_theme.margin(t, loc, p, style)),
    }
    return themes[doc.layout]


def render(doc: Doc, out: Path, scanned: bool = False) -> Path:
    ext, draw = _renderer(doc)
    stem = f"{'scan-' if scanned else ''}{doc.layout}-{doc.locale}-{doc.seed}"
    target = out / f"{stem}.{ext}"
    if scanned:
        with tempfile.TemporaryDirectory() as tmp:
            source = f"{tmp}/source.pdf"
            truth = draw(person(doc.seed, doc.locale, doc.track), source)
            scans.scan(source, str(target), doc.seed)
    else:
        truth = draw(person(doc.seed, doc.locale, doc.track), str(target))
    text = json.dumps(truth, indent=2, ensure_ascii=False) + "\n"
    (out / f"{stem}.json").write_text(text, encoding="utf-8")
    return target


def generate(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    return [render(doc, out) for doc in PLAN] + [render(doc, out, scanned=True) for doc in SCANS]


if __name__ == "__main__":
    for path in generate(Path(sys.argv[1] if len(sys.argv) > 1 else "bench/holdout/out/corpus")):
        print(path)

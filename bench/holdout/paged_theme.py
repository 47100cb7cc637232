"""A roomy résumé that runs onto a second page, as word-processor templates do: from page 2 on a running
header repeats the name and email over a rule, and every page has a 'Page N of M' / 'N / M' footer. Entries
break across the page boundary wherever they fall. Section titles are letter-spaced capitals; an entry is
'Position' (bold) with the dates right-aligned, then 'Company, City' in grey; skills are 'Group: a, b'
lines, languages one line of 'Name (level)', certificates 'Name – Issuer (date)'.
"""

from __future__ import annotations

from typing import Any

from dates import format_date, format_range
from paged_canvas import PagedCanvas
from pdf_kit import PAGE_HEIGHT, PAGE_WIDTH, TOP, Column
from printing import bare_url, country_name, degree, profile_urls
from reportlab.pdfgen.canvas import Canvas
from vocab import HEADINGS, SUMMARIES

Truth = dict[str, Any]
MARGIN = 56
PAGE_WORD = {"en": ("Page", "of"), "de": ("Seite", "von"), "fr": ("Page", "sur"), "es": ("Página", "de")}
BODY = 11
LEADING = 1.7


def two_page(truth: Truth, locale: str, path: str, date_style: str) -> Truth:
    basics = truth["basics"]
    heads = HEADINGS[locale]

    def furniture(canvas: Canvas, number: int, count: int) -> None:
        _running_header(canvas, basics, number)
        _footer(canvas, number, count, locale)

    canvas = PagedCanvas(path, furniture)
    page = Column(canvas, MARGIN, PAGE_WIDTH - 2 * MARGIN, TOP, top_after_break=TOP - 24)
    page.text(basics["name"], "serif-bold", 26, "#1b2a41")
    page.text(basics["label"], "serif", 13, "#4a5a70")
    page.space(4)
    place = f"{basics['location']['city']}, {country_name(truth, locale)}"
    page.text("  ·  ".join([place, basics["phone"], basics["email"]]), "sans", 9.5, "#333333")
    links = profile_urls(basics) + ([bare_url(basics["url"])] if "url" in basics else [])
    page.text("  ·  ".join(links), "sans", 9.5, "#333333")

    _heading(page, heads["summary"])
    summary = SUMMARIES[locale].format(label=basics["label"])
    basics["summary"] = summary
    page.text(summary, "serif", BODY, leading=LEADING)
    _heading(page, heads["work"])
    for job in truth["work"]:
        page.room(60)
        page.text(job["position"], "serif-bold", 11.5, "#1b2a41", leading=LEADING)
        when = format_range(job["startDate"], job.get("endDate"), date_style, locale)
        page.right(when, "serif", BODY, "#4a5a70")
        page.text(f"{job['name']}, {job['location']}", "serif", BODY, "#4a5a70", leading=LEADING)
        for line in job["highlights"]:
            page.bullet(line, "serif", BODY, "▪", LEADING)
        page.space(16)
    _heading(page, heads["education"])
    for entry in truth["education"]:
        page.text(degree(entry, locale), "serif-bold", 11.5, "#1b2a41", leading=LEADING)
        page.right(format_range(entry["startDate"], entry["endDate"], date_style, locale), "serif", BODY)
        page.text(entry["institution"], "serif", BODY, "#4a5a70", leading=LEADING)
        page.space(12)
    _heading(page, heads["skills"])
    for group in truth["skills"]:
        page.text(f"{group['name']}: {', '.join(group['keywords'])}", "serif", BODY, leading=LEADING)
    _heading(page, heads["languages"])
    page.text(", ".join(f"{e['language']} ({e['fluency']})" for e in truth["languages"]), "serif", BODY)
    if truth["certificates"]:
        _heading(page, heads["certificates"])
        for entry in truth["certificates"]:
            when = format_date(entry["date"], date_style, locale)
            page.bullet(f"{entry['name']} – {entry['issuer']} ({when})", "serif", BODY, "▪", LEADING)
    canvas.save()
    return truth


def _heading(page: Column, title: str) -> None:
    """Letter-spaced capitals over a short rule."""
    page.room(70)
    page.y -= 38
    text = page.canvas.beginText(page.x, page.y)
    text.setFont("sans-bold", 10.5)
    text.setCharSpace(2.2)
    text.setFillColor("#1b2a41")
    text.textOut(title.upper())
    text.setCharSpace(0)
    page.canvas.drawText(text)
    page.y -= 6
    page.canvas.setStrokeColor("#c9a227")
    page.canvas.setLineWidth(1.2)
    page.canvas.line(page.x, page.y, page.x + 40, page.y)
    page.y -= 4


def _running_header(canvas: Canvas, basics: Truth, number: int) -> None:
    if number == 1:
        return
    canvas.setFont("serif-italic", 8.5)
    canvas.setFillColor("#4a5a70")
    canvas.drawString(MARGIN, PAGE_HEIGHT - 34, basics["name"])
    canvas.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 34, basics["email"])
    canvas.setStrokeColor("#cccccc")
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, PAGE_HEIGHT - 40, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 40)


def _footer(canvas: Canvas, number: int, count: int, locale: str) -> None:
    page, of = PAGE_WORD[locale]
    canvas.setFont("sans", 8)
    canvas.setFillColor("#888888")
    label = f"{page} {number} {of} {count}" if locale != "de" else f"{number} / {count}"
    canvas.drawRightString(PAGE_WIDTH - MARGIN, 28, label)

"""Section titles in a left margin, right-aligned on the first line of their section, with the
content in a wide column beside them. A role is 'Position at Company' (localized 'at'), then
'City · Mar 2019 – Present' in grey italics; education is the degree, then 'School · 2014 – 2016';
skills are 'Group — a · b · c'; certificates open with their year ('2023 · Name, Issuer').
"""

from __future__ import annotations

from typing import Any

from dates import format_range
from pdf_kit import PAGE_WIDTH, Column, new_canvas
from printing import bare_url, degree, drop_country, profile_urls
from vocab import HEADINGS, SUMMARIES

Truth = dict[str, Any]
AT = {"en": "at", "es": "en", "fr": "chez", "de": "bei"}
MARGIN_RIGHT = 128
CONTENT_LEFT = 144
ACCENT = "#2d6a4f"


def margin(truth: Truth, locale: str, path: str, date_style: str) -> Truth:
    truth = drop_country(truth)
    heads, basics = HEADINGS[locale], truth["basics"]
    for entry in truth["certificates"]:
        entry["date"] = entry["date"][:4]
    canvas = new_canvas(path)
    page = Column(canvas, CONTENT_LEFT, PAGE_WIDTH - CONTENT_LEFT - 44)
    page.text(basics["name"], "sans-bold", 21, "#111111")
    page.text(basics["label"], "sans", 11, ACCENT)
    page.space(3)
    contact = [basics["email"], basics["phone"], basics["location"]["city"]]
    page.text("  ·  ".join(contact), "sans", 8.5, "#444444")
    links = profile_urls(basics) + ([bare_url(basics["url"])] if "url" in basics else [])
    page.text("  ·  ".join(links), "sans", 8.5, "#444444")

    _section(page, heads["summary"])
    basics["summary"] = SUMMARIES[locale].format(label=basics["label"])
    page.text(basics["summary"], "sans", 9.5, leading=1.45)
    _section(page, heads["work"])
    for index, job in enumerate(truth["work"]):
        _role(page, job, locale, date_style, first=index == 0)
    _section(page, heads["education"])
    for entry in truth["education"]:
        page.text(degree(entry, locale), "sans-bold", 10, "#111111")
        when = format_range(entry["startDate"], entry["endDate"], date_style, locale)
        page.text(f"{entry['institution']}  ·  {when}", "sans-italic", 9, "#555555")
        page.space(5)
    _section(page, heads["skills"])
    for group in truth["skills"]:
        page.text(f"{group['name']} — {' · '.join(group['keywords'])}", "sans", 9.5, leading=1.45)
    _section(page, heads["languages"])
    page.text("  ·  ".join(f"{e['language']} ({e['fluency']})" for e in truth["languages"]), "sans", 9.5)
    if truth["certificates"]:
        _section(page, heads["certificates"])
        for entry in truth["certificates"]:
            page.text(f"{entry['date']} · {entry['name']}, {entry['issuer']}", "sans", 9.5, leading=1.45)
    canvas.save()
    return truth


def _section(page: Column, title: str) -> None:
    """The title in the margin, on the baseline of the section's first line (drawn next)."""
    page.room(50)
    page.space(14)
    baseline = page.y - 9.5 * 1.3
    page.canvas.setFont("sans-bold", 8.5)
    page.canvas.setFillColor(ACCENT)
    page.canvas.drawRightString(MARGIN_RIGHT, baseline, title.upper())


def _role(page: Column, job: Truth, locale: str, date_style: str, *, first: bool) -> None:
    if not first:
        page.space(7)
    page.room(40)
    page.y -= 10 * 1.3
    canvas = page.canvas
    canvas.setFont("sans-bold", 10)
    canvas.setFillColor("#111111")
    canvas.drawString(page.x, page.y, job["position"])
    width = canvas.stringWidth(job["position"], "sans-bold", 10)
    canvas.setFont("sans", 10)
    canvas.drawString(page.x + width, page.y, f" {AT[locale]} {job['name']}")
    when = format_range(job["startDate"], job.get("endDate"), date_style, locale)
    page.text(f"{job['location']}  ·  {when}", "sans-italic", 9, "#555555")
    for line in job["highlights"]:
        page.bullet(line, "sans", 9, "–")

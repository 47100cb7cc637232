"""DOCX themes unlike the dev ones.

* styles: Word's built-in Title / Subtitle / Heading 1 / Heading 2 / List Bullet styles, 'Position — Company'
          as Heading 2 and 'City | Sep 2019 – Present' below it.
* grid:   one two-cell table: a narrow left cell with name, contact, skills and languages, and the
          experience and education in the wide right cell ('September 2019 – Current').
"""

from __future__ import annotations

from typing import Any

from dates import format_range
from docx import Document
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from printing import bare_url, certificate, country_name, degree, drop_country, language, place, profile_urls
from vocab import HEADINGS, SUMMARIES

Truth = dict[str, Any]


def styles(truth: Truth, locale: str, path: str, date_style: str) -> Truth:
    heads, basics = HEADINGS[locale], truth["basics"]
    doc = Document()
    doc.add_paragraph(basics["name"], style="Title")
    doc.add_paragraph(basics["label"], style="Subtitle")
    links = [
        basics["email"],
        basics["phone"],
        place(basics, country_name(truth, locale)),
        *profile_urls(basics),
    ]
    links += [bare_url(basics["url"])] if "url" in basics else []
    doc.add_paragraph(" | ".join(links))
    doc.add_paragraph(heads["summary"], style="Heading 1")
    basics["summary"] = SUMMARIES[locale].format(label=basics["label"])
    doc.add_paragraph(basics["summary"])
    doc.add_paragraph(heads["work"], style="Heading 1")
    for job in truth["work"]:
        doc.add_paragraph(f"{job['position']} — {job['name']}", style="Heading 2")
        when = format_range(job["startDate"], job.get("endDate"), date_style, locale)
        doc.add_paragraph().add_run(f"{job['location']} | {when}").italic = True
        for line in job["highlights"]:
            doc.add_paragraph(line, style="List Bullet")
    doc.add_paragraph(heads["education"], style="Heading 1")
    for entry in truth["education"]:
        doc.add_paragraph(entry["institution"], style="Heading 2")
        when = format_range(entry["startDate"], entry["endDate"], date_style, locale)
        doc.add_paragraph(f"{degree(entry, locale)}, {when}")
    doc.add_paragraph(heads["skills"], style="Heading 1")
    for group in truth["skills"]:
        item = doc.add_paragraph(style="List Bullet")
        item.add_run(f"{group['name']}: ").bold = True
        item.add_run(", ".join(group["keywords"]))
    doc.add_paragraph(heads["languages"], style="Heading 1")
    doc.add_paragraph(", ".join(language(e, " (") + ")" for e in truth["languages"]))
    if truth["certificates"]:
        doc.add_paragraph(heads["certificates"], style="Heading 1")
        for entry in truth["certificates"]:
            doc.add_paragraph(certificate(entry, date_style, locale), style="List Bullet")
    doc.save(path)
    return truth


def grid(truth: Truth, locale: str, path: str, date_style: str) -> Truth:
    truth = drop_country(truth)
    heads, basics = HEADINGS[locale], truth["basics"]
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Cm(5.5), Cm(11.5)
    _para(left, basics["name"], 18, bold=True, color="1F3A5F")
    _para(left, basics["label"], 10, italic=True)
    _para(left, heads["contact"].upper(), 10, bold=True, color="1F3A5F")
    for line in [basics["email"], basics["phone"], basics["location"]["city"], *profile_urls(basics)]:
        _para(left, line, 8.5)
    if "url" in basics:
        _para(left, bare_url(basics["url"]), 8.5)
    _para(left, heads["skills"].upper(), 10, bold=True, color="1F3A5F")
    for group in truth["skills"]:
        _para(left, group["name"], 9, bold=True)
        for word in group["keywords"]:
            _para(left, word, 8.5)
    _para(left, heads["languages"].upper(), 10, bold=True, color="1F3A5F")
    for entry in truth["languages"]:
        _para(left, language(entry, ", "), 8.5)

    right.paragraphs[0].text = ""
    _para(right, heads["work"].upper(), 11, bold=True, color="1F3A5F")
    for job in truth["work"]:
        _para(right, job["position"], 10.5, bold=True)
        _para(right, f"{job['name']}, {job['location']}", 9.5)
        _para(right, format_range(job["startDate"], job.get("endDate"), date_style, locale), 9, italic=True)
        for line in job["highlights"]:
            _para(right, f"• {line}", 9)
    _para(right, heads["education"].upper(), 11, bold=True, color="1F3A5F")
    for entry in truth["education"]:
        _para(right, degree(entry, locale), 10.5, bold=True)
        _para(right, entry["institution"], 9.5)
        _para(right, format_range(entry["startDate"], entry["endDate"], date_style, locale), 9, italic=True)
    if truth["certificates"]:
        _para(right, heads["certificates"].upper(), 11, bold=True, color="1F3A5F")
        for entry in truth["certificates"]:
            _para(right, certificate(entry, date_style, locale), 9)
    doc.save(path)
    return truth


def _para(
    cell: _Cell, text: str, size: float, bold: bool = False, italic: bool = False, color: str = ""
) -> None:
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text and len(cell.paragraphs) == 1 else None
    paragraph = paragraph or cell.add_paragraph()
    run = paragraph.add_run(text)
    run.font.size, run.bold, run.italic = Pt(size), bold, italic
    if color:
        run.font.color.rgb = RGBColor.from_string(color)

"""A profile export like the PDFs social-network sites save: a shaded left column (Contact, Top Skills,
Languages, Certifications) beside a main column whose work entries are four lines each:

    Company
    Position
    January 2020 - Present (3 years 2 months)
    City, Country

followed by the description as plain lines (no bullets). Long profile URLs break mid-word, with the link
kind in brackets after them ('www.linkedin.com/in/jean-' / 'baptiste (LinkedIn)'); education reads
'Degree, Area · (2012 - 2016)'; every page has a centred 'Page 1 of 2' footer.
"""

from __future__ import annotations

from typing import Any

from paged_canvas import PagedCanvas
from pdf_kit import PAGE_HEIGHT, PAGE_WIDTH, Column
from people import NOW
from printing import country_name
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from vocab import CITIES, SUMMARIES

Truth = dict[str, Any]
HEADINGS = {
    "en": ("Contact", "Top Skills", "Languages", "Certifications", "Summary", "Experience", "Education"),
    "de": (
        "Kontakt",
        "Top-Kenntnisse",
        "Sprachen",
        "Zertifikate",
        "Zusammenfassung",
        "Berufserfahrung",
        "Ausbildung",
    ),
    "fr": (
        "Coordonnées",
        "Principales compétences",
        "Langues",
        "Certifications",
        "Résumé",
        "Expérience",
        "Formation",
    ),
}
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
}
PRESENT = {"en": "Present", "de": "Heute", "fr": "aujourd’hui"}
# (year, years, month, months) per locale
DURATION_WORDS = {
    "en": ("year", "years", "month", "months"),
    "de": ("Jahr", "Jahre", "Monat", "Monate"),
    "fr": ("an", "ans", "mois", "mois"),
}
PAGE_WORD = {"en": ("Page", "of"), "de": ("Seite", "von"), "fr": ("Page", "sur")}
SIDE_WIDTH = 190
TOP_SKILLS = 3


def profile_export(truth: Truth, locale: str, path: str) -> Truth:
    truth = _printed_truth(truth, locale)
    heads, basics = HEADINGS[locale], truth["basics"]
    canvas = PagedCanvas(path, lambda c, number, count: _footer(c, number, count, locale))
    canvas.setFillColor("#eef0f2")
    canvas.rect(0, 0, SIDE_WIDTH, PAGE_HEIGHT, stroke=0, fill=1)
    side = Column(canvas, 24, SIDE_WIDTH - 44, PAGE_HEIGHT - 40)
    _side_heading(side, heads[0])
    side.text(basics["email"], "sans", 9)
    side.text(f"{basics['phone']} (Mobile)", "sans", 9)
    for profile in basics["profiles"]:
        url = profile["url"].removeprefix("https://")
        kind = "LinkedIn" if profile["network"] == "LinkedIn" else "Portfolio"
        _broken(side, f"{'www.' if kind == 'LinkedIn' else ''}{url} ({kind})")
    if "url" in basics:
        _broken(side, f"{basics['url'].removeprefix('https://')} (Personal)")
    _side_heading(side, heads[1])
    for keyword in truth["skills"][0]["keywords"]:
        side.text(keyword, "sans", 9)
    _side_heading(side, heads[2])
    for entry in truth["languages"]:
        side.text(entry["language"], "sans", 9)
        side.text(f"({entry['fluency']})", "sans", 8, "#555555")
    if truth["certificates"]:
        _side_heading(side, heads[3])
        for entry in truth["certificates"]:
            side.text(entry["name"], "sans", 9)

    main = Column(canvas, SIDE_WIDTH + 24, PAGE_WIDTH - SIDE_WIDTH - 60, PAGE_HEIGHT - 34)
    main.text(basics["name"], "sans", 24, "#111111")
    main.text(basics["label"], "sans", 11.5, "#222222")
    main.text(f"{basics['location']['city']}, {country_name(truth, locale)}", "sans", 10, "#666666")
    _main_heading(main, heads[4])
    main.text(truth["basics"]["summary"], "sans", 9.5)
    _main_heading(main, heads[5])
    for job in truth["work"]:
        main.text(job["name"], "sans", 11.5, "#111111")
        main.text(job["position"], "sans", 10, "#222222")
        main.text(_range(job["startDate"], job.get("endDate"), locale), "sans", 9.5, "#666666")
        main.text(job["location"], "sans", 9.5, "#666666")
        for line in job["highlights"]:
            main.text(line, "sans", 9.5)
        main.space(8)
    _main_heading(main, heads[6])
    for entry in truth["education"]:
        main.text(entry["institution"], "sans", 11.5, "#111111")
        years = f"({entry['startDate']} - {entry['endDate']})"
        main.text(f"{entry['studyType']}, {entry['area']} · {years}", "sans", 9.5, "#444444")
        main.space(6)
    canvas.save()
    return truth


def _printed_truth(truth: Truth, locale: str) -> Truth:
    """Three 'top' skills in one flat group, certificates by name only, education by year only."""
    groups = truth["skills"]
    keywords = [group["keywords"][index] for index in range(2) for group in groups][:TOP_SKILLS]
    truth["skills"] = [{"name": "Skills", "keywords": keywords}]
    truth["certificates"] = [{"name": entry["name"]} for entry in truth["certificates"]]
    for entry in truth["education"]:
        entry["startDate"], entry["endDate"] = entry["startDate"][:4], entry["endDate"][:4]
    for job in truth["work"]:
        country = next(c["country_name"] for c in CITIES[locale] if c["city"] == job["location"])
        job["location"] = f"{job['location']}, {country}"
    truth["basics"]["summary"] = SUMMARIES[locale].format(label=truth["basics"]["label"])
    return truth


def _range(start: str, end: str | None, locale: str) -> str:
    first = _month_year(start, locale)
    last = _month_year(end, locale) if end else PRESENT[locale]
    return f"{first} - {last} ({_duration(start, end, locale)})"


def _month_year(date: str, locale: str) -> str:
    return f"{MONTHS[locale].split()[int(date[5:7]) - 1]} {date[:4]}"


def _duration(start: str, end: str | None, locale: str) -> str:
    """Inclusive months, as these exports count them: '3 years 2 months', '1 year', '11 months'."""
    finish = (int(end[:4]), int(end[5:7])) if end else NOW
    months = finish[0] * 12 + finish[1] - int(start[:4]) * 12 - int(start[5:7]) + 1
    year, years, month, months_word = DURATION_WORDS[locale]
    parts = []
    if months // 12:
        parts.append(f"{months // 12} {year if months // 12 == 1 else years}")
    if months % 12:
        parts.append(f"{months % 12} {month if months % 12 == 1 else months_word}")
    return " ".join(parts)


def _broken(column: Column, text: str, font: str = "sans", size: float = 9) -> None:
    """Character-wrapped, as the exports break a URL too long for the narrow column."""
    line = ""
    for char in text:
        if line and pdfmetrics.stringWidth(line + char, font, size) > column.width:
            column.text(line, font, size)
            line = ""
        line += char
    column.text(line.strip(), font, size)


def _side_heading(column: Column, title: str) -> None:
    column.space(14)
    column.text(title, "sans", 12.5, "#111111")
    column.space(2)


def _main_heading(column: Column, title: str) -> None:
    column.space(12)
    column.text(title, "sans", 15, "#111111")
    column.space(2)


def _footer(canvas: Canvas, number: int, count: int, locale: str) -> None:
    page, of = PAGE_WORD[locale]
    canvas.setFont("sans", 8)
    canvas.setFillColor("#888888")
    canvas.drawCentredString(PAGE_WIDTH / 2 + SIDE_WIDTH / 2, 22, f"{page} {number} {of} {count}")

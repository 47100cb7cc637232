"""PDF themes unlike the dev layouts. Each takes a truth dict, drops what it does not print, renders the
PDF and returns the truth it printed.

* banner:   name and contact in a coloured full-width banner, skills/languages in a right column,
            year-only dates ('2019 – Present').
* gutter:   JSON-Resume-like: small-caps section titles over a rule, dates in a left gutter
            ('Since 03/2021', 'seit März 2021'), 'Position — Company' on one line, 'GitHub: handle'.
* italic:   'Company — City' in bold with the date right-aligned, the title in italics below.
(The academic CV is in academic.py.)
"""

from __future__ import annotations

from typing import Any

from dates import format_range
from pdf_kit import PAGE_HEIGHT, PAGE_WIDTH, Column, new_canvas
from people import years_only
from printing import bare_url, certificate, country_name, degree, drop_country, language, place, profile_urls
from vocab import HEADINGS, SUMMARIES

Truth = dict[str, Any]


def _summary(truth: Truth, locale: str) -> str:
    text = SUMMARIES[locale].format(label=truth["basics"]["label"])
    truth["basics"]["summary"] = text
    return text


def banner(truth: Truth, locale: str, path: str) -> Truth:
    truth = years_only(truth)
    heads, basics = HEADINGS[locale], truth["basics"]
    canvas = new_canvas(path)
    canvas.setFillColor("#0f5e63")
    canvas.rect(0, PAGE_HEIGHT - 112, PAGE_WIDTH, 112, stroke=0, fill=1)
    head = Column(canvas, 40, PAGE_WIDTH - 80, PAGE_HEIGHT - 22)
    head.text(basics["name"], "sans-bold", 24, "#ffffff")
    head.text(basics["label"], "sans", 12, "#d8f1ef")
    head.space(4)
    head.text(
        "   |   ".join([basics["email"], basics["phone"], place(basics, country_name(truth, locale))]),
        "sans",
        8.5,
        "#ffffff",
    )
    links = profile_urls(basics) + ([bare_url(basics["url"])] if "url" in basics else [])
    head.text("   |   ".join(links), "sans", 8.5, "#ffffff")

    canvas.setFillColor("#eef5f4")
    canvas.rect(395, 0, PAGE_WIDTH - 395, PAGE_HEIGHT - 112, stroke=0, fill=1)
    side = Column(canvas, 408, PAGE_WIDTH - 425, PAGE_HEIGHT - 128)
    _banner_heading(side, heads["skills"])
    for group in truth["skills"]:
        side.text(group["name"], "sans-bold", 8.5, "#0f5e63")
        side.text(" · ".join(group["keywords"]), "sans", 8.5)
        side.space(4)
    _banner_heading(side, heads["languages"])
    for entry in truth["languages"]:
        side.text(entry["language"], "sans-bold", 8.5)
        side.text(entry["fluency"], "sans-italic", 8, "#555555")
    if truth["certificates"]:
        _banner_heading(side, heads["certificates"])
        for entry in truth["certificates"]:
            side.text(certificate(entry, "year", locale), "sans", 8.5)
            side.space(3)

    main = Column(canvas, 40, 335, PAGE_HEIGHT - 128)
    _banner_heading(main, heads["summary"])
    main.text(_summary(truth, locale), "sans", 9)
    _banner_heading(main, heads["work"])
    for job in truth["work"]:
        main.text(job["position"], "sans-bold", 10.5)
        main.right(format_range(job["startDate"], job.get("endDate"), "year", locale), "sans", 9, "#666666")
        main.text(f"{job['name']} · {job['location']}", "sans", 9, "#0f5e63")
        for line in job["highlights"]:
            main.bullet(line)
        main.space(6)
    _banner_heading(main, heads["education"])
    for entry in truth["education"]:
        main.text(degree(entry, locale), "sans-bold", 10)
        main.right(format_range(entry["startDate"], entry["endDate"], "year", locale), "sans", 9, "#666666")
        main.text(entry["institution"], "sans", 9, "#0f5e63")
        main.space(5)
    canvas.save()
    return truth


def _banner_heading(column: Column, title: str) -> None:
    column.space(8)
    column.text(title, "sans-bold", 12, "#0f5e63")
    column.space(2)


GUTTER_LABELS = {
    "en": ("Email", "Phone", "Location"),
    "de": ("E-Mail", "Telefon", "Wohnort"),
    "fr": ("E-mail", "Téléphone", "Ville"),
    "es": ("Correo", "Teléfono", "Ciudad"),
}


def gutter(truth: Truth, locale: str, path: str, date_style: str) -> Truth:
    truth = drop_country(truth)
    heads, basics = HEADINGS[locale], truth["basics"]
    canvas = new_canvas(path)
    page = Column(canvas, 40, PAGE_WIDTH - 80)
    page.text(basics["name"], "serif-bold", 22, "#1d1d1d")
    page.text(basics["label"], "serif-italic", 11, "#555555")
    email, phone, city = GUTTER_LABELS[locale]
    block = [
        f"{email}: {basics['email']}",
        f"{phone}: {basics['phone']}",
        f"{city}: {basics['location']['city']}",
    ]
    block += [f"{p['network']}: {p['username']}" for p in basics["profiles"]]
    block += [bare_url(basics["url"])] if "url" in basics else []
    y = PAGE_HEIGHT - 50
    for line in block:
        y -= 11
        canvas.setFont("sans", 8.5)
        canvas.drawRightString(PAGE_WIDTH - 40, y, line)
    page.y = min(page.y, y) - 8

    _small_caps_heading(page, heads["summary"])
    _gutter_row(page, "", lambda body: body.text(_summary(truth, locale), "serif", 9.5))
    _small_caps_heading(page, heads["work"])
    for job in truth["work"]:
        when = format_range(job["startDate"], job.get("endDate"), date_style, locale, since=True)
        _gutter_row(page, when, lambda body, job=job: _gutter_job(body, job))
    _small_caps_heading(page, heads["education"])
    for entry in truth["education"]:
        when = format_range(entry["startDate"], entry["endDate"], date_style, locale)
        _gutter_row(page, when, lambda body, e=entry: _gutter_school(body, e, locale))
    _small_caps_heading(page, heads["skills"])
    for group in truth["skills"]:
        _gutter_row(
            page, group["name"], lambda body, g=group: body.text(", ".join(g["keywords"]), "serif", 9.5)
        )
    _small_caps_heading(page, heads["languages"])
    for entry in truth["languages"]:
        _gutter_row(page, entry["language"], lambda body, e=entry: body.text(e["fluency"], "serif", 9.5))
    if truth["certificates"]:
        _small_caps_heading(page, heads["certificates"])
        for entry in truth["certificates"]:
            text = f"{entry['name']} — {entry['issuer']}"
            _gutter_row(
                page, format_range(None, entry["date"], date_style, locale), lambda b, t=text: b.text(t)
            )
    canvas.save()
    return truth


def _small_caps_heading(page: Column, title: str) -> None:
    """Small caps drawn as a big initial and smaller capitals, over a full-width rule."""
    page.room(40)
    page.y -= 22
    canvas = page.canvas
    canvas.setFillColor("#7a1f2b")
    x = page.x
    for word in title.split():
        canvas.setFont("serif", 12.5)
        canvas.drawString(x, page.y, word[0].upper())
        x += canvas.stringWidth(word[0].upper(), "serif", 12.5)
        canvas.setFont("serif", 9.5)
        canvas.drawString(x, page.y, word[1:].upper())
        x += canvas.stringWidth(word[1:].upper() + " ", "serif", 9.5)
    page.rule("#7a1f2b", 0.5, 4)


def _gutter_row(page: Column, left: str, draw_body: Any) -> None:
    page.room(30)
    top = page.y
    gutter_column = Column(page.canvas, page.x, 95, top)
    gutter_column.text(left, "serif", 8.5, "#555555")
    body = Column(page.canvas, page.x + 105, page.width - 105, top)
    draw_body(body)
    page.y = min(gutter_column.y, body.y) - 6


def _gutter_job(body: Column, job: Truth) -> None:
    body.y -= 10 * 1.3
    canvas = body.canvas
    canvas.setFillColor("#1d1d1d")
    canvas.setFont("serif-bold", 10)
    canvas.drawString(body.x, body.y, job["position"])
    width = canvas.stringWidth(job["position"], "serif-bold", 10)
    canvas.setFont("serif", 10)
    canvas.drawString(body.x + width, body.y, f" — {job['name']}")
    body.text(job["location"], "serif-italic", 8.5, "#666666")
    for line in job["highlights"]:
        body.bullet(line, "serif", 9, "–")


def _gutter_school(body: Column, entry: Truth, locale: str) -> None:
    body.text(degree(entry, locale), "serif-bold", 10)
    body.text(entry["institution"], "serif", 9.5)


def italic(truth: Truth, locale: str, path: str, date_style: str) -> Truth:
    heads, basics = HEADINGS[locale], truth["basics"]
    canvas = new_canvas(path)
    canvas.setFillColor("#b5651d")
    canvas.rect(40, PAGE_HEIGHT - 80, 4, 34, stroke=0, fill=1)
    page = Column(canvas, 52, PAGE_WIDTH - 92)
    page.text(basics["name"], "sans-bold", 20)
    page.text(basics["label"], "sans-italic", 10.5, "#b5651d")
    page.space(6)
    page.text(f"{basics['email']}   ·   {basics['phone']}", "sans", 8.5, "#444444")
    links = [place(basics, country_name(truth, locale)), *profile_urls(basics)]
    links += [bare_url(basics["url"])] if "url" in basics else []
    page.text("   ·   ".join(links), "sans", 8.5, "#444444")
    _italic_heading(page, heads["summary"])
    page.text(_summary(truth, locale), "sans", 9)
    _italic_heading(page, heads["work"])
    for job in truth["work"]:
        page.text(f"{job['name']} — {job['location']}", "sans-bold", 10)
        page.right(
            format_range(job["startDate"], job.get("endDate"), date_style, locale), "sans", 9, "#555555"
        )
        page.text(job["position"], "sans-italic", 9.5, "#333333")
        for line in job["highlights"]:
            page.bullet(line, mark="–")
        page.space(5)
    _italic_heading(page, heads["education"])
    for entry in truth["education"]:
        page.text(entry["institution"], "sans-bold", 10)
        page.right(
            format_range(entry["startDate"], entry["endDate"], date_style, locale), "sans", 9, "#555555"
        )
        page.text(degree(entry, locale), "sans-italic", 9.5, "#333333")
        page.space(4)
    _italic_heading(page, heads["skills"])
    for group in truth["skills"]:
        page.text(f"{group['name']}: {', '.join(group['keywords'])}", "sans", 9)
    _italic_heading(page, heads["languages"])
    page.text("   ·   ".join(language(e, ": ") for e in truth["languages"]), "sans", 9)
    if truth["certificates"]:
        _italic_heading(page, heads["certificates"])
        for entry in truth["certificates"]:
            page.bullet(certificate(entry, date_style, locale), mark="–")
    canvas.save()
    return truth


def _italic_heading(page: Column, title: str) -> None:
    page.space(9)
    page.text(title, "sans-bold", 12.5, "#b5651d")
    page.space(2)

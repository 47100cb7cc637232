"""A plain-text resume with Markdown-style underlined headings ('Experience' over '----------'),
the name over '====', and each job as 'Title' / 'Company, City' / 'Sept 2019 -- present'."""

from __future__ import annotations

from typing import Any

from dates import format_range
from printing import bare_url, certificate, country_name, degree, language, place, profile_urls
from vocab import HEADINGS, SUMMARIES

Truth = dict[str, Any]


def dashed(truth: Truth, locale: str, path: str, date_style: str) -> Truth:
    heads, basics = HEADINGS[locale], truth["basics"]
    basics["summary"] = SUMMARIES[locale].format(label=basics["label"])
    lines = [basics["name"], "=" * len(basics["name"]), basics["label"], ""]
    lines += [f"{basics['email']} / {basics['phone']}", place(basics, country_name(truth, locale))]
    lines += profile_urls(basics) + ([bare_url(basics["url"])] if "url" in basics else [])
    lines += [*_heading(heads["summary"]), basics["summary"]]
    lines += _heading(heads["work"])
    for job in truth["work"]:
        when = format_range(job["startDate"], job.get("endDate"), date_style, locale).replace(" – ", " -- ")
        lines += [job["position"], f"{job['name']}, {job['location']}", when.replace("Present", "present")]
        lines += [f"  - {line}" for line in job["highlights"]] + [""]
    lines += _heading(heads["education"])
    for entry in truth["education"]:
        when = format_range(entry["startDate"], entry["endDate"], date_style, locale).replace(" – ", " -- ")
        lines += [degree(entry, locale), entry["institution"], when, ""]
    lines += _heading(heads["skills"])
    lines += [f"{group['name']}: {', '.join(group['keywords'])}" for group in truth["skills"]]
    lines += _heading(heads["languages"])
    lines += [f"  - {language(entry, ': ')}" for entry in truth["languages"]]
    if truth["certificates"]:
        lines += _heading(heads["certificates"])
        lines += [f"  - {certificate(entry, date_style, locale)}" for entry in truth["certificates"]]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return truth


def _heading(title: str) -> list[str]:
    return ["", title, "-" * len(title)]

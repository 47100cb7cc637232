"""An academic CV: serif, education first, then appointments (the work entries), then publications,
invited talks and awards, which carry years, journals and institutions but are not work or education."""

from __future__ import annotations

import random
from typing import Any

from dates import format_range
from pdf_kit import PAGE_WIDTH, Column, new_canvas
from people import years_only
from printing import bare_url, country_name, place, profile_urls

Truth = dict[str, Any]
COAUTHORS = ["Lindqvist, M.", "Okafor, T.", "Haddad, R.", "Moreau, C.", "Kowalczyk, P.", "Ishikawa, Y."]
TOPICS = [
    "Stochastic models of enhancer activity in single cells",
    "A Bayesian framework for perturbation screens",
    "Lineage tracing with CRISPR barcodes at scale",
    "Noise buffering in developmental gene networks",
    "Reproducible workflows for spatial transcriptomics",
]
VENUES = ["Nature Methods", "Genome Biology", "Bioinformatics", "PLOS Computational Biology", "Cell Systems"]
TALKS = [
    "Invited seminar, Institut Pasteur, Paris",
    "Contributed talk, ISMB 2023, Lyon",
    "Keynote, Single-Cell Genomics Workshop, Heidelberg",
]
AWARDS = [
    "EMBO Postdoctoral Fellowship (EUR 120,000)",
    "Best Poster Award, RECOMB 2019",
    "Graduate School Travel Grant",
]


def academic(truth: Truth, path: str, seed: int) -> Truth:
    truth = years_only(truth)
    rng = random.Random(seed)
    basics = truth["basics"]
    canvas = new_canvas(path)
    page = Column(canvas, 60, PAGE_WIDTH - 120)
    _centred(page, basics["name"], "serif-bold", 18)
    _centred(page, basics["label"], "serif-italic", 10.5)
    _centred(
        page,
        f"{place(basics, country_name(truth, 'en'))} · {basics['email']} · {basics['phone']}",
        "serif",
        9,
    )
    links = profile_urls(basics) + ([bare_url(basics["url"])] if "url" in basics else [])
    _centred(page, " · ".join(links), "serif", 9)

    _heading(page, "Education")
    for entry in truth["education"]:
        page.text(f"{entry['studyType']}, {entry['area']}", "serif-bold", 10)
        page.right(f"{entry['startDate']}–{entry['endDate']}", "serif", 9.5)
        page.text(entry["institution"], "serif-italic", 9.5)
        if entry["studyType"] == "PhD":
            page.text(f"Thesis: “{rng.choice(TOPICS)}”. Advisor: Prof. {rng.choice(COAUTHORS)}", "serif", 9)
        page.space(4)
    _heading(page, "Academic Appointments")
    for job in truth["work"]:
        page.text(job["position"], "serif-bold", 10)
        page.right(
            format_range(job["startDate"], job.get("endDate"), "year", "en").replace(" – ", "–"), "serif", 9.5
        )
        page.text(f"{job['name']}, {job['location']}", "serif-italic", 9.5)
        for line in job["highlights"]:
            page.bullet(line, "serif", 9)
        page.space(4)
    _publications(page, rng, basics["name"])
    _heading(page, "Invited Talks")
    for year, talk in zip((2024, 2023, 2021), TALKS, strict=True):
        page.text(f"{year}    {talk}", "serif", 9.5)
    _heading(page, "Grants and Awards")
    for year, award in zip((2022, 2019, 2017), AWARDS, strict=True):
        page.text(f"{year}    {award}", "serif", 9.5)
    _heading(page, "Skills")
    for group in truth["skills"]:
        page.text(f"{group['name']}: {', '.join(group['keywords'])}", "serif", 9.5)
    _heading(page, "Languages")
    page.text(
        ", ".join(f"{e['language']} ({e['fluency'].lower()})" for e in truth["languages"]), "serif", 9.5
    )
    for entry in truth["languages"]:
        entry["fluency"] = entry["fluency"].lower()
    if truth["certificates"]:
        _heading(page, "Certifications")
        for entry in truth["certificates"]:
            page.text(f"{entry['name']}, {entry['issuer']}, {entry['date']}", "serif", 9.5)
    canvas.save()
    return truth


def _publications(page: Column, rng: random.Random, name: str) -> None:
    me = f"{name.split(' ', 1)[1]}, {name[0]}."
    _heading(page, "Publications")
    for number, topic in enumerate(rng.sample(TOPICS, k=4), start=1):
        authors = [me, *rng.sample(COAUTHORS, k=2)]
        rng.shuffle(authors)
        volume, issue, first_page = rng.randint(8, 40), rng.randint(1, 12), rng.randint(100, 900)
        page.text(
            f"[{number}] {', '.join(authors[:-1])} & {authors[-1]} ({2025 - number}). {topic}. "
            f"{rng.choice(VENUES)}, {volume}({issue}), {first_page}–{first_page + 14}.",
            "serif",
            9,
        )
        page.space(2)


def _centred(page: Column, text: str, font: str, size: float) -> None:
    page.y -= size * 1.35
    page.canvas.setFont(font, size)
    page.canvas.setFillColor("#111111")
    page.canvas.drawCentredString(PAGE_WIDTH / 2, page.y, text)


def _heading(page: Column, title: str) -> None:
    page.space(10)
    page.text(title.upper(), "serif-bold", 10.5, "#111111")
    page.rule("#111111", 0.8, 3)

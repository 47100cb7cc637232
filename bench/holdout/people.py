"""Fictional people for the holdout corpus, as truth dicts in the FORMAT.md shape.

A person is drawn from a locale's pools (names with accents, particles and hyphens; cities with their
phone formats; employers; schools; degrees) and a career track. Dates are `YYYY-MM`; a theme that
prints only years turns them into years with `years_only` before it saves the truth.
"""

from __future__ import annotations

import random
import unicodedata
from typing import Any

from vocab import (
    CERTIFICATES,
    CITIES,
    DEGREES,
    EMPLOYERS,
    FLUENCIES,
    HIGHLIGHTS,
    NAMES,
    RESEARCH_EMPLOYERS,
    SCHOOLS,
    SKILLS,
    TITLES,
)

Truth = dict[str, Any]
NOW = (2026, 10)
MAIL_DOMAINS = {
    "en": ["gmail.com", "outlook.com", "proton.me", "icloud.com"],
    "de": ["web.de", "gmx.de", "posteo.de", "gmail.com"],
    "fr": ["orange.fr", "free.fr", "laposte.net", "gmail.com"],
    "es": ["yahoo.es", "gmail.com", "hotmail.es", "outlook.es"],
}


def ascii_slug(text: str, sep: str = "") -> str:
    """'Éloïse de La Tour' -> 'eloise' + sep + 'de' ... (for emails and profile names)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = ["".join(c for c in w if c.isalnum()) for w in plain.lower().replace("-", " ").split()]
    return sep.join(w for w in words if w)


def _phone(rng: random.Random, pattern: str) -> str:
    return "".join(str(rng.randint(0, 9)) if c == "#" else c for c in pattern)


def _months_before(year_month: tuple[int, int], months: int) -> tuple[int, int]:
    index = year_month[0] * 12 + year_month[1] - 1 - months
    return index // 12, index % 12 + 1


def _ym(year_month: tuple[int, int]) -> str:
    return f"{year_month[0]:04d}-{year_month[1]:02d}"


def _work(rng: random.Random, locale: str, track: str) -> list[Truth]:
    """Two to four jobs, newest first, each long enough that its start and end years differ."""
    pool = RESEARCH_EMPLOYERS if track == "research" else EMPLOYERS[locale]
    employers = rng.sample(pool, k=rng.randint(2, 4))
    titles = TITLES[track][locale]
    cities = [c["city"] for c in CITIES[locale]]
    end = _months_before(NOW, rng.randint(0, 4))
    ongoing = rng.random() < 0.65
    entries = []
    for index, employer in enumerate(employers):
        start = _months_before(end, rng.randint(14, 40))
        if start[0] == end[0]:
            start = (start[0] - 1, start[1])
        entry: Truth = {
            "name": employer,
            "position": titles[max(0, len(titles) - 1 - index)],
            "location": rng.choice(cities),
            "startDate": _ym(start),
            "endDate": _ym(end),
            "highlights": rng.sample(HIGHLIGHTS[track if locale == "en" else locale], k=2),
        }
        if index == 0 and ongoing:
            del entry["endDate"]
        entries.append(entry)
        end = _months_before(start, rng.randint(0, 3))
    return entries


def _education(rng: random.Random, locale: str, track: str, before: str) -> list[Truth]:
    year = int(before[:4])
    entries = []
    for study_type, area in DEGREES[track][locale][: rng.randint(1, 2)]:
        length = 2 if study_type in {"MSc", "M.Sc.", "M.A.", "MA", "Master", "Máster", "MBA"} else 3
        end_year = year - rng.randint(0, 1)
        entries.append(
            {
                "institution": "",
                "area": area,
                "studyType": study_type,
                "startDate": f"{end_year - length:04d}-{rng.choice([9, 10]):02d}",
                "endDate": f"{end_year:04d}-{rng.choice([6, 7]):02d}",
            }
        )
        year = end_year - length
    for entry, school in zip(entries, rng.sample(SCHOOLS[locale], k=len(entries)), strict=True):
        entry["institution"] = school
    return entries


def _skills(rng: random.Random, track: str, grouped: bool) -> list[Truth]:
    groups = SKILLS[track]
    if grouped:
        return [{"name": name, "keywords": rng.sample(words, k=min(len(words), 4))} for name, words in groups]
    flat = [word for _, words in groups for word in words]
    return [{"name": "Skills", "keywords": rng.sample(flat, k=9)}]


def _languages(rng: random.Random, locale: str) -> list[Truth]:
    names, levels = FLUENCIES[locale]
    picked = [names[0], *rng.sample(names[1:], k=rng.randint(1, 2))]
    return [
        {"language": name, "fluency": levels[0] if index == 0 else rng.choice(levels[1:])}
        for index, name in enumerate(picked)
    ]


def person(seed: int, locale: str, track: str, grouped_skills: bool = True) -> Truth:
    """One fictional resume in the truth shape (before a theme drops what it does not print)."""
    rng = random.Random(seed)
    first, last = rng.choice(NAMES[locale])
    place = rng.choice(CITIES[locale])
    slug = ascii_slug(f"{first} {last}", "-")
    work = _work(rng, locale, track)
    basics: Truth = {
        "name": f"{first} {last}",
        "label": work[0]["position"],
        "email": f"{ascii_slug(first)}.{ascii_slug(last)}@{rng.choice(MAIL_DOMAINS[locale])}",
        "phone": _phone(rng, rng.choice(place["phones"])),
        "location": {"city": place["city"], "countryCode": place["country"]},
        "profiles": [
            {"network": "LinkedIn", "username": slug, "url": f"https://linkedin.com/in/{slug}"},
        ],
    }
    if track in {"software", "data"}:
        handle = ascii_slug(first)[:1] + ascii_slug(last)
        basics["profiles"].append(
            {"network": "GitHub", "username": handle, "url": f"https://github.com/{handle}"}
        )
    if rng.random() < 0.4:
        basics["url"] = f"https://{ascii_slug(last)}.dev"
    oldest_start = work[-1]["startDate"]
    return {
        "basics": basics,
        "work": work,
        "education": _education(rng, locale, track, oldest_start),
        "skills": _skills(rng, track, grouped_skills),
        "languages": _languages(rng, locale),
        "certificates": [dict(c) for c in rng.sample(CERTIFICATES[track], k=rng.randint(0, 2))],
    }


def years_only(truth: Truth) -> Truth:
    """The truth of a theme that prints only years."""
    for section in ("work", "education"):
        for entry in truth[section]:
            for key in ("startDate", "endDate"):
                if key in entry:
                    entry[key] = entry[key][:4]
    for certificate in truth["certificates"]:
        if "date" in certificate:
            certificate["date"] = certificate["date"][:4]
    return truth

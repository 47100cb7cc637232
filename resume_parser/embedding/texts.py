"""What is embedded and indexed for search, built from the normalized resume.

Four texts, each chosen for what it must match:
- `resume_text`: the whole candidate in a few lines (headline, roles, employers, skills, summary,
  education), for queries that describe a profile. Contact details are left out: they carry no
  meaning for the model and are personal data.
- `work_texts`: one text per work entry, so a query can match one relevant past role even when the
  rest of the resume is about something else; the best-matching entry is the search's explanation.
- `title_texts`: the current titles alone (the headline and the most recent position), whose
  similarity to the query's role is part of the match score (search/scoring.py);
- `search_text`: the full-text document, every term a recruiter may name exactly (skills, titles,
  companies, locations, education, languages, certificates), so rare exact terms are never lost.

Small embedding models read only the first few hundred tokens, so the texts put the most telling
fields first and leave long prose (summary, highlights) for last.
"""

from __future__ import annotations

from collections.abc import Iterable

from resume_parser.resume import ParsedResume, Skill, Work


def _join(parts: Iterable[str | None], separator: str = ", ") -> str:
    return separator.join(part.strip() for part in parts if part and part.strip())


def _unique(values: Iterable[str | None]) -> list[str]:
    """Keep the first spelling of each value, case-insensitively, in order."""
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        if value and value.strip() and value.strip().casefold() not in seen:
            seen.add(value.strip().casefold())
            kept.append(value.strip())
    return kept


def _line(label: str, values: Iterable[str | None]) -> str | None:
    text = _join(values)
    return f"{label}: {text}." if text else None


def skill_names(skills: Iterable[Skill]) -> list[str]:
    """The skills themselves. In JSON Resume a skill with keywords is a category ("Cloud": AWS, GCP)
    whose keywords are the skills; without keywords, its name is the skill."""
    names: list[str | None] = []
    for skill in skills:
        names.extend(skill.keywords if skill.keywords else [skill.name])
    return _unique(names)


def resume_text(parsed: ParsedResume) -> str:
    basics = parsed.basics
    education = [_join([e.study_type, e.area, e.institution], " ") for e in parsed.education]
    lines = [
        basics.label,
        _line("Roles", _unique(w.position for w in parsed.work)),
        _line("Companies", _unique(w.name for w in parsed.work)),
        _line("Skills", skill_names(parsed.skills)),
        basics.summary,
        _line("Education", education),
    ]
    return _join(lines, "\n")


def most_recent_first(work: list[Work]) -> list[Work]:
    """Work entries, latest start first ("2021-03" before "2019"; undated ones last, in order)."""
    return sorted(work, key=lambda w: (w.start_date or "")[:7], reverse=True)


def title_texts(parsed: ParsedResume) -> list[str]:
    """The headline and the most recent position, once each."""
    latest = most_recent_first(parsed.work)[:1]
    return _unique([parsed.basics.label, *(w.position for w in latest)])


def work_text(work: Work) -> str:
    lines = [
        _join([work.position, work.name], " at "),
        work.summary,
        _join(work.highlights, "; "),
    ]
    return _join(lines, "\n")


def work_texts(parsed: ParsedResume) -> list[str]:
    """One text per work entry, index for index (an entry with no text still gets one, so that
    vector i always belongs to parsed.work[i])."""
    return [work_text(work) or "(no details)" for work in parsed.work]


def search_text(parsed: ParsedResume, extra_terms: Iterable[str] = ()) -> str:
    """`extra_terms`: words of the same facts in other spellings (search/document.py adds the
    canonical English of titles, skills and languages)."""
    basics = parsed.basics
    location = basics.location
    terms: list[str | None] = [basics.label]
    terms += skill_names(parsed.skills)
    for work in parsed.work:
        terms += [work.position, work.name, work.location]
    if location is not None:
        terms += [location.city, location.region, location.country_code]
    for education in parsed.education:
        terms += [education.study_type, education.area, education.institution]
    terms += [language.language for language in parsed.languages]
    terms += [certificate.name for certificate in parsed.certificates]
    return _join([*_unique(terms), *extra_terms], "\n")

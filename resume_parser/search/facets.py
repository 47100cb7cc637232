"""What a query's constraints are checked against: the facts of one parsed resume, computed once
when the resume is stored (resumes.search_facets) and read with every hit.

- titles: the current title (the headline and the most recent position) in canonical English
  words (lexicon.py), so a "Desarrolladora Backend" meets a query for a backend developer;
- experience: total months of the union of all work intervals (overlapping jobs count once; an
  ongoing job runs to the parse's reference date);
- country and city: basics.location, else the most recent work place that names one;
- languages with their level, skills and certificates, education entries: folded for comparison;
- skill experience: each skill's months at work and when it was last used (enrichment), by its
  folded words, for "5+ years of Python".
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import phonenumbers

from resume_parser.embedding.texts import most_recent_first, skill_names, title_texts
from resume_parser.enrichment.isced import degree_keys
from resume_parser.resume import Language, ParsedResume, Work
from resume_parser.search import places
from resume_parser.search.languages import language_name, level_of, levels_in_order
from resume_parser.search.lexicon import canonical, fold, words

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?")


# A skill named like a certificate ("AWS Certified Developer") is one that a parser filed under skills.
_CERTIFICATE_NAME = re.compile(
    r"\b(certified|certification|certificate|zertifi\w*|certifi\w*|certificad[oa])\b"
)


@dataclass(frozen=True, slots=True)
class ResumeFacets:
    titles: list[str] = field(default_factory=list)  # as printed: headline, most recent position
    title_words: list[str] = field(default_factory=list)  # canonical words of those titles
    past_titles: list[str] = field(default_factory=list)  # canonical, every position
    experience_months: int | None = None  # None: no dated work entry
    country: str | None = None  # ISO 3166 alpha-2
    place: str = ""  # the printed place the country was read from
    languages: dict[str, int] = field(default_factory=dict)  # English name -> Level (0: not stated)
    skills: list[str] = field(default_factory=list)  # as printed
    certificates: list[str] = field(default_factory=list)  # as printed
    education: list[str] = field(default_factory=list)  # "studyType area" as printed
    # For the constrained ranker's filter (GIN indexes, migration 0008): the folded words of the
    # certificates, and the degrees by short name.
    certificate_words: list[str] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    # Canonical skill, folded words -> {"months": int | None, "last_used": str | None,
    # "work": [indexes]}; empty for a resume stored before enrichment.
    skill_experience: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ResumeFacets:
        """Facets stored by an older version lack the newer keys: they get their defaults."""
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__}) if data else cls()


def resume_facets(parsed: ParsedResume) -> ResumeFacets:
    titles = title_texts(parsed)
    country, place = _country(parsed)
    education = [" ".join(filter(None, (e.study_type, e.area))) for e in parsed.education]
    skills = skill_names(parsed.skills)
    certificates = [c.name for c in parsed.certificates if c.name]
    certificates += [s for s in skills if _CERTIFICATE_NAME.search(fold(s)) and s not in certificates]
    return ResumeFacets(
        titles=titles,
        title_words=sorted({word for title in titles for word in canonical(title).split()}),
        past_titles=list(dict.fromkeys(canonical(w.position) for w in parsed.work if w.position)),
        experience_months=experience_months(parsed.work, _reference_month(parsed)),
        country=country,
        place=place,
        languages=_languages(parsed),
        skills=skills,
        certificates=certificates,
        education=education,
        certificate_words=sorted({w for name in certificates for w in words(name)}),
        degrees=sorted({key for entry in education for key in degree_keys(entry)}),
        skill_experience=_skill_experience(parsed),
    )


def _skill_experience(parsed: ParsedResume) -> dict[str, dict[str, Any]]:
    """Each canonical skill's experience; a skill listed twice keeps its larger figure."""
    found: dict[str, dict[str, Any]] = {}
    for experience in (item for skill in parsed.skills for item in skill.experience):
        key = " ".join(words(experience.name))
        months = experience.months_experience
        if key and (key not in found or (found[key]["months"] or 0) < (months or 0)):
            found[key] = {
                "months": months,
                "last_used": experience.last_used,
                "work": experience.work_indices,
            }
    return found


def _month(value: str | None) -> int | None:
    """Months since year 0 of "YYYY-MM"; a year alone counts as its middle (June)."""
    match = _DATE.match(value or "")
    if not match:
        return None
    return int(match.group(1)) * 12 + (int(match.group(2)) - 1 if match.group(2) else 5)


def _reference_month(parsed: ParsedResume) -> int:
    reference = parsed.meta.reference_date if parsed.meta and parsed.meta.reference_date else None
    today = date.today()
    return _month(reference) or today.year * 12 + today.month - 1


def experience_months(work: list[Work], reference_month: int) -> int | None:
    """Months covered by at least one work entry: the union of their intervals."""
    spans = []
    for entry in work:
        start = _month(entry.start_date)
        if start is None:
            continue
        end = _month(entry.end_date) if entry.end_date else reference_month
        spans.append((start, max(start, end or start)))
    if not spans:
        return None
    if all(start == end for start, end in spans) and any(entry.end_date for entry in work):
        # Every entry ends when it starts: one date was read per entry, its start ("2021 - Present"
        # with the end lost). Each job then runs to the next one's start, the latest to the
        # reference date.
        return max(0, reference_month - min(start for start, _ in spans))
    total, (low, high) = 0, sorted(spans)[0]
    for start, end in sorted(spans)[1:]:
        if start > high:
            total, low, high = total + high - low, start, end
        else:
            high = max(high, end)
    return total + high - low


def _levels_run_together(entries: list[Language]) -> list[int] | None:
    """The levels of a languages list whose parse ran every level into the last entry ("French,
    English, Korean" with "Native Full professional proficiency Basic" as Korean's): one level per
    language, in the list's order, when the last entry states as many levels as there are languages
    and no other entry states one. None for any other list."""
    if len(entries) < 2 or any(entry.fluency for entry in entries[:-1]):
        return None
    levels = levels_in_order(entries[-1].fluency)
    return [int(level) for level in levels] if len(levels) == len(entries) else None


def _phone_country(parsed: ParsedResume) -> frozenset[str]:
    """The country of an international phone number, a hint for ambiguous city names."""
    try:
        number = phonenumbers.parse(parsed.basics.phone or "", None)
    except phonenumbers.NumberParseException:
        return frozenset()
    region = phonenumbers.region_code_for_number(number)
    return frozenset({region}) if region else frozenset()


def _country(parsed: ParsedResume) -> tuple[str | None, str]:
    hints = _phone_country(parsed)
    location = parsed.basics.location
    if location is not None:
        if location.country_code:
            return location.country_code.upper(), location.city or location.country_code
        printed = ", ".join(filter(None, (location.city, location.region)))
        country = places.place_country(printed, hints)
        if country:
            return country, printed
    for work in most_recent_first(parsed.work):
        country = places.place_country(work.location, hints)
        if country:
            return country, work.location or ""
    return None, ""


def _languages(parsed: ParsedResume) -> dict[str, int]:
    spoken: dict[str, int] = {}
    run_together = _levels_run_together(parsed.languages)
    for index, entry in enumerate(parsed.languages):
        name = language_name(entry.language) or fold(entry.language)
        if name:
            level = level_of(entry.fluency) or level_of(entry.language) or 0
            spoken[name] = max(run_together[index] if run_together else level, spoken.get(name, 0))
    # A languages section a parser read as skills still says the person speaks them (level unknown).
    for skill in skill_names(parsed.skills):
        named = language_name(skill)
        if named:
            spoken.setdefault(named, 0)
    return spoken

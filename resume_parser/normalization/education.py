"""Education entries: institution, degree split into study type and field, dates and score."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resume_parser.layout import Line
from resume_parser.normalization.contact import parse_location
from resume_parser.normalization.entries import Entry, split_entries
from resume_parser.normalization.parts import Part, header_parts
from resume_parser.resume import Education

_DEGREE_WORDS = (
    "bachelor",
    "bachelors",
    "bachelor's",
    "master",
    "masters",
    "master's",
    "máster",
    "doctor",
    "doctorate",
    "phd",
    "ph.d.",
    "ph.d",
    "dphil",
    "mba",
    "emba",
    "msc",
    "m.sc.",
    "m.sc",
    "bsc",
    "b.sc.",
    "b.sc",
    "ba",
    "b.a.",
    "bs",
    "b.s.",
    "ms",
    "m.s.",
    "ma",
    "m.a.",
    "beng",
    "b.eng.",
    "meng",
    "m.eng.",
    "b.tech",
    "m.tech",
    "btech",
    "mtech",
    "b.e.",
    "m.e.",
    "bba",
    "bcom",
    "b.com",
    "llb",
    "ll.b.",
    "llm",
    "ll.m.",
    "md",
    "diploma",
    "diplom",
    "diplôme",
    "dipl.",
    "licence",
    "licenciatura",
    "licenciado",
    "grado",
    "graduado",
    "laurea",
    "abitur",
    "baccalauréat",
    "bts",
    "dut",
    "certificate",
    "certification",
    "bootcamp",
    "degree",
    "magister",
    "staatsexamen",
    "dr.",
    "mestrado",
    "bacharelado",
    "graduação",
    "doutorado",
    "ingeniería",
    "maestría",
    "mastère",
    "hnd",
    "a-levels",
    "gcse",
    "associate's",
    "aa",
    "as",
    "aas",
    "ged",
    "high school diploma",
)
_INSTITUTION_WORDS = re.compile(
    r"universit|hochschule|college|school|institut|academ|akadem|polytechn|politecn|école|ecole|escuela|"
    r"escola|scuola|gymnasium|lycée|conservato|faculty|fakultät|seminary|campus",
    re.IGNORECASE,
)
_SCORE = re.compile(
    r"\(?\s*(?:(?:gpa|cgpa|grade|note|final grade|abschlussnote|score|mark)s?\s*:?\s*)?"
    r"\d+(?:[.,]\d+)?\s*(?:/\s*\d+(?:[.,]\d+)?)?\s*\)?$|\((?:[^()]*\d[^()]*)\)$",
    re.IGNORECASE,
)
_DEGREE_SPLIT = re.compile(r"\s+in\s+|,\s*|\s+[–—-]\s+|:\s+|\s+/\s+")


@dataclass(slots=True)
class ParsedEducation:
    education: Education
    sources: dict[str, Line] = field(default_factory=dict)
    entry: Entry | None = None


def has_degree_word(text: str) -> bool:
    words = [w.strip(",;()").casefold() for w in text.split()]
    joined = " ".join(words)
    return any(w in _DEGREE_WORDS or w.endswith("examen") or w.endswith("ingenjör") for w in words) or any(
        " " in d and d in joined for d in _DEGREE_WORDS
    )


def is_schooling(text: str) -> bool:
    """Text naming both a school and a degree ("Universidad de Granada ... Bachelor's Degree")."""
    return bool(_INSTITUTION_WORDS.search(text)) and has_degree_word(text)


def split_degree(text: str) -> tuple[str, str | None, str | None]:
    """ "B.Sc. in Computer Science (3.7/4.0)" -> ("B.Sc.", "Computer Science", "3.7/4.0")."""
    score = None
    match = _SCORE.search(text)
    if match and match.start() > 0:
        score = match.group().strip(" ()")
        text = text[: match.start()].strip(" ,–—-")
    pieces = _DEGREE_SPLIT.split(text, maxsplit=1)
    if len(pieces) == 2 and pieces[0].strip() and pieces[1].strip():
        return pieces[0].strip(), pieces[1].strip(" ,"), score
    first, _, rest = text.strip().partition(" ")
    if rest and _is_degree_abbreviation(first) and rest[:1].isupper() and not has_degree_word(rest):
        return first, rest, score  # "M.S. Statistics", "MBA Finance"
    return text.strip(), None, score


def _is_degree_abbreviation(word: str) -> bool:
    return word.casefold() in _DEGREE_WORDS and ("." in word or word.isupper())


def parse_education(lines: list[Line]) -> list[ParsedEducation]:
    parsed = [_education_from_entry(entry) for entry in _paired(split_entries(lines))]
    return [p for p in parsed if p.education.institution or p.education.study_type]


def _paired(entries: list[Entry]) -> list[Entry]:
    """Undated one-line entries alternating school and degree ("University of Toronto" / "MA in
    Marketing", their dates in a margin): each school and its degree are one entry."""
    paired: list[Entry] = []
    for entry in entries:
        previous = paired[-1] if paired else None
        if previous is not None and _school_and_degree(previous, entry):
            paired[-1] = Entry(header=previous.header + entry.header, body=entry.body)
        else:
            paired.append(entry)
    return paired


def _school_and_degree(first: Entry, second: Entry) -> bool:
    if first.body or first.dates is not None or second.dates is not None:
        return False
    if len(first.header) != 1 or len(second.header) != 1:
        return False
    degrees = [has_degree_word(entry.header[0].text) for entry in (first, second)]
    schools = [bool(_INSTITUTION_WORDS.search(entry.header[0].text)) for entry in (first, second)]
    return degrees[0] != degrees[1] and schools[0] != schools[1] and degrees[0] == schools[1]


def _education_from_entry(entry: Entry) -> ParsedEducation:
    lines = entry.header + entry.body[:2]
    parts = [
        piece for part in header_parts(lines, split_commas=False) for piece in _institution_and_degree(part)
    ]
    degree = next((p for p in parts if has_degree_word(p.text)), None)
    institution = next((p for p in parts if _INSTITUTION_WORDS.search(p.text) and p is not degree), None)
    if institution is None:  # no telling word: prefer a line of its own over the rest of the degree line
        others = [p for p in parts if p is not degree and not _is_noise(p)]
        institution = next((p for p in others if degree is None or p.line is not degree.line), None)
        institution = institution or next(iter(others), None)
    education, sources = Education(), {}
    if institution:
        education.institution, sources["institution"] = institution.text, institution.line
    if degree:
        study_type, area, score = split_degree(degree.text)
        following = _area_after(parts, degree, institution) if area is None else None
        if following:
            area, _, score = split_degree(following)
        if institution is None and area and "," in area:  # "Master in Design, Elisava": the school last
            area, _, school = area.rpartition(",")
            education.institution, sources["institution"] = school.strip(), degree.line
        education.study_type, sources["studyType"] = study_type, degree.line
        if area:
            education.area, sources["area"] = area, degree.line
        if score:
            education.score = score
    parsed = ParsedEducation(education, sources, entry)
    apply_dates(parsed)
    return parsed


def apply_dates(parsed: ParsedEducation) -> None:
    """Copy the entry's dates (set by the entry cutter or found in a margin) onto the education."""
    entry = parsed.entry
    if entry is None or entry.dates is None or entry.date_line is None:
        return
    parsed.education.start_date = entry.dates.start
    parsed.education.end_date = entry.dates.end
    parsed.sources["endDate" if entry.dates.end else "startDate"] = entry.date_line


def _institution_and_degree(part: Part) -> list[Part]:
    """ "Stanford University, M.S. Statistics": an institution and a degree printed as one part."""
    head, comma, rest = part.text.partition(",")
    if comma and _INSTITUTION_WORDS.search(head) and has_degree_word(rest) and not has_degree_word(head):
        return [Part(head.strip(), part.line), Part(rest.strip(), part.line)]
    head, comma, rest = part.text.rpartition(",")
    if comma and _INSTITUTION_WORDS.search(rest) and has_degree_word(head) and not has_degree_word(rest):
        return [Part(head.strip(), part.line), Part(rest.strip(), part.line)]
    return [part]


def _area_after(parts: list[Part], degree: Part, institution: Part | None) -> str | None:
    """ "Laurea Specialistica – Data Science": the field printed as the part after the degree."""
    index = parts.index(degree)
    if index + 1 < len(parts):
        candidate = parts[index + 1]
        if candidate is not institution and candidate.line is degree.line and not _is_noise(candidate):
            return candidate.text
    return None


def _is_noise(part: Part) -> bool:
    return bool(_SCORE.fullmatch(part.text.strip())) or (
        parse_location(part.text) is not None and ("," in part.text)
    )

"""Education entries by level: the ISCED 2011 level of a degree ("Master of Science" 7, "Licence" 6,
"Abitur" 3, "Dr. rer. nat." 8), and the short names search keys degrees by ("phd", "master", ...).

Both read one table, degree_levels.json, of degree names as folded words in English, German,
French and Spanish (and the other European names the corpora print). An entry's level comes from
its degree (study type), else its field of study, else the kind of school its institution's name
gives away ("Gymnasium", "Lycée"); the longest degree name found decides ("Laurea Magistrale" is a
master, not the "Laurea" it starts with), and between names of one length the highest level
("B.Sc. and M.Sc." is 7).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from resume_parser.resume import Education


@dataclass(frozen=True, slots=True)
class DegreeLevel:
    key: str  # the short name search uses: "phd", "master", "bachelor", ...
    isced: int
    phrases: tuple[str, ...]  # degree names, folded words joined by one space
    schools: tuple[str, ...]  # kinds of school, in the same form


@cache
def levels() -> tuple[DegreeLevel, ...]:
    raw = json.loads(resources.files(__package__).joinpath("degree_levels.json").read_text(encoding="utf-8"))
    return tuple(
        DegreeLevel(
            key=level["key"],
            isced=level["isced"],
            phrases=tuple(level["phrases"]),
            schools=tuple(level.get("schools", ())),
        )
        for level in raw["levels"]
    )


def _words(text: str | None) -> str:
    """Folded words with a space either side, punctuation a space: "Ph.D." -> " ph d ". (Folded
    here rather than with search.lexicon.fold: search imports this module.)"""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold().replace("ß", "ss"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " " + " ".join(re.findall(r"[a-z0-9]+", plain)) + " "


def _found(text: str, phrase: str) -> bool:
    return f" {phrase} " in text


def degree_keys(entry: str | None) -> list[str]:
    """The short names of every degree an education entry names ("Master of Science" -> master),
    in table order."""
    text = _words(entry)
    return [level.key for level in levels() if any(_found(text, phrase) for phrase in level.phrases)]


def _level_in(text: str | None, *, schools: bool = False) -> int | None:
    folded = _words(text)
    best: tuple[int, int] | None = None  # (words of the name, level)
    for level in levels():
        for phrase in level.schools if schools else level.phrases:
            if _found(folded, phrase):
                candidate = (len(phrase.split()), level.isced)
                best = candidate if best is None else max(best, candidate)
    return best[1] if best else None


def isced_level(entry: Education) -> int | None:
    """The entry's ISCED 2011 level, or None when neither its degree, its field nor its school says."""
    found = _level_in(entry.study_type)
    if found is None:
        found = _level_in(entry.area)
    if found is None:
        found = _level_in(entry.institution, schools=True)
    return found

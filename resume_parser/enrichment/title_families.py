"""Job titles as a normalized title family: "Senior Backend Engineer", "Softwareentwicklerin",
"Développeuse web" and "Desarrollador de software" are all "software_development".

The families and the phrases that name them are a curated table (title_families.json) in English,
German, French and Spanish. A title and each phrase are compared as sets of words, both in canonical
English (search/lexicon.py folds accents and puts de/fr/es occupation words into English, so the
table need not list every inflection) and as folded words (for the words the lexicon does not
translate). The longest phrase contained in the title wins; a tie goes to the family listed first
(the specific ones come before the catch-alls), so "Penetration Tester" is information security
rather than quality assurance.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from resume_parser.search.lexicon import canonical_words, words

Phrase = frozenset[str]


def _forms(text: str) -> tuple[Phrase, ...]:
    """The two readings of a text: canonical English words and folded words."""
    return frozenset(canonical_words(text)), frozenset(words(text))


@cache
def _table() -> tuple[tuple[str, Phrase], ...]:
    """(family, phrase words) in table order, each phrase in both its readings."""
    raw = json.loads(resources.files(__package__).joinpath("title_families.json").read_text(encoding="utf-8"))
    rows: list[tuple[str, Phrase]] = []
    for family, languages in raw.items():
        if family.startswith("_"):
            continue
        for phrases in languages.values():
            rows += [(family, form) for phrase in phrases for form in _forms(phrase) if form]
    return tuple(rows)


def families() -> tuple[str, ...]:
    """Every family id the table knows, in table order."""
    return tuple(dict.fromkeys(family for family, _ in _table()))


def title_family(position: str | None) -> str | None:
    """The family of a job title, or None when no phrase of the table is in it."""
    if not position or not position.strip():
        return None
    title = frozenset().union(*_forms(position))
    best: tuple[int, str] | None = None
    for family, phrase in _table():
        if phrase <= title and (best is None or len(phrase) > best[0]):
            best = (len(phrase), family)
    return best[1] if best else None

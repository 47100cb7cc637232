"""Skill names: a small curated alias table (skill_aliases.json) gives each skill a canonical name,
so "JS" and "JavaScript" in one resume count once; and the words that give a skill's level."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

LEVEL_WORDS = (
    "beginner",
    "basic",
    "basics",
    "elementary",
    "novice",
    "intermediate",
    "advanced",
    "expert",
    "proficient",
    "proficiency",
    "familiar",
    "working knowledge",
    "good",
    "very good",
    "strong",
    "excellent",
    "fluent",
    "grundkenntnisse",
    "fortgeschritten",
    "experte",
    "débutant",
    "intermédiaire",
    "avancé",
    "básico",
    "intermedio",
    "avanzado",
    "experto",
)


@cache
def _raw_table() -> dict[str, list[str]]:
    raw = json.loads(resources.files(__package__).joinpath("skill_aliases.json").read_text(encoding="utf-8"))
    return {canonical: aliases for canonical, aliases in raw.items() if not canonical.startswith("_")}


@cache
def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, aliases in _raw_table().items():
        for spelling in [canonical, *aliases]:
            table[alias_key(spelling)] = canonical
    return table


def spellings(canonical: str) -> tuple[str, ...]:
    """The canonical name and the other spellings the table knows for it ("Kubernetes", "k8s", "kube")."""
    return (canonical, *_raw_table().get(canonical, []))


def alias_key(text: str) -> str:
    return re.sub(r"[\s.\-_]", "", text.casefold())


def canonical_skill(text: str) -> str:
    """The canonical name of a skill ("k8s" -> "Kubernetes"); the text itself when the table lacks it."""
    return _alias_table().get(alias_key(text), text)

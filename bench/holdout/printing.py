"""Shared wording every theme uses to print a truth dict: degrees, contact pieces, language lines."""

from __future__ import annotations

from typing import Any

from dates import format_date
from vocab import CITIES

Truth = dict[str, Any]
DEGREE_JOINERS = {"en": " in ", "de": " ", "fr": " ", "es": " en "}


def degree(entry: Truth, locale: str) -> str:
    return f"{entry['studyType']}{DEGREE_JOINERS[locale]}{entry['area']}"


def bare_url(url: str) -> str:
    return url.removeprefix("https://")


def profile_urls(basics: Truth) -> list[str]:
    return [bare_url(p["url"]) for p in basics.get("profiles", [])]


def place(basics: Truth, country_name: str | None) -> str:
    city = basics["location"]["city"]
    return f"{city}, {country_name}" if country_name else city


def certificate(entry: Truth, style: str, locale: str) -> str:
    return f"{entry['name']} ({entry['issuer']}), {format_date(entry['date'], style, locale)}"


def language(entry: Truth, sep: str = " — ") -> str:
    return f"{entry['language']}{sep}{entry['fluency']}"


def drop_country(truth: Truth) -> Truth:
    """For themes that print the city alone."""
    truth["basics"]["location"].pop("countryCode", None)
    return truth


def country_name(truth: Truth, locale: str) -> str:
    city = truth["basics"]["location"]["city"]
    return str(next(c["country_name"] for c in CITIES[locale] if c["city"] == city))

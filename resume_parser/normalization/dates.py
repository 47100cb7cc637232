"""Date grammar of resumes: single dates and ranges in the formats people print.

Output dates are JSON Resume partial dates: "YYYY-MM" when a month is printed, "YYYY" when only a
year is. An ongoing range ("– Present", "seit 2021") has no end date and `ongoing=True`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from functools import cache

MIN_YEAR = 1950
MAX_YEAR = 2079

# Month names and abbreviations in the languages of the resumes we meet (en, de, fr, es, it, pt, nl, sv).
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: (
        "january",
        "jan",
        "januar",
        "jänner",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "janeiro",
        "januari",
    ),
    2: (
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "februari",
    ),
    3: ("march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"),
    11: ("november", "nov", "novembre", "noviembre", "novembro"),
    12: (
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
    ),
}

# Seasons, as academic resumes print terms ("Fall 2018 – Spring 2022"): read as the year alone.
_SEASONS = (
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "frühjahr",
    "frühling",
    "sommer",
    "herbst",
    "printemps",
    "été",
    "automne",
    "hiver",
    "primavera",
    "verano",
    "otoño",
    "invierno",
)
# Words that stand for "still ongoing" at the end of a range.
ONGOING_WORDS = (
    "present",
    "current",
    "currently",
    "now",
    "today",
    "to date",
    "ongoing",
    "till date",
    "date",
    "heute",
    "aktuell",
    "jetzt",
    "gegenwart",
    "laufend",
    "aujourd'hui",
    "aujourd’hui",
    "présent",
    "actuel",
    "actuellement",
    "en cours",
    "actualidad",
    "presente",
    "hoy",
    "actual",
    "atual",
    "attuale",
    "oggi",
    "nu",
    "heden",
    "pågående",
)
# A prefix that opens a range with no end: "seit 2021", "depuis 2020", "desde 2019", "since 2019".
_SINCE_WORDS = ("since", "seit", "depuis", "desde", "dal", "dès", "sinds", "sedan")
_RANGE_SEPARATORS = (
    r"[-–—‒―−~]+[.,]?",  # OCR may read a speck beside the dash as a point: "August 2023 -.February 2025"
    "→",
    "->",
    "to",
    "till",
    "until",
    "through",
    "thru",
    "bis",
    "au",
    "à",
    "a",
    "hasta",
    "al",
    "até",
    "tot",
)


@dataclass(frozen=True, slots=True)
class DateRange:
    """A parsed date or date range and where it was printed in the text."""

    start: str | None
    end: str | None
    ongoing: bool
    span: tuple[int, int]  # character offsets of the whole match in the searched text

    @property
    def is_single(self) -> bool:
        return self.start is None and not self.ongoing


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _month_lookup() -> dict[str, int]:
    return {name: month for month, names in _MONTH_NAMES.items() for name in names}


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(single date, range, since-prefixed range); compiled on first use, not at import."""
    month = rf"(?:{_alternation(list(_month_lookup()))})\.?"
    day_month_year = r"\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}"
    date = (
        rf"(?:{day_month_year}"
        r"|(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-\d{1,2}(?!\d)"
        rf"|{month}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?(?:\s+de)?\s*(?:19|20)\d{{2}}"
        rf"|(?:{_alternation(list(_SEASONS))})\s+(?:19|20)\d{{2}}"
        r"|(?:0?[1-9]|1[0-2])\s?[/.\-]\s?(?:19|20)\d{2}"
        r"|(?:19|20)\d{2}[/.\-](?:0?[1-9]|1[0-2])(?!\d)"
        rf"|(?:19|20)\d{{2}}-{month}(?![^\W\d_])"
        r"|(?:19|20)\d{2}|'\d{2})"
    )
    ongoing = _alternation(list(ONGOING_WORDS))
    separator = "|".join(_RANGE_SEPARATORS)
    edge = r"(?<![\w/.\-])"  # do not start inside a word or number
    # Nothing of a word or number may follow, except a capitalized word run on without a space, as
    # narrow date columns come out of some PDFs ("2019-2021Data Scientist").
    tail = r"(?:(?![\w/])|(?=[A-Z][a-z]))"
    single = re.compile(rf"{edge}{date}{tail}", re.IGNORECASE)
    ranged = re.compile(
        rf"{edge}(?P<start>{date})\s*(?:{separator})\s*(?:(?P<end>{date})|(?P<ongoing>{ongoing})){tail}",
        re.IGNORECASE,
    )
    # "since 2019", and "Jan 2020 –" with nothing after the dash: an open range.
    since = re.compile(
        rf"(?<!\w)(?:{_alternation(list(_SINCE_WORDS))})\s+(?P<start>{date}){tail}"
        rf"|{edge}(?P<open>{date})\s*[-–—]\s*$",
        re.IGNORECASE,
    )
    return single, ranged, since


def parse_date(text: str) -> str | None:
    """One printed date as "YYYY-MM" or "YYYY"; None when it is not a plausible date."""
    value = text.strip().strip(",").casefold()
    numbers = re.findall(r"\d+", value)
    if not numbers:
        return None
    words = re.findall(r"[^\W\d_]+", value)
    if words and words[0] in _SEASONS:
        return _format(int(numbers[-1]), None)
    if words:
        month = _month_lookup().get(words[0])
        return _format(int(numbers[-1]), month) if month else None
    if value.startswith("'") and len(numbers[0]) == 2:
        year = int(numbers[0])
        return _format(2000 + year if year < 50 else 1900 + year, None)
    if len(numbers) == 3 and len(numbers[0]) == 4:  # ISO: YYYY-MM-DD
        return _format(int(numbers[0]), int(numbers[1]))
    if len(numbers) == 3:  # a day is printed: DD.MM.YYYY or MM/DD/YYYY; keep year and month
        first, second, year = (int(n) for n in numbers)
        month = second if "." in value or first > 12 else first
        return _format(year, month)
    if len(numbers) == 2:
        first, second = numbers
        year, month = (int(first), int(second)) if len(first) == 4 else (int(second), int(first))
        return _format(year, month)
    return _format(int(numbers[0]), None)


def _format(year: int, month: int | None) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    return f"{year:04d}-{month:02d}"


def find_date_range(text: str) -> DateRange | None:
    """The first date range in the text, else its first single date; None when it prints no date."""
    single, ranged, since = _patterns()
    for match in ranged.finditer(text):
        start = parse_date(match.group("start"))
        end = parse_date(match.group("end")) if match.group("end") else None
        if start is None or (match.group("end") and end is None):
            continue
        if end is not None and end[:4] < start[:4]:
            continue  # "2021 - 2019" is not a range
        return DateRange(start, end, match.group("ongoing") is not None, match.span())
    match_since = since.search(text)
    if match_since:
        start = parse_date(match_since.group("start") or match_since.group("open"))
        if start:
            return DateRange(start, None, True, match_since.span())
    for match in single.finditer(text):
        value = parse_date(match.group())
        if value:
            return DateRange(None, value, False, match.span())
    return None


def find_dates(text: str) -> list[DateRange]:
    """Every date and date range printed in the text, left to right, none overlapping: ranges
    first, then open ranges ("since 2019", "2021-03 –"), then single dates in what is left."""
    single, ranged, since = _patterns()
    found: list[DateRange] = []
    for match in ranged.finditer(text):
        start = parse_date(match.group("start"))
        end = parse_date(match.group("end")) if match.group("end") else None
        if start is None or (match.group("end") and end is None) or (end is not None and end[:4] < start[:4]):
            continue
        found.append(DateRange(start, end, match.group("ongoing") is not None, match.span()))
    taken = [d.span for d in found]  # in order and apart: finditer does not overlap

    def free(span: tuple[int, int]) -> bool:
        index = bisect_left(taken, span)
        before = taken[index - 1] if index else None
        after = taken[index] if index < len(taken) else None
        return (before is None or before[1] <= span[0]) and (after is None or span[1] <= after[0])

    for match in since.finditer(text):
        start = parse_date(match.group("start") or match.group("open"))
        if start and free(match.span()):
            found.append(DateRange(start, None, True, match.span()))
            insort(taken, match.span())
    for match in single.finditer(text):
        value = parse_date(match.group())
        if value and free(match.span()):
            found.append(DateRange(None, value, False, match.span()))
            insort(taken, match.span())
    return sorted(found, key=lambda d: d.span)


def strip_span(text: str, span: tuple[int, int]) -> str:
    """The text with a matched date removed and the separators left around it tidied."""
    left, right = text[: span[0]], text[span[1] :]
    joined = f"{left.rstrip(' ,;|·•–—-(')} {right.lstrip(' ,;|·•–—-)')}"
    return joined.strip(" ,;|·•–—-\t")

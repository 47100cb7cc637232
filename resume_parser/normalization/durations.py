"""Lengths of time printed beside a date range: '(3 years 2 months)', '1 yr 4 mos', '2 Jahre 1 Monat'.

Profile exports and many templates add how long a role lasted after its dates. The range already
says it, and kept as a part of the entry's header the length reads like a company or a place.
Only a piece that says nothing else is a length: "10 years of Python" is a sentence.
"""

from __future__ import annotations

import re

_UNITS = (
    r"years?|yrs?|months?|mos?|jahre?n?|monate?n?|ans?|années?|mois|años?|mes(?:es)?|anni|anno|mesi|mese"
    r"|anos?|m[eê]s(?:es)?|jaar|jaren|maanden?|år|månader|månad"
)
_AMOUNT = rf"\d{{1,2}}\s*(?:{_UNITS})\.?"
_JOINER = r"(?:\s*,?\s*(?:and|und|et|y|e|en|och)?\s*)"
_LESS_THAN_A_YEAR = r"less than a year|weniger als ein Jahr|moins d'un an|menos de un año"
DURATION = re.compile(
    rf"[(\[]?\s*(?:{_AMOUNT}(?:{_JOINER}{_AMOUNT})?|{_LESS_THAN_A_YEAR})\s*[)\]]?", re.IGNORECASE
)


def is_duration(text: str) -> bool:
    """True for a piece of a line that says only how long something lasted."""
    return DURATION.fullmatch(text.strip()) is not None

"""Phone numbers: found in free text, written in E.164 when the country can be told.

The country comes from the number itself (a "+" or "00" prefix) or from the resume's location;
when neither tells it, the number is returned as printed rather than guessed.
"""

from __future__ import annotations

import re

import phonenumbers

# Digits with the punctuation people put between them; at least 7 digits overall.
_CANDIDATE = re.compile(r"(?:\(?\+|\b00|\(|\b)\d[\d\s().\-/]{5,}\d(?:\s*(?:ext\.?|x)\s*\d{1,5})?")
MIN_DIGITS = 7
MAX_DIGITS = 15


def phone_candidates(text: str) -> list[str]:
    """Substrings that could be phone numbers (digit runs that are not dates or ranges)."""
    found = []
    for match in _CANDIDATE.finditer(text):
        value = match.group().strip()
        digits = re.sub(r"\D", "", value)
        if MIN_DIGITS <= len(digits) <= MAX_DIGITS and not _looks_like_date_range(value):
            found.append(value)
    return found


def _looks_like_date_range(value: str) -> bool:
    return bool(re.fullmatch(r"[\d/.]*(19|20)\d{2}\s*[-–]\s*[\d/.]*(19|20)\d{2}", value))


def normalize_phone(printed: str, region: str | None = None) -> str | None:
    """E.164 ("+493023125974") when the number is valid for a known country, else the printed text.

    None when the text cannot be a phone number at all.
    """
    text = printed.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    number = _parse(text, None) if "+" in text else None
    if number is None and region:
        number = _parse(text, region)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else None
    if e164 and len(e164) - 1 <= MAX_DIGITS:  # a national number padded past what E.164 allows is not one
        return e164
    digits = re.sub(r"\D", "", text)
    return printed.strip() if MIN_DIGITS <= len(digits) <= MAX_DIGITS else None


def _parse(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def find_phone(text: str, region: str | None = None) -> tuple[str, str] | None:
    """(normalized, printed) for the first phone number in the text, or None."""
    for candidate in phone_candidates(text):
        value = normalize_phone(candidate, region)
        if value:
            return value, candidate
    return None

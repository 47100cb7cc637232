"""Which words of the pages print a personal value, wherever they are: the name in a sentence, the
e-mail again in a footer, the phone with other spacing, a URL wrapped over two lines.

Each kind of value is matched its own way, on folded text (case, accents and icon glyphs ignored):

    name        each part of the name is matched as a word ("Ada", "Müller-Lovelace", "Müller-");
                a two-letter part only as capitalized in the name
    e-mail      a word containing it, or a piece of it cut at a line end
    phone       a run of phone-like words on a line whose digits hold the number's last seven
    URL         a word containing it (without scheme and "www."), a piece of it, its last segment
    user name   the word itself, or "@name", "/name" inside a word
    other       (street address, postal code, anything else listed) the words in sequence on a line
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from resume_parser.layout import Line, Word
from resume_parser.privacy import PersonalValue

# A phone is recognized by its last digits: printed numbers differ in their prefix ("+49 30",
# "030", "(0)30") but not in these.
PHONE_TAIL_DIGITS = 7
# A piece of an e-mail or URL shorter than this could be any word.
MIN_PIECE = 5
MIN_NAME_PART = 2
SHORT_NAME_PART = 3
_EDGE_PUNCTUATION = ".,;:!?()[]{}<>\"'|•·*"
_PHONE_WORD = re.compile(r"^[+(]?[\d()./\-–]+$")
_URL_PREFIX = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|mailto:)?(?:www\.)?")
_HYPHENS = re.compile(r"[-‐‑–]")
_NAME_SEPARATORS = re.compile(r"[\s\-‐‑–]+")

WordTest = Callable[[str], bool]


def fold(text: str) -> str:
    """Text compared without case, accents or icon-font glyphs, and without punctuation at its ends."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(
        char for char in decomposed if not unicodedata.combining(char) and unicodedata.category(char) != "Co"
    )
    return kept.strip().strip(_EDGE_PUNCTUATION)


def personal_words(lines: list[Line], values: list[PersonalValue]) -> list[Word]:
    """The words of `lines` that print any of `values`, each once, in reading order of the lines."""
    matched: dict[int, Word] = {}
    for value in values:
        for word in _matches(lines, value):
            matched.setdefault(id(word), word)
    return list(matched.values())


def _matches(lines: list[Line], value: PersonalValue) -> Iterator[Word]:
    path = value.path
    if path == "basics.phone":
        yield from _phone_words(lines, value.text)
        return
    if path == "basics.name":
        test = _name_test(value.text)
    elif path == "basics.email":
        test = _piece_test(fold(value.text))
    elif path == "basics.url" or (path.startswith("basics.profiles[") and _looks_like_url(value.text)):
        test = _url_test(value.text)
    elif path.startswith("basics.profiles["):
        test = _username_test(fold(value.text).lstrip("@"))
    else:
        yield from _phrase_words(lines, value.text)
        return
    for line in lines:
        yield from (word for word in line.words if test(word.text))


def _name_test(name: str) -> WordTest:
    """Each part of the name as a word. A part shorter than SHORT_NAME_PART matches only when the
    name capitalizes it, and only as printed there or in capitals: "Wu" and "WU" are a surname, but
    the "de" of "María de la Cruz" is not every "de" of a Spanish resume (nor "li" in "li-ion")."""
    parts = [
        part.strip(".") for part in _NAME_SEPARATORS.split(name) if len(part.strip(".")) >= MIN_NAME_PART
    ]
    long_parts = {fold(part) for part in parts if len(part) >= SHORT_NAME_PART}
    short_parts = {
        spelling
        for part in parts
        if len(part) < SHORT_NAME_PART and part[:1].isupper()
        for spelling in (part, part.upper())
    }

    def test(text: str) -> bool:
        pieces = [piece for piece in _HYPHENS.split(text.strip(_EDGE_PUNCTUATION)) if piece]
        if any(fold(piece) in long_parts or piece in short_parts for piece in pieces):
            return True
        # "Müller-" at a line end, the rest of the name on the next line.
        word = fold(text)
        stem = word.rstrip("-‐‑–")
        return (
            stem != word
            and len(stem) >= SHORT_NAME_PART
            and any(part.startswith(stem) for part in long_parts)
        )

    return test


def _piece_test(value: str) -> WordTest:
    """A word containing `value`, or a piece of it (cut at a line end) long enough to be telling."""

    def test(text: str) -> bool:
        word = fold(text).rstrip("-‐‑–")  # a hyphen where the line broke the value
        if not word:
            return False
        return value in word or (len(word) >= MIN_PIECE and word in value)

    return test


def _url_test(url: str) -> WordTest:
    bare = _bare_url(url)
    pieces = _piece_test(bare)
    last = bare.rsplit("/", 1)[-1] if "/" in bare else ""

    def test(text: str) -> bool:
        word = _bare_url(text)
        return pieces(word) or (len(last) >= SHORT_NAME_PART and word == last)

    return test


def _username_test(username: str) -> WordTest:
    def test(text: str) -> bool:
        word = fold(text)
        return bool(username) and (
            word.lstrip("@") == username or f"/{username}" in word or f"@{username}" in word
        )

    return test


def _bare_url(text: str) -> str:
    return _URL_PREFIX.sub("", fold(text)).rstrip("/")


def _looks_like_url(text: str) -> bool:
    return "/" in text or "." in text


def _phone_words(lines: list[Line], phone: str) -> Iterator[Word]:
    digits = re.sub(r"\D", "", phone)
    if len(digits) < PHONE_TAIL_DIGITS:
        yield from _phrase_words(lines, phone)
        return
    tail = digits[-PHONE_TAIL_DIGITS:]
    for line in lines:
        for run in _phone_runs(line.words):
            run_digits = "".join(re.sub(r"\D", "", fold(word.text)) for word in run)
            if tail in run_digits or (len(run_digits) >= PHONE_TAIL_DIGITS and run_digits in digits):
                yield from run


def _phone_runs(words: list[Word]) -> Iterator[list[Word]]:
    """Maximal runs of consecutive words made of digits and phone punctuation."""
    run: list[Word] = []
    for word in words:
        text = fold(word.text) or word.text
        if _PHONE_WORD.match(text) or _PHONE_WORD.match(text.removeprefix("tel:")):
            run.append(word)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


def _phrase_words(lines: list[Line], phrase: str) -> Iterator[Word]:
    """The words of each place where a line prints all of `phrase`'s words in order."""
    tokens = [token for token in (fold(part) for part in phrase.split()) if token]
    if not tokens:
        return
    count = len(tokens)
    for line in lines:
        folded = [fold(word.text) for word in line.words]
        for start in range(len(folded) - count + 1):
            if folded[start : start + count] == tokens:
                yield from line.words[start : start + count]

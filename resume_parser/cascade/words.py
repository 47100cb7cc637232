"""What a single token says on its own: its shape, and which lexicons know it. Computed once per
distinct token text (a resume repeats most of its words), shared by the segmentation and the field
features."""

from __future__ import annotations

import re
from functools import lru_cache

from resume_parser.cascade import lexicon
from resume_parser.cascade.tokens import TokenLine
from resume_parser.normalization.contact import EMAIL
from resume_parser.normalization.countries import country_code
from resume_parser.normalization.lines import BULLET_GLYPHS, is_icon

_URL = re.compile(r"(?:https?://|www\.)\S+|[a-z0-9][\w\-]*(?:\.[\w\-]+)*\.[a-z]{2,24}(?:/\S*)?$", re.I)
_YEAR = re.compile(r"(?:19|20)\d{2}")
_NUMERIC_DATE = re.compile(r"\d{1,2}[./-](?:19|20)\d{2}|(?:19|20)\d{2}[./-]\d{1,2}(?:[./-]\d{1,2})?")
_CEFR = re.compile(r"[ABC][12]")
# certificate, certified, certification, zertifikat, zertifiziert, certificat, certificado, licence
_CERTIFICATE = re.compile(r"(?:certif|zertifi|licen[cs]|accredit)")
_SEPARATORS = frozenset(",;|/·•◦▪–—-:()[]&+")
_LIST_SEPARATORS = frozenset(",;|/·•◦▪–—-~")


def shape(text: str) -> str:
    """Character classes with runs collapsed: "Berlin" -> "Xx", "2019" -> "d", "C++" -> "X+"."""
    out: list[str] = []
    for char in text:
        if char.isupper():
            kind = "X"
        elif char.isalpha():
            kind = "x"
        elif char.isdigit():
            kind = "d"
        else:
            kind = char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


@lru_cache(maxsize=65536)
def word_flags(text: str) -> tuple[str, ...]:
    """The token's features that do not depend on where it stands."""
    folded = lexicon.fold(text)
    flags = [f"shape={shape(text)}"]
    if folded in lexicon.known_words():
        flags.append(f"w={folded}")
    elif text.isalpha() and len(text) >= 5:
        flags.append(f"suf={folded[-3:]}")
    if len(text) == 1 and not text.isalnum():
        # List and field separators are known by their class, not their glyph, so " / " between
        # skills reads like " | " or ", " does; brackets, "&" and the like keep their identity.
        flags.append("sepchar" if text in _LIST_SEPARATORS else f"punct={text}")
        if text in _SEPARATORS:
            flags.append("sep")
        if text in BULLET_GLYPHS:
            flags.append("bulletglyph")
        if is_icon(text):
            flags.append("icon")
    if EMAIL.fullmatch(text):
        flags.append("email")
    elif "@" not in text and _URL.match(text) and not text[:1].isupper():
        flags.append("url")
    if text.isdigit():
        flags.append("year" if _YEAR.fullmatch(text) else f"digits={min(len(text), 5)}")
    elif _NUMERIC_DATE.fullmatch(text):
        flags.append("numdate")
    _lexicon_flags(text, folded, flags)
    return tuple(flags)


def _lexicon_flags(text: str, folded: str, flags: list[str]) -> None:
    if folded in lexicon.title_words():
        flags.append("lex=title")
    if folded in lexicon.organisation_words():
        flags.append("lex=org")
    if folded in lexicon.degree_words():
        flags.append("lex=degree")
    if lexicon.is_institution_word(text):
        flags.append("lex=inst")
    if folded.rstrip(".") in lexicon.month_words():
        flags.append("lex=month")
    if folded in lexicon.ongoing_words():
        flags.append("lex=ongoing")
    if folded in lexicon.language_names():
        flags.append("lex=language")
    if folded in lexicon.fluency_words() or _CEFR.fullmatch(text):
        flags.append("lex=fluency")
    if folded in lexicon.level_words():
        flags.append("lex=level")
    if folded in lexicon.heading_words():
        flags.append("lex=heading")
    if _CERTIFICATE.match(folded):
        flags.append("lex=cert")
    if folded in lexicon.NETWORKS:
        flags.append("lex=network")
    if lexicon.skill_key(text) in lexicon.skill_names():
        flags.append("lex=skill")
    if text[:1].isupper() and len(text) > 1 and country_code(text):
        flags.append("lex=country")


def phrase_flags(line: TokenLine) -> list[list[str]]:
    """Per token, the lexicon phrases of several words it is part of: cities ("San Francisco",
    "Frankfurt am Main") and single-word cities, as B-/I- flags."""
    flags: list[list[str]] = [[] for _ in line.tokens]
    texts = [lexicon.fold(t.text) for t in line.tokens]
    cities = lexicon.cities()
    index = 0
    while index < len(texts):
        matched = 0
        if line.tokens[index].text[:1].isupper():
            for width in range(min(lexicon.MAX_CITY_WORDS, len(texts) - index), 0, -1):
                if " ".join(texts[index : index + width]) in cities:
                    matched = width
                    break
        if matched:
            flags[index].append("city=B")
            for inner in range(index + 1, index + matched):
                flags[inner].append("city=I")
            index += matched
        else:
            index += 1
    return flags

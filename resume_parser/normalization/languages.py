"""Spoken languages with their fluency: "German (Native)", "English: C1", "Spanish — Native speaker",
"Mother tongue: French", or a language and its fluency on two lines."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from resume_parser.layout import Line
from resume_parser.normalization.lines import clean, is_bullet, segments, strip_bullet, word_set
from resume_parser.resume import Language

# Human languages people list, in English and in their own names. A word not here is not a language,
# which keeps "Python" in a programming "Languages" group out of this section.
_LANGUAGES = word_set(
    """
    english german french spanish italian portuguese dutch swedish norwegian danish finnish
    icelandic polish czech slovak hungarian romanian bulgarian greek turkish russian ukrainian
    belarusian serbian croatian bosnian slovenian macedonian albanian lithuanian latvian estonian
    irish welsh catalan basque galician arabic hebrew persian farsi urdu hindi bengali bangla
    punjabi gujarati marathi tamil telugu kannada malayalam odia sinhala nepali chinese mandarin
    cantonese japanese korean vietnamese thai indonesian malay filipino tagalog swahili amharic
    yoruba igbo hausa zulu afrikaans latin esperanto luxembourgish maltese armenian georgian
    azerbaijani kazakh uzbek mongolian khmer lao burmese somali kurdish pashto asl bsl deutsch
    englisch französisch spanisch italienisch français anglais allemand espagnol italien español
    inglés alemán francés italiano inglese tedesco francese spagnolo português inglês svenska
    engelska nederlands engels polski euskera euskara català catalán gallego árabe arabe arabisch
    türkisch turc turco chinesisch japanisch russisch polnisch portugiesisch niederländisch
    chinois japonais russe portugais néerlandais polonais chino japonés ruso portugués alemão
    """
) | {"sign language"}
# Programming languages listed with a level ("Python (advanced)") under a "Languages" heading are not
# spoken languages, though shaped like them.
_PROGRAMMING_LANGUAGES = word_set(
    """
    python java javascript typescript go golang rust kotlin swift ruby php perl scala haskell elixir
    erlang clojure dart lua julia matlab sql bash shell c c++ c# r fortran cobol groovy solidity zig
    """
)
_FLUENCY_HINTS = (
    "native",
    "mother tongue",
    "bilingual",
    "fluent",
    "proficient",
    "proficiency",
    "professional",
    "working",
    "conversational",
    "intermediate",
    "advanced",
    "basic",
    "beginner",
    "elementary",
    "limited",
    "good",
    "excellent",
    "muttersprache",
    "fließend",
    "gut",
    "grundkenntnisse",
    "langue maternelle",
    "courant",
    "notions",
    "nativo",
    "nativa",
    "materna",
    "avanzado",
    "básico",
    "madrelingua",
    "verhandlungssicher",
    "sehr gut",
    "kenntnisse",
    "bilingue",
    "intermédiaire",
    "avancé",
    "débutant",
    "intermedio",
    "intermedia",
    "basico",
    "fluido",
    "bilingüe",
)
MAX_OPEN_NAME_WORDS = 2
_CEFR = re.compile(r"^(?:[ABC][12])(?:\s*[/-]\s*[ABC][12])?$", re.IGNORECASE)
_ITEM_SEPARATOR = re.compile(r"\s*[,;|•·]\s*(?![^()]*\))")
_PAIR = re.compile(
    r"^(?P<lang>[^\W\d_][\w\s]*?)\s*(?:\((?P<paren>.*)\)|[:–—-]\s*(?P<after>.+)|\s+(?P<cefr>[ABC][12]))?$"
)
_MOTHER_TONGUE_LABEL = re.compile(
    r"^(mother\s+tongues?|native\s+languages?|muttersprache)\s*(\(s\))?\s*:?\s*", re.I
)
_OTHER_LANGUAGES_LABEL = re.compile(
    r"^(other\s+languages?|foreign\s+languages?|languages?)\s*(\(s\))?\s*:?\s*", re.I
)


@dataclass(slots=True)
class SpokenLanguage:
    language: str
    fluency: str | None
    line: Line

    def to_model(self) -> Language:
        return Language(language=self.language, fluency=self.fluency)


def is_language(text: str) -> bool:
    return text.strip().casefold() in _LANGUAGES


def is_fluency(text: str) -> bool:
    value = text.strip().casefold()
    return bool(_CEFR.match(value)) or any(hint in value for hint in _FLUENCY_HINTS)


def parse_languages(lines: list[Line], *, open_names: bool = False) -> list[SpokenLanguage]:
    """The languages the lines list. With `open_names` (lines known to be under a Languages heading)
    a capitalized name missing from our vocabulary counts when a fluency follows it ("Euskera: B2")."""
    found: list[SpokenLanguage] = []
    for line in lines:
        text = clean(strip_bullet(line.text) if is_bullet(line.text) else line.text)
        mother = _MOTHER_TONGUE_LABEL.match(text)
        if mother:
            for item in _ITEM_SEPARATOR.split(text[mother.end() :]):
                if is_language(item):
                    found.append(SpokenLanguage(item.strip(), "Mother tongue", line))
            continue
        unlabelled = _OTHER_LANGUAGES_LABEL.sub("", text)
        items = _paired(_items(line if unlabelled == text else None, unlabelled))
        parsed = [_parse_item(item, line, open_names) for item in items]
        if parsed and all(p is not None for p in parsed):
            found.extend(p for p in parsed if p is not None)
        elif found and found[-1].fluency is None and is_fluency(text):
            found[-1].fluency = text  # the fluency printed on the line below its language
    return found


def _items(line: Line | None, text: str) -> list[str]:
    """The items of a line; `line` (for its gaps) is None when a label was cut off the text."""
    items = [i for i in _ITEM_SEPARATOR.split(text) if i.strip()]
    if len(items) == 1:
        parts = (
            segments(line) if line is not None else []
        )  # "Spanish — Native   English — B2": items set apart by a wide gap
        if len(parts) > 1:
            return parts
        return _split_run(text)
    return items


def _paired(items: list[str]) -> list[str]:
    """ "English" then "Native" as two items (a table row, columns apart) -> "English (Native)"."""
    paired: list[str] = []
    for item in items:
        if paired and is_language(paired[-1]) and is_fluency(item) and not is_language(item):
            paired[-1] = f"{paired[-1]} ({item.strip()})"
        else:
            paired.append(item)
    return paired


def _split_run(text: str) -> list[str]:
    """ "Spanish — Native speaker English — B2" printed as one run: cut before each language name."""
    words = text.split()
    starts = [
        i
        for i, w in enumerate(words)
        if is_language(w.strip(",;")) and i > 0 and not words[i - 1].endswith(":")
    ]
    if not starts:
        return [text]
    bounds = [0, *starts, len(words)]
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds) if a < b]


def _parse_item(item: str, line: Line, open_names: bool) -> SpokenLanguage | None:
    match = _PAIR.match(item.strip())
    if not match:
        return _name_then_fluency(item, line)
    name = match.group("lang").strip()
    fluency = match.group("paren") or match.group("after") or match.group("cefr")
    if is_language(name) or (open_names and fluency and _name_like(name) and is_fluency(fluency)):
        return SpokenLanguage(name, fluency.strip() if fluency else None, line)
    return _name_then_fluency(item, line)


def _name_then_fluency(item: str, line: Line) -> SpokenLanguage | None:
    """ "Französisch verhandlungssicher": a known name and its fluency with no mark between them."""
    name, _, rest = item.strip().partition(" ")
    if is_language(name) and rest and is_fluency(rest):
        return SpokenLanguage(name, rest.strip(), line)
    return None


def _name_like(text: str) -> bool:
    words = text.split()
    capitalized = all(w[:1].isupper() and w.isalpha() for w in words)
    spoken = not is_fluency(text) and text.casefold() not in _PROGRAMMING_LANGUAGES
    return 0 < len(words) <= MAX_OPEN_NAME_WORDS and capitalized and spoken

"""Personal details printed as labelled lines: date of birth, age, gender, nationality and marital
status, as CVs in Germany, France and Spain often print them ("Geburtsdatum: 12.03.1990",
"Nationalité : française", "Estado civil: casada", "Sex: Female | Nationality: Irish").

The labels and value words (en, de, fr, es) are in personal.json, nationality words in
nationalities.json. A label opens a line or follows a separator (|, ·, •, ;); its value follows a
colon, or follows the label directly when it reads as that field's value (a date, an age, a known
word), or is printed alone on the next line (a two-column table read row by row).

Those lines are taken out of the sections before any normalizer reads them: "Nationality: German"
must not become a spoken language, nor a birth date a work date, and a model need not see them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

from resume_parser.layout import Box, GroupedDocument, Line, Section, Word
from resume_parser.normalization.countries import country_code
from resume_parser.normalization.dates import find_date_range
from resume_parser.resume import Basics, BoundingBox, FieldEvidence

# A labelled value is an explicit statement of the document: sure enough that no model is asked.
LABELLED_CONFIDENCE = 0.95
MAX_PRINTED_WORDS = 6  # a longer "value" after a label is prose, not a personal detail
MIN_AGE, MAX_AGE = 14, 99
# A photo is shown about square or as a portrait (width:height), seldom wider than 4:3.
MIN_PHOTO_ASPECT, MAX_PHOTO_ASPECT = 0.6, 1.4
PHOTO_CONFIDENCE = 0.8  # a portrait-shaped picture near the top is nearly always the candidate

_SEPARATORS = re.compile(r"\s*[|·•;]\s*")
_COLON = re.compile(r"\s*[:：]\s*")
_AGE = re.compile(r"^(\d{1,2})(?:\s*(?:years?(?:\s+old)?|yrs?|jahre|j\.|ans|años|anos))?\.?$", re.IGNORECASE)
# What may follow a birth date: its place ("in München", "à Lyon", "(Madrid)", ", Berlin").
_BIRTH_PLACE = re.compile(r"^(?:,\s*|\(\s*|(?:in|à|a|en)\s+)[^\W\d_][^\d|]{0,40}\)?$", re.IGNORECASE)
# A day printed before a month name: "4 mars 1988", "12. März 1990", "12 de mayo de 1990".
_DAY_BEFORE_MONTH = re.compile(r"^\d{1,2}(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?", re.IGNORECASE)
# A numeric date with slashes, which only an English label may print month first.
_DAY_FIRST = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b")
_NATIONALITY_PARTS = re.compile(r"\s*(?:,|/|&|\+|\b(?:and|und|et|y)\b)\s*", re.IGNORECASE)


@dataclass(slots=True)
class PersonalDetails:
    """The personal details of one document and the evidence of each."""

    date_of_birth: str | None = None
    age: int | None = None
    gender: str | None = None
    nationality: str | None = None
    nationality_country_codes: list[str] = field(default_factory=list)
    marital_status: str | None = None
    has_photo: bool = False
    evidence: list[FieldEvidence] = field(default_factory=list)

    def apply(self, basics: Basics) -> None:
        """Set the basics' personal fields to these."""
        basics.has_photo = self.has_photo
        basics.date_of_birth = self.date_of_birth
        basics.age = self.age
        basics.gender = self.gender
        basics.nationality = self.nationality
        basics.nationality_country_codes = list(self.nationality_country_codes)
        basics.marital_status = self.marital_status


@dataclass(frozen=True, slots=True)
class _Found:
    """One field read from a line: its value and the characters of the line it covers."""

    path: str  # "dateOfBirth", "age", ...
    value: str | int | list[str] | None  # None: labelled, but no value could be read
    printed: str
    label_start: int
    value_span: tuple[int, int]


def read_personal_details(grouped: GroupedDocument) -> tuple[GroupedDocument, PersonalDetails]:
    """The document's personal details, and the document with the lines (or parts of lines)
    printing them taken out of its sections."""
    details = PersonalDetails()
    sections = [_without_personal(section, details) for section in grouped.sections]
    photo = _photo(grouped)
    if photo is not None:
        details.has_photo = True
        box = BoundingBox(left=photo.left, top=photo.top, right=photo.right, bottom=photo.bottom)
        details.evidence.append(
            FieldEvidence(path="basics.hasPhoto", confidence=PHOTO_CONFIDENCE, page=1, box=box)
        )
    return replace(grouped, sections=sections), details


def _photo(grouped: GroupedDocument) -> Box | None:
    """The candidate's photo: a picture on the first page, in its upper half, shaped like a
    portrait (from square to about 3:4 either way). Logos are rarely printed on a CV, and a QR
    code sits at the foot or in a sidebar's bottom; a photo drawn with vector paths, or one inside
    a scan, is not a picture object and is not found."""
    pages = grouped.document.pages
    if not pages or not pages[0].width:
        return None
    first = pages[0]
    for picture in first.pictures:
        aspect = (picture.width * first.width) / max(picture.height * first.height, 1e-6)
        if MIN_PHOTO_ASPECT <= aspect <= MAX_PHOTO_ASPECT and picture.top < 0.5:
            return picture
    return None


def _without_personal(section: Section, details: PersonalDetails) -> Section:
    kept: list[Line] = []
    lines = section.lines
    index = 0
    while index < len(lines):
        line = lines[index]
        found = _fields_of_line(line.text)
        following = lines[index + 1] if index + 1 < len(lines) else None
        pending = _label_only(line.text)
        if not found and pending is not None and following is not None:
            label, path = pending
            printed = following.text.strip()
            value = _strict_value(path, _as_read(label, path, printed))
            if value is not None:
                _record(details, path, value, printed, following, (0, len(following.text)))
                index += 2
                continue
        for item in found:
            _record(details, item.path, item.value, item.printed, line, item.value_span)
        rest = _rest_of_line(line, [(item.label_start, item.value_span[1]) for item in found])
        if rest is not None:
            kept.append(rest)
        index += 1
    return replace(section, lines=kept)


def _record(
    details: PersonalDetails,
    path: str,
    value: str | int | list[str] | None,
    printed: str,
    line: Line,
    span: tuple[int, int],
) -> None:
    """Keep the first value of each field (a CV states each once; a repeat is a footer or a copy)."""
    if value is None or any(e.path == f"basics.{path}" for e in details.evidence):
        return
    if path == "dateOfBirth" and isinstance(value, str):
        details.date_of_birth = value
    elif path == "age" and isinstance(value, int):
        details.age = value
    elif path == "gender" and isinstance(value, str):
        details.gender = value
    elif path == "maritalStatus" and isinstance(value, str):
        details.marital_status = value
    elif path == "nationality" and isinstance(value, list):
        details.nationality = printed
        details.nationality_country_codes = value
    details.evidence.append(_evidence(f"basics.{path}", line, span))


def _evidence(path: str, line: Line, span: tuple[int, int]) -> FieldEvidence:
    words = [word for word, (start, end) in _word_spans(line) if start < span[1] and end > span[0]]
    box = Box.enclosing([w.box for w in words]) if words else line.box
    return FieldEvidence(
        path=path,
        confidence=LABELLED_CONFIDENCE,
        page=line.page,
        box=BoundingBox(left=box.left, top=box.top, right=box.right, bottom=box.bottom),
    )


def _word_spans(line: Line) -> list[tuple[Word, tuple[int, int]]]:
    """Each word with its characters in `line.text` (words joined by single spaces)."""
    spans: list[tuple[Word, tuple[int, int]]] = []
    offset = 0
    for word in line.words:
        spans.append((word, (offset, offset + len(word.text))))
        offset += len(word.text) + 1
    return spans


def _rest_of_line(line: Line, taken: list[tuple[int, int]]) -> Line | None:
    """The line without the words inside the taken spans; None when nothing worth reading is left."""
    if not taken:
        return line
    words = [
        word
        for word, (start, end) in _word_spans(line)
        if not any(start < stop and end > begin for begin, stop in taken)
    ]
    while words and not any(char.isalnum() for char in words[-1].text):
        words.pop()  # a separator left at the end: "Berlin |"
    if not any(char.isalnum() for word in words for char in word.text):
        return None
    return Line(words=words, page=line.page, box=Box.enclosing([w.box for w in words]))


# -- reading one line ------------------------------------------------------------------------


def _fields_of_line(text: str) -> list[_Found]:
    found: list[_Found] = []
    for start, end in _pieces(text):
        found += _fields_of_piece(text, start, end)
    return found


def _pieces(text: str) -> list[tuple[int, int]]:
    """The spans of a line between separators ("Sex: Female | Born 1990" has two)."""
    bounds = [0, *(point for m in _SEPARATORS.finditer(text) for point in m.span()), len(text)]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2) if bounds[i] < bounds[i + 1]]


def _fields_of_piece(text: str, start: int, end: int) -> list[_Found]:
    piece = text[start:end]
    label = _label_pattern().match(piece, _leading_symbols(piece))
    if label is None:
        return []
    path = _path_of_label(label.group("label"))
    colon = _COLON.match(piece, label.end())
    value_start = colon.end() if colon else len(piece) - len(piece[label.end() :].lstrip())
    # After a colon, a second labelled field may follow without a separator.
    following = _label_pattern().search(piece, value_start) if colon else None
    while following is not None and not _COLON.match(piece, following.end()):
        following = _label_pattern().search(piece, following.end())
    value_end = following.start() if following else len(piece)
    printed = piece[value_start:value_end].strip(" ,")
    if not printed:
        return []  # a label alone: its value may be on the next line
    reading = _as_read(label.group("label"), path, printed)
    value = _labelled_value(path, reading) if colon else _strict_value(path, reading)
    if value is None and not colon:
        return []
    item = _Found(path, value, printed, start + label.start(), (start + value_start, start + value_end))
    rest = _fields_of_piece(text, start + value_end, end) if following else []
    return [item, *rest]


def _as_read(label: str, path: str, printed: str) -> str:
    """A value as its field reads it: a numeric birth date under a label in German, French or
    Spanish is day first ("12/05/1991" is in May)."""
    if path == "dateOfBirth" and _fold(label) not in _month_first_labels():
        return _DAY_FIRST.sub(r"\1.\2.\3", printed)
    return printed


def _leading_symbols(text: str) -> int:
    """How many characters of bullets, icons and spaces open the text."""
    index = 0
    while index < len(text) and not text[index].isalnum():
        index += 1
    return index


def _label_only(text: str) -> tuple[str, str] | None:
    """(label, field) of a line printing nothing but a label ("Geburtsdatum", "Nationality:")."""
    stripped = text.strip().rstrip(":：").strip()
    label = _label_pattern().fullmatch(stripped, _leading_symbols(stripped))
    return (label.group("label"), _path_of_label(label.group("label"))) if label else None


def _labelled_value(path: str, printed: str) -> str | int | list[str] | None:
    """The value after a colon: read strictly where the field has a form (dates, ages), else as
    printed when it is short."""
    if path == "dateOfBirth":
        found = find_date_range(printed)
        return (found.end or found.start) if found else None
    if path == "age":
        return _age(printed)
    if len(printed.split()) > MAX_PRINTED_WORDS:
        return None
    if path == "nationality":
        return _nationality_codes(printed) or []
    vocabulary = _vocabulary(path)
    return vocabulary.get(_fold(printed)) or vocabulary.get(_fold(re.split(r"[,(]", printed)[0])) or printed


def _strict_value(path: str, printed: str) -> str | int | list[str] | None:
    """The value when the whole text reads as this field's value (no colon said it is one)."""
    if path == "dateOfBirth":
        day = _DAY_BEFORE_MONTH.match(printed)
        found = find_date_range(printed)
        opening = day.end() if day and found and found.span[0] == day.end() else 0
        if found is None or not found.is_single or found.span[0] != opening:
            return None
        rest = printed[found.span[1] :].strip()
        return found.end if not rest or _BIRTH_PLACE.match(rest) else None
    if path == "age":
        return _age(printed)
    if path == "nationality":
        return _nationality_codes(printed, every_part=True)
    return _vocabulary(path).get(_fold(printed))


def _age(printed: str) -> int | None:
    match = _AGE.match(printed.strip())
    return int(match.group(1)) if match and MIN_AGE <= int(match.group(1)) <= MAX_AGE else None


def _nationality_codes(printed: str, *, every_part: bool = False) -> list[str] | None:
    """ISO codes of the nationalities printed ("deutsch / französisch" -> DE, FR); with
    `every_part`, None unless each part names one."""
    codes: list[str] = []
    for part in filter(None, _NATIONALITY_PARTS.split(printed.strip(" ."))):
        code = _nationality_code(part, by_word=not every_part)
        if code is None and every_part:
            return None
        if code is not None and code not in codes:
            codes.append(code)
    return codes or None


def _nationality_code(part: str, *, by_word: bool) -> str | None:
    key = _fold(part)
    code = _demonyms().get(key) or country_code(part)
    if code is None and by_word and len(key.split()) > 1:  # "German citizen", "citoyen français"
        code = next((_demonyms()[word] for word in key.split() if word in _demonyms()), None)
    return code


# -- the lexicon -----------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Case, accents and surrounding punctuation ignored: "Française" -> "francaise"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.strip(" .,;:()").split())


@cache
def _lexicon() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files(__package__).joinpath("personal.json").read_text(encoding="utf-8")
    )
    return data


@cache
def _month_first_labels() -> frozenset[str]:
    return frozenset(_fold(label) for label in _lexicon()["monthFirstLabels"])


@cache
def _demonyms() -> dict[str, str]:
    raw = json.loads(resources.files(__package__).joinpath("nationalities.json").read_text(encoding="utf-8"))
    return {_fold(form): code for code, forms in raw.items() for form in forms}


@cache
def _vocabulary(path: str) -> dict[str, str]:
    """Printed value (folded) -> normalized value, for gender and marital status."""
    words: dict[str, list[str]] = _lexicon().get(path, {})
    return {_fold(form): value for value, forms in words.items() for form in forms}


@cache
def _labels() -> dict[str, str]:
    """Printed label (folded) -> field path."""
    return {_fold(label): path for path, labels in _lexicon()["labels"].items() for label in labels}


@cache
def _label_pattern() -> re.Pattern[str]:
    """Any label (longest first), not part of a longer word ("Agency", "Language"); accents
    optional, case ignored."""
    labels: list[str] = [label for labels in _lexicon()["labels"].values() for label in labels]
    alternatives = "|".join(_label_regex(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?P<label>{alternatives})(?![^\W\d_])", re.IGNORECASE)


def _label_regex(label: str) -> str:
    parts = []
    for char in label:
        if char == " ":
            parts.append(r"\s+")
        elif unicodedata.combining(unicodedata.normalize("NFKD", char)[-1]):
            base = unicodedata.normalize("NFKD", char)[0]
            parts.append(f"[{re.escape(char)}{re.escape(base)}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _path_of_label(label: str) -> str:
    return _labels()[_fold(" ".join(label.split()))]

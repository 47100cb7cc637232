"""Model output checked against the document: a value the document does not print is dropped.

"Printed" is judged on normalized text (case, accents and punctuation ignored), so the model may
re-case "ACME GMBH" but cannot invent an employer, a degree or a skill. Dates must use a year the
document prints. Free text (summaries, highlights) is not checked: the model may rephrase it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from resume_parser.layout import UNKNOWN_BOX, Box, Document, Line
from resume_parser.normalization.gemini_privacy import Redaction
from resume_parser.resume import (
    Basics,
    BoundingBox,
    Certificate,
    Education,
    FieldEvidence,
    Language,
    Location,
    ParsedResume,
    Profile,
    Project,
    Skill,
    Work,
)

# The fields whose values must be printed in the document, per model.
CHECKED_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {
    Basics: ("name", "label", "email", "phone", "url"),
    Location: ("city", "region"),
    Profile: ("url", "username"),
    Work: ("name", "position", "location", "url", "start_date", "end_date"),
    Education: ("institution", "area", "study_type", "start_date", "end_date"),
    Skill: ("name", "keywords"),
    Language: ("language",),
    Certificate: ("name", "issuer", "date", "url"),
    Project: ("name", "url", "start_date", "end_date"),
}
# A list entry left with none of these is dropped as a whole.
IDENTITY_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {
    Work: ("name", "position"),
    Education: ("institution", "area", "study_type"),
    Skill: ("name", "keywords"),
    Language: ("language",),
    Certificate: ("name",),
    Project: ("name",),
    Profile: ("url", "username"),
}
DATE_FIELDS = frozenset({"start_date", "end_date", "date"})
# Labels the instructions ask for even when the document prints none.
GENERIC_LABELS = frozenset({"skills"})


def normalized(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.findall(r"[^\W_]+", without_accents.casefold()))


@dataclass(frozen=True)
class CheckedValue:
    path: str  # "work[0].name"
    kind: str  # "work[].name": the path without positions, to compare two resumes field by field
    value: str
    is_date: bool


class SourceText:
    """The document's text, normalized once, for support checks and for locating evidence."""

    def __init__(self, document: Document, redaction: Redaction):
        self._lines = [(normalized(line.text), line) for line in document.lines]
        self._joined = " " + " ".join(text for text, _ in self._lines) + " "
        self._years = set(re.findall(r"\b(?:19|20)\d\d\b", document.text))
        self._redaction = redaction

    def supports(self, checked: CheckedValue) -> bool:
        if checked.is_date:
            return checked.value[:4] in self._years
        if checked.kind == "skills[].name" and normalized(checked.value) in GENERIC_LABELS:
            return True
        # A link may be printed without its scheme or "www." and still be the same link.
        value = normalized(re.sub(r"^(?:https?://)?(?:www\.)?", "", checked.value, flags=re.IGNORECASE))
        return self._redaction.is_contact_value(checked.value) or (
            bool(value) and f" {value} " in self._joined
        )

    def locate(self, checked: CheckedValue) -> Line | None:
        """The first line that prints the value; None for dates and values split over lines."""
        if checked.is_date:
            return None
        for form in [checked.value, *self._redaction.written_forms(checked.value)]:
            wanted = f" {normalized(form)} "
            for text, line in self._lines:
                if wanted in f" {text} ":
                    return line
        return None


def checked_values(model: BaseModel, path: str = "") -> Iterator[CheckedValue]:
    """Every checked value of a resume (or of one part of it), with its path."""
    checked = CHECKED_FIELDS.get(type(model), ())
    for name in type(model).model_fields:
        value = getattr(model, name)
        alias = _alias(model, name)
        here = f"{path}.{alias}" if path else alias
        if isinstance(value, BaseModel):
            yield from checked_values(value, here)
        elif isinstance(value, list) and name not in checked:
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from checked_values(item, f"{here}[{index}]")
        elif name in checked and isinstance(value, str):
            yield CheckedValue(here, _kind(here), value, name in DATE_FIELDS)
        elif name in checked and isinstance(value, list):
            for index, item in enumerate(value):
                yield CheckedValue(f"{here}[{index}]", _kind(here) + "[]", item, False)


def drop_unsupported(model: BaseModel, source: SourceText, path: str = "") -> int:
    """Remove unsupported values in place (and entries left without identity); return how many values."""
    dropped = 0
    checked = CHECKED_FIELDS.get(type(model), ())
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = f"{path}.{_alias(model, name)}" if path else _alias(model, name)
        if isinstance(value, BaseModel):
            dropped += drop_unsupported(value, source, here)
        elif name in checked and isinstance(value, str):
            if not source.supports(CheckedValue(here, _kind(here), value, name in DATE_FIELDS)):
                setattr(model, name, None)
                dropped += 1
        elif name in checked and isinstance(value, list):
            kept = [
                item for item in value if source.supports(CheckedValue(here, _kind(here) + "[]", item, False))
            ]
            dropped += len(value) - len(kept)
            setattr(model, name, kept)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            dropped += sum(drop_unsupported(item, source, f"{here}[{i}]") for i, item in enumerate(value))
            setattr(model, name, [item for item in value if _still_identified(item)])
    return dropped


def evidence(
    resume: ParsedResume, source: SourceText, confidence: Callable[[CheckedValue], float]
) -> list[FieldEvidence]:
    """One evidence record per checked value: its confidence and, where found, the line that prints it."""
    records = []
    for checked in checked_values(resume):
        line = source.locate(checked)
        records.append(
            FieldEvidence(
                path=checked.path,
                confidence=confidence(checked),
                page=line.page if line is not None else 0,
                box=_bounding_box(line.box) if line is not None and line.box != UNKNOWN_BOX else None,
            )
        )
    return records


def _bounding_box(box: Box) -> BoundingBox:
    return BoundingBox(left=box.left, top=box.top, right=box.right, bottom=box.bottom)


def _still_identified(model: BaseModel) -> bool:
    fields = IDENTITY_FIELDS.get(type(model))
    return fields is None or any(getattr(model, name) for name in fields)


def _alias(model: BaseModel, name: str) -> str:
    return type(model).model_fields[name].alias or name


def _kind(path: str) -> str:
    return re.sub(r"\[\d+\]", "[]", path)

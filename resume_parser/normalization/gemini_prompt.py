"""What the Gemini normalizer sends: instructions, the grouped layout as text, and the response schema."""

from __future__ import annotations

from functools import cache
from types import GenericAlias
from typing import Any

from google.genai import types
from pydantic import BaseModel, Field, create_model

from resume_parser.layout import GroupedDocument
from resume_parser.resume import DERIVED, PERSONAL_DETAILS_UNSET, Basics, Education, ParsedResume, Skill, Work

INSTRUCTIONS = """\
You turn one resume into JSON Resume data (jsonresume.org v1.0.0) that matches the response schema.

Rules:
- Use only what the document prints. Never guess, complete or invent a value; leave a field out when
  the document does not show it.
- Copy employers, positions, institutions, degrees, fields of study, skills, languages, certificates and
  project names exactly as printed: same words, same spelling, no translation, no expansion.
- Placeholders such as [NAME], [EMAIL_1], [PHONE_1] or [URL_1:github.com] stand for personal details.
  Copy them unchanged into the fields they belong to (name, email, phone, url, profiles[].url).
- Dates are "YYYY-MM", or "YYYY" when the document prints only a year. An ongoing role (Present,
  Current, Now, heute, seit, depuis, ...) has no endDate and isCurrent true.
- work[].name is the employer. Keep work and education entries in document order.
- skills: name is the group label when the document groups skills and keywords the individual skills;
  an ungrouped list is one entry named "Skills".
- basics.location.countryCode is the ISO 3166-1 alpha-2 code of a printed country.
"""

DRAFT_INTRODUCTION = """\
A local parser read the same document and produced the draft below. Correct it where the
document disagrees, complete it where it missed something, and answer with the full resume.
"""
UNSURE_FIELDS = """\
The parser is unsure only of these fields (JSON paths; a field it left out is among them): {paths}.
Check those against the document; keep the draft's other fields as they are.
"""


def draft_introduction(unsure: list[str] | None) -> str:
    """What the draft is, and which of its fields the model is asked about (all, when None)."""
    if not unsure:
        return DRAFT_INTRODUCTION
    return DRAFT_INTRODUCTION + UNSURE_FIELDS.format(paths=", ".join(unsure))


def render_layout(grouped: GroupedDocument) -> str:
    """The grouped layout as plain text: one block per section, its kind and heading, then its lines."""
    blocks = []
    for section in grouped.sections:
        heading = f": {section.heading.text}" if section.heading is not None else ""
        lines = "\n".join(line.text for line in section.lines)
        blocks.append(f"### {section.kind.value.upper()}{heading}\n{lines}")
    return "\n\n".join(blocks)


def retry_request(invalid_output: str, problem: str) -> list[types.Content]:
    """The turns appended after an invalid answer: the answer itself and what was wrong with it."""
    return [
        types.Content(role="model", parts=[types.Part(text=invalid_output or "(no answer)")]),
        types.Content(
            role="user",
            parts=[
                types.Part(
                    text=f"That answer was invalid: {problem}\n"
                    "Answer again with a single JSON object that matches the schema."
                )
            ],
        ),
    ]


@cache
def response_schema() -> type[BaseModel]:
    """ParsedResume without its `meta` block, the derived fields of its entries and the basics'
    personal details: provenance, evidence, enrichment and personal details are ours to fill, not
    the model's."""
    entries: dict[str, type[BaseModel]] = {"work": Work, "education": Education, "skills": Skill}
    basics_fields: dict[str, Any] = {
        name: (info.annotation, info)
        for name, info in Basics.model_fields.items()
        if name not in PERSONAL_DETAILS_UNSET  # read by rules (personal.py), never asked of the model
    }
    basics = create_model("Basics", __config__=Basics.model_config, **basics_fields)
    fields: dict[str, Any] = {
        name: (
            GenericAlias(list, _without_derived(entries[name])) if name in entries else info.annotation,
            info,
        )
        for name, info in ParsedResume.model_fields.items()
        if name != "meta"
    }
    fields["basics"] = (basics, Field(default_factory=basics))
    return create_model("Resume", __config__=ParsedResume.model_config, **fields)


def _without_derived(model: type[BaseModel]) -> type[BaseModel]:
    fields: dict[str, Any] = {
        name: (info.annotation, info)
        for name, info in model.model_fields.items()
        if info.json_schema_extra != DERIVED
    }
    return create_model(model.__name__, __config__=model.model_config, **fields)

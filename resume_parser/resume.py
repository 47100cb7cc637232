"""The parsed resume: a JSON Resume (jsonresume.org v1.0.0) subset as pydantic models.

These models are the single definition of the output shape: the normalizers produce them, the
Gemini response schema is derived from them, the `parse` CLI prints them, the database stores
them as JSONB and the gRPC layer maps them onto the ParsedResume proto message.
Field names follow JSON Resume (camelCase aliases), dates are "YYYY-MM" or "YYYY".
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")


def _check_partial_date(value: str | None) -> str | None:
    if value is not None and not _PARTIAL_DATE.match(value):
        raise ValueError(f"date must be YYYY-MM or YYYY, got {value!r}")
    return value


PartialDate = Annotated[str | None, AfterValidator(_check_partial_date)]

# Marks a field the enrichment step computes (resume_parser/enrichment), which no normalizer reads
# from the document: the Gemini response schema leaves such fields out.
DERIVED: dict[str, Any] = {"derived": True}


class _Model(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="ignore")

    def to_json_dict(self) -> dict[str, Any]:
        """The JSON Resume shape: camelCase keys, absent fields left out."""
        return self.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True, mode="json")


class Location(_Model):
    address: str | None = None
    postal_code: str | None = None
    city: str | None = None
    region: str | None = None
    country_code: str | None = None


class Profile(_Model):
    network: str | None = None
    username: str | None = None
    url: str | None = None


class Basics(_Model):
    name: str | None = None
    label: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Location | None = None
    profiles: list[Profile] = Field(default_factory=list)
    # Extensions beyond JSON Resume: personal details that CVs in Germany, France and Spain often
    # print, read from labelled lines (normalization/personal.py). The anonymized view drops them.
    date_of_birth: PartialDate = None
    age: int | None = None  # only when printed ("Alter: 34"), never computed
    gender: str | None = None  # "female" or "male", else as printed
    nationality: str | None = None  # as printed
    nationality_country_codes: list[str] = Field(default_factory=list)  # ISO 3166-1 alpha-2
    marital_status: str | None = None  # "single", "married", ... (see personal.py), else as printed
    has_photo: bool = False  # the document shows a photo of the candidate


# The personal-detail extensions of Basics, unset: what the anonymized view and a Gemini draft
# (whose model is never asked for them) hold.
PERSONAL_DETAILS_UNSET: dict[str, Any] = {
    "date_of_birth": None,
    "age": None,
    "gender": None,
    "nationality": None,
    "nationality_country_codes": [],
    "marital_status": None,
    "has_photo": False,
}


class Work(_Model):
    name: str | None = None
    position: str | None = None
    location: str | None = None
    url: str | None = None
    start_date: PartialDate = None
    end_date: PartialDate = None
    summary: str | None = None
    highlights: list[str] = Field(default_factory=list)
    is_current: bool = False
    # Derived (enrichment/title_families.py): the normalized occupation of `position`, a stable id
    # such as "software_development"; None when the title names no family the table knows.
    title_family: str | None = Field(default=None, json_schema_extra=DERIVED)


class Education(_Model):
    institution: str | None = None
    area: str | None = None
    study_type: str | None = None
    start_date: PartialDate = None
    end_date: PartialDate = None
    score: str | None = None
    courses: list[str] = Field(default_factory=list)
    # Derived (enrichment/isced.py): the ISCED 2011 level of the degree (3 upper secondary ...
    # 6 bachelor, 7 master, 8 doctorate); None when the entry does not say.
    isced_level: int | None = Field(default=None, ge=0, le=8, json_schema_extra=DERIVED)


class SkillExperience(_Model):
    """How long one skill was used at work (derived, enrichment/skill_experience.py)."""

    name: str  # the canonical skill name
    months_experience: int | None = None  # None: no dated work entry mentions it
    last_used: PartialDate = None  # the latest counted entry's end; the reference month when ongoing
    work_indices: list[int] = Field(default_factory=list)  # the work entries that mention it (0-based)


class Skill(_Model):
    name: str | None = None
    level: str | None = None
    keywords: list[str] = Field(default_factory=list)
    # One item per individual skill of the entry (its keywords, or its name when it has none).
    experience: list[SkillExperience] = Field(default_factory=list, json_schema_extra=DERIVED)


class Language(_Model):
    language: str | None = None
    fluency: str | None = None


class Certificate(_Model):
    name: str | None = None
    issuer: str | None = None
    date: PartialDate = None
    url: str | None = None


class Project(_Model):
    name: str | None = None
    description: str | None = None
    url: str | None = None
    start_date: PartialDate = None
    end_date: PartialDate = None
    highlights: list[str] = Field(default_factory=list)


class BoundingBox(_Model):
    left: float
    top: float
    right: float
    bottom: float


class FieldEvidence(_Model):
    """Where one output field was read from, and how sure the parser is of it."""

    path: str  # e.g. "basics.email", "work[0].name"
    confidence: float = Field(ge=0.0, le=1.0)
    page: int = 0  # 1-based; 0 when unknown
    box: BoundingBox | None = None


class DateRange(_Model):
    start: str  # YYYY-MM
    end: str  # YYYY-MM


class ParseMeta(_Model):
    """The `meta` extension block: provenance, derived facts and per-field evidence."""

    parser_version: str
    normalizer: str  # "local", "gemini", "hybrid"
    extractor: str | None = None
    reference_date: str | None = None  # YYYY-MM-DD used for "Present"
    total_experience_months: int | None = None
    experience_gaps: list[DateRange] = Field(default_factory=list)
    evidence: list[FieldEvidence] = Field(default_factory=list)
    usage: dict[str, int] = Field(default_factory=dict)  # e.g. LLM token counts


class ParsedResume(_Model):
    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    meta: ParseMeta | None = None

    def is_empty(self) -> bool:
        """True when nothing of a resume was recognized (the meta block does not count)."""
        return not self.model_dump(exclude={"meta"}, exclude_none=True, exclude_defaults=True)

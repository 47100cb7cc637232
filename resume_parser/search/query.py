"""A search request and its answer, and the checks every request passes before any work is done."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from resume_parser.errors import InvalidInputError
from resume_parser.resume import Basics, Work
from resume_parser.search.scoring import Check

MAX_QUERY_CHARACTERS = 8000
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class SearchMode(StrEnum):
    """How results are ranked. HYBRID is what callers get; the single rankers exist so that the
    retrieval benchmark can show what each contributes."""

    HYBRID = "hybrid"
    VECTOR = "vector"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class SearchQuery:
    text: str
    tenant_id: str = ""  # only this tenant's resumes are ever ranked ("" is the default tenant)
    job_post_id: str = ""  # empty: every job post
    created_after: datetime | None = None  # inclusive
    created_before: datetime | None = None  # exclusive
    page_size: int = 0  # 0: the default
    page_token: str = ""
    mode: SearchMode = SearchMode.HYBRID
    min_score: float | None = None  # None: the calibrated default (scoring.DEFAULT_MIN_SCORE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    resume_id: uuid.UUID
    score: float  # the match score, 0-1 (in the VECTOR and TEXT modes: that ranker's own score)
    name: str
    external_id: str
    matched_work: Work | None  # the past role closest to the query, as the explanation
    matched_skills: list[str] = field(default_factory=list)  # the resume's skills the query names
    matched_title: str = ""  # the resume's title that matched the query's role
    checks: list[Check] = field(default_factory=list)  # each requirement of the query, met or not
    basics: Basics = field(default_factory=Basics)  # the candidate's, for the anonymized view


@dataclass(frozen=True, slots=True)
class SearchPage:
    hits: list[SearchHit]
    next_page_token: str = ""  # empty on the last page
    below_threshold: int = 0  # resumes ranked but left out for scoring under min_score
    min_score: float = 0.0  # the threshold applied


def validated_text(query: SearchQuery) -> str:
    text = query.text.strip()
    if not text:
        raise InvalidInputError("query must not be empty", reason="QUERY_EMPTY")
    if len(query.text) > MAX_QUERY_CHARACTERS:
        raise InvalidInputError(
            f"query is longer than {MAX_QUERY_CHARACTERS} characters",
            reason="QUERY_TOO_LONG",
            metadata={"max_characters": str(MAX_QUERY_CHARACTERS)},
        )
    return text


def validated_page_size(query: SearchQuery) -> int:
    """0 means the default; sizes over the maximum are lowered to it (AIP-158)."""
    if query.page_size < 0:
        raise InvalidInputError("page_size must not be negative", reason="INVALID_PAGE_SIZE")
    return min(query.page_size or DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)


def validated_min_score(query: SearchQuery, default: float) -> float:
    if query.min_score is None:
        return default
    if not 0.0 <= query.min_score <= 1.0:
        raise InvalidInputError("min_match_score must be between 0 and 1", reason="INVALID_MIN_SCORE")
    return query.min_score


def validate_time_range(query: SearchQuery) -> None:
    after, before = query.created_after, query.created_before
    if after is not None and before is not None and after >= before:
        raise InvalidInputError(
            "created_after must be earlier than created_before", reason="INVALID_TIME_RANGE"
        )

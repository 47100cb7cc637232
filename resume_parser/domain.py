"""The service's core records: a resume's lifecycle stage, its stored state and its transitions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from resume_parser.errors import InvalidInputError
from resume_parser.resume import ParsedResume


class Stage(StrEnum):
    """Mirrors ats.resume.v1.Stage (without the STAGE_ prefix); stored by name in the database."""

    QUEUED = "QUEUED"
    EXTRACTING = "EXTRACTING"
    GROUPING = "GROUPING"
    NORMALIZING = "NORMALIZING"
    EMBEDDING = "EMBEDDING"
    PERSISTING = "PERSISTING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"

    @property
    def is_terminal(self) -> bool:
        return self in (Stage.COMPLETED, Stage.FAILED)


# The longest tenant id accepted (every request may carry one).
MAX_TENANT_ID = 128


def validated_tenant_id(tenant_id: str) -> str:
    if len(tenant_id) > MAX_TENANT_ID:
        raise InvalidInputError(
            f"tenant_id is longer than {MAX_TENANT_ID} characters", reason="FIELD_TOO_LONG"
        )
    return tenant_id


@dataclass(frozen=True, slots=True)
class StageError:
    """Why a resume failed: a google.rpc.Code, a stable reason and a message without personal data."""

    code: int
    reason: str
    message: str
    stage: Stage
    metadata: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "reason": self.reason,
            "message": self.message,
            "stage": self.stage.value,
            "metadata": self.metadata,
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> StageError:
        return StageError(
            code=int(data["code"]),
            reason=str(data["reason"]),
            message=str(data["message"]),
            stage=Stage(data["stage"]),
            metadata={str(k): str(v) for k, v in data.get("metadata", {}).items()},
        )


@dataclass(frozen=True, slots=True)
class ResumeEvent:
    """One stage transition: stored in PostgreSQL and published on the resume's pub/sub channel."""

    resume_id: uuid.UUID
    sequence: int
    stage: Stage
    attempt: int
    occurred_at: datetime
    error: StageError | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "resume_id": str(self.resume_id),
            "sequence": self.sequence,
            "stage": self.stage.value,
            "attempt": self.attempt,
            "occurred_at": self.occurred_at.isoformat(),
            "error": self.error.to_json() if self.error else None,
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> ResumeEvent:
        return ResumeEvent(
            resume_id=uuid.UUID(data["resume_id"]),
            sequence=int(data["sequence"]),
            stage=Stage(data["stage"]),
            attempt=int(data["attempt"]),
            occurred_at=datetime.fromisoformat(data["occurred_at"]),
            error=StageError.from_json(data["error"]) if data.get("error") else None,
        )


@dataclass(frozen=True, slots=True)
class NewResume:
    """What an upload creates: a stored file waiting for the pipeline."""

    filename: str
    declared_content_type: str
    media_type: str
    job_post_id: str
    external_id: str
    idempotency_key: str | None
    bucket: str
    key: str
    size_bytes: int
    sha256: str
    tenant_id: str = ""  # the default tenant


@dataclass(frozen=True, slots=True)
class ResumeRecord:
    """A resume as stored."""

    id: uuid.UUID
    stage: Stage
    sequence: int
    attempt: int
    filename: str
    media_type: str
    job_post_id: str
    external_id: str
    bucket: str
    key: str
    size_bytes: int
    sha256: str
    created_at: datetime
    updated_at: datetime
    error: StageError | None = None
    parsed: ParsedResume | None = None
    events: tuple[ResumeEvent, ...] = ()
    tenant_id: str = ""

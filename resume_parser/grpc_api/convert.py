"""Mapping between the service's records and the ats.resume.v1 messages."""

from __future__ import annotations

from datetime import datetime

from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2 as api
from google.protobuf import json_format
from google.protobuf.timestamp_pb2 import Timestamp

from resume_parser.anonymize import AnonymizationOptions
from resume_parser.domain import ResumeEvent, ResumeRecord, Stage, StageError
from resume_parser.errors import InvalidInputError
from resume_parser.redaction.redact import RedactedDocument
from resume_parser.redaction.regions import RegionKind
from resume_parser.resume import ParsedResume
from resume_parser.search import SearchPage
from resume_parser.search.scoring import Check, Status


def stage_to_pb(stage: Stage) -> pb.Stage.ValueType:
    return pb.Stage.Value(f"STAGE_{stage.value}")


def stage_from_pb(value: int) -> Stage | None:
    """None for STAGE_UNSPECIFIED (no filter)."""
    if value == pb.STAGE_UNSPECIFIED:
        return None
    return Stage(pb.Stage.Name(value).removeprefix("STAGE_"))  # type: ignore[arg-type]


def anonymization_from_pb(view: int, options: api.AnonymizationOptions) -> AnonymizationOptions | None:
    """The anonymization a request asks for; None for the full view."""
    if view not in pb.ResumeView.values():
        raise InvalidInputError(f"view {view} is not a ResumeView value", reason="INVALID_VIEW")
    wanted = AnonymizationOptions(
        redact_location=options.redact_location, redact_organizations=options.redact_organizations
    )
    if view != pb.RESUME_VIEW_ANONYMIZED:
        if wanted != AnonymizationOptions():
            raise InvalidInputError(
                "anonymization options need view RESUME_VIEW_ANONYMIZED", reason="ANONYMIZATION_WITHOUT_VIEW"
            )
        return None
    return wanted


def timestamp(moment: datetime) -> Timestamp:
    result = Timestamp()
    result.FromDatetime(moment)
    return result


def error_to_pb(error: StageError) -> pb.ResumeError:
    return pb.ResumeError(
        code=error.code,
        message=error.message,
        reason=error.reason,
        stage=stage_to_pb(error.stage),
        metadata=error.metadata,
    )


def parsed_to_pb(parsed: ParsedResume) -> pb.ParsedResume:
    """The pydantic field names are the proto field names, so the JSON mapping carries everything;
    extension data the contract does not model (e.g. token usage) is left out."""
    message = pb.ParsedResume()
    json_format.ParseDict(
        parsed.model_dump(exclude_none=True, mode="json"), message, ignore_unknown_fields=True
    )
    return message


def resume_to_pb(record: ResumeRecord, *, with_parsed: bool = True, anonymized: bool = False) -> pb.Resume:
    """`anonymized` only marks the message's view: the record is anonymized already (views.py)."""
    message = pb.Resume(
        id=str(record.id),
        stage=stage_to_pb(record.stage),
        filename=record.filename,
        content_type=record.media_type,
        job_post_id=record.job_post_id,
        tenant_id=record.tenant_id,
        external_id=record.external_id,
        size_bytes=record.size_bytes,
        sha256=record.sha256,
        attempt=record.attempt,
        sequence=record.sequence,
        create_time=timestamp(record.created_at),
        update_time=timestamp(record.updated_at),
        stage_timings=[
            pb.StageTiming(stage=stage_to_pb(e.stage), enter_time=timestamp(e.occurred_at))
            for e in record.events
        ],
        view=pb.RESUME_VIEW_ANONYMIZED if anonymized else pb.RESUME_VIEW_FULL,
    )
    if record.error is not None:
        message.error.CopyFrom(error_to_pb(record.error))
    if with_parsed and record.parsed is not None:
        message.parsed.CopyFrom(parsed_to_pb(record.parsed))
    return message


def event_to_pb(event: ResumeEvent) -> api.WatchResumeResponse:
    message = api.WatchResumeResponse(
        resume_id=str(event.resume_id),
        sequence=event.sequence,
        stage=stage_to_pb(event.stage),
        event_time=timestamp(event.occurred_at),
        attempt=event.attempt,
    )
    if event.error is not None:
        message.error.CopyFrom(error_to_pb(event.error))
    return message


_REQUIREMENT_KINDS = {
    "role": api.REQUIREMENT_KIND_ROLE,
    "skill": api.REQUIREMENT_KIND_SKILL,
    "experience": api.REQUIREMENT_KIND_EXPERIENCE,
    "location": api.REQUIREMENT_KIND_LOCATION,
    "language": api.REQUIREMENT_KIND_LANGUAGE,
    "education": api.REQUIREMENT_KIND_EDUCATION,
    "certificate": api.REQUIREMENT_KIND_CERTIFICATE,
    "seniority": api.REQUIREMENT_KIND_SENIORITY,
    "skill_experience": api.REQUIREMENT_KIND_SKILL_EXPERIENCE,
}
_REQUIREMENT_STATUSES = {
    Status.MET: api.REQUIREMENT_STATUS_MET,
    Status.PARTLY_MET: api.REQUIREMENT_STATUS_PARTLY_MET,
    Status.NOT_MET: api.REQUIREMENT_STATUS_NOT_MET,
    Status.UNKNOWN: api.REQUIREMENT_STATUS_UNKNOWN,
}


def check_to_pb(check: Check) -> api.RequirementCheck:
    return api.RequirementCheck(
        kind=_REQUIREMENT_KINDS[check.kind],
        requirement=check.requirement,
        status=_REQUIREMENT_STATUSES[check.status],
        evidence=check.evidence,
        score=check.score,
    )


def search_page_to_pb(page: SearchPage) -> api.SearchResumesResponse:
    results = []
    for hit in page.hits:
        result = api.SearchResult(
            resume_id=str(hit.resume_id),
            score=hit.score,
            name=hit.name or "",
            external_id=hit.external_id or "",
            matched_skills=hit.matched_skills,
            match_score=hit.score,
            matched_title=hit.matched_title,
            checks=[check_to_pb(check) for check in hit.checks],
        )
        if hit.matched_work is not None:
            json_format.ParseDict(
                hit.matched_work.model_dump(exclude_none=True, mode="json"),
                result.matched_work,
                ignore_unknown_fields=True,
            )
        results.append(result)
    return api.SearchResumesResponse(
        results=results,
        next_page_token=page.next_page_token,
        below_threshold_count=page.below_threshold,
        min_match_score=page.min_score,
    )


_REDACTION_KINDS = {
    RegionKind.PERSONAL_FIELD: api.REDACTION_KIND_PERSONAL_FIELD,
    RegionKind.PERSONAL_TEXT: api.REDACTION_KIND_PERSONAL_TEXT,
    RegionKind.PICTURE: api.REDACTION_KIND_PICTURE,
}


def redacted_document_to_pb(document: RedactedDocument) -> api.GetRedactedDocumentResponse:
    return api.GetRedactedDocumentResponse(
        content=document.content,
        content_type="application/pdf",
        page_count=document.page_count,
        redacted_regions=[
            api.RedactedRegionCount(kind=_REDACTION_KINDS[kind], count=count)
            for kind, count in sorted(document.regions.items(), key=lambda item: _REDACTION_KINDS[item[0]])
            if count
        ],
    )

"""ResumeService servicer: validate the transport-level request, call the service, map errors."""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC
from typing import Any, TypeVar

import grpc
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc

from resume_parser.grpc_api.convert import (
    anonymization_from_pb,
    event_to_pb,
    redacted_document_to_pb,
    resume_to_pb,
    search_page_to_pb,
    stage_from_pb,
)
from resume_parser.grpc_api.status import status_code_for, status_for
from resume_parser.redaction.service import RedactionService
from resume_parser.search import SearchQuery, SearchService
from resume_parser.service import ResumeService, UploadRequest, parse_resume_id
from resume_parser.views import page_in_view, record_in_view

log = logging.getLogger(__name__)
Response = TypeVar("Response")


async def _abort(context: grpc.aio.ServicerContext[Any, Any], error: Exception, method: str) -> None:
    if status_code_for(error) == grpc.StatusCode.INTERNAL:
        log.error("unexpected error", extra={"method": method, "error": type(error).__name__}, exc_info=error)
    await context.abort_with_status(status_for(error))


def _unary(
    handler: Callable[[Any, Any, grpc.aio.ServicerContext[Any, Any]], Awaitable[Response]],
) -> Callable[[Any, Any, grpc.aio.ServicerContext[Any, Any]], Awaitable[Response]]:
    @functools.wraps(handler)
    async def wrapper(self: Any, request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Response:
        try:
            return await handler(self, request, context)
        except Exception as error:
            await _abort(context, error, handler.__name__)
            raise  # abort_with_status raises; this keeps type checkers informed

    return wrapper


class ResumeServicer(api_grpc.ResumeServiceServicer):
    def __init__(self, service: ResumeService, search: SearchService, redaction: RedactionService):
        self._service = service
        self._search = search
        self._redaction = redaction

    @_unary
    async def UploadResume(
        self, request: api.UploadResumeRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> api.UploadResumeResponse:
        source = request.WhichOneof("source")
        record, created = await self._service.upload(
            UploadRequest(
                content=request.content if source == "content" else None,
                s3_uri=request.s3_uri if source == "s3_uri" else None,
                filename=request.filename,
                content_type=request.content_type,
                job_post_id=request.job_post_id,
                external_id=request.external_id,
                idempotency_key=request.idempotency_key,
                tenant_id=request.tenant_id,
            )
        )
        return api.UploadResumeResponse(resume=resume_to_pb(record), created=created)

    async def WatchResume(
        self, request: api.WatchResumeRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> AsyncIterator[api.WatchResumeResponse]:
        try:
            resume_id = parse_resume_id(request.resume_id)
            async for event in self._service.watch(resume_id, request.tenant_id):
                yield event_to_pb(event)
        except Exception as error:
            await _abort(context, error, "WatchResume")

    @_unary
    async def GetResume(
        self, request: api.GetResumeRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> api.GetResumeResponse:
        anonymization = anonymization_from_pb(request.view, request.anonymization)
        record = await self._service.get(parse_resume_id(request.resume_id), request.tenant_id)
        anonymized = anonymization is not None
        return api.GetResumeResponse(
            resume=resume_to_pb(record_in_view(record, anonymization), anonymized=anonymized)
        )

    @_unary
    async def ListResumes(
        self, request: api.ListResumesRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> api.ListResumesResponse:
        anonymization = anonymization_from_pb(request.view, request.anonymization)
        records, next_token = await self._service.list(
            tenant_id=request.tenant_id,
            job_post_id=request.job_post_id,
            stage=stage_from_pb(request.stage),
            page_size=request.page_size,
            page_token=request.page_token,
        )
        anonymized = anonymization is not None
        resumes = [
            resume_to_pb(
                record_in_view(r, anonymization, with_parsed=False), with_parsed=False, anonymized=anonymized
            )
            for r in records
        ]
        return api.ListResumesResponse(resumes=resumes, next_page_token=next_token)

    @_unary
    async def SearchResumes(
        self, request: api.SearchResumesRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> api.SearchResumesResponse:
        anonymization = anonymization_from_pb(request.view, request.anonymization)
        after, before = request.create_time_after, request.create_time_before
        page = await self._search.search(
            SearchQuery(
                text=request.query,
                tenant_id=request.tenant_id,
                job_post_id=request.job_post_id,
                created_after=after.ToDatetime(tzinfo=UTC) if request.HasField("create_time_after") else None,
                created_before=before.ToDatetime(tzinfo=UTC)
                if request.HasField("create_time_before")
                else None,
                page_size=request.page_size,
                page_token=request.page_token,
                min_score=request.min_match_score if request.HasField("min_match_score") else None,
            )
        )
        return search_page_to_pb(page_in_view(page, anonymization))

    @_unary
    async def DeleteResume(
        self, request: api.DeleteResumeRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> api.DeleteResumeResponse:
        await self._service.delete(parse_resume_id(request.resume_id), request.tenant_id)
        return api.DeleteResumeResponse()

    @_unary
    async def ReprocessResume(
        self, request: api.ReprocessResumeRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> api.ReprocessResumeResponse:
        record = await self._service.reprocess(parse_resume_id(request.resume_id), request.tenant_id)
        return api.ReprocessResumeResponse(resume=resume_to_pb(record))

    @_unary
    async def GetRedactedDocument(
        self, request: api.GetRedactedDocumentRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> api.GetRedactedDocumentResponse:
        document = await self._redaction.redacted_document(
            parse_resume_id(request.resume_id), request.tenant_id
        )
        return redacted_document_to_pb(document)

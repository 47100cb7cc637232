"""Errors to rich gRPC statuses: a google.rpc.Status with an ErrorInfo detail (reason, domain,
metadata), so Go callers can branch on the reason instead of parsing messages."""

from __future__ import annotations

import grpc
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status

from resume_parser.errors import (
    DocumentError,
    InvalidInputError,
    NotFoundError,
    NotReadyError,
    ResultTooLargeError,
    ResumeParserError,
)
from resume_parser.retry import is_transient

DOMAIN = "resume.ats"


def status_code_for(error: BaseException) -> grpc.StatusCode:
    if isinstance(error, InvalidInputError | DocumentError):  # e.g. a damaged ZIP found at upload
        return grpc.StatusCode.INVALID_ARGUMENT
    if isinstance(error, NotFoundError):
        return grpc.StatusCode.NOT_FOUND
    if isinstance(error, NotReadyError):
        return grpc.StatusCode.FAILED_PRECONDITION
    if isinstance(error, ResultTooLargeError):
        return grpc.StatusCode.RESOURCE_EXHAUSTED
    if is_transient(error):
        return grpc.StatusCode.UNAVAILABLE
    return grpc.StatusCode.INTERNAL


def rich_status(
    code: grpc.StatusCode, message: str, reason: str, metadata: dict[str, str] | None = None
) -> grpc.Status:
    info = any_pb2.Any()
    info.Pack(error_details_pb2.ErrorInfo(reason=reason, domain=DOMAIN, metadata=metadata or {}))
    status = status_pb2.Status(code=code.value[0], message=message, details=[info])
    converted: grpc.Status = rpc_status.to_status(status)
    return converted


def status_for(error: BaseException) -> grpc.Status:
    code = status_code_for(error)
    if isinstance(error, ResumeParserError):
        return rich_status(code, error.message, error.reason, error.metadata)
    if code == grpc.StatusCode.UNAVAILABLE:
        return rich_status(code, "a backing service is unavailable; retry with backoff", "UNAVAILABLE")
    return rich_status(code, "internal error", "INTERNAL")

"""The use case behind GetRedactedDocument: the tenant's completed resume, its stored file, and the
redaction run in a parser child process (never in the server's own process: the file is untrusted)."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from resume_parser.blobstore import BlobStore
from resume_parser.domain import Stage
from resume_parser.errors import NotReadyError, ResultTooLargeError, TransientError
from resume_parser.extraction.limits import ExtractionLimits
from resume_parser.redaction.redact import RedactedDocument, redact_document
from resume_parser.service import ResumeService

T = TypeVar("T")
log = logging.getLogger(__name__)


class Processes(Protocol):
    """Where the redaction runs: extraction/isolation.py's ParserProcesses."""

    async def run(self, function: Callable[..., T], *args: Any) -> T: ...


class RedactionService:
    def __init__(
        self,
        resumes: ResumeService,
        blobs: BlobStore,
        processes: Processes,
        limits: ExtractionLimits,
        *,
        max_bytes: int,
        deadline_seconds: float,
    ):
        self._resumes = resumes
        self._blobs = blobs
        self._processes = processes
        self._limits = limits
        self._max_bytes = max_bytes  # what one response message can carry
        self._deadline = deadline_seconds  # cancelling the run kills its child process

    async def redacted_document(self, resume_id: uuid.UUID, tenant_id: str) -> RedactedDocument:
        """The resume's original as a redacted PDF. NotFoundError for an unknown resume (or another
        tenant's), NotReadyError unless it is COMPLETED, ResultTooLargeError over `max_bytes`."""
        record = await self._resumes.get(resume_id, tenant_id)
        if record.stage != Stage.COMPLETED or record.parsed is None:
            raise NotReadyError(
                f"the resume is {record.stage.value}; a redacted document needs a COMPLETED resume",
                metadata={"stage": record.stage.value},
            )
        data = await self._blobs.get(record.bucket, record.key)
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self._deadline):
                document = await self._processes.run(
                    redact_document, data, record.media_type, record.parsed, self._limits
                )
        except TimeoutError:
            raise TransientError(
                f"redacting the document took longer than {self._deadline:.0f} s", reason="REDACTION_TIMEOUT"
            ) from None
        log.info(
            "document redacted",
            extra={
                "resume_id": str(record.id),
                "pages": document.page_count,
                "regions": sum(document.regions.values()),
                "duration_ms": round((time.perf_counter() - started) * 1000),
            },
        )
        if len(document.content) > self._max_bytes:
            raise ResultTooLargeError(
                f"the redacted document is {len(document.content)} bytes, over the {self._max_bytes} "
                "bytes one response can carry",
                reason="REDACTED_DOCUMENT_TOO_LARGE",
                metadata={"size_bytes": str(len(document.content)), "limit_bytes": str(self._max_bytes)},
            )
        return document

"""The pipeline: one resume through extract -> group -> normalize -> embed -> persist.

Every stage entered is a stored, published transition. A permanent error ends the resume in FAILED
with its reason; a transient one is retried by arq with backoff until the attempts run out.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import TypeVar

from arq import Retry
from grpc import StatusCode

from resume_parser.blobstore import BlobStore
from resume_parser.db.repository import EmbeddingVector, ResumeRepository
from resume_parser.domain import ResumeRecord, Stage, StageError
from resume_parser.embedding import Embedder
from resume_parser.errors import (
    DocumentError,
    DocumentLimitError,
    InvalidInputError,
    NormalizationError,
    NotFoundError,
    ResumeParserError,
)
from resume_parser.events import EventPublisher
from resume_parser.extraction import Extractor, SourceFile
from resume_parser.grouping import Grouper
from resume_parser.normalization import Normalizer
from resume_parser.observability import metrics, tracing
from resume_parser.resume import ParsedResume
from resume_parser.retry import backoff_seconds, is_transient
from resume_parser.search.document import full_text, resume_vectors
from resume_parser.search.facets import resume_facets
from resume_parser.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Stages:
    """The stage backends, chosen by configuration in bootstrap."""

    extractor: Extractor
    grouper: Grouper
    normalizer: Normalizer
    embedder: Embedder

    def computes_locally(self, stage: Stage) -> bool:
        """Whether the stage is local computation on the document, so that running out of time is a
        property of the file (permanent), not of a remote service (worth a retry)."""
        if stage == Stage.NORMALIZING:
            return self.normalizer.name == "local"
        return stage in (Stage.EXTRACTING, Stage.GROUPING)


def _status_code(error: BaseException) -> StatusCode:
    if isinstance(error, DocumentError | InvalidInputError):
        return StatusCode.INVALID_ARGUMENT
    if isinstance(error, NotFoundError):
        return StatusCode.NOT_FOUND
    if isinstance(error, TimeoutError):
        return StatusCode.DEADLINE_EXCEEDED
    if is_transient(error):
        return StatusCode.UNAVAILABLE
    return StatusCode.INTERNAL


def stage_error(error: BaseException, stage: Stage, *, exhausted: bool = False) -> StageError:
    code = _status_code(error).value[0]
    if isinstance(error, ResumeParserError):
        reason, message, metadata = error.reason, error.message, dict(error.metadata)
    elif isinstance(error, TimeoutError):
        reason, message, metadata = (
            "STAGE_DEADLINE_EXCEEDED",
            f"the {stage.value.lower()} stage timed out",
            {},
        )
    else:
        # Unexpected errors keep their type name only: their text may quote the document.
        reason, message, metadata = "INTERNAL", f"unexpected {type(error).__name__}", {}
    if exhausted:
        metadata["last_reason"] = reason
        reason, message = "RETRIES_EXHAUSTED", f"gave up after repeated transient failures: {message}"
    return StageError(code=code, reason=reason, message=message, stage=stage, metadata=metadata)


def _where(error: BaseException) -> str:
    """file:line of the innermost frame: enough to find a bug without logging a message that may
    quote the document."""
    tb = error.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}" if tb else "?"


class Pipeline:
    def __init__(
        self,
        settings: Settings,
        repository: ResumeRepository,
        blobs: BlobStore,
        publisher: EventPublisher,
        stages: Stages,
    ):
        self.settings = settings
        self.repository = repository
        self.blobs = blobs
        self.publisher = publisher
        self.stages = stages

    async def run(self, resume_id: uuid.UUID, attempt: int) -> None:
        record = await self.repository.get(resume_id)
        if record is None or record.stage.is_terminal:
            return  # deleted, or a duplicate delivery of a finished job
        await _Run(self, record, attempt).execute()


class _Run:
    """One attempt at one resume; remembers the stage it is in for the failure report."""

    def __init__(self, pipeline: Pipeline, record: ResumeRecord, attempt: int):
        self.p = pipeline
        self.record = record
        self.attempt = attempt
        self.stage = Stage.QUEUED

    async def execute(self) -> None:
        try:
            parsed, vectors = await self._process()
            await self._enter(Stage.PERSISTING)
            event = await self.p.repository.complete(
                self.record.id,
                parsed,
                vectors,
                attempt=self.attempt,
                search_text=full_text(parsed),
                search_facets=resume_facets(parsed).to_json(),
            )
            if event is not None:
                await self.p.publisher.publish(event)
            log.info("resume completed", extra={"resume_id": str(self.record.id), "attempt": self.attempt})
        except Retry:
            raise
        except Exception as error:
            await self._handle_failure(error)

    async def _process(self) -> tuple[ParsedResume, list[EmbeddingVector]]:
        stages, record = self.p.stages, self.record
        await self._enter(Stage.EXTRACTING)
        data = await self.p.blobs.get(record.bucket, record.key)
        source = SourceFile(data=data, media_type=record.media_type, bucket=record.bucket, key=record.key)
        document = await self._timed(stages.extractor.extract(source))

        await self._enter(Stage.GROUPING)
        grouped = await self._timed(asyncio.to_thread(stages.grouper.group, document))

        await self._enter(Stage.NORMALIZING)
        parsed = await self._timed(stages.normalizer.normalize(grouped))
        if parsed.is_empty():
            raise NormalizationError("no resume content was recognized", reason="NOTHING_RECOGNIZED")

        await self._enter(Stage.EMBEDDING)
        vectors = await self._timed(self._embed(parsed))
        return parsed, vectors

    async def _embed(self, parsed: ParsedResume) -> list[EmbeddingVector]:
        return await resume_vectors(parsed, self.p.stages.embedder)

    async def _enter(self, stage: Stage) -> None:
        self.stage = stage
        event = await self.p.repository.transition(self.record.id, stage, attempt=self.attempt)
        if event is None:
            raise NotFoundError("the resume was deleted or finished while processing", reason="RESUME_GONE")
        await self.p.publisher.publish(event)

    async def _timed(self, work: Awaitable[T]) -> T:
        started = time.perf_counter()
        deadline = self.p.settings.stage_deadline_seconds
        stage, backend = self.stage.value, self._backend()
        try:
            with tracing.stage_span(stage, backend), metrics.time_stage(stage, backend):
                result = await asyncio.wait_for(work, deadline)
        except TimeoutError:
            if self.p.stages.computes_locally(self.stage):
                # Reading this document again would take just as long: it is not worth a retry.
                raise DocumentLimitError(
                    f"reading the document took longer than {deadline:.0f} s", reason="DOCUMENT_TOO_COMPLEX"
                ) from None
            raise
        seconds = round(time.perf_counter() - started, 4)
        log.info(
            "stage finished",
            extra={"resume_id": str(self.record.id), "stage": self.stage.value, "seconds": seconds},
        )
        return result

    def _backend(self) -> str:
        settings = self.p.settings
        backends = {
            Stage.EXTRACTING: settings.extract_backend.value,
            Stage.NORMALIZING: settings.normalize_backend.value,
            Stage.EMBEDDING: settings.embed_backend.value,
        }
        return backends.get(self.stage, "local")

    async def _handle_failure(self, error: Exception) -> None:
        if isinstance(error, NotFoundError) and error.reason == "RESUME_GONE":
            return  # deleted mid-pipeline: nothing left to record
        settings, ids = self.p.settings, {"resume_id": str(self.record.id), "stage": self.stage.value}
        permanent = isinstance(
            error, DocumentError | InvalidInputError | NormalizationError
        ) or not is_transient(error)
        exhausted = not permanent and self.attempt >= settings.job_max_tries
        if not permanent and not exhausted:
            delay = backoff_seconds(
                self.attempt, base=settings.retry_base_seconds, cap=settings.retry_max_seconds
            )
            log.warning(
                "transient failure, retrying",
                extra={**ids, "attempt": self.attempt, "error": type(error).__name__},
            )
            metrics.record_retry(self.stage.value, error)
            raise Retry(defer=delay) from error
        failure = stage_error(error, self.stage, exhausted=exhausted)
        extra = {**ids, "reason": failure.reason, "error": type(error).__name__}
        if not isinstance(error, ResumeParserError):
            extra["where"] = _where(error)
        log.warning("resume failed", extra=extra)
        event = await self.p.repository.transition(
            self.record.id, Stage.FAILED, attempt=self.attempt, error=failure
        )
        if event is not None:
            await self.p.publisher.publish(event)

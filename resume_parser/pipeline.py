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
from datetime import UTC, date, datetime
from typing import TypeVar

from arq import Retry
from grpc import StatusCode

from resume_parser.blobstore import BlobStore
from resume_parser.db.repository import EmbeddingVector, ResumeRepository
from resume_parser.domain import ResumeEvent, ResumeRecord, Stage, StageError
from resume_parser.embedding import Embedder
from resume_parser.enrichment.enrich import enrich
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
from resume_parser.observability.timings import StepTimings
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

    async def run(self, resume_id: uuid.UUID, attempt: int, *, queue_ms: float | None = None) -> None:
        """One attempt; `queue_ms` (how long the job waited in the queue) goes into its log line."""
        await _Run(self, resume_id, attempt, queue_ms).execute()


class _Transitions:
    """A run's transitions, stored and published in order while the stages' work goes on.

    Storing a transition waits for PostgreSQL to flush its log to disk, longer than grouping or
    normalizing a page takes. So entering a stage only records it, with the time it was entered;
    one task stores the recorded transitions one after the other, each in its own statement, and
    publishes each event once it is stored. The run waits for them (`stored`) before it stores
    its result or its failure, so watchers see the same history as if each stage had waited for
    its transition, and a worker killed at any point leaves a prefix of it in PostgreSQL.

    They are not stored several in one statement: the stored stage would then run ahead of the
    last one published, and a worker killed in between would be found in a stage no watcher saw.
    """

    def __init__(self, run: _Run):
        self._run = run
        self._entered: list[tuple[Stage, float]] = []
        self._task: asyncio.Task[None] | None = None

    def enter(self, stage: Stage) -> None:
        self._entered.append((stage, time.time()))
        task = self._task
        # A task that failed is not replaced: `stored` raises its error, and no transition may be
        # stored after one that was not.
        if task is None or (task.done() and not task.cancelled() and task.exception() is None):
            self._task = asyncio.create_task(self._store(), name=f"transitions-{self._run.resume_id}")

    async def stored(self) -> None:
        """Return once every stage entered so far is stored and published; raise what stopped that
        (NotFoundError RESUME_GONE when the resume was deleted or finished elsewhere)."""
        if self._task is not None:
            await asyncio.shield(self._task)

    def cancel(self) -> None:
        """The job itself was cancelled (its timeout, a shutdown): stop storing. Otherwise `stored`
        has already been awaited and this does nothing."""
        if self._task is None:
            return
        if not self._task.done():
            self._task.cancel()
        elif not self._task.cancelled():
            self._task.exception()  # retrieved: a failure nobody awaited is not logged again at exit

    async def _store(self) -> None:
        run = self._run
        while self._entered:
            stage, entered_at = self._entered.pop(0)
            at = datetime.fromtimestamp(entered_at, UTC)
            event = await run.p.repository.transition(run.resume_id, stage, attempt=run.attempt, at=at)
            # From entering the stage to its transition being stored, waiting for the one before included.
            run.timings.ms[f"store {stage.value}"] = round((time.time() - entered_at) * 1000, 2)
            if event is None:
                raise NotFoundError(
                    "the resume was deleted or finished while processing", reason="RESUME_GONE"
                )
            await run._publish(event)


class _Run:
    """One attempt at one resume; remembers the stage it is in for the failure report."""

    def __init__(self, pipeline: Pipeline, resume_id: uuid.UUID, attempt: int, queue_ms: float | None):
        self.p = pipeline
        self.resume_id = resume_id
        self.attempt = attempt
        self.queue_ms = queue_ms
        self.stage = Stage.QUEUED
        self.timings = StepTimings()
        self.transitions = _Transitions(self)

    async def execute(self) -> None:
        try:
            record = await self._start()
            if record is None:
                return  # deleted, or a duplicate delivery of a finished job
            parsed, vectors = await self._process(record)
            self._enter(Stage.PERSISTING)
            with self.timings.step(Stage.PERSISTING.value):
                # The vectors are written while the last transitions are stored; COMPLETED after them.
                event = await self.p.repository.complete(
                    self.resume_id,
                    parsed,
                    vectors,
                    attempt=self.attempt,
                    search_text=full_text(parsed),
                    search_facets=resume_facets(parsed).to_json(),
                    ready=self.transitions.stored,
                )
            if event is None:
                raise NotFoundError(
                    "the resume was deleted or finished while processing", reason="RESUME_GONE"
                )
            await self._publish(event)
            log.info("resume completed", extra=self._log_fields())
        except Retry:
            raise
        except Exception as error:
            await self._handle_failure(error)
        finally:
            self.transitions.cancel()  # only if the job itself was cancelled: otherwise all are stored

    async def _start(self) -> ResumeRecord | None:
        """Read the resume and enter EXTRACTING. The transition is stored while the file is read."""
        self.stage = Stage.EXTRACTING
        with self.timings.step("read row"):
            record = await self.p.repository.find(self.resume_id)
        if record is None or record.stage in (Stage.COMPLETED, Stage.FAILED):
            return None
        self._enter(Stage.EXTRACTING)
        return record

    async def _process(self, record: ResumeRecord) -> tuple[ParsedResume, list[EmbeddingVector]]:
        stages = self.p.stages
        with self.timings.step("read file"):
            data = await self.p.blobs.get(record.bucket, record.key)
        source = SourceFile(data=data, media_type=record.media_type, bucket=record.bucket, key=record.key)
        document = await self._timed(stages.extractor.extract(source))
        self._enter(Stage.GROUPING)
        grouped = await self._timed(asyncio.to_thread(stages.grouper.group, document))
        self._enter(Stage.NORMALIZING)
        parsed = await self._timed(stages.normalizer.normalize(grouped))
        if parsed.is_empty():
            raise NormalizationError("no resume content was recognized", reason="NOTHING_RECOGNIZED")
        parsed = enrich(parsed, date.today())  # here, so that every normalizer's output gets it
        self._enter(Stage.EMBEDDING)
        vectors = await self._timed(self._embed(parsed))
        return parsed, vectors

    async def _embed(self, parsed: ParsedResume) -> list[EmbeddingVector]:
        return await resume_vectors(parsed, self.p.stages.embedder)

    def _enter(self, stage: Stage) -> None:
        """Enter `stage`: its transition is stored and published in the background (_Transitions)."""
        self.stage = stage
        self.transitions.enter(stage)

    async def _publish(self, event: ResumeEvent) -> None:
        self.timings.published(event.stage.value)
        with self.timings.step(f"publish {event.stage.value}"):
            await self.p.publisher.publish(event)

    def _log_fields(self) -> dict[str, object]:
        ids = {"resume_id": str(self.resume_id), "attempt": self.attempt, "queue_ms": self.queue_ms}
        return ids | self.timings.fields()

    async def _timed(self, work: Awaitable[T]) -> T:
        started = time.perf_counter()
        deadline = self.p.settings.stage_deadline_seconds
        stage, backend = self.stage.value, self._backend()
        try:
            with (
                tracing.stage_span(stage, backend),
                metrics.time_stage(stage, backend),
                self.timings.step(stage),
            ):
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
            extra={"resume_id": str(self.resume_id), "stage": self.stage.value, "seconds": seconds},
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
        try:
            await self.transitions.stored()  # the stages entered come first in the history
        except Exception as unstored:
            error = unstored  # the resume is gone, or the database unreachable: that is the failure now
        if isinstance(error, NotFoundError) and error.reason == "RESUME_GONE":
            return  # deleted mid-pipeline: nothing left to record
        settings, ids = self.p.settings, {"resume_id": str(self.resume_id), "stage": self.stage.value}
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
            self.resume_id, Stage.FAILED, attempt=self.attempt, error=failure
        )
        if event is not None:
            await self._publish(event)

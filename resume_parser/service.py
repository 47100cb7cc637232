"""Application service: the use cases behind the RPCs. The gRPC servicer validates transport-level
details and maps errors; everything the service promises (idempotency, nothing lost, ordering of
watch events) is decided here."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

from resume_parser import pagination
from resume_parser.blobstore import BlobStore, content_key, parse_s3_uri
from resume_parser.db.repository import PageCursor, ResumeRepository
from resume_parser.domain import (
    MAX_TENANT_ID,
    NewResume,
    ResumeEvent,
    ResumeRecord,
    Stage,
    validated_tenant_id,
)
from resume_parser.errors import (
    FileTooLargeError,
    InvalidInputError,
    NotFoundError,
    ResumeParserError,
    TransientError,
)
from resume_parser.events import EventHub, EventPublisher
from resume_parser.extraction.filetype import detect_media_type
from resume_parser.jobqueue import JobQueue
from resume_parser.observability.timings import StepTimings
from resume_parser.settings import Settings

log = logging.getLogger(__name__)

MAX_IDEMPOTENCY_KEY = 128
MAX_ID_LENGTH = 256
MAX_FILENAME = 512
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


@dataclass(frozen=True, slots=True)
class UploadRequest:
    content: bytes | None
    s3_uri: str | None
    filename: str = ""
    content_type: str = ""
    job_post_id: str = ""
    external_id: str = ""
    idempotency_key: str = ""
    tenant_id: str = ""


def parse_resume_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise InvalidInputError("resume_id must be a UUID", reason="INVALID_RESUME_ID") from None


def _check_lengths(request: UploadRequest) -> None:
    limits = {
        "tenant_id": (request.tenant_id, MAX_TENANT_ID),
        "idempotency_key": (request.idempotency_key, MAX_IDEMPOTENCY_KEY),
        "job_post_id": (request.job_post_id, MAX_ID_LENGTH),
        "external_id": (request.external_id, MAX_ID_LENGTH),
        "filename": (request.filename, MAX_FILENAME),
    }
    for name, (value, limit) in limits.items():
        if len(value) > limit:
            raise InvalidInputError(f"{name} is longer than {limit} characters", reason="FIELD_TOO_LONG")


class ResumeService:
    def __init__(
        self,
        settings: Settings,
        repository: ResumeRepository,
        blobs: BlobStore,
        queue: JobQueue,
        hub: EventHub | None = None,
        publisher: EventPublisher | None = None,
    ):
        self._settings = settings
        self._repository = repository
        self._blobs = blobs
        self._queue = queue
        self._hub = hub
        self._publisher = publisher

    async def upload(self, request: UploadRequest) -> tuple[ResumeRecord, bool]:
        """Store the file, create the QUEUED resume and enqueue its job. Returns (resume, created)."""
        _check_lengths(request)
        if (request.content is None) == (request.s3_uri is None):
            raise InvalidInputError("exactly one of content or s3_uri is required", reason="MISSING_SOURCE")
        if request.idempotency_key:
            existing = await self._repository.get_by_idempotency_key(
                request.tenant_id, request.idempotency_key
            )
            if existing is not None:
                await self._ensure_queued(existing)
                return existing, False
        timings = StepTimings()
        data = request.content if request.content is not None else await self._fetch(request.s3_uri or "")
        media_type = self._validate_file(data)
        sha256, key = content_key(data)
        with timings.step("store file"):
            await self._blobs.put(key, data, media_type)
        with timings.step("create row"):
            record, created = await self._repository.create(
                NewResume(
                    filename=request.filename,
                    declared_content_type=request.content_type,
                    media_type=media_type,
                    job_post_id=request.job_post_id,
                    external_id=request.external_id,
                    idempotency_key=request.idempotency_key or None,
                    bucket=self._blobs.bucket,
                    key=key,
                    size_bytes=len(data),
                    sha256=sha256,
                    tenant_id=request.tenant_id,
                )
            )
        with timings.step("enqueue"):
            await self._ensure_queued(record)
        log.info("resume uploaded", extra={"resume_id": str(record.id), "new": created, **timings.fields()})
        return record, created

    def _validate_file(self, data: bytes) -> str:
        if not data:
            raise InvalidInputError("the file is empty", reason="EMPTY_FILE")
        if len(data) > self._settings.max_upload_bytes:
            raise FileTooLargeError(
                f"the file is larger than {self._settings.max_upload_bytes} bytes",
                metadata={"limit_bytes": str(self._settings.max_upload_bytes)},
            )
        return detect_media_type(data)

    async def _fetch(self, uri: str) -> bytes:
        bucket, key = parse_s3_uri(uri)
        if bucket != self._blobs.bucket:
            raise InvalidInputError(
                "s3_uri must name an object in the service's bucket", reason="FOREIGN_BUCKET"
            )
        try:
            size = await self._blobs.size(bucket, key)
        except NotFoundError:
            raise InvalidInputError(
                "the s3_uri object does not exist", reason="S3_OBJECT_NOT_FOUND"
            ) from None
        if size > self._settings.max_upload_bytes:
            raise FileTooLargeError(f"the file is larger than {self._settings.max_upload_bytes} bytes")
        return await self._blobs.get(bucket, key)  # its size was checked just above

    async def _ensure_queued(self, record: ResumeRecord, *, again: bool = False) -> None:
        """A QUEUED resume must have a job (`again`: a new one, see JobQueue.enqueue). If Redis is
        down, the row is safe in PostgreSQL and the worker's sweeper enqueues it later, so the
        upload still succeeds."""
        if record.stage != Stage.QUEUED:
            return
        try:
            await self._queue.enqueue(record.id, again=again)
        except (OSError, ConnectionError, ResumeParserError) as error:
            log.warning(
                "enqueue deferred to the sweeper",
                extra={"resume_id": str(record.id), "error": type(error).__name__},
            )

    async def get(self, resume_id: uuid.UUID, tenant_id: str) -> ResumeRecord:
        """The tenant's resume; another tenant's is NOT_FOUND, as if it did not exist."""
        record = await self._repository.get(resume_id, tenant_id=validated_tenant_id(tenant_id))
        if record is None:
            raise NotFoundError("no resume with that id")
        return record

    async def list(
        self, *, tenant_id: str, job_post_id: str, stage: Stage | None, page_size: int, page_token: str
    ) -> tuple[list[ResumeRecord], str]:
        if page_size < 0:
            raise InvalidInputError("page_size must not be negative", reason="INVALID_PAGE_SIZE")
        size = min(page_size or DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
        filters = {
            "tenant_id": validated_tenant_id(tenant_id),
            "job_post_id": job_post_id,
            "stage": stage.value if stage else "",
        }
        cursor = pagination.decode(page_token, filters)
        records = await self._repository.list_page(
            tenant_id=tenant_id, job_post_id=job_post_id, stage=stage, limit=size + 1, after=cursor
        )
        next_token = ""
        if len(records) > size:
            records = records[:size]
            last = records[-1]
            next_token = pagination.encode(PageCursor(last.created_at, last.id), filters)
        return records, next_token

    async def watch(self, resume_id: uuid.UUID, tenant_id: str) -> AsyncIterator[ResumeEvent]:
        """The current state, then every later transition exactly once, until a terminal stage.

        Subscribe first, then read the state: a transition committed in between arrives on the
        subscription and is dropped by its sequence number instead of being lost.
        """
        if self._hub is None:
            raise RuntimeError("watch needs an EventHub")
        async with self._hub.subscribe(resume_id) as queue:
            self._raise_if_closing()
            record = await self.get(resume_id, tenant_id)
            current = ResumeEvent(
                record.id, record.sequence, record.stage, record.attempt, record.updated_at, record.error
            )
            yield current
            last, stage = current.sequence, current.stage
            while not stage.is_terminal:
                try:
                    message = await asyncio.wait_for(queue.get(), self._hub.poll_seconds)
                except TimeoutError:
                    message = None
                self._raise_if_closing()
                if message is not None and message.sequence == last + 1:
                    pending = [message]
                elif message is not None and message.sequence <= last:
                    continue  # already sent
                else:  # a gap, a resync request, or a quiet period: the database has the truth
                    pending = await self._repository.events_after(resume_id, last)
                for event in pending:
                    yield event
                    last, stage = event.sequence, event.stage

    def _raise_if_closing(self) -> None:
        if self._hub is not None and self._hub.closing:
            raise TransientError(
                "the server is shutting down; call WatchResume again to resume", reason="SERVER_SHUTTING_DOWN"
            )

    async def delete(self, resume_id: uuid.UUID, tenant_id: str) -> None:
        """Erase the tenant's resume's rows (events and embeddings cascade) and, unless another
        resume shares the same content-addressed file, its S3 object. Deleting twice is fine, and
        so is deleting another tenant's resume: it does not exist for this one, so nothing happens."""
        deleted = await self._repository.delete(resume_id, tenant_id=validated_tenant_id(tenant_id))
        if deleted is None:
            return
        bucket, key, still_referenced = deleted
        if not still_referenced:
            await self._blobs.delete(bucket, key)

    async def reprocess(self, resume_id: uuid.UUID, tenant_id: str) -> ResumeRecord:
        record = await self.get(resume_id, tenant_id)
        if not record.stage.is_terminal:
            raise InvalidInputError("the resume is still being processed", reason="RESUME_BUSY")
        event = await self._repository.requeue(resume_id)
        if event is not None and self._publisher is not None:
            await self._publisher.publish(event)
        record = await self.get(resume_id, tenant_id)
        await self._ensure_queued(record, again=True)  # its last job may have finished a moment ago
        return record

"""The stuck-job sweeper: no resume stays in a running stage forever.

A resume whose last transition is older than the stage deadline lost its job somehow (Redis lost
the queue, a job expired, a worker died while recording a failure). It is re-enqueued while it has
attempts left, otherwise failed with STALLED.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from grpc import StatusCode

from resume_parser.db.repository import ResumeRepository
from resume_parser.domain import Stage, StageError
from resume_parser.events import EventPublisher
from resume_parser.jobqueue import JobQueue

log = logging.getLogger(__name__)


class Sweeper:
    def __init__(
        self,
        repository: ResumeRepository,
        queue: JobQueue,
        publisher: EventPublisher,
        *,
        stall_after_seconds: float,
        max_attempts: int,
    ):
        self._repository = repository
        self._queue = queue
        self._publisher = publisher
        self._stall_after = timedelta(seconds=stall_after_seconds)
        self._max_attempts = max_attempts

    async def sweep(self) -> int:
        """Returns how many resumes were re-enqueued or failed."""
        acted = 0
        for record in await self._repository.stalled(datetime.now(UTC) - self._stall_after):
            if record.attempt >= self._max_attempts:
                error = StageError(
                    code=StatusCode.DEADLINE_EXCEEDED.value[0],
                    reason="STALLED",
                    message="no progress within the stage deadline and no attempts left",
                    stage=record.stage,
                )
                event = await self._repository.transition(
                    record.id, Stage.FAILED, attempt=record.attempt, error=error
                )
                if event is not None:
                    await self._publisher.publish(event)
            else:
                # The arq job id is the resume id: if the job is still queued or running this is a no-op.
                await self._queue.enqueue(record.id, again=True)
                await self._repository.touch(record.id)
            log.info("stalled resume swept", extra={"resume_id": str(record.id), "stage": record.stage.value})
            acted += 1
        return acted

"""Enqueueing pipeline jobs on arq. The arq job id is the resume id, so enqueueing twice is a no-op.

Every new job is announced on WAKE_CHANNEL, which the workers listen to (worker.PromptWorker), so a
job starts in milliseconds instead of at a worker's next poll of the queue. The message is only a
hint: the job is in the queue before it is sent, and a worker that misses it finds the job when
it polls anyway.
"""

from __future__ import annotations

import logging
import uuid

from arq.connections import ArqRedis, RedisSettings, create_pool
from arq.constants import result_key_prefix
from redis.exceptions import RedisError

from resume_parser.observability import tracing

PROCESS_RESUME = "process_resume"
WAKE_CHANNEL = "resume-parser:job-enqueued"
# How long a worker keeps a finished job's record. A job may now finish within a second of its
# upload: while its record is kept, enqueueing the same resume again is still a no-op.
FINISHED_JOB_SECONDS = 60

log = logging.getLogger(__name__)


def redis_settings(redis_url: str) -> RedisSettings:
    settings = RedisSettings.from_dsn(redis_url)
    settings.conn_retries = 3
    return settings


class JobQueue:
    def __init__(self, redis: ArqRedis):
        self.redis = redis

    @classmethod
    async def connect(cls, redis_url: str) -> JobQueue:
        return cls(await create_pool(redis_settings(redis_url)))

    async def close(self) -> None:
        await self.redis.aclose()

    async def enqueue(self, resume_id: uuid.UUID, *, again: bool = False) -> bool:
        """Queue the resume's pipeline job; False when that job is queued, running or just finished.
        `again` (reprocessing, the sweeper): forget a finished job first, to run the pipeline anew."""
        if again:
            await self.redis.delete(result_key_prefix + str(resume_id))
        job = await self.redis.enqueue_job(
            PROCESS_RESUME, str(resume_id), trace_context=tracing.inject(), _job_id=str(resume_id)
        )
        if job is not None:
            await self._wake_workers()
        return job is not None

    async def _wake_workers(self) -> None:
        try:
            await self.redis.publish(WAKE_CHANNEL, b"")
        except (RedisError, OSError) as error:  # the job is queued: a worker's poll will find it
            log.warning("worker wake-up not sent", extra={"error": type(error).__name__})

    async def depth(self) -> int:
        return int(await self.redis.zcard(self.redis.default_queue_name))

"""Enqueueing pipeline jobs on arq. The arq job id is the resume id, so enqueueing twice is a no-op."""

from __future__ import annotations

import uuid

from arq.connections import ArqRedis, RedisSettings, create_pool

from resume_parser.observability import tracing

PROCESS_RESUME = "process_resume"


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

    async def enqueue(self, resume_id: uuid.UUID) -> bool:
        """Queue the resume's pipeline job; False when that job is already queued or running."""
        job = await self.redis.enqueue_job(
            PROCESS_RESUME, str(resume_id), trace_context=tracing.inject(), _job_id=str(resume_id)
        )
        return job is not None

    async def depth(self) -> int:
        return int(await self.redis.zcard(self.redis.default_queue_name))

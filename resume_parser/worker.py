"""The arq worker: runs pipeline jobs and the stuck-job sweeper. Scale out by starting more workers
against the same Redis and PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from datetime import UTC, datetime
from typing import Any

from arq import cron, func
from arq.worker import Worker
from redis.asyncio import Redis
from redis.exceptions import RedisError

from resume_parser.bootstrap import build_container, build_pipeline
from resume_parser.jobqueue import FINISHED_JOB_SECONDS, PROCESS_RESUME, WAKE_CHANNEL, redis_settings
from resume_parser.observability import tracing
from resume_parser.settings import Settings
from resume_parser.sweeper import Sweeper

log = logging.getLogger(__name__)


async def process_resume(
    ctx: dict[str, Any], resume_id: str, trace_context: dict[str, str] | None = None
) -> None:
    attributes = {"resume_id": resume_id, "attempt": ctx["job_try"]}
    queued = datetime.now(UTC) - ctx["enqueue_time"]  # since the job was first enqueued
    with tracing.job_span(PROCESS_RESUME, trace_context, attributes):
        await ctx["pipeline"].run(
            uuid.UUID(resume_id), attempt=ctx["job_try"], queue_ms=round(queued.total_seconds() * 1000, 1)
        )


async def sweep_stalled(ctx: dict[str, Any]) -> int:
    count: int = await ctx["sweeper"].sweep()
    return count


async def _startup(ctx: dict[str, Any]) -> None:
    settings: Settings = ctx["settings"]
    container = await build_container(settings)
    ctx["container"] = container
    ctx["pipeline"] = build_pipeline(container)
    ctx["sweeper"] = Sweeper(
        container.repository,
        container.queue,
        container.publisher,
        stall_after_seconds=settings.job_timeout_seconds + 60,
        max_attempts=settings.job_max_tries,
    )


async def _shutdown(ctx: dict[str, Any]) -> None:
    if "container" in ctx:
        await ctx["container"].close()


class PromptWorker(Worker):
    """arq's worker, woken as soon as a job is enqueued or one of its own jobs finishes, instead of
    only every `poll_delay`. It still polls every `poll_delay` seconds: that finds the jobs whose
    wake-up message was lost (the listener reconnecting, Redis restarting), deferred retries coming
    due and jobs of a dead worker whose lease expired.

    It hooks two methods of arq's Worker (pinned in pyproject.toml): the poll loop's iteration,
    which waits for a wake-up instead of arq's fixed sleep, and the callback that frees a job slot.
    """

    def __init__(self, *args: Any, redis_url: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._redis_url = redis_url
        self._wake = asyncio.Event()
        self._poll_seconds = self.poll_delay_s
        self.poll_delay_s = 0  # arq's loop no longer sleeps: _poll_iteration waits instead

    async def main(self) -> None:
        listener = asyncio.create_task(self._listen_for_wakeups(), name="worker-wake-up")
        try:
            await super().main()
        finally:
            listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listener

    async def _poll_iteration(self) -> None:
        # Cleared before the queue is read: a job enqueued after the read sets it again, so the wait
        # below returns at once and the next iteration reads that job.
        self._wake.clear()
        await super()._poll_iteration()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), self._poll_seconds)

    def _release_sem_dec_counter_on_complete(self) -> None:
        super()._release_sem_dec_counter_on_complete()
        self._wake.set()  # a slot is free: a job that waited for one can start now

    async def _listen_for_wakeups(self) -> None:
        while True:
            client = Redis.from_url(self._redis_url, health_check_interval=5, socket_keepalive=True)
            try:
                async with client.pubsub() as pubsub:
                    await pubsub.subscribe(WAKE_CHANNEL)
                    self._wake.set()  # anything enqueued while we were not listening
                    async for message in pubsub.listen():
                        if message["type"] == "message":
                            self._wake.set()
            except (RedisError, OSError) as error:
                log.warning("wake-up subscription lost; polling only", extra={"error": type(error).__name__})
            finally:
                await client.aclose()
            await asyncio.sleep(1)


def create_worker(settings: Settings, *, burst: bool = False) -> Worker:
    settings.require_infrastructure()
    return PromptWorker(
        functions=[
            # arq's own try limit sits above ours so the pipeline, not arq, records the final FAILED.
            func(process_resume, name=PROCESS_RESUME, max_tries=settings.job_max_tries + 1),
        ],
        cron_jobs=[cron(sweep_stalled, second={0}, run_at_startup=True, unique=True, timeout=60)],
        redis_settings=redis_settings(settings.redis_url or ""),
        ctx={"settings": settings},
        on_startup=_startup,
        on_shutdown=_shutdown,
        job_timeout=settings.job_timeout_seconds,
        max_jobs=settings.worker_max_jobs,
        # Results live in PostgreSQL; arq's record of a finished job is kept only so that enqueueing
        # it again right away stays a no-op (ReprocessResume and the sweeper replace it).
        keep_result=FINISHED_JOB_SECONDS,
        burst=burst,
        handle_signals=True,
        poll_delay=settings.worker_poll_seconds,
        redis_url=settings.redis_url or "",
    )

"""The arq worker: runs pipeline jobs and the stuck-job sweeper. Scale out by starting more workers
against the same Redis and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from arq import cron, func
from arq.worker import Worker

from resume_parser.bootstrap import build_container, build_pipeline
from resume_parser.jobqueue import PROCESS_RESUME, redis_settings
from resume_parser.observability import tracing
from resume_parser.settings import Settings
from resume_parser.sweeper import Sweeper


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


def create_worker(settings: Settings, *, burst: bool = False) -> Worker:
    settings.require_infrastructure()
    return Worker(
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
        keep_result=0,  # results live in PostgreSQL; this also lets ReprocessResume reuse the job id
        burst=burst,
        handle_signals=True,
        poll_delay=0.2,
    )

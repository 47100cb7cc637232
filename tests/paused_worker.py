"""A real worker that stops in a chosen stage of each job, so a test can SIGKILL it there.

Everything is the real worker (database, Redis, S3, stage backends); only its event publisher is
wrapped: after publishing that a job entered its stage, it sleeps instead of returning. Most
stages take milliseconds, too short to hit with a signal from outside otherwise.

    python -m tests.paused_worker EXTRACTING NORMALIZING ...

The k-th job this worker starts pauses in the k-th stage named; later jobs run through.
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from typing import Any

from resume_parser import logs
from resume_parser.domain import ResumeEvent, Stage
from resume_parser.events import EventPublisher
from resume_parser.settings import Settings
from resume_parser.worker import create_worker


class PausingPublisher(EventPublisher):
    def __init__(self, inner: EventPublisher, stages: list[Stage]):
        self._inner = inner
        self._unassigned = list(stages)
        self._pause_in: dict[uuid.UUID, Stage] = {}

    async def publish(self, event: ResumeEvent) -> None:
        await self._inner.publish(event)
        if event.stage == Stage.EXTRACTING and event.resume_id not in self._pause_in and self._unassigned:
            self._pause_in[event.resume_id] = self._unassigned.pop(0)
        if self._pause_in.get(event.resume_id) == event.stage:
            await asyncio.sleep(3600)


def main(stage_names: list[str]) -> None:
    stages = [Stage(name) for name in stage_names]
    settings = Settings()
    logs.configure(settings.log_level)
    worker = create_worker(settings)
    real_startup = worker.on_startup

    async def on_startup(ctx: dict[str, Any]) -> None:
        assert real_startup is not None
        await real_startup(ctx)
        pipeline = ctx["pipeline"]
        pipeline.publisher = PausingPublisher(pipeline.publisher, stages)

    worker.on_startup = on_startup
    worker.run()


if __name__ == "__main__":
    main(sys.argv[1:])

"""Stage transitions over Redis pub/sub.

Workers publish each committed transition on the resume's channel. A gRPC server process holds ONE
pattern subscription (EventHub) and fans messages out to its watchers' in-process queues. Pub/sub is
only the fast path: PostgreSQL's resume_events table is the source of truth, and a watcher fills any
gap (a lost message, a Redis restart) from it, so nothing is lost or repeated.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator

from redis.asyncio import Redis
from redis.exceptions import RedisError

from resume_parser.domain import ResumeEvent

log = logging.getLogger(__name__)

CHANNEL_PREFIX = "resume-events:"
CHANNEL_PATTERN = CHANNEL_PREFIX + "*"


def channel(resume_id: uuid.UUID) -> str:
    return f"{CHANNEL_PREFIX}{resume_id}"


class EventPublisher:
    def __init__(self, redis: Redis):
        self._redis = redis

    async def publish(self, event: ResumeEvent) -> None:
        """Best effort: the transition is already committed, and watchers recover a lost message
        from the database, so a Redis outage must not fail the pipeline."""
        try:
            await self._redis.publish(channel(event.resume_id), json.dumps(event.to_json()))
        except (RedisError, OSError) as error:
            log.warning(
                "event publish failed",
                extra={"resume_id": str(event.resume_id), "error": type(error).__name__},
            )


# A queue item of None tells the watcher to re-read the database (the subscription was interrupted).
WatchQueue = asyncio.Queue[ResumeEvent | None]


class EventHub:
    """One Redis pattern subscription per process, fanned out to any number of watchers."""

    def __init__(
        self, redis_url: str, *, healthy_poll_seconds: float = 10.0, degraded_poll_seconds: float = 1.0
    ):
        self._redis_url = redis_url
        self._watchers: dict[uuid.UUID, set[WatchQueue]] = defaultdict(set)
        self._connected = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._healthy_poll = healthy_poll_seconds
        self._degraded_poll = degraded_poll_seconds
        self.closing = False

    @property
    def poll_seconds(self) -> float:
        """How long a watcher waits for a message before checking the database itself."""
        return self._healthy_poll if self._connected.is_set() else self._degraded_poll

    @property
    def watcher_count(self) -> int:
        return sum(len(queues) for queues in self._watchers.values())

    async def start(self, *, wait_seconds: float = 5.0) -> None:
        self._task = asyncio.create_task(self._run(), name="event-hub")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._connected.wait(), wait_seconds)

    def end_watches(self) -> None:
        """Graceful shutdown: tell every watcher to end its stream now (they see `closing`)."""
        self.closing = True
        self._broadcast_resync()

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    @contextlib.asynccontextmanager
    async def subscribe(self, resume_id: uuid.UUID) -> AsyncIterator[WatchQueue]:
        queue: WatchQueue = asyncio.Queue()
        self._watchers[resume_id].add(queue)
        try:
            yield queue
        finally:
            self._watchers[resume_id].discard(queue)
            if not self._watchers[resume_id]:
                del self._watchers[resume_id]

    async def _run(self) -> None:
        backoff = 0.1
        while True:
            try:
                await self._listen()
            except (RedisError, OSError) as error:
                log.warning(
                    "event subscription lost; watchers fall back to the database",
                    extra={"error": type(error).__name__},
                )
            self._connected.clear()
            self._broadcast_resync()
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 5.0)

    async def _listen(self) -> None:
        client = Redis.from_url(self._redis_url, health_check_interval=5, socket_keepalive=True)
        try:
            async with client.pubsub() as pubsub:
                await pubsub.psubscribe(CHANNEL_PATTERN)
                self._connected.set()
                # Anything published while we were away is in the database: have watchers catch up.
                self._broadcast_resync()
                async for message in pubsub.listen():
                    if message["type"] == "pmessage":
                        self._dispatch(message["data"])
        finally:
            await client.aclose()

    def _dispatch(self, payload: bytes) -> None:
        try:
            event = ResumeEvent.from_json(json.loads(payload))
        except (ValueError, KeyError):
            log.warning("ignoring malformed event message")
            return
        for queue in self._watchers.get(event.resume_id, ()):
            queue.put_nowait(event)

    def _broadcast_resync(self) -> None:
        for queues in self._watchers.values():
            for queue in queues:
                queue.put_nowait(None)

"""Uploaded files handed to the worker through Redis for a minute, so that the worker parsing a
file does not read it back from S3 right after the server wrote it there.

S3 remains the store: every file is written there, and the worker reads it from S3 whenever the
copy is missing (expired, evicted, Redis restarted, too large to copy) or does not match the
resume's SHA-256. Copies are keyed by that digest, like the S3 objects, and expire by themselves.
"""

from __future__ import annotations

import hashlib
import logging

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

KEY_PREFIX = "resume-parser:file:"
# A job that waits longer than this in the queue has waited far longer than one S3 read takes.
TTL_SECONDS = 60
# Larger files (scans) take seconds to parse, next to which the read does not matter.
MAX_BYTES = 1024 * 1024


class FileHandoff:
    def __init__(self, redis: Redis):
        self._redis = redis

    async def offer(self, sha256: str, data: bytes) -> None:
        """Keep a copy for the worker; best effort, never raises."""
        if len(data) > MAX_BYTES:
            return
        try:
            await self._redis.set(KEY_PREFIX + sha256, data, ex=TTL_SECONDS)
        except (RedisError, OSError) as error:
            log.warning("file copy for the worker not stored", extra={"error": type(error).__name__})

    async def take(self, sha256: str) -> bytes | None:
        """The copy of the file with this digest, or None: then read it from S3."""
        try:
            data: bytes | None = await self._redis.get(KEY_PREFIX + sha256)
        except (RedisError, OSError) as error:
            log.warning("file copy for the worker not read", extra={"error": type(error).__name__})
            return None
        if data is None or hashlib.sha256(data).hexdigest() != sha256:
            return None
        return data

"""Which failures are worth retrying, and how long to wait before the next attempt."""

from __future__ import annotations

import random

from redis.exceptions import RedisError
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from resume_parser.errors import ResumeParserError, TransientError


def is_transient(error: BaseException) -> bool:
    """Throttling, 5xx, timeouts and lost connections: the same job may well succeed later."""
    if isinstance(error, TransientError):
        return True
    if isinstance(error, ResumeParserError):
        return False
    if isinstance(
        error, TimeoutError | ConnectionError | OSError | RedisError | OperationalError | PoolTimeoutError
    ):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


def backoff_seconds(attempt: int, *, base: float, cap: float) -> float:
    """Exponential backoff with full jitter (attempt is 1-based), so retries of many jobs spread out."""
    return random.uniform(0, min(cap, base * 2 ** (attempt - 1)))

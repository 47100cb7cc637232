"""Child processes for parsing untrusted files: they can be killed and their memory is capped.

A hostile or pathological file can make PDFium or an image decoder run for minutes or allocate
gigabytes. In a thread of the worker, that work could be neither stopped nor bounded: the stage
deadline would fail the resume, but the thread would keep its CPU and hold up the next document.
In a child process, the deadline kills the work, an address-space limit turns a memory bomb into
a MemoryError, a crash (a segfault in a C library) costs that child only (pebble replaces it), and
the child's environment holds none of the service's settings or credentials. (A process of the same
user could still read its parent's environment from /proc: this narrows what an exploited parser
finds, it is not a sandbox.)
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import resource
import signal
from collections.abc import Callable
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

from resume_parser.errors import DocumentError, DocumentLimitError, TransientError

T = TypeVar("T")
log = logging.getLogger(__name__)

# forkserver: the worker has an event loop and threads, which a plain fork would copy mid-flight.
_CONTEXT = multiprocessing.get_context("forkserver")
# Recycling children now and then returns memory that the C libraries fragmented.
_TASKS_PER_CHILD = 200


# What a parser may see of the environment: never the service's credentials (database, S3, Gemini,
# auth tokens), since a file that exploits a parser bug runs code in this process.
_KEPT_ENVIRONMENT = ("PATH", "HOME", "LANG", "LANGUAGE", "TMPDIR", "TZ")
_KEPT_ENVIRONMENT_PREFIXES = ("LC_", "OMP_", "PYTHON")


def _cap_memory(limit_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))


def _start_forkserver_without_settings() -> None:
    """Start the server the children fork from with only the kept variables. Deleting them in each
    child instead would leave them in its /proc/self/environ. Called at start-up, before the
    process has threads that read the environment."""
    saved = dict(os.environ)
    try:
        for name in saved:
            if name not in _KEPT_ENVIRONMENT and not name.startswith(_KEPT_ENVIRONMENT_PREFIXES):
                del os.environ[name]
        # Children fork from a server that has the parsers imported already, not from __main__.
        _CONTEXT.set_forkserver_preload(["resume_parser.extraction.local"])
        multiprocessing.forkserver.ensure_running()
    finally:
        os.environ.update(saved)


class ParserProcesses:
    """A small pool of child processes running one parsing call each at a time."""

    def __init__(self, *, processes: int, memory_limit_bytes: int, timeout_seconds: float):
        self._processes = processes
        self._memory_limit = memory_limit_bytes
        self._timeout = timeout_seconds
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPool:
        _start_forkserver_without_settings()  # again if it died: children are forked from it
        return ProcessPool(
            max_workers=self._processes,
            max_tasks=_TASKS_PER_CHILD,
            initializer=_cap_memory,
            initargs=(self._memory_limit,),
            context=_CONTEXT,
        )

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` in a child. Cancelling the awaiting task kills the child (that is how
        the pipeline's stage deadline stops it); the pool's own timeout is a backstop."""
        if not self._pool.active:
            self._replace_broken_pool()
        future = self._pool.schedule(function, args=args, timeout=self._timeout)
        try:
            return await asyncio.wrap_future(future)
        except RuntimeError as error:
            if self._pool.active:
                raise  # the parser's own error
            # pebble's failure, not the parser's: the pool broke (say, its forkserver was killed).
            self._replace_broken_pool()
            raise TransientError("the parser processes were restarted", reason="PARSER_RESTARTED") from error
        except MemoryError:
            raise self._over_memory() from None
        except ProcessExpired as error:
            if error.exitcode == -signal.SIGKILL:
                # The kernel's OOM killer or an operator, not the file: the machine was short of
                # memory. Worth another attempt.
                raise TransientError("the parser process was killed", reason="PARSER_KILLED") from None
            # C and C++ libraries abort when an allocation fails under the cap; any other death is
            # the parser crashing on this file. Reading it again would end the same way.
            if error.exitcode == -signal.SIGABRT:
                raise self._over_memory(error.exitcode) from None
            raise DocumentError(
                "the parser process crashed while reading the document",
                metadata={"exit_code": str(error.exitcode)},
            ) from None

    def _over_memory(self, exit_code: int | None = None) -> DocumentLimitError:
        return DocumentLimitError(
            f"reading the document needed more than {self._memory_limit // 2**20} MiB of memory",
            metadata={} if exit_code is None else {"exit_code": str(exit_code)},
        )

    def _replace_broken_pool(self) -> None:
        log.warning("parser process pool broken; starting a new one")
        self._pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves stop() unannotated
        self._pool = self._new_pool()

    def close(self) -> None:
        self._pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves stop() unannotated
        self._pool.join(timeout=10)

"""Parsing in child processes: runaway, memory-hungry and crashing parsers cost their child only."""

from __future__ import annotations

import asyncio
import multiprocessing.forkserver
import os
import signal
import time
from pathlib import Path

import pytest

from resume_parser.errors import CorruptDocumentError, DocumentError, DocumentLimitError, TransientError
from resume_parser.extraction import SourceFile
from resume_parser.extraction.filetype import PDF
from resume_parser.extraction.isolation import ParserProcesses
from resume_parser.extraction.local import LocalExtractor
from tests.helpers import process_is_alive

MIB = 2**20


def child_pid() -> int:
    return os.getpid()


def environment() -> tuple[dict[str, str], bytes]:
    return dict(os.environ), Path("/proc/self/environ").read_bytes()


def spin_forever(pid_file: str) -> None:
    Path(pid_file).write_text(str(os.getpid()))
    while True:
        pass


def allocate(size: int) -> int:
    return len(bytearray(size))


def crash() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def killed() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.fixture
def processes() -> ParserProcesses:
    return ParserProcesses(processes=1, memory_limit_bytes=1024 * MIB, timeout_seconds=30)


async def test_calls_run_in_another_process(processes: ParserProcesses) -> None:
    try:
        assert await processes.run(child_pid) != os.getpid()
    finally:
        processes.close()


async def test_cancelling_the_caller_kills_the_runaway_child(
    processes: ParserProcesses, tmp_path: Path
) -> None:
    pid_file = tmp_path / "pid"
    try:
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(processes.run(spin_forever, str(pid_file)), timeout=3)
        runaway = int(pid_file.read_text())

        started = time.monotonic()
        assert await processes.run(allocate, 1000) == 1000  # a fresh child serves the next call
        assert time.monotonic() - started < 20
        assert not process_is_alive(runaway)
    finally:
        processes.close()


async def test_the_pool_timeout_stops_a_child_nobody_cancels(tmp_path: Path) -> None:
    processes = ParserProcesses(processes=1, memory_limit_bytes=1024 * MIB, timeout_seconds=2)
    try:
        with pytest.raises(TimeoutError):
            await processes.run(spin_forever, str(tmp_path / "pid"))
        assert not process_is_alive(int((tmp_path / "pid").read_text()))
    finally:
        processes.close()


async def test_a_memory_bomb_hits_the_cap_and_fails_the_document(processes: ParserProcesses) -> None:
    try:
        with pytest.raises(DocumentLimitError) as failure:
            await processes.run(allocate, 4096 * MIB)
        assert failure.value.reason == "DOCUMENT_LIMIT_EXCEEDED"
        assert await processes.run(allocate, 64 * MIB) == 64 * MIB
    finally:
        processes.close()


async def test_a_crashing_parser_fails_the_document_and_the_pool_recovers(
    processes: ParserProcesses,
) -> None:
    try:
        with pytest.raises(DocumentError) as failure:
            await processes.run(crash)
        assert failure.value.reason == "DOCUMENT_UNREADABLE"
        assert failure.value.metadata["exit_code"] == str(-signal.SIGSEGV)
        assert await processes.run(allocate, 10) == 10
    finally:
        processes.close()


async def test_a_child_killed_from_outside_is_worth_a_retry(processes: ParserProcesses) -> None:
    try:
        with pytest.raises(TransientError) as failure:
            await processes.run(killed)
        assert failure.value.reason == "PARSER_KILLED"
    finally:
        processes.close()


def runtime_error() -> None:
    raise RuntimeError("a parser's own error")


async def test_a_killed_forkserver_is_replaced_and_a_parsers_runtime_error_is_its_own(
    processes: ParserProcesses,
) -> None:
    try:
        with pytest.raises(RuntimeError, match="a parser's own error"):
            await processes.run(runtime_error)
        forkserver = multiprocessing.forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
        os.kill(forkserver, signal.SIGKILL)
        outcomes = []
        for _ in range(3):  # the broken pool is noticed before a call, or by it (then worth a retry)
            try:
                outcomes.append(await processes.run(allocate, 10))
            except TransientError as error:
                outcomes.append(error.reason)
        assert outcomes[-1] == 10 and set(outcomes) <= {10, "PARSER_RESTARTED"}
    finally:
        processes.close()


async def test_document_errors_keep_their_reason_across_the_process_boundary(
    parser_processes: ParserProcesses,
) -> None:
    extractor = LocalExtractor(parser_processes)
    source = SourceFile(data=b"%PDF-1.7\n garbage", media_type=PDF, bucket="b", key="k")
    with pytest.raises(CorruptDocumentError) as failure:
        await extractor.extract(source)
    assert failure.value.reason == "DOCUMENT_CORRUPT"


async def test_the_child_sees_none_of_the_services_settings(processes: ParserProcesses) -> None:
    # Set in this process (pytest sets it for every test), like the DB_URL or GEMINI_API_KEY of a
    # real worker.
    assert "PYTEST_CURRENT_TEST" in os.environ
    try:
        seen, initial = await processes.run(environment)
    finally:
        processes.close()
    assert "PYTEST_CURRENT_TEST" not in seen
    assert b"PYTEST_CURRENT_TEST" not in initial  # not even in the environment it started with
    kept = {"PATH", "HOME", "LANG", "LANGUAGE", "TMPDIR", "TZ"}
    inherited = {name for name in seen if name in os.environ and seen[name] == os.environ[name]}
    assert {
        name for name in inherited if name not in kept and not name.startswith(("LC_", "OMP_", "PYTHON"))
    } == set()

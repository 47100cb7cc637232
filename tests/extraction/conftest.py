from __future__ import annotations

from collections.abc import Iterator

import pytest

from resume_parser.extraction.isolation import ParserProcesses


@pytest.fixture(scope="session")
def parser_processes() -> Iterator[ParserProcesses]:
    processes = ParserProcesses(processes=2, memory_limit_bytes=2048 * 2**20, timeout_seconds=60)
    yield processes
    processes.close()

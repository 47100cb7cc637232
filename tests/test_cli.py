"""Start-up behaviour of the server processes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from resume_parser.settings import Settings
from tests.conftest import settings_environment


@pytest.mark.parametrize("command", ["serve", "worker"])
def test_server_processes_refuse_to_start_without_infrastructure(command: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DB_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "-m", "resume_parser", command], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "DB_URL" in result.stderr and "REDIS_URL" in result.stderr


def test_gemini_backend_without_a_key_is_a_start_up_error() -> None:
    env = {**os.environ, "DB_URL": "postgresql://x@localhost/x", "REDIS_URL": "redis://localhost:1/0"}
    env.pop("GEMINI_API_KEY", None)
    env["NORMALIZE_BACKEND"] = "gemini"
    result = subprocess.run(
        [sys.executable, "-m", "resume_parser", "serve"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "GEMINI_API_KEY" in result.stderr


def test_a_worker_without_libreoffice_refuses_to_start(settings: Settings) -> None:
    env = settings_environment(settings)
    env["PATH"] = os.path.dirname(sys.executable)  # the service's Python, but no soffice
    result = subprocess.run(
        [sys.executable, "-m", "resume_parser", "worker"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "LibreOffice (soffice) is not on PATH" in result.stderr
    assert "libreoffice-writer-nogui" in result.stderr

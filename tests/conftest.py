"""Session-wide real servers for the suite: embedded PostgreSQL+pgvector, Valkey, moto's S3 server,
a real gRPC server and real arq worker processes. State is reset between tests, not servers."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc
from redis import Redis

from resume_parser.blobstore import S3BlobStore
from resume_parser.bootstrap import Container, build_container
from resume_parser.grpc_api.server import create_server
from resume_parser.localstack import LocalEndpoints, LocalStack, create_database
from resume_parser.migrate import upgrade_head
from resume_parser.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL_DEV = SHARED / "eval" / "dev"
TEST_DATABASE = "resume_parser_test"

# Small limits keep the suite fast; production defaults are documented in settings.py.
TEST_OVERRIDES: dict[str, Any] = {
    "max_upload_bytes": 2 * 1024 * 1024,
    # Generous for a loaded 2-core machine running OCR; the killed-worker test waits out the lease
    # (job timeout + 10 s), so it is kept well below the production default.
    "job_timeout_seconds": 75,
    "stage_deadline_seconds": 60,
    "retry_base_seconds": 0.2,
    "retry_max_seconds": 1.0,
    "job_max_tries": 3,
    "aws_s3_bucket_name": "resumes-test",
}


@pytest.fixture(scope="session")
def local_stack() -> Iterator[LocalStack]:
    stack = LocalStack()
    stack.start()
    yield stack
    stack.stop()


@pytest.fixture(scope="session")
def endpoints(local_stack: LocalStack) -> LocalEndpoints:
    return local_stack.endpoints


@pytest.fixture(scope="session")
def postgres_url(endpoints: LocalEndpoints) -> str:
    """A migrated database of the session's PostgreSQL (postgresql+asyncpg:// URL)."""
    url = create_database(endpoints.db_url, TEST_DATABASE)
    upgrade_head(url)
    return url


@pytest.fixture(scope="session")
def redis_url(endpoints: LocalEndpoints) -> str:
    return endpoints.redis_url


@pytest.fixture(scope="session")
def settings(endpoints: LocalEndpoints, postgres_url: str) -> Settings:
    return Settings(
        db_url=postgres_url,
        redis_url=endpoints.redis_url,
        aws_endpoint_url_s3=endpoints.s3_endpoint_url,
        aws_access_key_id="local",
        aws_secret_access_key="local",  # type: ignore[arg-type]
        **TEST_OVERRIDES,
    )


def settings_environment(settings: Settings) -> dict[str, str]:
    """The settings as the environment variables a `resume-parser` child process reads."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "GEMINI_"))}
    for name, value in settings.model_dump().items():
        if value is not None:
            plain = value.get_secret_value() if hasattr(value, "get_secret_value") else value
            env[name.upper()] = str(plain)
    return env


@pytest.fixture(scope="session")
async def container(settings: Settings) -> AsyncIterator[Container]:
    container = await build_container(settings)
    await container.blobs.ensure_bucket()
    yield container
    await container.close()


@pytest.fixture
async def clean_state(container: Container, redis_url: str) -> None:
    """Every test starts with no resumes, no queued jobs and an empty bucket."""
    async with container.engine.begin() as connection:
        from sqlalchemy import text

        # DELETE, not TRUNCATE: a job of the previous test may still be writing, and row locks
        # cannot deadlock with it the way TRUNCATE's table lock can.
        await connection.execute(text("DELETE FROM resumes"))
    Redis.from_url(redis_url).flushdb()
    await empty_bucket(container.blobs)


async def empty_bucket(blobs: S3BlobStore) -> None:
    client: Any = blobs._client
    listing = await client.list_objects_v2(Bucket=blobs.bucket)
    for item in listing.get("Contents", []):
        await client.delete_object(Bucket=blobs.bucket, Key=item["Key"])


async def bucket_keys(blobs: S3BlobStore) -> list[str]:
    client: Any = blobs._client
    listing = await client.list_objects_v2(Bucket=blobs.bucket)
    return [item["Key"] for item in listing.get("Contents", [])]


@pytest.fixture(scope="session")
async def grpc_server(container: Container) -> AsyncIterator[int]:
    server, port = await create_server(container, address="127.0.0.1:0")
    await server.start()
    yield port
    await server.stop(grace=1)


@pytest.fixture(scope="session")
async def channel(grpc_server: int) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{grpc_server}") as channel:
        yield channel


@pytest.fixture
def stub(channel: grpc.aio.Channel, clean_state: None) -> api_grpc.ResumeServiceStub:
    return api_grpc.ResumeServiceStub(channel)


class WorkerProcess:
    """A real `resume-parser worker` child process; its JSON log lines go to `log_path` if given."""

    def __init__(self, settings: Settings, log_path: Path | None = None):
        self._env = settings_environment(settings)
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [sys.executable, "-m", "resume_parser", "worker"]
        if self.log_path is None:
            self.process = subprocess.Popen(command, env=self._env, stderr=subprocess.DEVNULL)
            return
        with self.log_path.open("ab") as log:  # the child keeps its own descriptor
            self.process = subprocess.Popen(command, env=self._env, stderr=log)

    def kill(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture(scope="session")
def worker(settings: Settings, container: Container) -> Iterator[WorkerProcess]:
    process = WorkerProcess(settings)
    process.start()
    yield process
    process.stop()


def wait_for(condition: Any, timeout: float = 30.0, interval: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        time.sleep(interval)


async def async_wait_for(condition: Any, timeout: float = 30.0, interval: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while not await condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(interval)

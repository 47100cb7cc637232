"""Workers start a job when it is enqueued, not at their next poll of the queue, and a job whose
wake-up message is lost still runs. Real worker processes on the session's Redis."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc

from resume_parser.blobstore import content_key
from resume_parser.bootstrap import Container
from resume_parser.domain import NewResume
from resume_parser.jobqueue import PROCESS_RESUME
from resume_parser.settings import Settings
from tests.conftest import WorkerProcess
from tests.helpers import SAMPLE_PDF, upload, wait_terminal

pytestmark = pytest.mark.timeout(300)

STAGES = ["EXTRACTING", "GROUPING", "NORMALIZING", "EMBEDDING", "PERSISTING", "COMPLETED"]


@pytest.fixture
def own_worker(worker: WorkerProcess) -> Iterator[None]:
    """The session's worker is stopped while a test runs a worker of its own."""
    worker.stop()
    yield
    worker.start()


def polling_worker(settings: Settings, poll_seconds: float, log_path: Path | None = None) -> WorkerProcess:
    process = WorkerProcess(settings, log_path=log_path)
    process._env["WORKER_POLL_SECONDS"] = str(poll_seconds)
    process.start()
    return process


async def enqueue_without_wake_up(container: Container) -> str:
    """What the upload does, but the job is added to the queue with no wake-up message, as when
    the message is lost."""
    data = SAMPLE_PDF.read_bytes()
    sha256, key = content_key(data)
    await container.blobs.put(key, data, "application/pdf")
    record, _ = await container.repository.create(
        NewResume(
            "resume.pdf", "", "application/pdf", "", "", None, container.blobs.bucket, key, len(data), sha256
        )
    )
    job = await container.queue.redis.enqueue_job(PROCESS_RESUME, str(record.id), _job_id=str(record.id))
    assert job is not None
    return str(record.id)


@pytest.mark.usefixtures("own_worker")
async def test_an_enqueued_job_wakes_a_worker_that_would_not_poll_for_an_hour(
    stub: api_grpc.ResumeServiceStub, settings: Settings, tmp_path: Path
) -> None:
    log = tmp_path / "worker.log"
    sleepy = polling_worker(settings, poll_seconds=3600, log_path=log)
    try:
        first = await upload(stub, SAMPLE_PDF.read_bytes())  # read by the worker's first poll, or woken
        assert (await wait_terminal(stub, first.resume.id)).stage == pb.STAGE_COMPLETED
        second = await upload(stub, SAMPLE_PDF.read_bytes())  # the worker now waits for a wake-up
        assert (await wait_terminal(stub, second.resume.id, timeout=60)).stage == pb.STAGE_COMPLETED
    finally:
        sleepy.stop()

    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    done = next(
        line
        for line in lines
        if line["message"] == "resume completed" and line["resume_id"] == second.resume.id
    )
    assert done["queue_ms"] >= 0
    assert [f"store {stage}" in done["timings_ms"] for stage in STAGES[:-1]] == [True] * 5
    assert list(done["published_at"]) == STAGES


@pytest.mark.usefixtures("own_worker")
async def test_a_job_whose_wake_up_is_lost_is_found_by_the_poll(
    stub: api_grpc.ResumeServiceStub, settings: Settings, container: Container
) -> None:
    polling = polling_worker(settings, poll_seconds=1)
    try:
        first = await upload(stub, SAMPLE_PDF.read_bytes())
        assert (await wait_terminal(stub, first.resume.id)).stage == pb.STAGE_COMPLETED
        unannounced = await enqueue_without_wake_up(container)
        resume = await wait_terminal(stub, unannounced, timeout=60)
    finally:
        polling.stop()

    assert resume.stage == pb.STAGE_COMPLETED
    assert resume.parsed.basics.name == "Ada Müller-Lovelace"
    assert uuid.UUID(unannounced)

"""The worker parses the upload's copy in Redis when it is there and right, and the S3 object
otherwise. Real server, worker, Redis and S3."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc
from redis import Redis

from resume_parser.blobstore import content_key
from resume_parser.bootstrap import Container
from resume_parser.handoff import KEY_PREFIX
from tests.conftest import EVAL_DEV, WorkerProcess
from tests.helpers import SAMPLE_PDF, upload, wait_terminal

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def held_jobs(worker: WorkerProcess) -> Iterator[None]:
    """No worker runs until the test has prepared the queued resumes; then the session's starts."""
    worker.stop()
    yield
    if worker.process is None or worker.process.poll() is not None:
        worker.start()


async def test_the_worker_parses_the_uploaded_copy_without_reading_s3(
    stub: api_grpc.ResumeServiceStub, container: Container, worker: WorkerProcess, held_jobs: None
) -> None:
    data = SAMPLE_PDF.read_bytes()
    uploaded = await upload(stub, data)
    await container.blobs.delete(container.blobs.bucket, content_key(data)[1])  # S3 has lost it

    worker.start()
    resume = await wait_terminal(stub, uploaded.resume.id)

    assert resume.stage == pb.STAGE_COMPLETED, resume.error
    assert resume.parsed.basics.name == "Ada Müller-Lovelace"


async def test_a_missing_or_wrong_copy_is_read_from_s3(
    stub: api_grpc.ResumeServiceStub, worker: WorkerProcess, redis_url: str, held_jobs: None
) -> None:
    data, other = SAMPLE_PDF.read_bytes(), sorted(EVAL_DEV.glob("*.pdf"))[0].read_bytes()
    missing = await upload(stub, data, external_id="missing")
    redis = Redis.from_url(redis_url)
    assert redis.delete(KEY_PREFIX + content_key(data)[0]) == 1
    wrong = await upload(stub, data, external_id="wrong")
    redis.set(KEY_PREFIX + content_key(data)[0], other)  # another file under this file's digest

    worker.start()
    for uploaded in (missing, wrong):
        resume = await wait_terminal(stub, uploaded.resume.id)
        assert resume.stage == pb.STAGE_COMPLETED, resume.error
        assert resume.parsed.basics.name == "Ada Müller-Lovelace"

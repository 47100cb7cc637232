"""Faults of the services the pipeline calls: S3 answering 503 and slowly, Gemini answering 429,
500, malformed output, or hanging. Transient faults are retried until the resume completes; a
permanent one fails it with a reason. Real worker processes, real SDKs over real HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc

from resume_parser.settings import Settings
from tests.conftest import WorkerProcess
from tests.gemini.fake_gemini import FakeGemini, Reply
from tests.helpers import SAMPLE_PDF, upload, wait_terminal

pytestmark = pytest.mark.timeout(300)


class FlakyProxy:
    """A reverse proxy in front of the S3 endpoint that fails the first GETs with 503 SlowDown and
    delays every request, like an overloaded S3."""

    def __init__(self, upstream: str, *, failing_gets: int, delay_seconds: float):
        self.upstream = upstream
        self.failing_gets = failing_gets
        self.delay_seconds = delay_seconds
        self.failed = 0
        self.url = ""
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        self._session = aiohttp.ClientSession(auto_decompress=False)

    async def stop(self) -> None:
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        await asyncio.sleep(self.delay_seconds)
        if request.method == "GET" and self.failed < self.failing_gets:
            self.failed += 1
            body = "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"
            return web.Response(status=503, text=body, content_type="application/xml")
        assert self._session is not None
        headers = {k: v for k, v in request.headers.items() if k.lower() != "host"}
        async with self._session.request(
            request.method, self.upstream + request.path_qs, headers=headers, data=await request.read()
        ) as upstream:
            hop = {"transfer-encoding", "connection", "content-length"}
            kept = {k: v for k, v in upstream.headers.items() if k.lower() not in hop}
            return web.Response(status=upstream.status, headers=kept, body=await upstream.read())


@pytest.fixture
async def flaky_s3(settings: Settings) -> AsyncIterator[FlakyProxy]:
    # 6 failures: more than botocore's own 4 attempts, so the pipeline's retry is exercised too.
    proxy = FlakyProxy(settings.aws_endpoint_url_s3 or "", failing_gets=6, delay_seconds=0.3)
    await proxy.start()
    yield proxy
    await proxy.stop()


async def run_with_worker(
    stub: api_grpc.ResumeServiceStub, worker: WorkerProcess, special: WorkerProcess, content: bytes
) -> pb.Resume:
    """Process one upload with `special` as the only worker."""
    worker.stop()
    special.start()
    try:
        uploaded = await upload(stub, content)
        return await wait_terminal(stub, uploaded.resume.id, timeout=240)
    finally:
        special.stop()
        worker.start()


async def test_s3_errors_and_slow_responses_are_retried(
    stub: api_grpc.ResumeServiceStub, worker: WorkerProcess, settings: Settings, flaky_s3: FlakyProxy
) -> None:
    special = WorkerProcess(settings.model_copy(update={"aws_endpoint_url_s3": flaky_s3.url}))

    resume = await run_with_worker(stub, worker, special, SAMPLE_PDF.read_bytes())

    assert resume.stage == pb.STAGE_COMPLETED, resume.error
    assert flaky_s3.failed == 6
    assert resume.attempt == 2  # botocore absorbed four 503s, the pipeline retried once


@pytest.fixture
async def fake_gemini() -> AsyncIterator[FakeGemini]:
    fake = FakeGemini()
    await fake.start()
    yield fake
    await fake.stop()


def gemini_worker(settings: Settings, fake: FakeGemini) -> WorkerProcess:
    special = WorkerProcess(settings)
    special._env.update(
        {
            "NORMALIZE_BACKEND": "gemini",
            "GEMINI_API_KEY": "test-key",
            "GEMINI_BASE_URL": fake.base_url,
            "GEMINI_TIMEOUT_SECONDS": "2",
            "JOB_MAX_TRIES": "5",
        }
    )
    return special


GROUNDED_ANSWER = {
    "work": [
        {"name": "Nordwind Logistics GmbH", "position": "Senior Backend Engineer", "startDate": "2021-01"}
    ],
    "skills": [{"name": "Skills", "keywords": ["Go", "Python", "Kubernetes"]}],
}


async def test_gemini_throttling_errors_hangs_and_bad_output_are_retried(
    stub: api_grpc.ResumeServiceStub, worker: WorkerProcess, settings: Settings, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(
        Reply.error(429, "RESOURCE_EXHAUSTED"),
        Reply.error(500, "internal"),
        Reply.hanging(),
        Reply.model_text("this is not JSON {"),  # corrected by the one in-stage retry ...
        Reply.model_json(GROUNDED_ANSWER),  # ... which gets this
    )

    resume = await run_with_worker(
        stub, worker, gemini_worker(settings, fake_gemini), SAMPLE_PDF.read_bytes()
    )

    assert resume.stage == pb.STAGE_COMPLETED, resume.error
    assert resume.attempt == 4
    assert resume.parsed.meta.normalizer == "gemini"
    assert [w.name for w in resume.parsed.work] == ["Nordwind Logistics GmbH"]
    assert not fake_gemini.replies


async def test_gemini_output_invalid_twice_fails_the_resume(
    stub: api_grpc.ResumeServiceStub, worker: WorkerProcess, settings: Settings, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(Reply.model_text("{ not json"), Reply.model_text("still [ not json"))

    resume = await run_with_worker(
        stub, worker, gemini_worker(settings, fake_gemini), SAMPLE_PDF.read_bytes()
    )

    assert resume.stage == pb.STAGE_FAILED
    assert resume.error.reason == "GEMINI_INVALID_OUTPUT"
    assert resume.error.stage == pb.STAGE_NORMALIZING

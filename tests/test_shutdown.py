"""Graceful shutdown: open watch streams end at once with a clear status, and calling again on a
running server picks up exactly where the stream was."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import grpc
import pytest
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc

from resume_parser.bootstrap import Container, build_container
from resume_parser.grpc_api.server import create_server, shutdown
from resume_parser.settings import Settings
from tests.conftest import WorkerProcess
from tests.helpers import SAMPLE_PDF, error_reason, upload, wait_terminal


@pytest.fixture
async def own_container(settings: Settings) -> AsyncIterator[Container]:
    container = await build_container(settings)
    yield container
    await container.close()


async def test_shutdown_ends_watch_streams_with_unavailable(
    own_container: Container, stub: api_grpc.ResumeServiceStub, worker: WorkerProcess
) -> None:
    server, port = await create_server(own_container, address="127.0.0.1:0")
    await server.start()
    worker.stop()  # keep the resume QUEUED so the stream stays open
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            own_stub = api_grpc.ResumeServiceStub(channel)
            uploaded = await upload(own_stub, SAMPLE_PDF.read_bytes())
            stream = own_stub.WatchResume(api.WatchResumeRequest(resume_id=uploaded.resume.id))
            assert (await stream.read()).stage == pb.STAGE_QUEUED

            started = time.monotonic()
            await shutdown(server, own_container, grace=20)
            with pytest.raises(grpc.aio.AioRpcError) as ended:
                await stream.read()
            assert time.monotonic() - started < 10  # ended by the service, not by the grace period
        assert ended.value.code() == grpc.StatusCode.UNAVAILABLE
        assert error_reason(ended.value) == "SERVER_SHUTTING_DOWN"
    finally:
        worker.start()

    resume = await wait_terminal(stub, uploaded.resume.id)  # the session server picks it up
    assert resume.stage == pb.STAGE_COMPLETED

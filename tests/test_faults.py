"""Nothing is lost under faults: every upload ends in exactly one terminal state, stored and
streamed, and watchers can always get to it. Real servers are restarted and real workers killed."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import grpc
import pytest
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc

from resume_parser.bootstrap import Container
from resume_parser.db.tables import ResumeRow
from resume_parser.domain import Stage
from resume_parser.grpc_api.server import create_server
from resume_parser.localstack import LocalStack
from resume_parser.settings import Settings
from resume_parser.sweeper import Sweeper
from tests.conftest import WorkerProcess, async_wait_for, settings_environment
from tests.helpers import PIPELINE, SAMPLE_PDF, process_is_alive, upload, wait_terminal, watch_all

pytestmark = [pytest.mark.usefixtures("worker"), pytest.mark.timeout(300)]


async def watch_until_terminal(
    stub: api_grpc.ResumeServiceStub, resume_id: str
) -> list[api.WatchResumeResponse]:
    """What a well-behaved client does: on UNAVAILABLE, watch again; the first message of the new
    stream is the current state, so the terminal state is never missed."""
    events: list[api.WatchResumeResponse] = []
    for _ in range(30):
        try:
            async for event in stub.WatchResume(api.WatchResumeRequest(resume_id=resume_id)):
                events.append(event)
            return events
        except grpc.aio.AioRpcError as error:
            assert error.code() == grpc.StatusCode.UNAVAILABLE, error
            await asyncio.sleep(1)
    raise AssertionError("the stream never reached a terminal state")


def assert_one_clean_run(resume: pb.Resume) -> None:
    stages = [t.stage for t in resume.stage_timings]
    assert resume.stage == pb.STAGE_COMPLETED, resume.error
    assert stages.count(pb.STAGE_COMPLETED) == 1 and stages.count(pb.STAGE_FAILED) == 0


async def test_redis_restart_with_queued_jobs_and_open_watchers(
    stub: api_grpc.ResumeServiceStub, worker: WorkerProcess, local_stack: LocalStack
) -> None:
    worker.stop()  # jobs stay queued in Redis while it restarts
    try:
        ids = [(await upload(stub, SAMPLE_PDF.read_bytes())).resume.id for _ in range(3)]
        watchers = [asyncio.create_task(watch_until_terminal(stub, resume_id)) for resume_id in ids]
        await asyncio.sleep(0.5)
        await asyncio.to_thread(local_stack.restart_redis)
    finally:
        worker.start()

    streams = await asyncio.wait_for(asyncio.gather(*watchers), 240)
    for resume_id, events in zip(ids, streams, strict=True):
        assert events[-1].stage == pb.STAGE_COMPLETED
        assert_one_clean_run((await stub.GetResume(api.GetResumeRequest(resume_id=resume_id))).resume)


async def test_postgres_restart_mid_pipeline(
    stub: api_grpc.ResumeServiceStub, local_stack: LocalStack
) -> None:
    from tests.scans import image_only_pdf

    uploaded = await upload(stub, image_only_pdf(SAMPLE_PDF, dpi=110))  # OCR keeps it in EXTRACTING
    stream = stub.WatchResume(api.WatchResumeRequest(resume_id=uploaded.resume.id))
    while (await stream.read()).stage != pb.STAGE_EXTRACTING:
        pass
    stream.cancel()
    await asyncio.to_thread(local_stack.restart_postgres)

    events = await asyncio.wait_for(watch_until_terminal(stub, uploaded.resume.id), 240)

    assert events[-1].stage == pb.STAGE_COMPLETED
    resume = (await stub.GetResume(api.GetResumeRequest(resume_id=uploaded.resume.id))).resume
    assert resume.stage == pb.STAGE_COMPLETED


async def test_grpc_server_restart_while_streams_are_open(
    container: Container, clean_state: None, worker: WorkerProcess
) -> None:
    server, port = await create_server(container, address="127.0.0.1:0")
    await server.start()
    worker.stop()  # the resumes stay QUEUED, so their streams are open when the server goes
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = api_grpc.ResumeServiceStub(channel)
            ids = [(await upload(stub, SAMPLE_PDF.read_bytes())).resume.id for _ in range(3)]
            streams = [stub.WatchResume(api.WatchResumeRequest(resume_id=i)) for i in ids]
            for stream in streams:
                assert (await stream.read()).stage == pb.STAGE_QUEUED
            await server.stop(grace=0.5)
            for stream in streams:
                with pytest.raises(grpc.aio.AioRpcError):
                    await stream.read()

            server, _ = await create_server(container, address=f"127.0.0.1:{port}")
            await server.start()
            worker.start()
            for resume_id in ids:
                events = await watch_until_terminal(stub, resume_id)
                assert events[-1].stage == pb.STAGE_COMPLETED
    finally:
        if worker.process is None or worker.process.poll() is not None:
            worker.start()
        await server.stop(grace=None)


async def test_two_workers_never_run_one_resume_twice(
    stub: api_grpc.ResumeServiceStub, settings: Settings, container: Container
) -> None:
    second = WorkerProcess(settings)
    second.start()
    try:
        ids = [(await upload(stub, SAMPLE_PDF.read_bytes())).resume.id for _ in range(6)]
        for resume_id in ids:  # duplicate enqueues of the same job are no-ops
            assert not await container.queue.enqueue(uuid.UUID(resume_id))
        for resume_id in ids:
            resume = await wait_terminal(stub, resume_id)
            assert [t.stage for t in resume.stage_timings] == PIPELINE
    finally:
        second.stop()


async def test_sweeper_requeues_a_stalled_resume_and_fails_an_exhausted_one(
    stub: api_grpc.ResumeServiceStub, container: Container
) -> None:
    # Two resumes whose jobs were lost: queued rows with no arq job (Redis lost them).
    first = (await upload(stub, SAMPLE_PDF.read_bytes())).resume.id
    await wait_terminal(stub, first)
    stalled, exhausted = uuid.uuid4(), uuid.uuid4()
    for resume_id, attempt in ((stalled, 0), (exhausted, container.settings.job_max_tries)):
        record = await container.repository.get(uuid.UUID(first))
        assert record is not None
        async with container.sessions.begin() as session:
            row = await session.get(ResumeRow, record.id)
            assert row is not None
            clone = ResumeRow(
                **{c.name: getattr(row, c.name) for c in ResumeRow.__table__.columns if c.name != "id"},
                id=resume_id,
            )
            clone.idempotency_key = None
            clone.stage, clone.attempt, clone.parsed = Stage.EXTRACTING.value, attempt, None
            clone.updated_at = datetime.now(UTC) - timedelta(hours=1)
            session.add(clone)

    sweeper = Sweeper(
        container.repository, container.queue, container.publisher, stall_after_seconds=60, max_attempts=3
    )
    assert await sweeper.sweep() == 2

    assert (await wait_terminal(stub, str(exhausted))).error.reason == "STALLED"
    requeued = await wait_terminal(stub, str(stalled))
    assert requeued.stage == pb.STAGE_COMPLETED


async def test_delete_erases_everything_and_twice_is_fine(
    stub: api_grpc.ResumeServiceStub, container: Container
) -> None:
    from tests.conftest import bucket_keys

    first = (await upload(stub, SAMPLE_PDF.read_bytes())).resume.id
    second = (await upload(stub, SAMPLE_PDF.read_bytes())).resume.id  # same file, same S3 object
    for resume_id in (first, second):
        await wait_terminal(stub, resume_id)
    assert len(await bucket_keys(container.blobs)) == 1

    await stub.DeleteResume(api.DeleteResumeRequest(resume_id=first))
    assert len(await bucket_keys(container.blobs)) == 1  # still used by the second resume
    await stub.DeleteResume(api.DeleteResumeRequest(resume_id=second))
    await stub.DeleteResume(api.DeleteResumeRequest(resume_id=second))

    assert await bucket_keys(container.blobs) == []
    for resume_id in (first, second):
        with pytest.raises(grpc.aio.AioRpcError) as gone:
            await stub.GetResume(api.GetResumeRequest(resume_id=resume_id))
        assert gone.value.code() == grpc.StatusCode.NOT_FOUND
        with pytest.raises(grpc.aio.AioRpcError) as unwatchable:
            await watch_all(stub, resume_id, timeout=5)
        assert unwatchable.value.code() == grpc.StatusCode.NOT_FOUND
    async with container.engine.connect() as connection:
        from sqlalchemy import text

        for table in ("resumes", "resume_events", "resume_embeddings"):
            assert await connection.scalar(text(f"SELECT count(*) FROM {table}")) == 0
    search = await stub.SearchResumes(api.SearchResumesRequest(query="backend engineer Kubernetes"))
    assert list(search.results) == []


async def test_no_personal_data_in_logs(
    stub: api_grpc.ResumeServiceStub,
    worker: WorkerProcess,
    settings: Settings,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    worker.stop()
    logged = WorkerProcess(settings, log_path=tmp_path / "worker.log")
    logged._env["LOG_LEVEL"] = "DEBUG"
    logged.start()
    try:
        caplog.set_level("DEBUG")
        uploaded = await upload(stub, SAMPLE_PDF.read_bytes())
        resume = await wait_terminal(stub, uploaded.resume.id)
        assert resume.stage == pb.STAGE_COMPLETED
        failed = await upload(stub, b"%PDF-1.7\n")
        await wait_terminal(stub, failed.resume.id)
    finally:
        logged.stop()
        worker.start()

    text = (tmp_path / "worker.log").read_text() + caplog.text
    assert uploaded.resume.id in text  # the logs are there, with ids
    for personal in (
        "Ada",
        "Müller",
        "Lovelace",
        "ada.mueller@example.org",
        "1234 5678",
        "12345678",
        "Nordwind",
    ):
        assert personal not in text


RUNNING_STAGES = [Stage.EXTRACTING, Stage.GROUPING, Stage.NORMALIZING, Stage.EMBEDDING, Stage.PERSISTING]


def descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # exited while we looked
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


async def test_worker_killed_in_every_stage_loses_nothing(
    stub: api_grpc.ResumeServiceStub, worker: WorkerProcess, settings: Settings
) -> None:
    """Five jobs held in the five running stages by one worker, which is then SIGKILLed. Another
    worker picks every job up once arq's lease on it expires; each ends COMPLETED exactly once and
    every watcher that was streaming sees it. The killed worker's parser processes die with it."""
    worker.stop()
    environment = {**settings_environment(settings), "WORKER_MAX_JOBS": str(len(RUNNING_STAGES))}
    command = [sys.executable, "-m", "tests.paused_worker", *RUNNING_STAGES]
    paused = subprocess.Popen(command, env=environment, stderr=subprocess.DEVNULL)  # noqa: ASYNC220
    try:
        ids = [(await upload(stub, SAMPLE_PDF.read_bytes())).resume.id for _ in RUNNING_STAGES]
        watchers = [asyncio.create_task(watch_until_terminal(stub, resume_id)) for resume_id in ids]

        async def held_in_every_stage() -> bool:
            stages = {(await get(stub, resume_id)).stage for resume_id in ids}
            return stages == {pb.Stage.Value(f"STAGE_{stage}") for stage in RUNNING_STAGES}

        await async_wait_for(held_in_every_stage, timeout=120)
        helpers = descendants(paused.pid)
        assert helpers, "the worker parses documents in child processes"
        paused.kill()
        paused.wait()
    finally:
        paused.kill()
        worker.start()

    await async_wait_for(lambda: _none_alive(helpers), timeout=30)
    streams = await asyncio.wait_for(asyncio.gather(*watchers), timeout=240)
    for resume_id, events in zip(ids, streams, strict=True):
        resume = await get(stub, resume_id)
        assert_one_clean_run(resume)
        assert resume.attempt == 2
        assert events[-1].stage == pb.STAGE_COMPLETED
        assert [e.sequence for e in events] == sorted({e.sequence for e in events})


async def _none_alive(pids: set[int]) -> bool:
    return not any(process_is_alive(pid) for pid in pids)


async def get(stub: api_grpc.ResumeServiceStub, resume_id: str) -> pb.Resume:
    response: api.GetResumeResponse = await stub.GetResume(api.GetResumeRequest(resume_id=resume_id))
    return response.resume

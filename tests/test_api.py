"""The walking skeleton end to end: real gRPC server, real worker process, real PostgreSQL, Valkey
and S3 endpoint."""

from __future__ import annotations

import asyncio
import uuid

import grpc
import pytest
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc
from redis import Redis

from resume_parser.bootstrap import Container
from tests.conftest import bucket_keys
from tests.helpers import PIPELINE, SAMPLE_PDF, error_reason, upload, wait_terminal, watch_all

pytestmark = pytest.mark.usefixtures("worker")


async def test_upload_is_parsed_and_every_stage_is_streamed_once_in_order(
    stub: api_grpc.ResumeServiceStub,
) -> None:
    uploaded = await upload(stub, SAMPLE_PDF.read_bytes(), filename="resume.pdf", job_post_id="job-1")
    assert uploaded.created
    assert uploaded.resume.stage == pb.STAGE_QUEUED
    assert uploaded.resume.content_type == "application/pdf"

    events = await watch_all(stub, uploaded.resume.id)

    assert [e.stage for e in events] == PIPELINE
    sequences = [e.sequence for e in events]
    assert sequences == sorted(set(sequences))
    resume = (await stub.GetResume(api.GetResumeRequest(resume_id=uploaded.resume.id))).resume
    assert resume.stage == pb.STAGE_COMPLETED
    assert resume.parsed.basics.name == "Ada Müller-Lovelace"
    assert resume.parsed.basics.email == "ada.mueller@example.org"
    assert [t.stage for t in resume.stage_timings] == PIPELINE
    assert resume.parsed.meta.parser_version


async def test_late_watcher_gets_the_final_state_and_the_stream_ends(
    stub: api_grpc.ResumeServiceStub,
) -> None:
    uploaded = await upload(stub, SAMPLE_PDF.read_bytes())
    await wait_terminal(stub, uploaded.resume.id)

    events = await watch_all(stub, uploaded.resume.id, timeout=5)

    assert [e.stage for e in events] == [pb.STAGE_COMPLETED]
    assert events[0].sequence == len(PIPELINE)


async def test_many_watchers_see_the_same_transitions_over_one_subscription(
    stub: api_grpc.ResumeServiceStub, redis_url: str
) -> None:
    uploaded = await upload(stub, SAMPLE_PDF.read_bytes())
    watchers = [asyncio.create_task(watch_all(stub, uploaded.resume.id)) for _ in range(8)]
    results = await asyncio.gather(*watchers)

    for events in results:
        stages = [e.stage for e in events]
        assert stages[-1] == pb.STAGE_COMPLETED
        assert stages == PIPELINE[PIPELINE.index(stages[0]) :]  # a suffix of the pipeline, no repeats
    assert Redis.from_url(redis_url).execute_command("PUBSUB", "NUMPAT") == 1


async def test_a_cancelled_watcher_does_not_disturb_the_others(stub: api_grpc.ResumeServiceStub) -> None:
    uploaded = await upload(stub, SAMPLE_PDF.read_bytes())
    cancelled = stub.WatchResume(api.WatchResumeRequest(resume_id=uploaded.resume.id))
    first = await cancelled.read()
    cancelled.cancel()
    events = await watch_all(stub, uploaded.resume.id)
    assert first.stage in PIPELINE
    assert events[-1].stage == pb.STAGE_COMPLETED


async def test_same_idempotency_key_returns_the_same_resume(
    stub: api_grpc.ResumeServiceStub, container: Container
) -> None:
    first = await upload(stub, SAMPLE_PDF.read_bytes(), idempotency_key="application-42")
    second = await upload(stub, SAMPLE_PDF.read_bytes(), idempotency_key="application-42")

    assert second.resume.id == first.resume.id
    assert (first.created, second.created) == (True, False)
    await wait_terminal(stub, first.resume.id)
    listed = await stub.ListResumes(api.ListResumesRequest())
    assert [r.id for r in listed.resumes] == [first.resume.id]
    resume = (await stub.GetResume(api.GetResumeRequest(resume_id=first.resume.id))).resume
    assert [t.stage for t in resume.stage_timings] == PIPELINE  # the pipeline ran once


@pytest.mark.parametrize(
    ("request_fields", "reason"),
    [
        ({}, "MISSING_SOURCE"),
        ({"content": b""}, "EMPTY_FILE"),
        ({"content": b"\x00\x01\x02 definitely not a resume format \xff" * 10}, "UNSUPPORTED_FORMAT"),
        ({"s3_uri": "https://example.invalid/file.pdf"}, "INVALID_S3_URI"),
        ({"s3_uri": "s3://some-other-bucket/resume.pdf"}, "FOREIGN_BUCKET"),
        ({"content": b"%PDF-1.7", "idempotency_key": "k" * 129}, "FIELD_TOO_LONG"),
    ],
)
async def test_bad_uploads_are_rejected_and_nothing_is_stored(
    stub: api_grpc.ResumeServiceStub, container: Container, request_fields: dict[str, object], reason: str
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.UploadResume(api.UploadResumeRequest(**request_fields))  # type: ignore[arg-type]

    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_reason(caught.value) == reason
    assert await bucket_keys(container.blobs) == []
    assert (await stub.ListResumes(api.ListResumesRequest())).resumes == []


async def test_a_file_over_the_size_limit_is_rejected(
    stub: api_grpc.ResumeServiceStub, container: Container
) -> None:
    limit = container.settings.max_upload_bytes
    too_big = b"%PDF-1.7\n" + b"0" * limit

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.UploadResume(api.UploadResumeRequest(content=too_big))

    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_reason(caught.value) == "FILE_TOO_LARGE"
    assert await bucket_keys(container.blobs) == []


async def test_an_upload_by_s3_reference_is_copied_and_parsed(
    stub: api_grpc.ResumeServiceStub, container: Container
) -> None:
    await container.blobs.put("incoming/candidate.pdf", SAMPLE_PDF.read_bytes(), "application/pdf")
    uploaded = await stub.UploadResume(
        api.UploadResumeRequest(s3_uri=f"s3://{container.blobs.bucket}/incoming/candidate.pdf")
    )
    resume = await wait_terminal(stub, uploaded.resume.id)
    assert resume.stage == pb.STAGE_COMPLETED
    assert resume.sha256 and resume.size_bytes == SAMPLE_PDF.stat().st_size


@pytest.mark.parametrize("rpc", ["GetResume", "WatchResume"])
async def test_unknown_and_malformed_ids(stub: api_grpc.ResumeServiceStub, rpc: str) -> None:
    async def call(resume_id: str) -> None:
        if rpc == "GetResume":
            await stub.GetResume(api.GetResumeRequest(resume_id=resume_id))
        else:
            await watch_all(stub, resume_id, timeout=5)

    with pytest.raises(grpc.aio.AioRpcError) as unknown:
        await call(str(uuid.uuid4()))
    assert unknown.value.code() == grpc.StatusCode.NOT_FOUND
    assert error_reason(unknown.value) == "RESUME_NOT_FOUND"

    with pytest.raises(grpc.aio.AioRpcError) as malformed:
        await call("not-a-uuid")
    assert malformed.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_list_filters_newest_first_and_pages(stub: api_grpc.ResumeServiceStub) -> None:
    ids = [
        (await upload(stub, SAMPLE_PDF.read_bytes(), job_post_id=f"job-{i % 2}")).resume.id for i in range(5)
    ]
    for resume_id in ids:
        await wait_terminal(stub, resume_id)

    job_0 = await stub.ListResumes(api.ListResumesRequest(job_post_id="job-0"))
    assert [r.id for r in job_0.resumes] == [ids[4], ids[2], ids[0]]

    pages, token = [], ""
    while True:
        page = await stub.ListResumes(api.ListResumesRequest(page_size=2, page_token=token))
        pages.append([r.id for r in page.resumes])
        token = page.next_page_token
        if not token:
            break
    assert pages == [[ids[4], ids[3]], [ids[2], ids[1]], [ids[0]]]

    completed = await stub.ListResumes(api.ListResumesRequest(stage=pb.STAGE_COMPLETED))
    failed = await stub.ListResumes(api.ListResumesRequest(stage=pb.STAGE_FAILED))
    assert len(completed.resumes) == 5 and not failed.resumes

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.ListResumes(
            api.ListResumesRequest(page_size=2, page_token=page.next_page_token or "garbage")
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_an_unreadable_file_fails_with_a_reason(stub: api_grpc.ResumeServiceStub) -> None:
    truncated = SAMPLE_PDF.read_bytes()[:400]  # a PDF header and no body
    uploaded = await upload(stub, truncated)

    events = await watch_all(stub, uploaded.resume.id)

    assert events[-1].stage == pb.STAGE_FAILED
    assert events[-1].error.reason.startswith("DOCUMENT_")
    assert events[-1].error.code == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    resume = (await stub.GetResume(api.GetResumeRequest(resume_id=uploaded.resume.id))).resume
    assert resume.error.reason == events[-1].error.reason


async def test_search_finds_parsed_resumes_and_validates_queries(stub: api_grpc.ResumeServiceStub) -> None:
    matching = (await upload(stub, SAMPLE_PDF.read_bytes(), job_post_id="job-go")).resume.id
    await wait_terminal(stub, matching)

    found = await stub.SearchResumes(
        api.SearchResumesRequest(query="backend engineer with Kubernetes and Kafka")
    )
    assert [r.resume_id for r in found.results] == [matching]
    hit = found.results[0]
    assert hit.name == "Ada Müller-Lovelace"
    assert {"Kubernetes", "Kafka"} <= set(hit.matched_skills)
    assert hit.matched_work.name

    other_job = await stub.SearchResumes(
        api.SearchResumesRequest(query="Kubernetes", job_post_id="another-job")
    )
    assert list(other_job.results) == []

    for bad_query in ("", "x" * 8001):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.SearchResumes(api.SearchResumesRequest(query=bad_query))
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_reprocess_runs_the_pipeline_again_and_keeps_the_history(
    stub: api_grpc.ResumeServiceStub,
) -> None:
    uploaded = await upload(stub, SAMPLE_PDF.read_bytes())
    await wait_terminal(stub, uploaded.resume.id)

    again = await stub.ReprocessResume(api.ReprocessResumeRequest(resume_id=uploaded.resume.id))
    assert again.resume.stage == pb.STAGE_QUEUED
    resume = await wait_terminal(stub, uploaded.resume.id)

    assert resume.stage == pb.STAGE_COMPLETED
    assert [t.stage for t in resume.stage_timings] == PIPELINE + PIPELINE
    assert resume.parsed.basics.name == "Ada Müller-Lovelace"

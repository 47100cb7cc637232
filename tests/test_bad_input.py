"""Every bad file ends clearly, bounded in time and memory, and the worker keeps serving."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc

from tests.badfiles import CASES, STUFFED_KEYWORDS, Case, resume_with_white_text_stuffing
from tests.helpers import SAMPLE_PDF, error_reason, upload, wait_terminal

pytestmark = [pytest.mark.usefixtures("worker"), pytest.mark.timeout(300)]


async def outcome(stub: api_grpc.ResumeServiceStub, case: Case) -> tuple[str, str]:
    try:
        uploaded = await upload(stub, case.make(), filename=case.name, content_type="application/pdf")
    except grpc.aio.AioRpcError as error:
        assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, (case.name, error.code())
        return "rejected", error_reason(error)
    resume = await wait_terminal(stub, uploaded.resume.id, timeout=240)
    if resume.stage == pb.STAGE_FAILED:
        assert resume.error.message, case.name
        return "failed", resume.error.reason
    return "completed", ""


async def test_the_bad_input_corpus(stub: api_grpc.ResumeServiceStub) -> None:
    assert len(CASES) >= 30
    results = await asyncio.gather(*(outcome(stub, case) for case in CASES))

    mismatches = [
        (case.name, case.outcome, case.reason, got, reason)
        for case, (got, reason) in zip(CASES, results, strict=True)
        if got != case.outcome or not reason.startswith(case.reason) or reason == "INTERNAL"
    ]
    assert mismatches == [], "\n".join(map(str, mismatches))

    # The worker survived all of it and still parses a good resume.
    good = await upload(stub, SAMPLE_PDF.read_bytes())
    assert (await wait_terminal(stub, good.resume.id)).stage == pb.STAGE_COMPLETED


async def test_hidden_keyword_stuffing_never_reaches_the_parsed_resume(
    stub: api_grpc.ResumeServiceStub,
) -> None:
    uploaded = await upload(stub, resume_with_white_text_stuffing())
    resume = await wait_terminal(stub, uploaded.resume.id)

    assert resume.stage == pb.STAGE_COMPLETED, resume.error
    parsed = resume.parsed
    assert parsed.basics.name == "Ada Müller-Lovelace"
    assert "Python" in str(parsed.skills) and parsed.work[0].position == "Senior Backend Engineer"
    for keyword in [*STUFFED_KEYWORDS, "Principal Architect"]:
        assert keyword not in str(parsed), keyword

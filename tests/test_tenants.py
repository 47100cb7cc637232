"""Tenant isolation: a request sees only its own tenant's resumes. Another tenant's resume does not
exist for it (NOT_FOUND), is never listed or ranked, and cannot be watched, reprocessed or deleted."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import grpc
import pytest
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc

from tests.helpers import SAMPLE_PDF, error_reason, upload, wait_terminal

pytestmark = [pytest.mark.usefixtures("worker")]

ACME, GLOBEX = "acme", "globex"
QUERY = "backend engineer with Kubernetes and Kafka"


async def tenants_resume(stub: api_grpc.ResumeServiceStub, tenant: str, **fields: str) -> pb.Resume:
    uploaded = await upload(stub, SAMPLE_PDF.read_bytes(), tenant_id=tenant, **fields)
    assert uploaded.resume.tenant_id == tenant
    resume = await wait_terminal(stub, uploaded.resume.id, tenant_id=tenant)
    assert resume.stage == pb.STAGE_COMPLETED
    return resume


async def not_found(call: Awaitable[Any]) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as error:
        await call
    assert error.value.code() == grpc.StatusCode.NOT_FOUND, error.value


async def test_one_tenant_never_reaches_anothers_resume(stub: api_grpc.ResumeServiceStub) -> None:
    acme = await tenants_resume(stub, ACME, job_post_id="job-1")
    globex = await tenants_resume(stub, GLOBEX, job_post_id="job-1")

    await not_found(stub.GetResume(api.GetResumeRequest(resume_id=acme.id, tenant_id=GLOBEX)))
    await not_found(stub.GetResume(api.GetResumeRequest(resume_id=acme.id)))  # the default tenant
    await not_found(stub.ReprocessResume(api.ReprocessResumeRequest(resume_id=acme.id, tenant_id=GLOBEX)))
    stream = stub.WatchResume(api.WatchResumeRequest(resume_id=acme.id, tenant_id=GLOBEX))
    await not_found(stream.read())

    listed = await stub.ListResumes(api.ListResumesRequest(tenant_id=GLOBEX, job_post_id="job-1"))
    assert [r.id for r in listed.resumes] == [globex.id]
    found = await stub.SearchResumes(api.SearchResumesRequest(query=QUERY, tenant_id=GLOBEX))
    assert [hit.resume_id for hit in found.results] == [globex.id]
    default = await stub.SearchResumes(api.SearchResumesRequest(query=QUERY))
    assert list(default.results) == []

    await stub.DeleteResume(api.DeleteResumeRequest(resume_id=acme.id, tenant_id=GLOBEX))  # a no-op
    kept = await stub.GetResume(api.GetResumeRequest(resume_id=acme.id, tenant_id=ACME))
    assert kept.resume.stage == pb.STAGE_COMPLETED
    await stub.DeleteResume(api.DeleteResumeRequest(resume_id=acme.id, tenant_id=ACME))
    await not_found(stub.GetResume(api.GetResumeRequest(resume_id=acme.id, tenant_id=ACME)))


async def test_idempotency_keys_are_per_tenant(stub: api_grpc.ResumeServiceStub) -> None:
    first = await upload(stub, SAMPLE_PDF.read_bytes(), tenant_id=ACME, idempotency_key="application-7")
    again = await upload(stub, SAMPLE_PDF.read_bytes(), tenant_id=ACME, idempotency_key="application-7")
    other = await upload(stub, SAMPLE_PDF.read_bytes(), tenant_id=GLOBEX, idempotency_key="application-7")

    assert (again.resume.id, again.created) == (first.resume.id, False)
    assert other.created and other.resume.id != first.resume.id
    await wait_terminal(stub, first.resume.id, tenant_id=ACME)
    await wait_terminal(stub, other.resume.id, tenant_id=GLOBEX)


@pytest.mark.parametrize(
    "call",
    [
        lambda stub: stub.UploadResume(api.UploadResumeRequest(content=b"Jane Doe", tenant_id="t" * 129)),
        lambda stub: stub.GetResume(
            api.GetResumeRequest(resume_id="00000000-0000-0000-0000-000000000000", tenant_id="t" * 129)
        ),
        lambda stub: stub.ListResumes(api.ListResumesRequest(tenant_id="t" * 129)),
        lambda stub: stub.SearchResumes(api.SearchResumesRequest(query="Go", tenant_id="t" * 129)),
    ],
)
async def test_an_over_long_tenant_id_is_invalid(
    stub: api_grpc.ResumeServiceStub, call: Callable[[api_grpc.ResumeServiceStub], Awaitable[Any]]
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as error:
        await call(stub)
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_reason(error.value) == "FIELD_TOO_LONG"

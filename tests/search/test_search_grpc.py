"""SearchResumes through the real gRPC server, as the Go services call it."""

from __future__ import annotations

import grpc
import pytest
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc

from resume_parser.bootstrap import Container
from tests.helpers import error_reason
from tests.search.stored import dev_resume, store


async def test_search_returns_the_matching_resume_with_its_explanation(
    stub: api_grpc.ResumeServiceStub, container: Container
) -> None:
    for stem in ("classic-1032", "compact-1010"):
        await store(container.repository, container.embedder, dev_resume(stem), external_id=stem)

    # The generated stubs type the synchronous client; on a grpc.aio channel the calls are awaitable.
    response = await stub.SearchResumes(  # type: ignore[misc]
        api.SearchResumesRequest(query="accountant who knows SAP FI/CO", page_size=1)
    )

    (best,) = response.results
    assert best.external_id == "compact-1010"
    assert best.matched_skills == ["SAP FI/CO"]
    assert best.matched_work.position
    assert response.next_page_token


@pytest.mark.parametrize(("query", "reason"), [("", "QUERY_EMPTY"), ("x" * 8001, "QUERY_TOO_LONG")])
async def test_an_empty_or_over_long_query_is_invalid_argument(
    stub: api_grpc.ResumeServiceStub, query: str, reason: str
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.SearchResumes(api.SearchResumesRequest(query=query))  # type: ignore[misc]
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_reason(refused.value) == reason

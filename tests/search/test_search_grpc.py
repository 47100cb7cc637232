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
    for stem in ("classic-1032", "compact-1010"):  # an SRE, and an FP&A analyst who was an accountant
        await store(container.repository, container.embedder, dev_resume(stem), external_id=stem)

    # The generated stubs type the synchronous client; on a grpc.aio channel the calls are awaitable.
    response = await stub.SearchResumes(  # type: ignore[misc]
        api.SearchResumesRequest(query="accountant who knows SAP FI/CO, 5+ years", page_size=5)
    )

    (best,) = response.results  # the SRE is ranked, and cut by the threshold
    assert best.external_id == "compact-1010"
    assert best.matched_skills == ["SAP FI/CO"]
    assert best.matched_work.position
    assert response.min_match_score <= best.match_score == best.score <= 1.0
    checks = {check.kind: check for check in best.checks}
    assert checks[api.REQUIREMENT_KIND_SKILL].status == api.REQUIREMENT_STATUS_MET
    assert checks[api.REQUIREMENT_KIND_SKILL].evidence == "SAP FI/CO"
    # The current title is an analyst's: the role is only partly met, by the past position.
    assert checks[api.REQUIREMENT_KIND_ROLE].status == api.REQUIREMENT_STATUS_PARTLY_MET
    assert checks[api.REQUIREMENT_KIND_EXPERIENCE].requirement == "at least 5 years of experience"
    assert checks[api.REQUIREMENT_KIND_EXPERIENCE].status == api.REQUIREMENT_STATUS_MET
    assert response.below_threshold_count == 1
    assert response.next_page_token == ""


async def test_a_query_outside_the_pool_returns_nothing_unless_a_lower_threshold_is_asked_for(
    stub: api_grpc.ResumeServiceStub, container: Container
) -> None:
    for stem in ("classic-1032", "compact-1010", "timeline-1004", "docx-table-1006"):
        await store(container.repository, container.embedder, dev_resume(stem), external_id=stem)
    query = "pastry chef with a food hygiene certificate"

    default = await stub.SearchResumes(api.SearchResumesRequest(query=query))  # type: ignore[misc]
    everything = await stub.SearchResumes(  # type: ignore[misc]
        api.SearchResumesRequest(query=query, min_match_score=0.0)
    )

    assert list(default.results) == []
    assert default.below_threshold_count == 4
    assert default.min_match_score > 0.0
    assert len(everything.results) == 4 and everything.below_threshold_count == 0
    assert all(result.match_score < default.min_match_score for result in everything.results)
    for result in everything.results:
        (role,) = [check for check in result.checks if check.kind == api.REQUIREMENT_KIND_ROLE]
        assert role.status == api.REQUIREMENT_STATUS_NOT_MET


@pytest.mark.parametrize(
    ("request_", "reason"),
    [
        (api.SearchResumesRequest(query=""), "QUERY_EMPTY"),
        (api.SearchResumesRequest(query="x" * 8001), "QUERY_TOO_LONG"),
        (api.SearchResumesRequest(query="Go developer", min_match_score=1.5), "INVALID_MIN_SCORE"),
        (api.SearchResumesRequest(query="Go developer", min_match_score=-0.1), "INVALID_MIN_SCORE"),
    ],
)
async def test_an_invalid_query_or_threshold_is_invalid_argument(
    stub: api_grpc.ResumeServiceStub, request_: api.SearchResumesRequest, reason: str
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.SearchResumes(request_)  # type: ignore[misc]
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_reason(refused.value) == reason

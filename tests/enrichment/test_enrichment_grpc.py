"""Skill experience, title families and ISCED levels through the real gRPC server: a training PDF
uploaded and parsed by a real worker, and SearchResumes' "N years of <skill>" requirement."""

from __future__ import annotations

from datetime import date

import pytest
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc

from resume_parser.bootstrap import Container
from resume_parser.enrichment.enrich import enrich
from tests.enrichment.truth import EVAL, truth
from tests.helpers import upload, wait_terminal
from tests.search.stored import store

REFERENCE = date(2026, 1, 15)


@pytest.mark.usefixtures("worker")
async def test_an_uploaded_resume_has_skill_experience_title_families_and_isced_levels(
    stub: api_grpc.ResumeServiceStub,
) -> None:
    # A QA engineer's four roles, 2014-01 to 2025-01 (none ongoing: the figures do not depend on today).
    content = (EVAL / "train" / "mantra-20094.pdf").read_bytes()
    uploaded = await upload(stub, content, filename="resume.pdf")

    resume = await wait_terminal(stub, uploaded.resume.id)

    assert resume.stage == pb.STAGE_COMPLETED
    parsed = resume.parsed
    assert [entry.title_family for entry in parsed.work] == ["quality_assurance"] * 4
    assert [entry.isced_level for entry in parsed.education] == [7, 6]  # M.Tech, B.Sc.
    assert all(entry.HasField("isced_level") for entry in parsed.education)
    experience = {item.name: item for skill in parsed.skills for item in skill.experience}
    # Playwright in work[1] 2020-01..2022-01, work[2] 2017-01..2020-01, work[3] 2014-01..2017-01:
    # merged 2014-01..2022-01 = 97 months.
    playwright = experience["Playwright"]
    assert (playwright.months_experience, playwright.last_used) == (97, "2022-01")
    assert list(playwright.work_indices) == [1, 2, 3]
    assert not experience["Appium"].HasField("months_experience")  # listed, never mentioned at work
    assert parsed.meta.parser_version.startswith("local-2.1.0")


async def _store_pool(container: Container) -> None:
    for stem in ("full-20030", "mantra-20094", "simple-20120"):
        parsed = enrich(truth(stem), REFERENCE)
        await store(container.repository, container.embedder, parsed, external_id=stem)


def _skill_check(result: api.SearchResult) -> api.RequirementCheck:
    (check,) = [c for c in result.checks if c.kind == api.REQUIREMENT_KIND_SKILL_EXPERIENCE]
    return check


async def test_years_of_a_skill_are_checked_against_the_work_that_mentions_it(
    stub: api_grpc.ResumeServiceStub, container: Container
) -> None:
    await _store_pool(container)

    response = await stub.SearchResumes(  # type: ignore[misc]
        api.SearchResumesRequest(query="at least 6 years of JMeter", min_match_score=0.0)
    )

    by_id = {result.external_id: result for result in response.results}
    assert response.results[0].external_id == "full-20030"
    met = _skill_check(by_id["full-20030"])
    assert met.requirement == "at least 6 years of jmeter"
    assert met.status == api.REQUIREMENT_STATUS_MET and met.score == 1.0
    # JMeter in work[1] and work[2]: 2015-07..2022-01 = 79 months.
    assert met.evidence == "6.6 years of jmeter (work[1], work[2]), last used 2022-01"
    listed = _skill_check(by_id["simple-20120"])  # lists JMeter, no job names it
    assert listed.status == api.REQUIREMENT_STATUS_UNKNOWN
    absent = _skill_check(by_id["mantra-20094"])  # does not list it
    assert absent.status == api.REQUIREMENT_STATUS_NOT_MET and absent.score == 0.0
    for result in response.results:  # the years were the skill's, not the career's
        assert api.REQUIREMENT_KIND_EXPERIENCE not in [c.kind for c in result.checks]


async def test_a_german_query_for_years_of_a_skill_partly_meets_a_shorter_use(
    stub: api_grpc.ResumeServiceStub, container: Container
) -> None:
    await _store_pool(container)

    response = await stub.SearchResumes(  # type: ignore[misc]
        api.SearchResumesRequest(query="mindestens 8 Jahre Gatling", min_match_score=0.0)
    )

    by_id = {result.external_id: result for result in response.results}
    # Gatling: simple-20120 2017-01..2026-01 = 109 months (9.1 years); full-20030 only in its
    # ongoing role, 2022-01..2026-01 = 49 months (4.1 years: (4.08 / 8)^2 = 0.26 of the requirement).
    assert _skill_check(by_id["simple-20120"]).status == api.REQUIREMENT_STATUS_MET
    shorter = _skill_check(by_id["full-20030"])
    assert shorter.status == api.REQUIREMENT_STATUS_PARTLY_MET
    assert shorter.score == pytest.approx((49 / 12 / 8) ** 2, abs=1e-4)
    assert shorter.evidence.startswith("4.1 years of gatling (work[0]), last used 2026-01")
    assert by_id["simple-20120"].match_score > by_id["full-20030"].match_score


async def test_years_after_a_word_no_candidate_lists_stay_a_career_requirement(
    stub: api_grpc.ResumeServiceStub, container: Container
) -> None:
    await _store_pool(container)

    response = await stub.SearchResumes(  # type: ignore[misc]
        api.SearchResumesRequest(
            query="QA engineer with 10 years of experience in fintech", min_match_score=0.0
        )
    )

    for result in response.results:
        kinds = [check.kind for check in result.checks]
        assert api.REQUIREMENT_KIND_EXPERIENCE in kinds
        assert api.REQUIREMENT_KIND_SKILL_EXPERIENCE not in kinds

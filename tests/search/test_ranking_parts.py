"""The pure parts of a search: skill matching, rank fusion and page tokens."""

from __future__ import annotations

import uuid

import pytest

from resume_parser.errors import InvalidInputError
from resume_parser.resume import ParsedResume, Skill
from resume_parser.search import SearchMode, SearchQuery, page_token
from resume_parser.search.fusion import reciprocal_rank_fusion
from resume_parser.search.skills import matched_skills


def skills(*names: str) -> ParsedResume:
    return ParsedResume(skills=[Skill(name="Tools", keywords=list(names))])


@pytest.mark.parametrize(
    ("resume_skills", "query", "expected"),
    [
        (["SAP FI/CO", "Excel"], "accountant with SAP FI/CO", ["SAP FI/CO"]),
        (["Java", "Go", "R"], "JavaScript developer at Google", []),
        (["Java", "Go", "R"], "senior Go engineer, some R", ["Go", "R"]),
        (["C#", ".NET Core", "Node.js"], "c# and .net core, node.js", ["C#", ".NET Core", "Node.js"]),
        (["Google Cloud Platform"], "Google Cloud", []),
        (["Kubernetes"], "KUBERNETES.", ["Kubernetes"]),
    ],
)
def test_matched_skills_are_the_resume_skills_the_query_names_whole(
    resume_skills: list[str], query: str, expected: list[str]
) -> None:
    assert matched_skills(skills(*resume_skills), query) == expected


def test_a_skill_category_name_is_not_a_skill() -> None:
    parsed = ParsedResume(skills=[Skill(name="Cloud", keywords=["AWS"]), Skill(name="Python")])
    assert matched_skills(parsed, "cloud engineer with Python and AWS") == ["AWS", "Python"]


def test_rank_fusion_prefers_agreement_over_one_first_place() -> None:
    a, b, c = (uuid.UUID(int=i) for i in (1, 2, 3))
    fused = reciprocal_rank_fusion([[a, b, c], [b, c]])  # c: third and second; a: first once
    assert [resume_id for resume_id, _ in fused] == [b, c, a]
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61)


def test_a_page_token_round_trips_only_for_its_own_query() -> None:
    query = SearchQuery(text="Go developer", job_post_id="job-1")
    fingerprint = page_token.fingerprint(query, "local:all-MiniLM-L6-v2:384")
    token = page_token.encode(40, fingerprint)

    assert page_token.decode(token, fingerprint) == 40
    assert page_token.decode("", fingerprint) == 0
    for other in (
        page_token.fingerprint(
            SearchQuery(text="Go developer", job_post_id="job-2"), "local:all-MiniLM-L6-v2:384"
        ),
        page_token.fingerprint(
            SearchQuery(text="Go developer", job_post_id="job-1", mode=SearchMode.TEXT), "x"
        ),
        page_token.fingerprint(query, "gemini:gemini-embedding-001:768"),
    ):
        with pytest.raises(InvalidInputError):
            page_token.decode(token, other)


@pytest.mark.parametrize(
    "token", ["%%%", "bm90IGpzb24", "W10", "eyJvIjogLTEsICJmIjogIngifQ", "eyJvIjogdHJ1ZSwgImYiOiAieCJ9"]
)
def test_malformed_page_tokens_are_invalid_input(token: str) -> None:
    with pytest.raises(InvalidInputError) as refused:
        page_token.decode(token, "x")
    assert refused.value.reason == "INVALID_PAGE_TOKEN"

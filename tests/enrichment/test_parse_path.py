"""`resume-parser parse` (resume_parser.parsing) enriches its result as the pipeline does."""

from __future__ import annotations

from resume_parser.parsing import parse_file
from tests.enrichment.truth import EVAL


def test_parsing_a_file_offline_adds_the_derived_fields() -> None:
    parsed = parse_file(EVAL / "train" / "mantra-20094.pdf")

    assert [entry.title_family for entry in parsed.work] == ["quality_assurance"] * 4
    assert [entry.isced_level for entry in parsed.education] == [7, 6]
    experience = {item.name: item for skill in parsed.skills for item in skill.experience}
    assert experience["Playwright"].months_experience == 97  # 2014-01..2022-01, see test_enrichment_grpc
    assert parsed.meta is not None and parsed.meta.reference_date

"""Skills with their experience: months of the merged intervals of the work entries that mention a
skill, and when it was last used, checked against values computed by hand on five training resumes
with overlapping roles."""

from __future__ import annotations

import json
from datetime import date

import pytest

from resume_parser.enrichment.enrich import enrich
from resume_parser.enrichment.skill_experience import experience_of
from resume_parser.normalization.gemini_prompt import response_schema
from resume_parser.normalization.skills import canonical_skill
from resume_parser.resume import ParsedResume, ParseMeta, Skill, SkillExperience, Work
from tests.enrichment.truth import truth

REFERENCE = date(2026, 1, 15)  # "Present" is January 2026


def experience(parsed: ParsedResume) -> dict[str, SkillExperience]:
    return {item.name: item for skill in parsed.skills for item in skill.experience}


# Months count both ends: 2017-01..2020-12 is 48 months. A year-only start is January, a year-only
# end December (capped at the reference month); an ongoing role runs to January 2026.
HAND_COMPUTED = [
    # simple-20120: QA Engineer 2017-2020 (work[1]) and Senior QA Engineer 2020-present (work[0]) both
    # name Gatling. work[1] = 2017-01..2020-12 = 48, work[0] = 2020-01..2026-01 = 73: 121 if added,
    # but 2020 is in both; merged 2017-01..2026-01 = 9 * 12 + 1 = 109.
    ("simple-20120", "Gatling", 109, "2026-01", [0, 1]),
    # TestNG only in work[0]: 2020-01..2026-01 = 73.
    ("simple-20120", "TestNG", 73, "2026-01", [0]),
    # simple-20246: Java in work[0] (2020-present) and work[1] (2016-2020), overlapping in 2020:
    # 2016-01..2026-01 = 10 * 12 + 1 = 121 (not 73 + 60 = 133). "Java" is not found in "JavaScript".
    ("simple-20246", "Java", 121, "2026-01", [0, 1]),
    # mantra-20094: Playwright in work[1] 2020-01..2022-01 (25), work[2] 2017-01..2020-01 (37) and
    # work[3] 2014-01..2017-01 (37); each shares its first month with the previous one's last:
    # 2014-01..2022-01 = 8 * 12 + 1 = 97 (not 99). Last used at work[1]'s end, 2022-01.
    ("mantra-20094", "Playwright", 97, "2022-01", [1, 2, 3]),
    # full-20030: JMeter in work[1] 2019-08..2022-01 (30) and work[2] 2015-07..2019-08 (50), 2019-08
    # in both: 2015-07..2022-01 = (2022 * 12 + 0) - (2015 * 12 + 6) + 1 = 79.
    ("full-20030", "JMeter", 79, "2022-01", [1, 2]),
    # k6 in work[2] 2015-07..2019-08 (50) and work[3] 2013-11..2015-07 (21): 2013-11..2019-08 =
    # (2019 * 12 + 7) - (2013 * 12 + 10) + 1 = 70.
    ("full-20030", "k6", 70, "2019-08", [2, 3]),
    # Gatling only in the ongoing work[0], 2022-01..2026-01 = 4 * 12 + 1 = 49; last used "now".
    ("full-20030", "Gatling", 49, "2026-01", [0]),
    # rocketspacer-20159: PowerShell in work[0] 2021-02..2026-01 (60), work[2] 2014-06..2016-11 (30),
    # work[3] 2011-01..2014-06 (42) and work[4] 2004-06..2010-10 (77). work[2] and work[3] share
    # 2014-06: 2011-01..2016-11 = 71. Merged: 60 + 71 + 77 = 208 (not 209).
    ("rocketspacer-20159", "PowerShell", 208, "2026-01", [0, 2, 3, 4]),
    # Veeam in work[0], work[2] and work[4], none overlapping: 60 + 30 + 77 = 167.
    ("rocketspacer-20159", "Veeam", 167, "2026-01", [0, 2, 4]),
]


@pytest.mark.parametrize(("stem", "skill", "months", "last_used", "entries"), HAND_COMPUTED)
def test_skill_experience_matches_the_hand_computed_months(
    stem: str, skill: str, months: int, last_used: str, entries: list[int]
) -> None:
    enriched = enrich(truth(stem), REFERENCE)

    found = experience(enriched)[skill]

    assert found.months_experience == months
    assert found.last_used == last_used
    assert found.work_indices == entries


def test_a_skill_no_work_entry_mentions_has_no_months() -> None:
    enriched = enrich(truth("simple-20246"), REFERENCE)

    react_native = experience(enriched)["React Native"]

    assert react_native.months_experience is None
    assert react_native.last_used is None and react_native.work_indices == []


def test_every_listed_skill_gets_an_item_in_keyword_order() -> None:
    parsed = truth("rocketspacer-20159")

    enriched = enrich(parsed, REFERENCE)

    for before, after in zip(parsed.skills, enriched.skills, strict=True):
        assert [item.name for item in after.experience] == before.keywords
    assert enriched.work[0].title_family == "it_administration"  # IT Manager
    assert "Jira Service Management" in experience(enriched)  # listed: counted even at 0 mentions


def _work(text: str, start: str = "2020-01", end: str | None = "2020-12") -> Work:
    return Work(position="Engineer", start_date=start, end_date=end, highlights=[text])


@pytest.mark.parametrize(
    ("skill", "text", "found"),
    [
        ("Java", "Built services in JavaScript and TypeScript", False),
        ("Java", "Migrated the Java 8 services", True),
        ("JavaScript", "Rewrote the UI in JS", True),  # an alias of the table
        ("Kubernetes", "Ran the clusters on k8s", True),
        ("Go", "Helped the team go live with Google Cloud", False),  # "go" in lower case is a verb
        ("Go", "Wrote the gateway in Go", True),
        ("C++", "Optimized the C++ engine", True),
        ("C", "Wrote C drivers", True),
        ("C", "Grade C in maths; wrote C++ tools", True),  # a lone capital C is the language
        ("Node.js", "APIs with Node.js and Express", True),
        ("Excel", "Excellent communication", False),
        ("Power BI", "Dashboards in POWER BI", True),
        ("Français", "Rédaction en francais", True),  # accents ignored
        ("CI/CD", "Set up CI/CD with GitHub Actions", True),
    ],
)
def test_mentions_are_whole_words_case_and_accent_insensitive(skill: str, text: str, found: bool) -> None:
    counted = experience_of(canonical_skill(skill), [_work(text)], REFERENCE)

    assert counted.work_indices == ([0] if found else [])
    assert counted.months_experience == (12 if found else None)


def test_an_undated_entry_is_evidence_but_adds_no_months() -> None:
    work = [_work("Python ETL", start="2019-01", end="2019-06"), Work(position="Python developer")]

    found = experience_of("Python", work, REFERENCE)

    assert found.work_indices == [0, 1]
    assert found.months_experience == 6  # 2019-01..2019-06
    assert found.last_used == "2019-06"


def test_the_recorded_reference_date_counts_ongoing_roles() -> None:
    parsed = ParsedResume(
        work=[
            Work(position="Data Engineer", start_date="2024-03", is_current=True, highlights=["dbt models"])
        ],
        skills=[Skill(name="dbt")],
        meta=ParseMeta(parser_version="test", normalizer="gemini", reference_date="2025-02-10"),
    )

    enriched = enrich(parsed, date(2030, 1, 1))  # the recorded date wins over the default

    (dbt,) = enriched.skills[0].experience
    assert (dbt.months_experience, dbt.last_used) == (12, "2025-02")  # 2024-03..2025-02


def test_a_meta_without_reference_date_gets_the_one_used() -> None:
    parsed = ParsedResume(
        work=[Work(position="QA Engineer", start_date="2025-01", is_current=True, highlights=["pytest"])],
        skills=[Skill(name="Skills", keywords=["pytest"])],
        meta=ParseMeta(parser_version="test", normalizer="gemini"),
    )

    enriched = enrich(parsed, date(2025, 6, 30))

    assert enriched.meta is not None and enriched.meta.reference_date == "2025-06-30"
    assert enriched.skills[0].experience[0].months_experience == 6


def test_values_a_model_put_in_derived_fields_are_recomputed() -> None:
    parsed = ParsedResume(
        work=[Work(position="Nurse", title_family="software_development")],
        skills=[
            Skill(
                name="Python",
                experience=[SkillExperience(name="Python", months_experience=240, work_indices=[0])],
            )
        ],
    )

    enriched = enrich(parsed, REFERENCE)

    assert enriched.work[0].title_family == "nursing"
    assert enriched.skills[0].experience == [SkillExperience(name="Python")]


def test_the_gemini_response_schema_leaves_the_derived_fields_out() -> None:
    schema = json.dumps(response_schema().model_json_schema())

    for derived in ("titleFamily", "iscedLevel", "monthsExperience", '"experience"'):
        assert derived not in schema
    for read in ("isCurrent", "studyType", "keywords"):
        assert read in schema

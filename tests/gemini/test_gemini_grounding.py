"""Model output checked against the document text."""

from __future__ import annotations

from resume_parser.normalization.gemini_grounding import (
    SourceText,
    checked_values,
    drop_unsupported,
    evidence,
    normalized,
)
from resume_parser.normalization.gemini_privacy import minimize
from resume_parser.resume import Education, ParsedResume, Project, Skill, Work
from tests.gemini.documents import plain_resume

BODY = (
    "Software Engineer at GOOGLE CLOUD, München",
    "Technische Universitat",
    "Munchen, 2012 - 2016",
    "Tools: Kubernetes, Terraform; project site feed-reader.app",
)


def source_for(*body: str) -> SourceText:
    document = plain_resume(["Jane Doe"], body)
    return SourceText(document.document, minimize(document))


def test_normalized_text_ignores_case_accents_and_punctuation() -> None:
    assert normalized("Technische Universität  München!") == "technische universitat munchen"
    assert normalized("C.V. — Jane") == "c v jane"


def test_values_printed_with_other_case_accents_or_line_breaks_are_kept() -> None:
    resume = ParsedResume(
        work=[Work(name="Google Cloud", position="Software Engineer", location="Munchen")],
        education=[
            Education(institution="Technische Universität München", start_date="2012", end_date="2016")
        ],
        projects=[Project(name="feed-reader", url="https://www.feed-reader.app")],
    )

    assert drop_unsupported(resume, source_for(*BODY)) == 0
    assert resume.education[0].institution == "Technische Universität München"


def test_a_value_must_match_whole_words() -> None:
    resume = ParsedResume(skills=[Skill(name="Tools", keywords=["Kubernetes", "Go", "Terra"])])

    assert drop_unsupported(resume, source_for(*BODY)) == 2  # "Go" is not "GOOGLE", "Terra" not "Terraform"
    assert resume.skills[0].keywords == ["Kubernetes"]


def test_dates_need_a_printed_year() -> None:
    resume = ParsedResume(
        education=[Education(institution="Technische Universitat", start_date="2011-09", end_date="2016")]
    )

    assert drop_unsupported(resume, source_for(*BODY)) == 1
    assert (resume.education[0].start_date, resume.education[0].end_date) == (None, "2016")


def test_the_generic_skills_label_is_allowed_without_being_printed() -> None:
    resume = ParsedResume(skills=[Skill(name="Skills", keywords=["Terraform"])])

    assert drop_unsupported(resume, source_for(*BODY)) == 0


def test_an_entry_left_without_identity_is_removed() -> None:
    resume = ParsedResume(
        work=[
            Work(name="Initech", position="Wizard", start_date="2012-01", highlights=["Invented everything"]),
            Work(name="Google Cloud", position="Astronaut"),
        ]
    )

    assert drop_unsupported(resume, source_for(*BODY)) == 3
    assert [(work.name, work.position) for work in resume.work] == [("Google Cloud", None)]


def test_paths_and_kinds_name_every_checked_value() -> None:
    resume = ParsedResume(skills=[Skill(name="Tools", keywords=["Kubernetes", "Terraform"])])

    listed = [(checked.path, checked.kind, checked.value) for checked in checked_values(resume)]

    assert listed == [
        ("skills[0].name", "skills[].name", "Tools"),
        ("skills[0].keywords[0]", "skills[].keywords[]", "Kubernetes"),
        ("skills[0].keywords[1]", "skills[].keywords[]", "Terraform"),
    ]


def test_evidence_of_a_text_document_has_a_page_but_no_box() -> None:
    resume = ParsedResume(work=[Work(name="Google Cloud")])

    (record,) = evidence(resume, source_for(*BODY), lambda _: 0.5)

    assert (record.path, record.confidence, record.page, record.box) == ("work[0].name", 0.5, 1, None)

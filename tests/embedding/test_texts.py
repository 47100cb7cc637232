"""What is embedded and indexed: decided field by field, never the raw resume."""

from __future__ import annotations

from resume_parser.embedding.texts import resume_text, search_text, skill_names, work_texts
from resume_parser.resume import (
    Basics,
    Certificate,
    Education,
    Language,
    Location,
    ParsedResume,
    Skill,
    Work,
)

RESUME = ParsedResume(
    basics=Basics(
        name="Ada Example",
        label="Site Reliability Engineer",
        email="ada@example.com",
        phone="+49 30 1234567",
        summary="Keeps payment systems up.",
        location=Location(city="Berlin", country_code="DE"),
    ),
    work=[
        Work(name="Löffler GmbH", position="SRE", location="Berlin", highlights=["Cut paging by 40%"]),
        Work(name="Summit Media", position="DevOps Engineer", summary="Built CI."),
        Work(),
    ],
    education=[Education(institution="TU Berlin", area="Computer Science", study_type="B.Eng.")],
    skills=[Skill(name="Containers", keywords=["Kubernetes", "Helm"]), Skill(name="Go")],
    languages=[Language(language="German", fluency="Native")],
    certificates=[Certificate(name="CKA")],
)


def test_skill_categories_give_their_keywords_and_plain_skills_their_name() -> None:
    assert skill_names(RESUME.skills) == ["Kubernetes", "Helm", "Go"]


def test_the_resume_text_names_the_profile_and_leaves_out_contact_details() -> None:
    text = resume_text(RESUME)
    for expected in (
        "Site Reliability Engineer",
        "SRE",
        "DevOps Engineer",
        "Löffler GmbH",
        "Kubernetes",
        "Go",
    ):
        assert expected in text
    assert "Keeps payment systems up." in text and "B.Eng. Computer Science TU Berlin" in text
    assert "Containers" not in text
    for private in ("Ada Example", "ada@example.com", "1234567"):
        assert private not in text
    assert text.index("Kubernetes") < text.index("Keeps payment")  # short fields first: models truncate


def test_there_is_one_work_text_per_work_entry_in_order() -> None:
    texts = work_texts(RESUME)
    assert len(texts) == len(RESUME.work)
    assert texts[0] == "SRE at Löffler GmbH\nCut paging by 40%"
    assert texts[1] == "DevOps Engineer at Summit Media\nBuilt CI."
    assert texts[2]  # an empty entry still has a text, so vector i stays work entry i


def test_the_search_text_holds_every_exact_term_a_recruiter_may_name() -> None:
    text = search_text(RESUME)
    for expected in ("Kubernetes", "SRE", "Löffler GmbH", "Berlin", "DE", "TU Berlin", "German", "CKA"):
        assert expected in text
    assert text.split("\n").count("Berlin") == 1  # repeated values are listed once
    assert "ada@example.com" not in text

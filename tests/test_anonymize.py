"""anonymize(): what the blind-screening view leaves out and what it replaces in free text."""

from __future__ import annotations

import json
from typing import Any

from resume_parser.anonymize import AnonymizationOptions, anonymize, anonymize_work
from resume_parser.privacy import personal_values
from resume_parser.resume import (
    Basics,
    Education,
    FieldEvidence,
    Language,
    Location,
    ParsedResume,
    ParseMeta,
    Profile,
    Project,
    Skill,
    Work,
)


def _resume() -> ParsedResume:
    return ParsedResume(
        basics=Basics(
            name="Anna-Lena Müller-Schmidt",
            label="Data Engineer (Anna-Lena)",
            email="al.mueller@example.org",
            phone="+4915112345678",
            url="https://www.annalena.dev/",
            summary=(
                "ANNA-LENA builds data platforms; Müller-Schmidt led the Spark team. Reach me at "
                "al.mueller@example.org, annalena.dev, +49 151 12345678 or 0151 12345678, or write to "
                "other@example.com; portfolio https://example.net/anna; Kaiserstraße 12, 60311."
            ),
            location=Location(
                address="Kaiserstraße 12",
                postal_code="60311",
                city="Frankfurt",
                region="Hessen",
                country_code="DE",
            ),
            profiles=[Profile(network="GitHub", username="almueller", url="https://github.com/almueller")],
            date_of_birth="1990-03",
            age=35,
            gender="female",
            nationality="deutsch",
            nationality_country_codes=["DE"],
            marital_status="married",
            has_photo=True,
        ),
        work=[
            Work(
                name="Deutsche Bahn",
                position="Data Engineer",
                location="Frankfurt, Germany",
                url="https://db.de",
                start_date="2020-01",
                highlights=[
                    "Built pipelines with Spark and socket.io; Lena's code runs in Frankfurt",
                    "gh: almueller",
                ],
            ),
            Work(name="Acme GmbH", position="Analyst", start_date="2017-01", end_date="2019-12"),
        ],
        education=[
            Education(
                institution="Goethe-Universität Frankfurt", study_type="M.Sc.", courses=["Anna's seminar"]
            )
        ],
        skills=[Skill(name="Skills", keywords=["Spark", "Python", "German"])],
        languages=[Language(language="German", fluency="Native")],
        projects=[Project(name="Pipelines", description="Written with Müller at Deutsche Bahn")],
        meta=ParseMeta(
            parser_version="test",
            normalizer="local",
            evidence=[
                FieldEvidence(path=path, confidence=0.9)
                for path in (
                    "basics.name",
                    "basics.email",
                    "basics.phone",
                    "basics.profiles[0]",
                    "basics.location.city",
                    "basics.dateOfBirth",
                    "basics.nationality",
                    "work[0].name",
                    "work[0].location",
                    "education[0].institution",
                    "skills[0].keywords[0]",
                )
            ],
        ),
    )


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    return []


def test_personal_fields_are_left_out_and_place_employers_and_schools_stay() -> None:
    anonymous = anonymize(_resume())
    basics = anonymous.basics
    assert basics.to_json_dict() == {
        "label": "Data Engineer ([name])",
        "summary": basics.summary,
        "location": {"city": "Frankfurt", "region": "Hessen", "countryCode": "DE"},
    }
    assert [w.name for w in anonymous.work] == ["Deutsche Bahn", "Acme GmbH"]
    assert anonymous.work[0].location == "Frankfurt, Germany"
    assert anonymous.education[0].institution == "Goethe-Universität Frankfurt"
    assert anonymous.skills == _resume().skills and anonymous.languages == _resume().languages


def test_values_recurring_in_free_text_become_placeholders() -> None:
    anonymous = anonymize(_resume())
    assert anonymous.basics.summary == (
        "[name] builds data platforms; [name] led the Spark team. Reach me at [email], [url], [phone] "
        "or [phone], or write to [email]; portfolio [url]; [address], [address]."
    )
    assert anonymous.work[0].highlights == [
        "Built pipelines with Spark and socket.io; [name]'s code runs in Frankfurt",  # a library stays
        "gh: [profile]",
    ]
    assert anonymous.education[0].courses == ["[name]'s seminar"]
    assert anonymous.projects[0].description == "Written with [name] at Deutsche Bahn"


def test_no_personal_value_is_left_in_any_string() -> None:
    original = _resume()
    options = AnonymizationOptions(redact_location=True, redact_organizations=True)
    text = "\n".join(_strings(anonymize(original, options).model_dump(mode="json"))).casefold()
    values = [v.text for v in personal_values(original, include_place=True) if v.recurs_in_text]
    values += ["anna", "lena", "müller", "schmidt", "deutsche bahn", "acme gmbh", "goethe-universität"]
    for value in values:
        assert value.casefold() not in text, value
    assert "12345678" not in text


def test_options_also_replace_the_place_and_the_organizations() -> None:
    anonymous = anonymize(_resume(), AnonymizationOptions(redact_location=True, redact_organizations=True))
    assert anonymous.basics.location is None
    assert [(w.name, w.url, w.location) for w in anonymous.work] == [
        ("[employer]", None, None),
        ("[employer]", None, None),
    ]
    assert anonymous.education[0].institution == "[school]"
    assert anonymous.projects[0].description == "Written with [name] at [employer]"
    assert (
        anonymous.work[0].highlights[0]
        == "Built pipelines with Spark and socket.io; [name]'s code runs in [location]"
    )


def test_the_evidence_of_removed_fields_goes() -> None:
    default = anonymize(_resume())
    assert default.meta is not None
    assert [e.path for e in default.meta.evidence] == [
        "basics.location.city",
        "work[0].name",
        "work[0].location",
        "education[0].institution",
        "skills[0].keywords[0]",
    ]
    everything = anonymize(_resume(), AnonymizationOptions(redact_location=True, redact_organizations=True))
    assert everything.meta is not None
    assert [e.path for e in everything.meta.evidence] == ["skills[0].keywords[0]"]


def test_the_original_is_not_changed_and_the_result_is_valid() -> None:
    original = _resume()
    before = json.dumps(original.to_json_dict(), sort_keys=True)
    anonymous = anonymize(original)
    assert json.dumps(original.to_json_dict(), sort_keys=True) == before
    assert ParsedResume.model_validate(anonymous.to_json_dict()) == anonymous
    assert anonymous.work[0].start_date == "2020-01"


def test_a_resume_without_a_name_or_contact_is_left_as_it_is() -> None:
    plain = ParsedResume(work=[Work(name="Acme", position="Engineer", highlights=["Shipped v2 in 2021"])])
    assert anonymize(plain) == plain


def test_a_search_hit_work_entry_is_anonymized_with_its_resume_basics() -> None:
    resume = _resume()
    work = anonymize_work(resume.work[0], resume.basics)
    assert work.highlights == [
        "Built pipelines with Spark and socket.io; [name]'s code runs in Frankfurt",
        "gh: [profile]",
    ]
    assert anonymize_work(
        resume.work[0], resume.basics, AnonymizationOptions(redact_organizations=True)
    ).name == ("[employer]")

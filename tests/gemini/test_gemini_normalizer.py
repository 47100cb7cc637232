"""The Gemini normalizer through the real google-genai SDK, against the fake endpoint."""

from __future__ import annotations

import json
import logging
import time

import pytest
from google import genai

from resume_parser.errors import EmptyDocumentError, NormalizationError, TransientError
from resume_parser.layout import Line, Word
from resume_parser.normalization.gemini import (
    MODEL_CONFIDENCE,
    GeminiNormalizer,
)
from resume_parser.resume import ParsedResume
from resume_parser.settings import Settings
from tests.gemini.conftest import TIMEOUT_SECONDS
from tests.gemini.documents import EMAIL, NAME, PHONE, PROFILE, empty_resume, grouped_resume, model_answer
from tests.gemini.fake_gemini import FakeGemini, Reply


@pytest.fixture
def normalizer(gemini_client: genai.Client, gemini_settings: Settings) -> GeminiNormalizer:
    return GeminiNormalizer(gemini_client, gemini_settings)


async def test_success_restores_contacts_and_records_usage(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(Reply.model_json(model_answer(), prompt_tokens=1234, output_tokens=321))

    resume = await normalizer.normalize(grouped_resume())

    assert resume.basics.name == NAME
    assert resume.basics.email == EMAIL
    assert resume.basics.phone == "+14155550100"
    assert resume.basics.profiles[0].url == f"https://{PROFILE}"
    assert [(work.name, work.start_date, work.end_date) for work in resume.work] == [
        ("Acme Corp", "2020-01", None),
        ("Globex GmbH", "2016-03", "2019-12"),
    ]
    assert resume.education[0].institution == "Technische Universität München"
    assert resume.meta is not None
    assert resume.meta.normalizer == "gemini"
    assert resume.meta.usage == {
        "prompt_tokens": 1234,
        "output_tokens": 321,
        "model_calls": 1,
        "dropped_unsupported_values": 0,
    }


async def test_request_is_structured_deterministic_and_sends_the_layout(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(Reply.model_json(model_answer()))

    await normalizer.normalize(grouped_resume())

    (request,) = fake_gemini.requests
    assert request.path.endswith("/models/gemini-test-flash:generateContent")
    assert request.api_key == "test-key"
    config = request.body["generationConfig"]
    assert config["temperature"] == 0
    assert config["responseMimeType"] == "application/json"
    assert {"basics", "work", "education", "skills"} <= set(config["responseSchema"]["properties"])
    assert "meta" not in config["responseSchema"]["properties"]
    text = request.body["contents"][0]["parts"][0]["text"]
    assert "### EXPERIENCE: Work Experience\nSenior Engineer — Acme Corp, Berlin" in text
    for date in ("Jan 2020 – Present", "03/2016 - 12/2019", "2012 – 2016"):
        assert date in text  # dates are not mistaken for phone numbers


async def test_personal_data_never_leaves_and_placeholders_do(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(Reply.model_json(model_answer()))

    await normalizer.normalize(grouped_resume())

    sent = fake_gemini.requests[0].raw
    for personal in (EMAIL, PHONE, "555-0100", "janedoe", NAME):
        assert personal not in sent
    for placeholder in ("[NAME]", "[EMAIL_1]", "[PHONE_1]", "[URL_1:linkedin.com]"):
        assert placeholder in sent


async def test_personal_details_are_read_by_rules_and_never_sent(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    grouped = grouped_resume()
    for printed in ("Geburtsdatum: 14.07.1988 in Augsburg", "Staatsangehörigkeit: deutsch"):
        grouped.sections[0].lines.append(Line(words=[Word(word) for word in printed.split()]))
    answer = model_answer()
    answer["basics"]["nationality"] = "French"  # not the model's to say: the rules' reading wins
    fake_gemini.queue(Reply.model_json(answer))

    resume = await normalizer.normalize(grouped)

    sent = fake_gemini.requests[0].raw
    for personal in ("14.07.1988", "Augsburg", "Staatsangehörigkeit", "deutsch"):
        assert personal not in sent
    basics_schema = json.dumps(fake_gemini.requests[0].body["generationConfig"]["responseSchema"])
    assert "dateOfBirth" not in basics_schema and "nationality" not in basics_schema
    assert (resume.basics.date_of_birth, resume.basics.nationality) == ("1988-07", "deutsch")
    assert resume.basics.nationality_country_codes == ["DE"]
    assert resume.meta is not None
    assert {"basics.dateOfBirth", "basics.nationality"} <= {e.path for e in resume.meta.evidence}


async def test_logs_carry_usage_but_no_personal_data(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini, caplog: pytest.LogCaptureFixture
) -> None:
    fake_gemini.queue(Reply.model_json(model_answer(), prompt_tokens=1234))

    with caplog.at_level(logging.DEBUG):
        await normalizer.normalize(grouped_resume())

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "1234 prompt" in logged
    for personal in (EMAIL, NAME, "555", "Acme"):
        assert personal not in logged


async def test_values_the_document_does_not_print_are_dropped_and_counted(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    answer = model_answer()
    answer["work"][1]["name"] = "Initech"  # an employer the resume never mentions
    answer["work"].append({"name": "Hooli", "position": "Chief Dreamer", "startDate": "2010-01"})
    answer["skills"][0]["keywords"].append("Rust")
    answer["education"][0]["endDate"] = "2017"  # a year the document does not print
    answer["basics"]["email"] = "someone.else@example.org"
    fake_gemini.queue(Reply.model_json(answer))

    resume = await normalizer.normalize(grouped_resume())

    assert [(work.name, work.position) for work in resume.work] == [
        ("Acme Corp", "Senior Engineer"),
        (None, "Software Engineer"),
    ]
    assert resume.skills[0].keywords == ["Python", "Go", "PostgreSQL", "Kubernetes"]
    assert resume.education[0].end_date is None
    assert resume.basics.email is None
    assert resume.meta is not None
    # Initech; Hooli, Chief Dreamer and 2010-01; Rust; 2017; the foreign email.
    assert resume.meta.usage["dropped_unsupported_values"] == 7


async def test_evidence_locates_values_on_the_page(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(Reply.model_json(model_answer()))

    resume = await normalizer.normalize(grouped_resume())

    assert resume.meta is not None
    by_path = {record.path: record for record in resume.meta.evidence}
    acme = by_path["work[0].name"]
    assert acme.page == 1
    assert acme.box is not None and acme.box.top == pytest.approx(0.17)
    phone = by_path["basics.phone"]
    assert phone.page == 1 and phone.box is not None and phone.box.top == pytest.approx(0.11)
    assert {record.confidence for record in resume.meta.evidence} == {MODEL_CONFIDENCE}


async def test_invalid_json_is_retried_once_with_the_error(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(
        Reply.model_text('{"basics": {"name": ', prompt_tokens=10, output_tokens=5),
        Reply.model_json(model_answer(), prompt_tokens=20, output_tokens=7),
    )

    resume = await normalizer.normalize(grouped_resume())

    assert resume.work[0].name == "Acme Corp"
    retry = fake_gemini.requests[1].body["contents"]
    assert [turn["role"] for turn in retry] == ["user", "model", "user"]
    assert "not JSON" in retry[2]["parts"][0]["text"]
    assert resume.meta is not None
    assert (resume.meta.usage["prompt_tokens"], resume.meta.usage["output_tokens"]) == (30, 12)
    assert resume.meta.usage["model_calls"] == 2


async def test_schema_violation_is_retried_with_the_failing_field(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    answer = model_answer()
    answer["work"][0]["startDate"] = "January 2020"
    fake_gemini.queue(Reply.model_json(answer), Reply.model_json(model_answer()))

    resume = await normalizer.normalize(grouped_resume())

    assert resume.work[0].start_date == "2020-01"
    feedback = fake_gemini.requests[1].body["contents"][2]["parts"][0]["text"]
    assert "work.0.startDate" in feedback


async def test_invalid_output_twice_fails_with_a_clear_reason(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(Reply.model_text("Sorry, I cannot help."), Reply.model_text("[1, 2, 3]"))

    with pytest.raises(NormalizationError) as failure:
        await normalizer.normalize(grouped_resume())

    assert failure.value.reason == "GEMINI_INVALID_OUTPUT"
    assert "invalid output twice" in failure.value.message
    assert len(fake_gemini.requests) == 2


@pytest.mark.parametrize("status", [429, 500, 503])
async def test_throttling_and_server_errors_are_transient_and_a_later_call_succeeds(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini, status: int
) -> None:
    fake_gemini.queue(Reply.error(status), Reply.model_json(model_answer()))

    with pytest.raises(TransientError) as failure:
        await normalizer.normalize(grouped_resume())
    assert str(status) in failure.value.message
    assert len(fake_gemini.requests) == 1  # no hidden retry loop: the pipeline owns retries

    resume = await normalizer.normalize(grouped_resume())
    assert resume.work[0].name == "Acme Corp"


@pytest.mark.parametrize("status", [200, 502])
async def test_a_body_that_is_not_the_api_s_json_is_transient(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini, status: int
) -> None:
    fake_gemini.queue(Reply.raw(status, "<html><body>Bad gateway</body></html>"))

    with pytest.raises(TransientError):
        await normalizer.normalize(grouped_resume())


@pytest.mark.parametrize("status", [400, 403, 404])
async def test_other_client_errors_are_permanent(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini, status: int
) -> None:
    fake_gemini.queue(Reply.error(status, "API key not valid"))

    with pytest.raises(NormalizationError) as failure:
        await normalizer.normalize(grouped_resume())

    assert failure.value.reason == "GEMINI_REJECTED"
    assert not isinstance(failure.value, TransientError)


async def test_a_hanging_endpoint_times_out_as_transient(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(Reply.hanging())

    started = time.monotonic()
    with pytest.raises(TransientError):
        await normalizer.normalize(grouped_resume())

    assert TIMEOUT_SECONDS <= time.monotonic() - started < TIMEOUT_SECONDS + 3


async def test_an_empty_document_is_refused_without_a_request(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    with pytest.raises(EmptyDocumentError):
        await normalizer.normalize(empty_resume())
    assert fake_gemini.requests == []


async def test_an_answer_with_nothing_printed_in_the_document_fails(
    normalizer: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    invented = {"basics": {"name": "John Smith"}, "work": [{"name": "Umbrella", "position": "CEO"}]}
    fake_gemini.queue(Reply.model_json(invented))

    with pytest.raises(NormalizationError) as failure:
        await normalizer.normalize(grouped_resume())

    assert failure.value.reason == "NOTHING_RECOGNIZED"


async def test_result_is_a_valid_json_resume(normalizer: GeminiNormalizer, fake_gemini: FakeGemini) -> None:
    fake_gemini.queue(Reply.model_json(model_answer()))

    resume = await normalizer.normalize(grouped_resume())

    round_trip = ParsedResume.model_validate(json.loads(json.dumps(resume.to_json_dict())))
    assert round_trip == resume

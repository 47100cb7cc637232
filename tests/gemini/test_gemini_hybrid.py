"""The hybrid normalizer: a local draft, corrected by Gemini, agreement raising confidence."""

from __future__ import annotations

import pytest
from google import genai

from resume_parser.normalization.gemini import (
    AGREED_CONFIDENCE,
    MODEL_CONFIDENCE,
    GeminiNormalizer,
    HybridNormalizer,
)
from resume_parser.resume import Basics, FieldEvidence, ParsedResume, ParseMeta, Work
from resume_parser.settings import Settings
from tests.gemini.documents import EMAIL, NAME, grouped_resume, model_answer
from tests.gemini.doubles import FixedNormalizer
from tests.gemini.fake_gemini import FakeGemini, Reply

# What a rule-based parser might read: the right first employer, a wrong second position.
DRAFT = ParsedResume(
    basics=Basics(name=NAME, email=EMAIL, phone="+14155550100"),
    work=[
        Work(name="Acme Corp", position="Senior Engineer", start_date="2020-01"),
        Work(name="Globex GmbH", position="Engineer", start_date="2016-03", end_date="2019-12"),
    ],
)


@pytest.fixture
def gemini(gemini_client: genai.Client, gemini_settings: Settings) -> GeminiNormalizer:
    return GeminiNormalizer(gemini_client, gemini_settings)


async def test_fields_both_read_alike_get_the_higher_confidence(
    gemini: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(Reply.model_json(model_answer()))

    resume = await HybridNormalizer(FixedNormalizer(DRAFT), gemini).normalize(grouped_resume())

    assert resume.meta is not None and resume.meta.normalizer == "hybrid"
    confidence = {record.path: record.confidence for record in resume.meta.evidence}
    for agreed in ("basics.name", "basics.email", "basics.phone", "work[0].name", "work[1].startDate"):
        assert confidence[agreed] == AGREED_CONFIDENCE, agreed
    for model_only in ("work[1].position", "education[0].institution", "skills[0].keywords[0]"):
        assert confidence[model_only] == MODEL_CONFIDENCE, model_only


async def test_the_draft_travels_without_personal_data(
    gemini: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(Reply.model_json(model_answer()))

    await HybridNormalizer(FixedNormalizer(DRAFT), gemini).normalize(grouped_resume())

    sent = fake_gemini.requests[0].raw
    draft_part = fake_gemini.requests[0].body["contents"][0]["parts"][1]["text"]
    assert "local parser" in draft_part and "Globex GmbH" in draft_part
    for personal in (EMAIL, NAME, "4155550100"):
        assert personal not in sent


async def test_the_draft_travels_without_personal_details(
    gemini: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    details = {
        "date_of_birth": "1988-07",
        "gender": "female",
        "nationality": "Irish",
        "marital_status": "single",
    }
    draft = DRAFT.model_copy(update={"basics": DRAFT.basics.model_copy(update=details)})
    fake_gemini.queue(Reply.model_json(model_answer()))

    await HybridNormalizer(FixedNormalizer(draft), gemini).normalize(grouped_resume())

    draft_part = fake_gemini.requests[0].body["contents"][0]["parts"][1]["text"]
    assert "Globex GmbH" in draft_part
    for personal in ("1988-07", "female", "Irish", "single", "dateOfBirth"):
        assert personal not in draft_part


async def test_without_a_local_draft_the_model_reads_alone(
    gemini: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    local = FixedNormalizer(None)
    fake_gemini.queue(Reply.model_json(model_answer()))

    resume = await HybridNormalizer(local, gemini).normalize(grouped_resume())

    assert local.calls == 1
    assert len(fake_gemini.requests[0].body["contents"][0]["parts"]) == 1
    assert resume.meta is not None
    assert {record.confidence for record in resume.meta.evidence} == {MODEL_CONFIDENCE}


def drafted_with(confidence: dict[str, float]) -> ParsedResume:
    """The draft as the local parser returns it: with its evidence, one confidence per field."""
    evidence = [FieldEvidence(path=path, confidence=value, page=1) for path, value in confidence.items()]
    return DRAFT.model_copy(
        update={"meta": ParseMeta(parser_version="local-test", normalizer="local", evidence=evidence)}
    )


async def test_a_draft_sure_of_every_field_is_the_answer_without_a_model_call(
    gemini: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    draft = drafted_with({"basics.name": 0.99, "work[0].name": 0.97, "work[1].position": 0.95})

    resume = await HybridNormalizer(FixedNormalizer(draft), gemini, min_confidence=0.9).normalize(
        grouped_resume()
    )

    assert fake_gemini.requests == []
    assert resume.work == DRAFT.work
    assert resume.meta is not None and resume.meta.normalizer == "hybrid"
    assert resume.meta.usage == {"model_calls": 0}


async def test_the_model_is_asked_about_the_unsure_fields_only(
    gemini: GeminiNormalizer, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(Reply.model_json(model_answer()))
    draft = drafted_with({"basics.name": 0.99, "work[0].name": 0.97, "work[1].position": 0.41})

    resume = await HybridNormalizer(FixedNormalizer(draft), gemini, min_confidence=0.9).normalize(
        grouped_resume()
    )

    draft_part = fake_gemini.requests[0].body["contents"][0]["parts"][1]["text"]
    asked = draft_part.split("unsure only of these fields", 1)[1].split("\n", 1)[0]
    assert "work[1].position" in asked
    assert "work[0].name" not in asked and "basics.name" not in asked
    assert resume.meta is not None and resume.meta.usage["model_calls"] == 1

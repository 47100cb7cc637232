"""The Gemini normalizer: the grouped layout, with contact details replaced by placeholders, in;
a JSON Resume that only holds values the document prints, out. And the hybrid normalizer: the local
parser drafts; where it is unsure of a field, Gemini is asked about those fields, corrects and
completes the draft, and values both read alike gain confidence. A draft sure of every field is
the answer, without a model call.

One request per resume (two when the first answer is invalid). Throttling, 5xx and timeouts raise
TransientError for the pipeline to retry with backoff; anything else that fails is permanent.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from google import genai
from google.genai import types
from pydantic import ValidationError

from resume_parser import __version__
from resume_parser.errors import EmptyDocumentError, NormalizationError
from resume_parser.gemini_client import gemini_errors
from resume_parser.layout import GroupedDocument
from resume_parser.normalization import Normalizer, gemini_prompt
from resume_parser.normalization.gemini_grounding import (
    CheckedValue,
    SourceText,
    checked_values,
    drop_unsupported,
    evidence,
    normalized,
)
from resume_parser.normalization.gemini_privacy import Redaction, minimize
from resume_parser.normalization.personal import PersonalDetails, read_personal_details
from resume_parser.resume import PERSONAL_DETAILS_UNSET, Basics, ParsedResume, ParseMeta
from resume_parser.settings import Settings

logger = logging.getLogger(__name__)

# A value the document prints, read by the model alone; and one the local parser read alike.
MODEL_CONFIDENCE = 0.7
AGREED_CONFIDENCE = 0.95


@dataclass
class GeminiReading:
    """The model's resume after placeholders were restored and unsupported values dropped."""

    resume: ParsedResume
    source: SourceText
    extractor: str
    usage: dict[str, int] = field(default_factory=dict)
    personal: PersonalDetails = field(default_factory=PersonalDetails)

    def finish(self, normalizer: str, confidence: Callable[[CheckedValue], float]) -> ParsedResume:
        self.resume.meta = ParseMeta(
            parser_version=__version__,
            normalizer=normalizer,
            extractor=self.extractor,
            evidence=[*evidence(self.resume, self.source, confidence), *self.personal.evidence],
            usage=self.usage,
        )
        return self.resume


class GeminiNormalizer:
    name = "gemini"

    def __init__(self, client: genai.Client, settings: Settings):
        self._client = client
        self._model = settings.gemini_model
        self._config = types.GenerateContentConfig(
            system_instruction=gemini_prompt.INSTRUCTIONS,
            temperature=0.0,
            candidate_count=1,
            response_mime_type="application/json",
            response_schema=gemini_prompt.response_schema(),
        )

    async def normalize(self, grouped: GroupedDocument) -> ParsedResume:
        reading = await self.read(grouped)
        return reading.finish(self.name, lambda _: MODEL_CONFIDENCE)

    async def read(
        self, grouped: GroupedDocument, draft: ParsedResume | None = None, unsure: list[str] | None = None
    ) -> GeminiReading:
        """Ask the model (with `draft` as a starting point, if given, and the draft's `unsure`
        fields named) and check its answer."""
        if not any(char.isalpha() for char in grouped.document.text):
            raise EmptyDocumentError("the document has no text to normalize")
        # Personal details are read by rules and never sent: the model sees the other lines only.
        grouped, personal = read_personal_details(grouped)
        redaction = minimize(grouped)
        usage = {"prompt_tokens": 0, "output_tokens": 0, "model_calls": 0}
        request = [types.Content(role="user", parts=_request_parts(grouped, draft, unsure, redaction))]
        resume = await self._valid_answer(request, redaction, usage)
        source = SourceText(grouped.document, redaction)
        usage["dropped_unsupported_values"] = drop_unsupported(resume, source)
        logger.info(
            "gemini normalization: %(model_calls)d call(s), %(prompt_tokens)d prompt and %(output_tokens)d "
            "output tokens, %(dropped_unsupported_values)d unsupported value(s) dropped",
            usage,
        )
        if not any(checked_values(resume)):
            raise NormalizationError("Gemini found no value the document prints", reason="NOTHING_RECOGNIZED")
        personal.apply(resume.basics)
        return GeminiReading(resume, source, grouped.document.extractor, usage, personal)

    async def _valid_answer(
        self, request: list[types.Content], redaction: Redaction, usage: dict[str, int]
    ) -> ParsedResume:
        """The answer as a resume; an invalid answer is retried once, with what was wrong with it."""
        answer = await self._generate(request, usage)
        resume, problem = _parse(answer, redaction)
        if resume is None:
            answer = await self._generate([*request, *gemini_prompt.retry_request(answer, problem)], usage)
            resume, problem = _parse(answer, redaction)
        if resume is None:
            raise NormalizationError(
                f"Gemini answered invalid output twice: {problem}", reason="GEMINI_INVALID_OUTPUT"
            )
        return resume

    async def _generate(self, contents: list[types.Content], usage: dict[str, int]) -> str:
        with gemini_errors(NormalizationError, "generateContent"):
            response = await self._client.aio.models.generate_content(
                model=self._model, contents=contents, config=self._config
            )
        usage["model_calls"] += 1
        if response.usage_metadata is not None:
            usage["prompt_tokens"] += response.usage_metadata.prompt_token_count or 0
            usage["output_tokens"] += response.usage_metadata.candidates_token_count or 0
            thinking = response.usage_metadata.thoughts_token_count
            if thinking:
                usage["thinking_tokens"] = usage.get("thinking_tokens", 0) + thinking
        return response.text or ""


class HybridNormalizer:
    name = "hybrid"

    def __init__(self, local: Normalizer, gemini: GeminiNormalizer, min_confidence: float = 0.9):
        self._local = local
        self._gemini = gemini
        self._min_confidence = min_confidence

    async def normalize(self, grouped: GroupedDocument) -> ParsedResume:
        try:
            draft: ParsedResume | None = await self._local.normalize(grouped)
        except NormalizationError:
            draft = None  # the model reads the document without a draft
        unsure = uncertain_fields(draft, self._min_confidence) if draft is not None else None
        if draft is not None and draft.meta is not None and unsure == []:
            draft.meta.normalizer = self.name
            draft.meta.usage = {"model_calls": 0}
            return draft
        reading = await self._gemini.read(grouped, draft, unsure)
        drafted = _readings(draft) if draft is not None else set()

        def confidence(checked: CheckedValue) -> float:
            return (
                AGREED_CONFIDENCE
                if (checked.kind, normalized(checked.value)) in drafted
                else MODEL_CONFIDENCE
            )

        return reading.finish(self.name, confidence)


def uncertain_fields(draft: ParsedResume, min_confidence: float) -> list[str] | None:
    """The paths of the draft's fields, kept or left out, less sure than `min_confidence`; None
    when the draft says nothing of its confidence (every field is then in question)."""
    if draft.meta is None or not draft.meta.evidence:
        return None
    return [record.path for record in draft.meta.evidence if record.confidence < min_confidence]


def _readings(resume: ParsedResume) -> set[tuple[str, str]]:
    """(field kind, normalized value) pairs: positions are ignored, so reordered entries still agree."""
    return {(checked.kind, normalized(checked.value)) for checked in checked_values(resume)}


def _request_parts(
    grouped: GroupedDocument, draft: ParsedResume | None, unsure: list[str] | None, redaction: Redaction
) -> list[types.Part]:
    parts = [types.Part(text=redaction.redact(gemini_prompt.render_layout(grouped)))]
    if draft is not None:
        # Contact details come back from the placeholders anyway; the draft's copies need not travel.
        anonymous = draft.model_copy(update={"basics": _without_contacts(draft.basics), "meta": None})
        draft_json = json.dumps(anonymous.to_json_dict(), ensure_ascii=False, indent=1)
        introduction = gemini_prompt.draft_introduction(unsure)
        parts.append(types.Part(text=introduction + redaction.redact(draft_json)))
    return parts


def _without_contacts(basics: Basics) -> Basics:
    contacts: dict[str, object] = {"name": None, "email": None, "phone": None, "url": None, "profiles": []}
    return basics.model_copy(update={**contacts, **PERSONAL_DETAILS_UNSET})


def _parse(answer: str, redaction: Redaction) -> tuple[ParsedResume | None, str]:
    """The answer as a resume with placeholders restored, or None and what is wrong with it."""
    if not answer.strip():
        return None, "the answer was empty"
    try:
        return ParsedResume.model_validate(_restored(json.loads(answer), redaction)), ""
    except json.JSONDecodeError as error:
        return None, f"not JSON ({error.msg} at line {error.lineno} column {error.colno})"
    except ValidationError as error:
        problems = [
            f"{'.'.join(str(part) for part in issue['loc'])}: {issue['msg']}"
            for issue in error.errors(include_input=False, include_url=False)
        ]
        return None, "; ".join(problems)


def _restored(value: Any, redaction: Redaction) -> Any:
    """Placeholders put back in every string of a parsed JSON value (after parsing: no escaping issues)."""
    if isinstance(value, str):
        return redaction.restore(value)
    if isinstance(value, list):
        return [_restored(item, redaction) for item in value]
    if isinstance(value, dict):
        return {key: _restored(item, redaction) for key, item in value.items()}
    return value

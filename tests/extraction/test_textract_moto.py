"""TextractExtractor end to end against moto's Textract backend, over HTTP, fed real Textract responses.

What moto 5.2.5 offers (moto/textract/models.py): StartDocumentAnalysis stores one answer per job,
fixed when the job starts from the class attributes TextractBackend.JOB_STATUS, BLOCKS and PAGES,
and GetDocumentAnalysis returns that answer whatever the NextToken (pagination is not implemented).
It has no /moto-api/ endpoint for Textract results. Because ThreadedMotoServer runs in this process,
the tests set those class attributes directly. For what moto cannot express (a job that finishes
after some polls, result pages joined by NextToken, a StatusMessage, throttling) `ScriptedAnalysis`
replaces the backend's get_document_analysis: moto still checks the job id and does the HTTP and
JSON protocol, botocore still parses the answers, only their content comes from the script.
"""

from __future__ import annotations

import copy
import json
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import aioboto3
import pytest
from moto.core.exceptions import JsonRESTError
from moto.server import ThreadedMotoServer
from moto.textract.exceptions import InvalidS3ObjectException
from moto.textract.models import TextractBackend, TextractJob

from resume_parser.errors import (
    DocumentError,
    DocumentLimitError,
    EmptyDocumentError,
    NotFoundError,
    TransientError,
)
from resume_parser.extraction import SourceFile
from resume_parser.extraction.textract import TextractExtractor, TextractJobFailedError
from resume_parser.extraction.textract_layout import document_from_blocks
from resume_parser.settings import Settings

DATA = Path(__file__).parent / "textract_data"
SOURCE = SourceFile(data=b"", media_type="application/pdf", bucket="resumes", key="resumes/sha256/ab/abcdef")


@cache
def _response(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text())
    data.pop("ResponseMetadata", None)  # botocore makes its own
    return data


def response(name: str) -> dict[str, Any]:
    answer: dict[str, Any] = copy.deepcopy(_response(name))
    return answer


def succeeded(blocks: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"JobStatus": "SUCCEEDED", "DocumentMetadata": {"Pages": 1}, "Blocks": blocks, **extra}


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def settings(moto_endpoint: str) -> Settings:
    return Settings(
        aws_endpoint_url_textract=moto_endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # pydantic makes it a SecretStr
        aws_default_region="us-east-1",
        max_pages=50,
    )


def extractor(settings: Settings, **options: Any) -> TextractExtractor:
    """Fast polling, and no botocore retries, so each test sees every answer it scripted."""
    defaults: dict[str, Any] = {"first_poll_seconds": 0.01, "max_poll_seconds": 0.05, "max_attempts": 1}
    return TextractExtractor(settings, aioboto3.Session(), **{**defaults, **options})


@pytest.fixture
def moto_textract(monkeypatch: pytest.MonkeyPatch) -> type[TextractBackend]:
    """moto's Textract backend class, its job settings restored after the test."""
    monkeypatch.setattr(TextractBackend, "JOB_STATUS", "SUCCEEDED")
    monkeypatch.setattr(TextractBackend, "PAGES", 1)  # moto's default is a dict, not a count
    monkeypatch.setattr(TextractBackend, "BLOCKS", [])
    return TextractBackend


@dataclass
class ScriptedAnalysis:
    """GetDocumentAnalysis answers: `polls` in turn for calls without a NextToken (the last one
    repeats), `pages` by NextToken. Records each call's NextToken and time."""

    polls: list[dict[str, Any] | Exception]
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)
    tokens: list[str | None] = field(default_factory=list)
    times: list[float] = field(default_factory=list)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        original = TextractBackend.get_document_analysis

        def get_document_analysis(
            backend: TextractBackend, job_id: str, max_results: int | None, next_token: str | None = None
        ) -> TextractJob:
            original(backend, job_id, max_results, next_token)  # moto's job id check
            self.tokens.append(next_token)
            self.times.append(time.monotonic())
            if next_token:
                return TextractJob(self.pages[next_token])
            answer = self.polls[min(len(self.tokens) - 1, len(self.polls) - 1)]
            if isinstance(answer, Exception):
                raise answer
            return TextractJob(answer)

        monkeypatch.setattr(TextractBackend, "get_document_analysis", get_document_analysis)


class _ServerError(JsonRESTError):
    code = 500


def texts(blocks: list[dict[str, Any]]) -> list[str]:
    return [line.text for line in document_from_blocks(blocks, "application/pdf").lines]


async def test_multicolumn_page_comes_back_column_by_column(
    settings: Settings, moto_textract: type[TextractBackend], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = response("test-multicol-response.json")["Blocks"]
    monkeypatch.setattr(moto_textract, "BLOCKS", blocks)
    started: list[dict[str, Any]] = []
    original_start = TextractBackend.start_document_analysis

    def start(backend: TextractBackend, document_location: dict[str, Any], feature_types: list[str]) -> str:
        started.append({"location": document_location, "features": feature_types})
        return original_start(backend, document_location, feature_types)

    monkeypatch.setattr(TextractBackend, "start_document_analysis", start)

    document = await extractor(settings).extract(SOURCE)

    assert started == [
        {"location": {"S3Object": {"Bucket": "resumes", "Name": SOURCE.key}}, "features": ["LAYOUT"]}
    ]
    order = [line.text for line in document.lines]
    assert order == texts(blocks)
    left_end, right_start = order.index("within one paragraph."), order.index("A horizontally separate right")
    assert right_start == left_end + 1
    assert order.index("with the intention to read the left") < order.index("column.")
    assert document.extractor == "textract"
    assert document.media_type == "application/pdf"
    assert document.warnings == []
    assert all(word.confidence is not None and 0 < word.confidence <= 1 for word in document.lines[0].words)


@pytest.mark.parametrize(
    "name",
    ["test-multicol-response-2.json", "test-twocol-header-footer-response.json", "gib__90_degrees.json"],
)
async def test_real_responses_survive_the_round_trip(
    name: str, settings: Settings, moto_textract: type[TextractBackend], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = response(name)["Blocks"]
    monkeypatch.setattr(moto_textract, "BLOCKS", blocks)

    document = await extractor(settings).extract(SOURCE)

    assert [line.text for line in document.lines] == texts(blocks)
    assert len(document.lines) == sum(1 for block in blocks if block["BlockType"] == "LINE")


async def test_next_token_pages_are_followed(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = response("test-twocol-header-footer-response.json")["Blocks"]
    third = len(blocks) // 3
    script = ScriptedAnalysis(
        polls=[succeeded(blocks[:third], NextToken="page-2")],
        pages={
            "page-2": succeeded(blocks[third : 2 * third], NextToken="page-3"),
            "page-3": succeeded(blocks[2 * third :]),
        },
    )
    script.install(monkeypatch)

    document = await extractor(settings).extract(SOURCE)

    assert script.tokens == [None, "page-2", "page-3"]
    assert [line.text for line in document.lines] == texts(blocks)


async def test_in_progress_is_polled_with_growing_delays(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_progress = response("test-inprogress-response.json")
    blocks = response("test-multicol-response.json")["Blocks"]
    script = ScriptedAnalysis(polls=[in_progress, in_progress, in_progress, succeeded(blocks)])
    script.install(monkeypatch)

    document = await extractor(settings, first_poll_seconds=0.05, max_poll_seconds=1.0).extract(SOURCE)

    assert len(script.tokens) == 4
    gaps = [later - earlier for earlier, later in zip(script.times, script.times[1:], strict=False)]
    # Each wait is at least the backoff delay: 0.05, 0.1, 0.2 s.
    assert gaps[0] >= 0.05 and gaps[1] >= 0.1 and gaps[2] >= 0.2
    assert document.lines[0].text == "Multi-column test document"


async def test_a_job_in_progress_past_the_deadline_is_transient(
    settings: Settings, moto_textract: type[TextractBackend], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(moto_textract, "JOB_STATUS", "IN_PROGRESS")
    started = time.monotonic()

    with pytest.raises(TransientError) as caught:
        await extractor(settings, deadline_seconds=0.3).extract(SOURCE)

    assert caught.value.reason == "TEXTRACT_TIMEOUT"
    assert 0.3 <= time.monotonic() - started < 5


async def test_a_failed_job_is_a_document_error(
    settings: Settings, moto_textract: type[TextractBackend], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(moto_textract, "JOB_STATUS", "FAILED")

    with pytest.raises(TextractJobFailedError) as caught:
        await extractor(settings).extract(SOURCE)

    assert isinstance(caught.value, DocumentError)
    assert caught.value.reason == "TEXTRACT_JOB_FAILED"


async def test_a_failed_job_reports_textracts_status_message(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    ScriptedAnalysis(polls=[response("test-failed-response.json")]).install(monkeypatch)

    with pytest.raises(TextractJobFailedError) as caught:
        await extractor(settings).extract(SOURCE)

    assert "Dummy Status Message" in caught.value.message
    assert caught.value.metadata == {"textract_status_message": "Dummy Status Message"}


async def test_partial_success_keeps_the_text_with_a_warning(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = response("test-multicol-response.json")["Blocks"]
    partial = {
        "JobStatus": "PARTIAL_SUCCESS",
        "DocumentMetadata": {"Pages": 3},
        "Blocks": blocks,
        "Warnings": [{"ErrorCode": "PAGE_ANALYSIS_FAILED", "Pages": [3, 2]}],
    }
    ScriptedAnalysis(polls=[partial]).install(monkeypatch)

    document = await extractor(settings).extract(SOURCE)

    assert [line.text for line in document.lines] == texts(blocks)
    assert document.warnings == ["textract analysed the document only in part; pages not analysed: 2, 3"]


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (JsonRESTError("ProvisionedThroughputExceededException", "slow down"), "TEXTRACT_THROTTLED"),
        (JsonRESTError("ThrottlingException", "rate exceeded"), "TEXTRACT_THROTTLED"),
        (_ServerError("InternalServerError", "oops"), "TEXTRACT_UNAVAILABLE"),
    ],
)
async def test_throttling_and_server_errors_are_transient(
    error: Exception, reason: str, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    ScriptedAnalysis(polls=[error]).install(monkeypatch)

    with pytest.raises(TransientError) as caught:
        await extractor(settings).extract(SOURCE)

    assert caught.value.reason == reason


async def test_an_unreadable_s3_object_is_not_found(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def start(backend: TextractBackend, document_location: dict[str, Any], feature_types: list[str]) -> str:
        raise InvalidS3ObjectException()

    monkeypatch.setattr(TextractBackend, "start_document_analysis", start)

    with pytest.raises(NotFoundError) as caught:
        await extractor(settings).extract(SOURCE)

    assert caught.value.reason == "S3_OBJECT_NOT_FOUND"


async def test_a_document_without_text_is_empty(
    settings: Settings, moto_textract: type[TextractBackend]
) -> None:
    with pytest.raises(EmptyDocumentError):
        await extractor(settings).extract(SOURCE)


async def test_too_many_pages_is_a_limit_error(
    settings: Settings, moto_textract: type[TextractBackend], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(moto_textract, "PAGES", 51)
    monkeypatch.setattr(moto_textract, "BLOCKS", response("test-multicol-response.json")["Blocks"])

    with pytest.raises(DocumentLimitError):
        await extractor(settings).extract(SOURCE)


async def test_an_unreachable_endpoint_is_transient() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(
        aws_endpoint_url_textract=f"http://127.0.0.1:{port}",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )

    with pytest.raises(TransientError) as caught:
        await extractor(settings).extract(SOURCE)

    assert caught.value.reason == "TEXTRACT_UNAVAILABLE"

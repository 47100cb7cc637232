"""The Gemini embedder through the real google-genai SDK, against the fake endpoint."""

from __future__ import annotations

import math

import pytest
from google import genai

from resume_parser.embedding import Embedder
from resume_parser.embedding.gemini import BATCH_SIZE, GeminiEmbedder
from resume_parser.errors import ConfigurationError, EmbeddingError, TransientError
from resume_parser.settings import Settings
from tests.gemini.fake_gemini import FakeGemini, Reply, pseudo_vector


@pytest.fixture
def embedder(gemini_client: genai.Client, gemini_settings: Settings) -> GeminiEmbedder:
    return GeminiEmbedder(gemini_client, gemini_settings)


def test_name_records_model_and_dimension(embedder: GeminiEmbedder) -> None:
    typed: Embedder = embedder
    assert (typed.name, typed.dimension) == ("gemini:gemini-embedding-001:768", 768)


async def test_documents_are_batched_with_the_document_task_type(
    embedder: GeminiEmbedder, fake_gemini: FakeGemini
) -> None:
    texts = [f"resume number {i}" for i in range(2 * BATCH_SIZE + 50)]

    vectors = await embedder.embed_documents(texts)

    assert [len(request.body["requests"]) for request in fake_gemini.requests] == [100, 100, 50]
    for request in fake_gemini.requests:
        assert request.path.endswith("/models/gemini-embedding-001:batchEmbedContents")
        assert {item["taskType"] for item in request.body["requests"]} == {"RETRIEVAL_DOCUMENT"}
        assert {item["outputDimensionality"] for item in request.body["requests"]} == {768}
    assert len(vectors) == len(texts)
    assert all(len(vector) == 768 for vector in vectors)
    assert all(math.isclose(math.hypot(*vector), 1.0) for vector in vectors)
    # Order is kept across batches: vector 150 is text 150's (the fake's vector, normalized).
    expected = pseudo_vector(texts[150], 768)
    norm = math.hypot(*expected)
    assert vectors[150] == pytest.approx([value / norm for value in expected])


async def test_a_query_uses_the_query_task_type(embedder: GeminiEmbedder, fake_gemini: FakeGemini) -> None:
    vector = await embedder.embed_query("senior Go engineer with Kubernetes in Berlin")

    (request,) = fake_gemini.requests
    assert [item["taskType"] for item in request.body["requests"]] == ["RETRIEVAL_QUERY"]
    assert len(vector) == 768
    assert math.isclose(math.hypot(*vector), 1.0)


async def test_no_texts_means_no_request(embedder: GeminiEmbedder, fake_gemini: FakeGemini) -> None:
    assert await embedder.embed_documents([]) == []
    assert fake_gemini.requests == []


@pytest.mark.parametrize("status", [429, 500, 503])
async def test_throttling_and_server_errors_are_transient(
    embedder: GeminiEmbedder, fake_gemini: FakeGemini, status: int
) -> None:
    fake_gemini.queue(Reply.error(status))

    with pytest.raises(TransientError):
        await embedder.embed_documents(["text"])

    assert len(await embedder.embed_documents(["text"])) == 1  # the next attempt succeeds


async def test_a_rejected_request_is_permanent(embedder: GeminiEmbedder, fake_gemini: FakeGemini) -> None:
    fake_gemini.queue(Reply.error(400, "text too long"))

    with pytest.raises(EmbeddingError) as failure:
        await embedder.embed_query("query")

    assert failure.value.reason == "GEMINI_REJECTED"


async def test_a_hanging_endpoint_times_out_as_transient(
    embedder: GeminiEmbedder, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(Reply.hanging())

    with pytest.raises(TransientError):
        await embedder.embed_query("query")


async def test_a_dimension_other_than_configured_is_a_configuration_error(
    embedder: GeminiEmbedder, fake_gemini: FakeGemini
) -> None:
    fake_gemini.queue(Reply(body={"embeddings": [{"values": [0.1, 0.2, 0.3]}]}))

    with pytest.raises(ConfigurationError, match="768"):
        await embedder.embed_query("query")

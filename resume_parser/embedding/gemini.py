"""The Gemini embedder: google-genai embed_content, batched, with retrieval task types.

Gemini only returns unit vectors at its full size; at a reduced `output_dimensionality` they are
normalized here so cosine similarity and inner product agree, as the Embedder protocol promises.
"""

from __future__ import annotations

import math

from google import genai
from google.genai import types

from resume_parser.errors import ConfigurationError, EmbeddingError
from resume_parser.gemini_client import gemini_errors
from resume_parser.settings import Settings

# batchEmbedContents accepts at most 100 texts per request.
BATCH_SIZE = 100


class GeminiEmbedder:
    def __init__(self, client: genai.Client, settings: Settings):
        self._client = client
        self._model = settings.gemini_embedding_model
        self.dimension = settings.gemini_embedding_dimension
        self.name = f"gemini:{self._model}:{self.dimension}"

    async def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), BATCH_SIZE):
            vectors.extend(await self._embed(texts[start : start + BATCH_SIZE], "RETRIEVAL_DOCUMENT"))
        return vectors

    async def embed_query(self, text: str) -> list[float]:
        (vector,) = await self._embed([text], "RETRIEVAL_QUERY")
        return vector

    async def embed_queries(self, texts: list[str]) -> list[list[float]]:
        return await self._embed(texts, "RETRIEVAL_QUERY") if texts else []

    async def _embed(self, texts: list[str], task_type: str) -> list[list[float]]:
        config = types.EmbedContentConfig(task_type=task_type, output_dimensionality=self.dimension)
        contents: list[types.ContentUnion] = [*texts]  # each text is one embedding
        with gemini_errors(EmbeddingError, "embedContent"):
            response = await self._client.aio.models.embed_content(
                model=self._model, contents=contents, config=config
            )
        embeddings = response.embeddings or []
        if len(embeddings) != len(texts):
            raise EmbeddingError(f"Gemini returned {len(embeddings)} embeddings for {len(texts)} texts")
        return [self._unit_vector(embedding.values or []) for embedding in embeddings]

    def _unit_vector(self, values: list[float]) -> list[float]:
        if len(values) != self.dimension:
            raise ConfigurationError(
                f"{self._model} returned {len(values)} dimensions; "
                f"GEMINI_EMBEDDING_DIMENSION is {self.dimension}"
            )
        norm = math.sqrt(sum(value * value for value in values))
        if norm == 0.0:
            raise EmbeddingError("Gemini returned a zero vector")
        return [value / norm for value in values]

"""The local embedders the search benchmarks compare, by short name."""

from __future__ import annotations

from resume_parser.embedding import Embedder

EMBEDDERS = ("e5", "minilm", "use")


def load_embedder(name: str) -> Embedder:
    if name == "minilm":
        from resume_parser.embedding.local import LocalEmbedder

        return LocalEmbedder.load()
    from resume_parser.embedding.multilingual import E5Embedder, UseEmbedder

    return E5Embedder() if name == "e5" else UseEmbedder()

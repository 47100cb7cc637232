"""A worker runs several jobs at once in one process: the shared parsers and the embedding model
must survive concurrent calls and give the same results as one call at a time."""

from __future__ import annotations

import asyncio

from resume_parser.embedding.local import LocalEmbedder
from resume_parser.extraction import SourceFile
from resume_parser.extraction.filetype import detect_media_type
from resume_parser.extraction.isolation import ParserProcesses
from resume_parser.extraction.local import LocalExtractor
from tests.conftest import EVAL_DEV


async def test_concurrent_extractions_match_sequential_ones() -> None:
    files = sorted(EVAL_DEV.glob("*.pdf"))[:12]
    processes = ParserProcesses(processes=2, memory_limit_bytes=2048 * 2**20, timeout_seconds=60)
    extractor = LocalExtractor(processes)
    sources = [
        SourceFile(data=f.read_bytes(), media_type=detect_media_type(f.read_bytes()), bucket="b", key=f.name)
        for f in files
    ]
    sequential = [(await extractor.extract(source)).text for source in sources]

    concurrent = await asyncio.gather(*(extractor.extract(source) for source in sources * 2))

    processes.close()
    assert [document.text for document in concurrent] == sequential * 2


async def test_concurrent_embeddings_match_sequential_ones() -> None:
    embedder = LocalEmbedder.load()
    texts = [f"Senior engineer number {i} with Kubernetes and Go" for i in range(16)]
    sequential = [await embedder.embed_query(text) for text in texts]

    concurrent = await asyncio.gather(*(embedder.embed_query(text) for text in texts))

    for one, other in zip(sequential, concurrent, strict=True):
        assert max(abs(a - b) for a, b in zip(one, other, strict=True)) < 1e-5

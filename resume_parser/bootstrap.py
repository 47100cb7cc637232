"""The one wiring place: builds the typed container both the gRPC server and the arq worker use.

Backends are chosen here from Settings, and heavy optional ones (the local embedding model,
Gemini, Textract) are imported only when chosen, so a missing dependency is a clear start-up error.
"""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from typing import Any

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from resume_parser.blobstore import S3BlobStore
from resume_parser.cascade.parser import load_cascade
from resume_parser.db.engine import create_engine, create_sessionmaker
from resume_parser.db.repository import ResumeRepository
from resume_parser.embedding import Embedder
from resume_parser.events import EventHub, EventPublisher
from resume_parser.extraction import Extractor
from resume_parser.grouping.grouper import LayoutGrouper
from resume_parser.jobqueue import JobQueue
from resume_parser.normalization import Normalizer
from resume_parser.pipeline import Pipeline, Stages
from resume_parser.redaction.service import RedactionService
from resume_parser.search import places
from resume_parser.service import ResumeService
from resume_parser.settings import EmbedBackend, ExtractBackend, LocalEmbedModel, NormalizeBackend, Settings


@dataclass
class Container:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    repository: ResumeRepository
    blobs: S3BlobStore
    queue: JobQueue
    publisher: EventPublisher
    embedder: Embedder
    gemini: Any = None  # one google-genai client per process, when a Gemini backend is chosen
    hub: EventHub | None = None  # the server's event subscription, once build_service ran
    stack: AsyncExitStack = field(default_factory=AsyncExitStack)

    async def close(self) -> None:
        await self.stack.aclose()


async def build_container(settings: Settings) -> Container:
    settings.require_infrastructure()
    stack = AsyncExitStack()
    try:
        engine = create_engine(settings.db_url or "")
        stack.push_async_callback(engine.dispose)
        blobs = S3BlobStore(settings)
        await blobs.start()
        stack.push_async_callback(blobs.close)
        queue = await JobQueue.connect(settings.redis_url or "")
        stack.push_async_callback(queue.close)
        redis = Redis.from_url(settings.redis_url or "")
        stack.push_async_callback(redis.aclose)
        gemini = _gemini_client(settings, stack)
        embedder = build_embedder(settings, gemini)
        # The place names search reads from every resume and query: loaded now, not in a request.
        await asyncio.to_thread(places.warm_up)
        sessions = create_sessionmaker(engine)
        return Container(
            settings=settings,
            engine=engine,
            sessions=sessions,
            repository=ResumeRepository(sessions),
            blobs=blobs,
            queue=queue,
            publisher=EventPublisher(redis),
            embedder=embedder,
            gemini=gemini,
            stack=stack,
        )
    except BaseException:
        await stack.aclose()
        raise


async def build_service(container: Container) -> ResumeService:
    """The gRPC server's use cases, with the process-wide event subscription started."""
    hub = EventHub(container.settings.redis_url or "")
    await hub.start()
    container.stack.push_async_callback(hub.close)
    container.hub = hub
    return ResumeService(
        container.settings, container.repository, container.blobs, container.queue, hub, container.publisher
    )


def build_redaction(container: Container, resumes: ResumeService, *, max_bytes: int) -> RedactionService:
    """GetRedactedDocument's use case, with its own parser child process: the server reads no
    untrusted file in its own process. The child starts on the first redaction."""
    from resume_parser.extraction.isolation import ParserProcesses
    from resume_parser.extraction.limits import ExtractionLimits

    settings = container.settings
    processes = ParserProcesses(
        processes=1,
        memory_limit_bytes=settings.extract_memory_limit_bytes,
        timeout_seconds=settings.stage_deadline_seconds,
    )
    container.stack.push_async_callback(asyncio.to_thread, processes.close)
    return RedactionService(
        resumes,
        container.blobs,
        processes,
        ExtractionLimits.from_settings(settings),
        max_bytes=max_bytes,
        deadline_seconds=settings.stage_deadline_seconds,
    )


def build_pipeline(container: Container) -> Pipeline:
    stages = Stages(
        extractor=build_extractor(container.settings, container.stack),
        grouper=build_grouper(),
        normalizer=build_normalizer(container.settings, container.gemini),
        embedder=container.embedder,
    )
    return Pipeline(container.settings, container.repository, container.blobs, container.publisher, stages)


def build_extractor(settings: Settings, stack: AsyncExitStack) -> Extractor:
    if settings.extract_backend == ExtractBackend.TEXTRACT:
        from resume_parser.extraction.textract import TextractExtractor

        return TextractExtractor(settings)
    from resume_parser.extraction.isolation import ParserProcesses
    from resume_parser.extraction.libreoffice import require_libreoffice
    from resume_parser.extraction.limits import ExtractionLimits
    from resume_parser.extraction.local import LocalExtractor

    require_libreoffice()  # DOC, RTF and ODT are converted by it: a missing one is a start-up error
    processes = ParserProcesses(
        processes=settings.extract_processes,
        memory_limit_bytes=settings.extract_memory_limit_bytes,
        timeout_seconds=settings.stage_deadline_seconds,
    )
    stack.push_async_callback(asyncio.to_thread, processes.close)  # joins the children: off the loop
    return LocalExtractor(processes, ExtractionLimits.from_settings(settings))


def build_grouper() -> LayoutGrouper:
    return LayoutGrouper(load_cascade())


def _gemini_client(settings: Settings, stack: AsyncExitStack) -> Any:
    if settings.normalize_backend == NormalizeBackend.LOCAL and settings.embed_backend == EmbedBackend.LOCAL:
        return None
    from resume_parser.gemini_client import create_client

    client = create_client(settings)
    stack.push_async_callback(client.aio.aclose)
    return client


def build_normalizer(settings: Settings, gemini: Any) -> Normalizer:
    from resume_parser.normalization.local import LocalNormalizer

    local = LocalNormalizer(load_cascade())
    if settings.normalize_backend == NormalizeBackend.LOCAL:
        return local
    from resume_parser.normalization.gemini import GeminiNormalizer, HybridNormalizer

    model = GeminiNormalizer(gemini, settings)
    return (
        model
        if settings.normalize_backend == NormalizeBackend.GEMINI
        else HybridNormalizer(local, model, settings.hybrid_min_confidence)
    )


def build_embedder(settings: Settings, gemini: Any) -> Embedder:
    if settings.embed_backend == EmbedBackend.GEMINI:
        from resume_parser.embedding.gemini import GeminiEmbedder

        return GeminiEmbedder(gemini, settings)
    if settings.local_embed_model == LocalEmbedModel.USE_MULTILINGUAL:
        from resume_parser.embedding.multilingual import UseEmbedder

        return UseEmbedder.load()
    from resume_parser.embedding.local import LocalEmbedder

    return LocalEmbedder.load(cache_dir=settings.embed_model_cache_dir)

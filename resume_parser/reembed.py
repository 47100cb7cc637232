"""`resume-parser reembed`: recompute every parsed resume's vectors with the configured embedder,
e.g. after switching EMBED_BACKEND. Searches only compare vectors of the current embedder, so
resumes become findable again as they are re-embedded."""

from __future__ import annotations

import logging

from resume_parser.bootstrap import build_container
from resume_parser.search.reembed import reembed_all
from resume_parser.settings import Settings

log = logging.getLogger(__name__)


async def run_reembed(settings: Settings) -> int:
    container = await build_container(settings)
    try:
        count = await reembed_all(container.sessions, container.embedder)
    finally:
        await container.close()
    log.info("re-embedded resumes", extra={"count": count, "embedder": container.embedder.name})
    return 0

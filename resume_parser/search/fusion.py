"""Reciprocal rank fusion: merge rankings by position only, so scores on different scales (cosine
similarity, ts_rank) never need calibrating against each other (Cormack et al., SIGIR 2009)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

# The constant from the paper: damps the lead of the first few places so that a resume ranked well
# by both lists beats one ranked first by only one.
RRF_K = 60


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[uuid.UUID]], k: int = RRF_K
) -> list[tuple[uuid.UUID, float]]:
    """Resume ids with their fused score, best first (ties broken by id, so pages are stable)."""
    scores: dict[uuid.UUID, float] = {}
    for ranking in rankings:
        for position, resume_id in enumerate(ranking, start=1):
            scores[resume_id] = scores.get(resume_id, 0.0) + 1.0 / (k + position)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))

"""Search page tokens: an offset into one query's ranking, bound to that query.

A ranking has no stable key to resume from, so the token carries an offset. It also carries a
fingerprint of everything that shaped the ranking (text, filters, mode, embedder), so a token
replayed with a different query is refused instead of silently returning unrelated results.
"""

from __future__ import annotations

import base64
import hashlib
import json

from resume_parser.errors import InvalidInputError
from resume_parser.search.query import SearchQuery


def fingerprint(query: SearchQuery, embedder_name: str, min_score: float = 0.0) -> str:
    shape = [
        query.text.strip(),
        query.tenant_id,
        query.job_post_id,
        query.created_after.isoformat() if query.created_after else "",
        query.created_before.isoformat() if query.created_before else "",
        query.mode.value,
        embedder_name,
        min_score,
    ]
    return hashlib.sha256(json.dumps(shape).encode()).hexdigest()[:16]


def encode(offset: int, query_fingerprint: str) -> str:
    payload = json.dumps({"o": offset, "f": query_fingerprint}).encode()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def decode(token: str, query_fingerprint: str) -> int:
    """The offset a token points at; 0 for no token."""
    if not token:
        return 0
    try:
        payload = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        offset, issued_for = payload["o"], payload["f"]
    except (ValueError, KeyError, TypeError) as error:
        raise InvalidInputError("page_token is malformed", reason="INVALID_PAGE_TOKEN") from error
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise InvalidInputError("page_token is malformed", reason="INVALID_PAGE_TOKEN")
    if issued_for != query_fingerprint:
        raise InvalidInputError("page_token was issued for a different query", reason="INVALID_PAGE_TOKEN")
    return offset

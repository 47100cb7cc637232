"""Opaque page tokens: a keyset position bound to the filters it was issued for (AIP-158)."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from datetime import datetime

from resume_parser.db.repository import PageCursor
from resume_parser.errors import InvalidInputError


def _fingerprint(filters: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(filters, sort_keys=True).encode()).hexdigest()[:16]


def encode(cursor: PageCursor, filters: dict[str, str]) -> str:
    payload = {"t": cursor.created_at.isoformat(), "i": str(cursor.id), "f": _fingerprint(filters)}
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def decode(token: str, filters: dict[str, str]) -> PageCursor | None:
    if not token:
        return None
    try:
        padded = token + "=" * (-len(token) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded))
        cursor = PageCursor(created_at=datetime.fromisoformat(payload["t"]), id=uuid.UUID(payload["i"]))
        fingerprint = payload["f"]
    except (ValueError, KeyError, TypeError) as error:
        raise InvalidInputError("page_token is malformed", reason="INVALID_PAGE_TOKEN") from error
    if fingerprint != _fingerprint(filters):
        raise InvalidInputError("page_token was issued for different filters", reason="INVALID_PAGE_TOKEN")
    return cursor

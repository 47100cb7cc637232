"""The google-genai client built from Settings, and its failures translated into our error tree.

One client is shared by the Gemini normalizer and the Gemini embedder; whoever builds it closes it
(`await client.aio.aclose()`). The SDK never retries on its own here: throttling and 5xx surface as
TransientError and the pipeline's retry policy (with backoff) decides what happens next.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import httpx2
from google import genai
from google.genai import errors as genai_errors
from google.genai import types

from resume_parser.errors import ConfigurationError, ResumeParserError, TransientError
from resume_parser.settings import Settings

# 408 request timeout, 429 resource exhausted; every 5xx is retried as well.
_TRANSIENT_CLIENT_CODES = frozenset({408, 429})


def create_client(settings: Settings) -> genai.Client:
    """A client for the Gemini API (never Vertex AI), configured only from `settings`."""
    if settings.gemini_api_key is None:
        raise ConfigurationError("GEMINI_API_KEY is required when a Gemini backend is chosen")
    http_options = types.HttpOptions(
        base_url=settings.gemini_base_url,
        timeout=round(settings.gemini_timeout_seconds * 1000),  # the SDK counts milliseconds
        # An explicit httpx2 transport makes the SDK use httpx2 (its own dependency) rather than
        # aiohttp when aiohttp happens to be installed: one code path, one family of timeout errors.
        async_client_args={"transport": httpx2.AsyncHTTPTransport()},
    )
    return genai.Client(
        api_key=settings.gemini_api_key.get_secret_value(), vertexai=False, http_options=http_options
    )


@contextmanager
def gemini_errors(permanent: type[ResumeParserError], operation: str) -> Iterator[None]:
    """Map SDK and transport failures: worth retrying -> TransientError, anything else -> `permanent`.

    Messages name the operation and the status only; request and response bodies may hold resume text.
    """
    try:
        yield
    except genai_errors.APIError as error:
        message = f"Gemini {operation} failed: HTTP {error.code} {error.status or ''}".rstrip()
        if error.code in _TRANSIENT_CLIENT_CODES or error.code >= 500:
            raise TransientError(message, reason="GEMINI_UNAVAILABLE") from error
        raise permanent(message, reason="GEMINI_REJECTED") from error
    except (
        httpx2.TransportError,
        TimeoutError,
        genai_errors.UnknownApiResponseError,
        json.JSONDecodeError,
    ) as error:
        # Timeouts, refused and dropped connections, and a body that is not the API's JSON (a proxy's page).
        raise TransientError(
            f"Gemini {operation} failed: {type(error).__name__}", reason="GEMINI_UNAVAILABLE"
        ) from error

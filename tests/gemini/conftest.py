"""A fake Gemini endpoint per test, and a real google-genai client pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from google import genai
from pydantic import SecretStr

from resume_parser.gemini_client import create_client
from resume_parser.settings import Settings
from tests.gemini.fake_gemini import FakeGemini

# Short, so the hanging-server tests finish quickly; a healthy local reply takes milliseconds.
TIMEOUT_SECONDS = 1.0


@pytest.fixture
async def fake_gemini() -> AsyncIterator[FakeGemini]:
    fake = FakeGemini()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
def gemini_settings(fake_gemini: FakeGemini) -> Settings:
    return Settings(
        gemini_api_key=SecretStr("test-key"),
        gemini_base_url=fake_gemini.base_url,
        gemini_model="gemini-test-flash",
        gemini_embedding_model="gemini-embedding-001",
        gemini_embedding_dimension=768,
        gemini_timeout_seconds=TIMEOUT_SECONDS,
    )


@pytest.fixture
async def gemini_client(gemini_settings: Settings) -> AsyncIterator[genai.Client]:
    client = create_client(gemini_settings)
    yield client
    await client.aio.aclose()

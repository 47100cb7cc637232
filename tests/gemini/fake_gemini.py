"""A small, real HTTP server that speaks the slice of the Gemini REST API our code uses.

The tests point the real google-genai SDK at it (HttpOptions.base_url), so the SDK's request
building, transport and response parsing all run; only Google's side is faked. Replies are
scripted per test as a queue; every request body is recorded so a test can check what left the
process (for instance, that no personal data did).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass(frozen=True)
class Reply:
    """One scripted answer. Build it with the class methods."""

    status: int = 200
    body: dict[str, Any] | None = None
    hang: bool = False
    raw_body: str | None = None  # sent as is, e.g. a proxy's HTML error page

    @classmethod
    def model_text(cls, text: str, *, prompt_tokens: int = 100, output_tokens: int = 50) -> Reply:
        """A generateContent success whose single candidate says `text` (valid JSON or not)."""
        usage = {
            "promptTokenCount": prompt_tokens,
            "candidatesTokenCount": output_tokens,
            "totalTokenCount": prompt_tokens + output_tokens,
        }
        candidate = {
            "content": {"role": "model", "parts": [{"text": text}]},
            "finishReason": "STOP",
            "index": 0,
        }
        return cls(body={"candidates": [candidate], "usageMetadata": usage})

    @classmethod
    def model_json(cls, value: dict[str, Any], **tokens: int) -> Reply:
        return cls.model_text(json.dumps(value), **tokens)

    @classmethod
    def error(cls, status: int, message: str = "scripted failure") -> Reply:
        return cls(status=status, body={"error": {"code": status, "message": message, "status": "SCRIPTED"}})

    @classmethod
    def raw(cls, status: int, text: str) -> Reply:
        return cls(status=status, raw_body=text)

    @classmethod
    def hanging(cls) -> Reply:
        """Never answers (until the server stops): the client's deadline has to fire."""
        return cls(hang=True)


@dataclass
class RecordedRequest:
    path: str
    body: dict[str, Any]
    api_key: str | None

    @property
    def raw(self) -> str:
        return json.dumps(self.body, ensure_ascii=False)


@dataclass
class FakeGemini:
    """Scripted replies are served first-in first-out; embeddings default to deterministic vectors."""

    replies: list[Reply] = field(default_factory=list)
    requests: list[RecordedRequest] = field(default_factory=list)
    base_url: str = ""
    _runner: web.AppRunner | None = None
    _stopping: asyncio.Event = field(default_factory=asyncio.Event)

    def queue(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/{version}/models/{call}", self._handle)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"

    async def stop(self) -> None:
        self._stopping.set()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.requests.append(RecordedRequest(request.path, body, request.headers.get("x-goog-api-key")))
        reply = self.replies.pop(0) if self.replies else None
        if reply is None and request.path.endswith(":batchEmbedContents"):
            return web.json_response(_embeddings_for(body))
        if reply is None:
            reply = Reply.error(500, "fake Gemini: no reply queued")
        if reply.hang:
            await self._stopping.wait()
        if reply.raw_body is not None:
            return web.Response(text=reply.raw_body, status=reply.status, content_type="text/html")
        return web.json_response(reply.body, status=reply.status)


def _embeddings_for(body: dict[str, Any]) -> dict[str, Any]:
    """A deterministic, deliberately unnormalized vector per text, sized as requested."""
    embeddings = []
    for request in body["requests"]:
        text = "".join(part.get("text", "") for part in request["content"]["parts"])
        dimension = int(request.get("outputDimensionality", 3072))
        embeddings.append({"values": pseudo_vector(text, dimension)})
    return {"embeddings": embeddings}


def pseudo_vector(text: str, dimension: int) -> list[float]:
    seed = hashlib.sha256(text.encode()).digest()
    return [3.0 * math.sin(seed[i % len(seed)] + i) for i in range(dimension)]

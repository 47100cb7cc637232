"""Bearer-token authentication of calling services, as a server interceptor.

Tokens are configured as SHA-256 digests, so the configuration never holds a usable secret, and
compared in constant time. Health checks stay open for load balancers and orchestrators.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Awaitable, Callable
from typing import Any

import grpc

from resume_parser.grpc_api.status import rich_status

OPEN_METHODS_PREFIX = "/grpc.health.v1.Health/"


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class BearerTokenInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self, digests: list[str]):
        self._digests = [bytes.fromhex(d) for d in digests]

    def _authorized(self, metadata: tuple[tuple[str, str | bytes], ...] | None) -> bool:
        header = next((value for key, value in metadata or () if key == "authorization"), None)
        if not isinstance(header, str) or not header.lower().startswith("bearer "):
            return False
        presented = hashlib.sha256(header[len("bearer ") :].strip().encode()).digest()
        # Compare against every digest so the time taken does not reveal which one matched.
        matches = [hmac.compare_digest(presented, digest) for digest in self._digests]
        return any(matches)

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler[Any, Any] | None]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler[Any, Any] | None:
        method: str = handler_call_details.method
        metadata = handler_call_details.invocation_metadata
        if method.startswith(OPEN_METHODS_PREFIX) or self._authorized(metadata):
            return await continuation(handler_call_details)
        return _deny(await continuation(handler_call_details))


def _deny(handler: grpc.RpcMethodHandler[Any, Any] | None) -> grpc.RpcMethodHandler[Any, Any]:
    status = rich_status(
        grpc.StatusCode.UNAUTHENTICATED, "a valid bearer token is required", "UNAUTHENTICATED"
    )

    async def reject(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
        await context.abort_with_status(status)

    async def reject_stream(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
        await context.abort_with_status(status)
        yield  # pragma: no cover - makes this an async generator like the handler it replaces

    if handler is None:
        return grpc.unary_unary_rpc_method_handler(reject)
    serializers = {
        "request_deserializer": handler.request_deserializer,
        "response_serializer": handler.response_serializer,
    }
    if handler.unary_unary:
        return grpc.unary_unary_rpc_method_handler(reject, **serializers)
    if handler.unary_stream:
        return grpc.unary_stream_rpc_method_handler(reject_stream, **serializers)
    if handler.stream_unary:
        return grpc.stream_unary_rpc_method_handler(reject, **serializers)
    return grpc.stream_stream_rpc_method_handler(reject_stream, **serializers)

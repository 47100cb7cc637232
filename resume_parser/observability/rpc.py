"""Observing whole gRPC calls from a server interceptor.

A grpc.aio interceptor only sees the method handler, not the call's outcome. wrap_handler() returns
a handler whose behaviour runs inside the interceptor's observer, a context manager that sees the
call from its start to its final status, for unary calls and for streams alike.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractContextManager, aclosing
from typing import Any, TypeAlias

import grpc

# Strings: grpc's classes are generic only in their type stubs.
Context: TypeAlias = "grpc.aio.ServicerContext[Any, Any]"
Handler: TypeAlias = "grpc.RpcMethodHandler[Any, Any]"
# Given the call's context, a context manager entered when the call starts and left when it ends.
Observer: TypeAlias = "Callable[[Context], AbstractContextManager[None]]"


def split_method(full_method: str) -> tuple[str, str]:
    """'/ats.resume.v1.ResumeService/UploadResume' -> ('ats.resume.v1.ResumeService', 'UploadResume')."""
    service, _, method = full_method.lstrip("/").rpartition("/")
    return service, method


def final_code(context: Context, error: BaseException | None) -> grpc.StatusCode:
    """The status the client receives: set by abort()/set_code(), else implied by how the call ended."""
    if isinstance(error, asyncio.CancelledError | GeneratorExit):
        return grpc.StatusCode.CANCELLED
    code = context.code()
    if isinstance(code, grpc.StatusCode):
        return code
    return grpc.StatusCode.OK if error is None else grpc.StatusCode.UNKNOWN


def wrap_handler(handler: Handler, observe: Observer) -> Handler:
    serializers = {
        "request_deserializer": handler.request_deserializer,
        "response_serializer": handler.response_serializer,
    }
    if handler.unary_unary:
        return grpc.unary_unary_rpc_method_handler(_unary(handler.unary_unary, observe), **serializers)
    if handler.unary_stream:
        return grpc.unary_stream_rpc_method_handler(_streaming(handler.unary_stream, observe), **serializers)
    if handler.stream_unary:
        return grpc.stream_unary_rpc_method_handler(_unary(handler.stream_unary, observe), **serializers)
    if handler.stream_stream:
        return grpc.stream_stream_rpc_method_handler(
            _streaming(handler.stream_stream, observe), **serializers
        )
    return handler


def _unary(behavior: Callable[..., Any], observe: Observer) -> Callable[..., Any]:
    async def observed(request: Any, context: Context) -> Any:
        with observe(context):
            return await behavior(request, context)

    return observed


def _streaming(behavior: Callable[..., Any], observe: Observer) -> Callable[..., AsyncIterator[Any]]:
    async def observed(request: Any, context: Context) -> AsyncIterator[Any]:
        with observe(context):
            responses = behavior(request, context)
            if inspect.isasyncgen(responses):
                # Closed explicitly, so a cancelled stream releases its resources now, not at GC.
                async with aclosing(responses):
                    async for response in responses:
                        yield response
            else:  # a coroutine that writes its responses with context.write()
                await responses

    return observed

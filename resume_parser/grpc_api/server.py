"""Building and running the grpc.aio server. create_server() is separate from serve() so tests bind
port 0 and get the real port back."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from pathlib import Path

import grpc
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from resume_parser.bootstrap import Container, build_container, build_redaction, build_service
from resume_parser.grpc_api.auth import BearerTokenInterceptor
from resume_parser.grpc_api.servicer import ResumeServicer
from resume_parser.observability.metrics import MetricsInterceptor, poll_queue_depth
from resume_parser.observability.tracing import TracingInterceptor
from resume_parser.search import SearchService
from resume_parser.settings import Settings

log = logging.getLogger(__name__)

SERVICE_NAME = api.DESCRIPTOR.services_by_name["ResumeService"].full_name
# Headroom over the upload limit for the request's other fields, so an over-size file reaches the
# service and gets a FILE_TOO_LARGE error rather than a bare transport error.
MESSAGE_OVERHEAD = 64 * 1024
# The largest response: a redacted document of a few pages is well under it (150 dpi JPEG pages,
# 150 to 400 KB each).
MAX_SEND_MESSAGE_BYTES = 16 * 1024 * 1024


async def create_server(container: Container, *, address: str) -> tuple[grpc.aio.Server, int]:
    settings = container.settings
    limit = settings.max_upload_bytes + MESSAGE_OVERHEAD
    # Metrics outermost, so calls the token check rejects are counted and traced too.
    interceptors: list[grpc.aio.ServerInterceptor] = [MetricsInterceptor(), TracingInterceptor()]
    if settings.token_digests:
        interceptors.append(BearerTokenInterceptor(settings.token_digests))
    server = grpc.aio.server(
        interceptors=interceptors,
        options=[
            ("grpc.max_receive_message_length", limit),
            ("grpc.max_send_message_length", MAX_SEND_MESSAGE_BYTES),
        ],
    )
    service = await build_service(container)
    search = SearchService(container.sessions, container.embedder)
    redaction = build_redaction(container, service, max_bytes=MAX_SEND_MESSAGE_BYTES - MESSAGE_OVERHEAD)
    api_grpc.add_ResumeServiceServicer_to_server(ResumeServicer(service, search, redaction), server)

    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    for name in ("", SERVICE_NAME):
        await health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)

    reflection.enable_server_reflection([SERVICE_NAME, health.SERVICE_NAME, reflection.SERVICE_NAME], server)
    credentials = server_credentials(settings)
    port = server.add_secure_port(address, credentials) if credentials else server.add_insecure_port(address)
    return server, port


async def shutdown(server: grpc.aio.Server, container: Container, grace: float = 10.0) -> None:
    """Stop taking calls, end open watch streams with UNAVAILABLE (clients re-watch elsewhere and
    lose nothing), and give unary calls in flight `grace` seconds to finish."""
    if container.hub is not None:
        container.hub.end_watches()
    await server.stop(grace=grace)


def server_credentials(settings: Settings) -> grpc.ServerCredentials | None:
    """TLS from the configured files; a client CA turns on mutual TLS."""
    if not settings.tls_cert_file or not settings.tls_key_file:
        return None
    key = Path(settings.tls_key_file).read_bytes()
    cert = Path(settings.tls_cert_file).read_bytes()
    client_ca = Path(settings.tls_client_ca_file).read_bytes() if settings.tls_client_ca_file else None
    return grpc.ssl_server_credentials(
        [(key, cert)], root_certificates=client_ca, require_client_auth=bool(client_ca)
    )


async def serve(settings: Settings, *, on_ready: Callable[[int], None] | None = None) -> None:
    """Run until SIGINT/SIGTERM, then drain in-flight RPCs for a grace period."""
    container = await build_container(settings)
    try:
        server, port = await create_server(container, address=f"{settings.grpc_host}:{settings.grpc_port}")
        await server.start()
        log.info("gRPC server listening", extra={"address": f"{settings.grpc_host}:{port}"})
        if on_ready is not None:
            on_ready(port)
        queue_depth = asyncio.create_task(poll_queue_depth(container.queue.depth))
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        queue_depth.cancel()
        await shutdown(server, container)
    finally:
        await container.close()

"""Only authorized callers: bearer tokens checked by an interceptor, TLS and mutual TLS."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from resume_parser.bootstrap import Container
from resume_parser.grpc_api.auth import token_digest
from resume_parser.grpc_api.server import create_server
from tests.certs import make_pki
from tests.helpers import error_reason

TOKEN = "s3cret-token-for-the-gateway"


async def start(container: Container, **overrides: object) -> tuple[grpc.aio.Server, int]:
    configured = dataclasses.replace(container, settings=container.settings.model_copy(update=overrides))
    server, port = await create_server(configured, address="127.0.0.1:0")
    await server.start()
    return server, port


@pytest.fixture
async def auth_port(container: Container) -> AsyncIterator[int]:
    server, port = await start(container, auth_token_sha256=f"{token_digest('other')},{token_digest(TOKEN)}")
    yield port
    await server.stop(grace=None)


@pytest.mark.parametrize(
    "metadata", [None, (("authorization", "Bearer wrong"),), (("authorization", TOKEN),)]
)
async def test_calls_without_a_valid_token_are_unauthenticated(auth_port: int, metadata: object) -> None:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{auth_port}") as channel:
        stub = api_grpc.ResumeServiceStub(channel)
        with pytest.raises(grpc.aio.AioRpcError) as unary:
            await stub.ListResumes(api.ListResumesRequest(), metadata=metadata)
        with pytest.raises(grpc.aio.AioRpcError) as streaming:
            async for _ in stub.WatchResume(api.WatchResumeRequest(resume_id="x"), metadata=metadata):
                pass
    assert unary.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert error_reason(unary.value) == "UNAUTHENTICATED"
    assert streaming.value.code() == grpc.StatusCode.UNAUTHENTICATED


async def test_a_valid_token_is_accepted_and_health_stays_open(auth_port: int, clean_state: None) -> None:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{auth_port}") as channel:
        listed = await api_grpc.ResumeServiceStub(channel).ListResumes(
            api.ListResumesRequest(), metadata=(("authorization", f"Bearer {TOKEN}"),)
        )
        health = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest())
    assert list(listed.resumes) == []
    assert health.status == health_pb2.HealthCheckResponse.SERVING


async def test_tls_and_mutual_tls(container: Container, tmp_path: Path, clean_state: None) -> None:
    pki = make_pki(tmp_path)
    server, port = await start(
        container,
        tls_cert_file=str(pki["server.pem"]),
        tls_key_file=str(pki["server.key"]),
        tls_client_ca_file=str(pki["ca.pem"]),
    )
    try:
        ca = pki["ca.pem"].read_bytes()
        with_client_cert = grpc.ssl_channel_credentials(
            root_certificates=ca,
            private_key=pki["client.key"].read_bytes(),
            certificate_chain=pki["client.pem"].read_bytes(),
        )
        async with grpc.aio.secure_channel(f"127.0.0.1:{port}", with_client_cert) as channel:
            listed = await api_grpc.ResumeServiceStub(channel).ListResumes(
                api.ListResumesRequest(), timeout=10
            )
        assert list(listed.resumes) == []

        without_client_cert = grpc.ssl_channel_credentials(root_certificates=ca)
        async with grpc.aio.secure_channel(f"127.0.0.1:{port}", without_client_cert) as channel:
            with pytest.raises(grpc.aio.AioRpcError) as rejected:
                await api_grpc.ResumeServiceStub(channel).ListResumes(api.ListResumesRequest(), timeout=10)
        assert rejected.value.code() == grpc.StatusCode.UNAVAILABLE

        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            with pytest.raises(grpc.aio.AioRpcError) as plaintext:
                await api_grpc.ResumeServiceStub(channel).ListResumes(api.ListResumesRequest(), timeout=10)
        assert plaintext.value.code() == grpc.StatusCode.UNAVAILABLE
    finally:
        await server.stop(grace=None)

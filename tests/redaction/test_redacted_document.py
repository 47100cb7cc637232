"""GetRedactedDocument end to end: real gRPC server, real worker, real PostgreSQL, Valkey, S3
endpoint and LibreOffice, on training resumes (a PDF with a photo, a DOCX and a scan)."""

from __future__ import annotations

import uuid

import grpc
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc

from resume_parser.bootstrap import Container
from resume_parser.errors import ResultTooLargeError, TransientError
from resume_parser.extraction.isolation import ParserProcesses
from resume_parser.extraction.limits import ExtractionLimits
from resume_parser.redaction.service import RedactionService
from resume_parser.service import ResumeService
from tests.conftest import SHARED
from tests.helpers import error_reason, upload, wait_terminal
from tests.redaction.personal import Fixture, leaks, missing_words, ocr_text, text_layer

pytestmark = pytest.mark.usefixtures("worker")

TRAIN = SHARED / "eval" / "train"
PDF_WITH_PHOTO = TRAIN / "minyma-20011.pdf"  # an avatar placed as an image
SCAN_WITH_PHOTO = TRAIN / "scan-fresh-20050.pdf"  # image only; the avatar is part of the scan
DOCX = SHARED / "eval" / "train-docx" / "lo-onecol-50001.docx"
MIN_SKILLS_KEPT = 3


async def _completed(stub: api_grpc.ResumeServiceStub, fixture: Fixture, tenant_id: str = "") -> pb.Resume:
    uploaded = await upload(stub, fixture.path.read_bytes(), filename=fixture.path.name, tenant_id=tenant_id)
    resume = await wait_terminal(stub, uploaded.resume.id, timeout=180, tenant_id=tenant_id)
    assert resume.stage == pb.STAGE_COMPLETED
    return resume


async def _redacted(
    stub: api_grpc.ResumeServiceStub, resume_id: str, tenant_id: str = ""
) -> api.GetRedactedDocumentResponse:
    response: api.GetRedactedDocumentResponse = await stub.GetRedactedDocument(
        api.GetRedactedDocumentRequest(resume_id=resume_id, tenant_id=tenant_id), timeout=180
    )
    return response


def _counts(response: api.GetRedactedDocumentResponse) -> dict[int, int]:
    return {region.kind: region.count for region in response.redacted_regions}


def _assert_only_image_and_invisible_text(content: bytes) -> None:
    """Each page is one image and text objects drawn invisibly: the original text is gone."""
    document = pdfium.PdfDocument(content)
    try:
        for page in document:
            kinds = [pdfium_c.FPDFPageObj_GetType(obj.raw) for obj in page.get_objects(max_depth=0)]
            assert kinds.count(pdfium_c.FPDF_PAGEOBJ_IMAGE) == 1
            assert set(kinds) <= {pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_TEXT}
            for obj in page.get_objects(max_depth=0):
                if pdfium_c.FPDFPageObj_GetType(obj.raw) == pdfium_c.FPDF_PAGEOBJ_TEXT:
                    mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
                    assert mode == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
    finally:
        document.close()


def _assert_redacted(fixture: Fixture, response: api.GetRedactedDocumentResponse, *, ocr: bool) -> None:
    assert response.content_type == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = text_layer(response.content)
    assert leaks(text, fixture.basics) == []
    assert missing_words(text, fixture.employers) == []
    kept_skills = [skill for skill in fixture.skills if not missing_words(text, [skill])]
    assert len(kept_skills) >= MIN_SKILLS_KEPT, kept_skills
    _assert_only_image_and_invisible_text(response.content)
    if ocr:
        seen = ocr_text(response.content)
        assert leaks(seen, fixture.basics) == []
        assert missing_words(seen, fixture.employers[:1]) == []  # the pages still read


async def test_a_pdf_is_redacted_its_photo_too_and_keeps_employers_and_skills(
    stub: api_grpc.ResumeServiceStub,
) -> None:
    fixture = Fixture.load(PDF_WITH_PHOTO)
    original = text_layer(fixture.path.read_bytes())
    assert leaks(original, fixture.basics) != []  # the check can fail: the original shows them
    resume = await _completed(stub, fixture)

    response = await _redacted(stub, resume.id)

    assert response.page_count == len(pdfium.PdfDocument(fixture.path.read_bytes()))
    counts = _counts(response)
    assert counts.get(api.REDACTION_KIND_PERSONAL_FIELD, 0) >= 3  # name, e-mail, phone at least
    assert counts.get(api.REDACTION_KIND_PICTURE) == 1
    _assert_redacted(fixture, response, ocr=True)


async def test_a_docx_is_laid_out_by_libreoffice_and_redacted(stub: api_grpc.ResumeServiceStub) -> None:
    fixture = Fixture.load(DOCX)
    resume = await _completed(stub, fixture)

    response = await _redacted(stub, resume.id)

    assert response.page_count >= 1
    counts = _counts(response)
    assert api.REDACTION_KIND_PERSONAL_FIELD not in counts  # its evidence is not in page coordinates
    assert counts[api.REDACTION_KIND_PERSONAL_TEXT] >= 3
    _assert_redacted(fixture, response, ocr=True)


async def test_a_scan_is_redacted_through_ocr_and_its_photo_found_in_the_pixels(
    stub: api_grpc.ResumeServiceStub,
) -> None:
    fixture = Fixture.load(SCAN_WITH_PHOTO)
    assert text_layer(fixture.path.read_bytes()).strip() == ""  # image only
    resume = await _completed(stub, fixture)

    response = await _redacted(stub, resume.id)

    counts = _counts(response)
    assert counts.get(api.REDACTION_KIND_PICTURE) == 1
    assert counts.get(api.REDACTION_KIND_PERSONAL_FIELD, 0) >= 2
    _assert_redacted(fixture, response, ocr=True)


async def test_unknown_and_other_tenants_resumes_are_not_found(stub: api_grpc.ResumeServiceStub) -> None:
    fixture = Fixture.load(PDF_WITH_PHOTO)
    resume = await _completed(stub, fixture, tenant_id="tenant-a")

    for resume_id, tenant_id in ((str(uuid.uuid4()), "tenant-a"), (resume.id, "tenant-b"), (resume.id, "")):
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await _redacted(stub, resume_id, tenant_id)
        assert raised.value.code() == grpc.StatusCode.NOT_FOUND
        assert error_reason(raised.value) == "RESUME_NOT_FOUND"

    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await _redacted(stub, "not-a-uuid")
    assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_a_resume_that_is_not_completed_is_a_failed_precondition(
    stub: api_grpc.ResumeServiceStub,
) -> None:
    uploaded = await upload(stub, b"%PDF-1.7\nthis is not a PDF body\n%%EOF\n", filename="broken.pdf")
    resume = await wait_terminal(stub, uploaded.resume.id)
    assert resume.stage == pb.STAGE_FAILED

    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await _redacted(stub, resume.id)

    assert raised.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_reason(raised.value) == "RESUME_NOT_COMPLETED"
    assert "FAILED" in (raised.value.details() or "")


async def test_a_redacted_document_over_the_message_size_is_a_specific_error(
    stub: api_grpc.ResumeServiceStub, container: Container
) -> None:
    fixture = Fixture.load(PDF_WITH_PHOTO)
    resume = await _completed(stub, fixture)
    resumes = ResumeService(container.settings, container.repository, container.blobs, container.queue)
    processes = ParserProcesses(processes=1, memory_limit_bytes=2**31, timeout_seconds=60)
    service = RedactionService(
        resumes, container.blobs, processes, ExtractionLimits(), max_bytes=50_000, deadline_seconds=60
    )
    try:
        with pytest.raises(ResultTooLargeError) as raised:
            await service.redacted_document(uuid.UUID(resume.id), "")
    finally:
        processes.close()

    assert raised.value.reason == "REDACTED_DOCUMENT_TOO_LARGE"
    assert int(raised.value.metadata["size_bytes"]) > 50_000


async def test_a_redaction_over_its_deadline_is_stopped_with_a_specific_error(
    stub: api_grpc.ResumeServiceStub, container: Container
) -> None:
    resume = await _completed(stub, Fixture.load(PDF_WITH_PHOTO))
    resumes = ResumeService(container.settings, container.repository, container.blobs, container.queue)
    processes = ParserProcesses(processes=1, memory_limit_bytes=2**31, timeout_seconds=60)
    service = RedactionService(
        resumes, container.blobs, processes, ExtractionLimits(), max_bytes=2**24, deadline_seconds=0.05
    )
    try:
        with pytest.raises(TransientError) as raised:
            await service.redacted_document(uuid.UUID(resume.id), "")
    finally:
        processes.close()

    assert raised.value.reason == "REDACTION_TIMEOUT"


def test_page_objects_are_checked_by_their_type() -> None:
    """The structural check itself fails on an ordinary PDF (real text objects)."""
    with pytest.raises(AssertionError):
        _assert_only_image_and_invisible_text(PDF_WITH_PHOTO.read_bytes())

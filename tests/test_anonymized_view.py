"""The anonymized view end to end: real PDFs (a text PDF of the dev corpus, a scan of the training
corpus, a German CV with personal details made here) through the real worker, then GetResume,
ListResumes and SearchResumes through the gRPC server in both views."""

from __future__ import annotations

import re
from collections.abc import Iterable

import grpc
import pytest
from ats.resume.v1 import resume_pb2 as pb
from ats.resume.v1 import resume_service_pb2 as api
from ats.resume.v1 import resume_service_pb2_grpc as api_grpc
from google.protobuf.message import Message

from tests.conftest import EVAL_DEV, SHARED
from tests.extraction.documents import pdf_bytes, text_page
from tests.helpers import error_reason, upload, wait_terminal
from tests.normalization.test_personal import GERMAN_CV

pytestmark = pytest.mark.usefixtures("worker")

TEXT_PDF = EVAL_DEV / "classic-1000.pdf"
SCAN = SHARED / "eval" / "train" / "scan-colophon-20043.pdf"  # image only: read by OCR
ANONYMIZED = pb.RESUME_VIEW_ANONYMIZED


def _strings(message: Message) -> list[str]:
    """Every string of a message, nested messages and repeated fields included."""
    found: list[str] = []
    for _field, value in message.ListFields():
        values = value if isinstance(value, Iterable) and not isinstance(value, str | bytes) else [value]
        for item in values:
            if isinstance(item, Message):
                found += _strings(item)
            elif isinstance(item, str):
                found.append(item)
    return found


def _personal(basics: pb.Basics) -> tuple[list[str], list[str]]:
    """(values, name parts) of a full view's basics that the anonymized view must show nowhere.

    Nationality, gender and marital status are left out of the basics (checked there): their
    words ("deutsch", "female") may be a spoken language or a highlight's word, not the person."""
    values = [basics.name, basics.email, basics.phone, basics.url, basics.date_of_birth]
    values += [basics.location.address, basics.location.postal_code]
    values += [p.url for p in basics.profiles] + [p.username for p in basics.profiles]
    parts = [part for part in re.split(r"[\s-]+", basics.name) if len(part) >= 2]
    return [v for v in values if v], parts


def _assert_anonymous(message: Message, basics: pb.Basics) -> None:
    text = "\n".join(_strings(message))
    values, parts = _personal(basics)
    assert values, "the full view has personal values to check"
    for value in values:
        assert value.casefold() not in text.casefold(), value
    for part in parts:
        assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text, re.IGNORECASE), part
    digits = re.sub(r"\D", "", basics.phone)[-9:]
    assert not digits or digits not in re.sub(r"\D", "", text)


async def _uploaded(stub: api_grpc.ResumeServiceStub) -> dict[str, str]:
    documents = {
        "Upadhriti_CV.pdf": TEXT_PDF.read_bytes(),
        "scan.pdf": SCAN.read_bytes(),
        "Lukas_Schneider_Lebenslauf.pdf": pdf_bytes(text_page(*GERMAN_CV)),
    }
    ids = {}
    for filename, content in documents.items():
        ids[filename] = (await upload(stub, content, filename=filename)).resume.id
    for resume_id in ids.values():
        assert (await wait_terminal(stub, resume_id, timeout=180)).stage == pb.STAGE_COMPLETED
    return ids


async def _get(stub: api_grpc.ResumeServiceStub, resume_id: str, **fields: object) -> pb.Resume:
    return (await stub.GetResume(api.GetResumeRequest(resume_id=resume_id, **fields))).resume  # type: ignore[arg-type]


async def test_get_list_and_search_in_the_anonymized_view(stub: api_grpc.ResumeServiceStub) -> None:
    ids = await _uploaded(stub)

    for filename, resume_id in ids.items():
        full = await _get(stub, resume_id)
        anonymous = await _get(stub, resume_id, view=ANONYMIZED)
        assert (full.view, anonymous.view) == (pb.RESUME_VIEW_FULL, ANONYMIZED)
        assert full.filename == filename and anonymous.filename == ""
        assert full.parsed.basics.name and full.parsed.basics.email, filename
        _assert_anonymous(anonymous, full.parsed.basics)
        # What a screener weighs stays: employers, positions, dates, skills, the city.
        assert [w.name for w in anonymous.parsed.work] == [w.name for w in full.parsed.work]
        assert [w.start_date for w in anonymous.parsed.work] == [w.start_date for w in full.parsed.work]
        assert list(anonymous.parsed.skills) == list(full.parsed.skills) and full.parsed.skills
        assert anonymous.parsed.basics.location.city == full.parsed.basics.location.city
        paths = {e.path for e in anonymous.parsed.meta.evidence}
        assert not {"basics.name", "basics.email", "basics.phone"} & paths
        assert "work[0].name" in paths

    german_full = (await _get(stub, ids["Lukas_Schneider_Lebenslauf.pdf"])).parsed.basics
    assert (german_full.date_of_birth, german_full.gender, german_full.marital_status) == (
        "1988-07",
        "male",
        "married",
    )
    assert (german_full.nationality, list(german_full.nationality_country_codes)) == ("deutsch", ["DE"])
    german = (await _get(stub, ids["Lukas_Schneider_Lebenslauf.pdf"], view=ANONYMIZED)).parsed.basics
    assert (german.date_of_birth, german.gender, german.marital_status, german.nationality) == (
        "",
        "",
        "",
        "",
    )
    assert list(german.nationality_country_codes) == [] and not german.has_photo

    listed = await stub.ListResumes(api.ListResumesRequest(view=ANONYMIZED))
    assert sorted(r.id for r in listed.resumes) == sorted(ids.values())
    assert all(r.filename == "" and r.view == ANONYMIZED for r in listed.resumes)
    full_list = await stub.ListResumes(api.ListResumesRequest())
    assert sorted(r.filename for r in full_list.resumes) == sorted(ids)

    query = "software or analytics engineer with Python and SQL"
    found = await stub.SearchResumes(  # type: ignore[misc]
        api.SearchResumesRequest(query=query, min_match_score=0.0, view=ANONYMIZED)
    )
    everyone = await stub.SearchResumes(api.SearchResumesRequest(query=query, min_match_score=0.0))  # type: ignore[misc]
    assert [r.resume_id for r in found.results] == [r.resume_id for r in everyone.results]
    assert len(found.results) == len(ids)
    by_id = {r.resume_id: r for r in everyone.results}
    for result in found.results:
        full = await _get(stub, result.resume_id)
        assert by_id[result.resume_id].name == full.parsed.basics.name and result.name == ""
        _assert_anonymous(result, full.parsed.basics)
        assert result.matched_work.name == by_id[result.resume_id].matched_work.name


async def test_anonymization_options_remove_the_place_and_the_organizations(
    stub: api_grpc.ResumeServiceStub,
) -> None:
    resume_id = (await upload(stub, TEXT_PDF.read_bytes())).resume.id
    await wait_terminal(stub, resume_id, timeout=180)
    full = await _get(stub, resume_id)
    options = api.AnonymizationOptions(redact_location=True, redact_organizations=True)
    anonymous = await _get(stub, resume_id, view=ANONYMIZED, anonymization=options)

    assert not anonymous.parsed.basics.HasField("location")
    assert {w.name for w in anonymous.parsed.work} == {"[employer]"}
    assert {e.institution for e in anonymous.parsed.education} == {"[school]"}
    text = "\n".join(_strings(anonymous))
    for value in [w.name for w in full.parsed.work] + [full.parsed.basics.location.city]:
        assert value not in text, value


@pytest.mark.parametrize(
    ("call", "request_", "reason"),
    [
        (
            "GetResume",
            api.GetResumeRequest(resume_id="00000000-0000-0000-0000-000000000000", view=7),
            "INVALID_VIEW",
        ),  # type: ignore[arg-type]
        ("ListResumes", api.ListResumesRequest(view=-1), "INVALID_VIEW"),  # type: ignore[arg-type]
        ("SearchResumes", api.SearchResumesRequest(query="engineer", view=3), "INVALID_VIEW"),  # type: ignore[arg-type]
        (
            "GetResume",
            api.GetResumeRequest(
                resume_id="00000000-0000-0000-0000-000000000000",
                view=pb.RESUME_VIEW_FULL,
                anonymization=api.AnonymizationOptions(redact_location=True),
            ),
            "ANONYMIZATION_WITHOUT_VIEW",
        ),
        (
            "SearchResumes",
            api.SearchResumesRequest(
                query="engineer", anonymization=api.AnonymizationOptions(redact_organizations=True)
            ),
            "ANONYMIZATION_WITHOUT_VIEW",
        ),
    ],
)
async def test_an_invalid_view_is_invalid_argument(
    stub: api_grpc.ResumeServiceStub, call: str, request_: Message, reason: str
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await getattr(stub, call)(request_)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_reason(refused.value) == reason

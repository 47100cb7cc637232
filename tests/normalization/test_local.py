"""The local normalizer end to end: a real PDF, DOCX and text file through extraction and grouping."""

from __future__ import annotations

from datetime import date

import docx
import pytest

from resume_parser.cascade.parser import load_cascade
from resume_parser.errors import EmptyDocumentError
from resume_parser.extraction.local import extract_bytes
from resume_parser.layout import Block, Document, GroupedDocument, Line, Page, Section, SectionKind, Word
from resume_parser.normalization.version import PARSER_VERSION
from resume_parser.parsing import parse_bytes
from resume_parser.resume import ParsedResume
from tests.extraction.documents import docx_bytes, pdf_bytes, text_page
from tests.parsers import grouper, normalizer

RESUME_LINES = (
    "Jane van der Berg",
    "Senior Backend Engineer",
    "jane.berg@example.com | +49 30 23125974 | Berlin, Germany | github.com/jberg",
    "EXPERIENCE",
    "Senior Backend Engineer, Acme GmbH      Jan 2021 – Present",
    "• Built the billing service in Go",
    "Backend Engineer, Beta Labs      03/2017 - 12/2019",
    "• Cut p95 latency by 40%",
    "EDUCATION",
    "Technische Universität Berlin      2012 – 2016",
    "B.Sc. in Computer Science",
    "SKILLS",
    "Go, Python, Postgres, PostgreSQL, k8s",
    "LANGUAGES",
    "German (Native), English (C1)",
)


def _normalize(data: bytes) -> ParsedResume:
    grouped = grouper().group(extract_bytes(data))
    return normalizer(date(2025, 6, 1)).normalize_sync(grouped)


def _check_resume(resume: ParsedResume) -> None:
    assert resume.basics.name == "Jane van der Berg"
    assert resume.basics.email == "jane.berg@example.com"
    assert resume.basics.phone == "+493023125974"
    assert resume.basics.location is not None and resume.basics.location.city == "Berlin"
    assert [p.url for p in resume.basics.profiles] == ["https://github.com/jberg"]
    assert [(w.name, w.position, w.start_date, w.end_date, w.is_current) for w in resume.work] == [
        ("Acme GmbH", "Senior Backend Engineer", "2021-01", None, True),
        ("Beta Labs", "Backend Engineer", "2017-03", "2019-12", False),
    ]
    assert [(e.institution, e.study_type, e.area) for e in resume.education] == [
        ("Technische Universität Berlin", "B.Sc.", "Computer Science")
    ]
    assert [k for s in resume.skills for k in s.keywords] == ["Go", "Python", "Postgres", "k8s"]
    assert [(x.language, x.fluency) for x in resume.languages] == [("German", "Native"), ("English", "C1")]


def test_a_text_pdf() -> None:
    resume = _normalize(pdf_bytes(text_page(*RESUME_LINES)))
    _check_resume(resume)
    meta = resume.meta
    assert meta is not None
    assert (meta.parser_version, meta.normalizer, meta.extractor) == (
        normalizer().parser_version,
        "local",
        "pdfium",
    )
    assert meta.reference_date == "2025-06-01"
    assert meta.total_experience_months == 54 + 34  # 2021-01..2025-06 and 2017-03..2019-12, inclusive
    assert [(g.start, g.end) for g in meta.experience_gaps] == [("2020-01", "2020-12")]


def test_every_filled_field_has_evidence_with_page_and_box() -> None:
    resume = _normalize(pdf_bytes(text_page(*RESUME_LINES)))
    assert resume.meta is not None
    evidence = {e.path: e for e in resume.meta.evidence}
    for path in (
        "basics.name",
        "basics.email",
        "basics.phone",
        "work[0].name",
        "work[1].startDate",
        "education[0].institution",
        "skills[0].keywords[0]",
        "languages[1].language",
    ):
        assert path in evidence, path
        assert evidence[path].page == 1 and evidence[path].box is not None
        assert 0 < evidence[path].confidence <= 1
    email_box = evidence["basics.email"].box
    assert email_box is not None and email_box.top < evidence["work[0].name"].box.top  # type: ignore[union-attr]


def test_plain_text_and_docx_give_the_same_resume() -> None:
    _check_resume(_normalize("\n".join(RESUME_LINES).encode()))
    document = docx.Document()
    for text in RESUME_LINES:
        document.add_paragraph(text)
    _check_resume(_normalize(docx_bytes(document)))


def test_json_output_uses_json_resume_names() -> None:
    data = parse_bytes("\n".join(RESUME_LINES).encode(), "text/plain").to_json_dict()
    assert data["work"][1]["startDate"] == "2017-03"
    assert data["education"][0]["studyType"] == "B.Sc."
    assert "endDate" not in data["work"][0]
    assert data["meta"]["parserVersion"] == f"{PARSER_VERSION}+models.{load_cascade().version}"


def test_an_uncertain_field_is_left_out_not_invented() -> None:
    resume = _normalize(b"Some notes\nnothing here looks like a resume\n")
    assert resume.basics.name is None and resume.basics.email is None and resume.work == []


async def test_a_document_without_text_is_an_error() -> None:
    blank = GroupedDocument(
        document=Document(
            pages=[Page(1, 595, 842, [Block([Line([Word("•")])])])], media_type="x", extractor="ocr"
        ),
        sections=[Section(SectionKind.HEADER, None, [Line([Word("•")])])],
    )
    with pytest.raises(EmptyDocumentError):
        await normalizer().normalize(blank)

"""The formats the gRPC tests do not upload, redacted in this process: a plain-text resume (set as
pages), an HTML resume and a PNG scan (one page per frame), each parsed by the real parser first."""

from __future__ import annotations

import html

import pypdfium2 as pdfium

from resume_parser.extraction.filetype import HTML, PNG, TEXT
from resume_parser.extraction.limits import DEFAULT_LIMITS
from resume_parser.parsing import parse_bytes
from resume_parser.redaction.redact import redact_document
from resume_parser.redaction.regions import RegionKind
from tests.conftest import EVAL_DEV, SHARED
from tests.extraction.documents import image_bytes
from tests.redaction.personal import Fixture, leaks, missing_words, text_layer

TEXT_RESUME = EVAL_DEV / "txt-1007.txt"
SCAN = SHARED / "eval" / "train" / "scan-fresh-20050.pdf"


def test_a_text_resume_is_set_as_pages_and_redacted() -> None:
    fixture = Fixture.load(TEXT_RESUME)
    data = TEXT_RESUME.read_bytes()

    result = redact_document(data, TEXT, parse_bytes(data, TEXT), DEFAULT_LIMITS)

    text = text_layer(result.content)
    assert leaks(data.decode("utf-8"), fixture.basics) != []
    assert leaks(text, fixture.basics) == []
    assert missing_words(text, fixture.employers) == []
    assert RegionKind.PERSONAL_FIELD not in result.regions  # no page coordinates in a text file


def test_an_html_resume_is_set_as_pages_without_its_markup() -> None:
    fixture = Fixture.load(TEXT_RESUME)
    body = "".join(f"<p>{html.escape(line)}</p>" for line in TEXT_RESUME.read_text("utf-8").splitlines())
    data = f'<!doctype html><html><body><img src="http://127.0.0.1:9/x.png">{body}</body></html>'.encode()

    result = redact_document(data, HTML, parse_bytes(data, HTML), DEFAULT_LIMITS)

    text = text_layer(result.content)
    assert leaks(text, fixture.basics) == []
    assert missing_words(text, fixture.employers) == []
    assert "<p>" not in text


def test_a_png_scan_becomes_a_page_and_is_redacted_through_ocr() -> None:
    fixture = Fixture.load(SCAN)
    document = pdfium.PdfDocument(SCAN.read_bytes())
    data = image_bytes(document[0].render(scale=150 / 72).to_pil().convert("L"), "PNG")
    document.close()

    result = redact_document(data, PNG, parse_bytes(data, PNG), DEFAULT_LIMITS)

    assert result.page_count == 1
    assert result.regions.get(RegionKind.PERSONAL_FIELD, 0) >= 2
    assert result.regions.get(RegionKind.PICTURE) == 1  # the avatar, found in the pixels
    assert leaks(text_layer(result.content), fixture.basics) == []

"""The local extractor detects the type from the bytes and parses in a child process."""

from __future__ import annotations

import asyncio

import docx

from resume_parser.extraction import Extractor, SourceFile
from resume_parser.extraction.filetype import DOCX, PDF, TEXT
from resume_parser.extraction.isolation import ParserProcesses
from resume_parser.extraction.limits import ExtractionLimits
from resume_parser.extraction.local import LocalExtractor, extract_bytes
from tests.extraction.documents import docx_bytes, pdf_bytes, text_page


def test_extract_bytes_dispatches_on_content() -> None:
    document = docx.Document()
    document.add_paragraph("Jane Doe")
    cases = {
        PDF: (pdf_bytes(text_page("Jane Doe, Platform Engineer at Acme")), "pdfium"),
        DOCX: (docx_bytes(document), "docx"),
        TEXT: (b"Jane Doe\n", "text"),
    }
    for media_type, (data, extractor) in cases.items():
        result = extract_bytes(data)
        assert (result.media_type, result.extractor) == (media_type, extractor)


async def test_local_extractor_parses_off_the_event_loop(parser_processes: ParserProcesses) -> None:
    extractor: Extractor = LocalExtractor(parser_processes, ExtractionLimits())
    assert extractor.name == "local"
    source = SourceFile(data=b"Jane Doe\nEngineer\n", media_type=TEXT, bucket="resumes", key="r/1")

    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    ticker = asyncio.create_task(tick())
    document = await extractor.extract(source)
    ticker.cancel()
    assert document.text == "Jane Doe\nEngineer"
    assert ticks > 0  # the loop kept running while a child process parsed the file

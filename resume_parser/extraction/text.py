"""Plain-text resumes: encoding detection, then one line per text line, blocks at blank lines."""

from __future__ import annotations

import codecs

from resume_parser.errors import EmptyDocumentError
from resume_parser.extraction.filetype import TEXT
from resume_parser.extraction.flow import FlowBlock, Span, flow_document
from resume_parser.layout import Document

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes) -> str:
    """Text from bytes: a BOM decides; else UTF-8 if it decodes; else cp1252 (Latin-1 for its holes)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return data.decode("latin-1")


def extract_text(data: bytes) -> Document:
    return document_from_text(decode_text(data), media_type=TEXT, extractor="text")


def document_from_text(text: str, *, media_type: str, extractor: str) -> Document:
    blocks = _blocks(text)
    if not blocks:
        raise EmptyDocumentError("the document contains no text")
    return flow_document(blocks, media_type=media_type, extractor=extractor)


def _blocks(text: str) -> list[FlowBlock]:
    blocks: list[FlowBlock] = []
    current: list[list[Span]] = []
    blank_rows = 0
    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _printable(raw_line)
        if not line.strip():
            if current:
                blocks.append(FlowBlock(current, gap_before=blank_rows))
                current, blank_rows = [], 0
            blank_rows += 1
            continue
        current.append([Span(line)])
    if current:
        blocks.append(FlowBlock(current, gap_before=blank_rows))
    return blocks


def _printable(line: str) -> str:
    """The line without control characters; every kind of space (no-break, em...) stays a space."""
    if line.isprintable():
        return line
    return "".join(char for char in line if char.isprintable() or char.isspace())

"""Plain text: the encoding is detected, blank lines separate blocks, tabs and spaces keep columns."""

from __future__ import annotations

import codecs

import pytest

from resume_parser.errors import EmptyDocumentError
from resume_parser.extraction.text import decode_text, extract_text

SAMPLE = "Jürgen Müller – Köln\n\nEXPERIENCE\nEngineer, Acme\t2019 – 2022\n"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_encodings_are_detected(data: bytes) -> None:
    assert decode_text(data) == SAMPLE


def test_latin_1_covers_bytes_cp1252_leaves_undefined() -> None:
    # 0x81 is undefined in cp1252; the text must still decode rather than fail.
    assert decode_text(b"Caf\xe9 \x81") == "Café \x81"


def test_lines_blocks_and_gaps() -> None:
    document = extract_text(b"Jane Doe\r\nEngineer\r\n\r\n\r\nEXPERIENCE\r\nAcme\r\n")
    page = document.pages[0]
    assert [[line.text for line in block.lines] for block in page.blocks] == [
        ["Jane Doe", "Engineer"],
        ["EXPERIENCE", "Acme"],
    ]
    engineer, heading = page.blocks[0].lines[1], page.blocks[1].lines[0]
    line_pitch = engineer.box.top - page.blocks[0].lines[0].box.top
    # Two blank lines leave a gap of three line pitches.
    assert heading.box.top - engineer.box.top == pytest.approx(3 * line_pitch)


def test_a_right_aligned_date_stays_on_its_line_at_the_right() -> None:
    document = extract_text(
        b"Engineer, Acme                                        2019 - 2022\n  * Built things\n"
    )
    title, bullet = document.lines
    assert title.text == "Engineer, Acme 2019 - 2022"
    assert title.words[-1].box.right > 0.7
    assert bullet.words[0].box.left > title.words[0].box.left


def test_control_characters_are_dropped_and_any_space_separates_words() -> None:
    assert extract_text(b"Jane\x07 Doe\x00\n").text == "Jane Doe"
    assert [w.text for w in extract_text("Jane\u00a0Doe\u2003CV".encode()).lines[0].words] == [
        "Jane",
        "Doe",
        "CV",
    ]


def test_whitespace_only_text_is_empty() -> None:
    with pytest.raises(EmptyDocumentError):
        extract_text(b" \n\t\n\r\n")

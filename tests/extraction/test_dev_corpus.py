"""The dev corpus: every email, phone and employer of the ground truth is in the extracted text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from resume_parser.extraction.local import extract_bytes
from tests.extraction.documents import DEV_CORPUS

DOCUMENTS = sorted(path for path in DEV_CORPUS.iterdir() if path.suffix in (".pdf", ".docx", ".txt"))


def squeeze(text: str) -> str:
    return " ".join(text.split())


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def truth(document: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(document.with_suffix(".json").read_text(encoding="utf-8"))
    return result


def test_the_corpus_is_there() -> None:
    assert len(DOCUMENTS) == 36


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_contacts_and_employers_are_extracted(document: Path) -> None:
    expected = truth(document)
    extracted = extract_bytes(document.read_bytes())
    text = squeeze(extracted.text)
    line_digits = [digits(line.text) for line in extracted.lines]

    basics = expected.get("basics", {})
    if "email" in basics:
        assert basics["email"] in text
    if "phone" in basics:
        # Phones compare by digits, within one line (a phone never wraps).
        assert any(digits(basics["phone"]) in found for found in line_digits)
    for job in expected.get("work", []):
        assert squeeze(job["name"]) in text

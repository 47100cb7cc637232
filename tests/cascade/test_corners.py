"""The committed models in the corners the issue names: line breaks lost, no headings, huge input."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from resume_parser.cascade.reading import MAX_TOKENS
from resume_parser.extraction.text import extract_text
from resume_parser.parsing import parse_bytes
from resume_parser.resume import ParsedResume
from tests.extraction.documents import DEV_CORPUS
from tests.parsers import grouper, normalizer

SOURCE = DEV_CORPUS / "txt-1007.txt"
HEADINGS = re.compile(r"^(SUMMARY|EXPERIENCE|EDUCATION|SKILLS|LANGUAGES|CERTIFICATIONS|PROJECTS)\s*$", re.M)


def truth() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SOURCE.with_suffix(".json").read_text("utf-8"))
    return data


def parse_text(text: str) -> ParsedResume:
    return normalizer().normalize_sync(grouper().group(extract_text(text.encode())))


def employers_found(resume: ParsedResume) -> set[str]:
    expected = {entry["name"] for entry in truth()["work"]}
    return expected & {entry.name for entry in resume.work if entry.name}


def test_the_source_resume_parses_with_its_line_breaks() -> None:
    resume = parse_bytes(SOURCE.read_bytes())
    assert resume.basics.name == truth()["basics"]["name"]
    assert employers_found(resume) == {entry["name"] for entry in truth()["work"]}


def test_a_resume_whose_line_breaks_were_lost_still_parses() -> None:
    one_line = " ".join(Path(SOURCE).read_text("utf-8").split())
    resume = parse_text(one_line)
    assert resume.basics.email == truth()["basics"]["email"]
    # Nothing on the page separates the name from the headline after it ("... Mcbride Performance
    # Marketing Manager"), so the headline's first word may join the name; the name is never lost.
    assert (resume.basics.name or "").startswith(truth()["basics"]["name"])
    assert resume.basics.summary and resume.basics.summary.startswith("Digital marketer")
    assert len(employers_found(resume)) >= len(truth()["work"]) - 1
    assert resume.education, "the education entries are read too"


def test_a_resume_without_headings_still_yields_entries() -> None:
    headingless = HEADINGS.sub("", SOURCE.read_text("utf-8"))
    assert not HEADINGS.search(headingless)
    resume = parse_text(headingless)
    assert resume.basics.name == truth()["basics"]["name"]
    assert len(employers_found(resume)) >= len(truth()["work"]) - 1
    assert all(entry.start_date for entry in resume.work), "the entries keep their dates"


def test_two_megabytes_on_one_line_are_parsed_up_to_the_budget_and_say_so() -> None:
    text = " ".join(Path(SOURCE).read_text("utf-8").split())
    huge = (text + " ") * (2_000_000 // (len(text) + 1))
    document = extract_text(huge.encode())
    grouped = grouper().group(document)
    resume = normalizer().normalize_sync(grouped)
    assert resume.basics.email == truth()["basics"]["email"]
    assert any(f"{MAX_TOKENS:,}" in warning for warning in grouped.document.warnings)


def test_one_word_repeated_is_no_resume() -> None:
    """Neither a headline of a hundred words nor a "summary" that repeats one word is kept."""
    resume = parse_text("word " * 50_000)
    assert resume.is_empty(), resume.basics

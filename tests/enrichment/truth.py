"""Training resumes' truth files as parsed input, so the tests check the enrichment, not the parser."""

from __future__ import annotations

import json
from pathlib import Path

from resume_parser.resume import ParsedResume

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
CORPORA = ("train", "train-docx", "train-latex")


def truth(stem: str, corpus: str = "train") -> ParsedResume:
    """A truth file as the parser's output. The truth format writes an ongoing role as one without an
    end date; the parser marks it `isCurrent`, which is what counts it up to the reference date."""
    parsed = ParsedResume.model_validate(json.loads((EVAL / corpus / f"{stem}.json").read_text()))
    for entry in parsed.work:
        entry.is_current = bool(entry.start_date and not entry.end_date)
    return parsed


def truth_files() -> list[dict[str, object]]:
    """Every truth file of the training corpora, as JSON."""
    files = []
    for corpus in CORPORA:
        for path in sorted((EVAL / corpus).glob("*.json")):
            data = json.loads(path.read_text())
            if isinstance(data, dict):
                files.append(data)
    return files

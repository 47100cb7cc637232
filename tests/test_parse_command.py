"""`resume-parser parse`: the offline command, run as a real process."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import docx

from tests.extraction.documents import docx_bytes, pdf_bytes, text_page
from tests.office import FORMATS, convert_bytes

RESUME = ("Jane Doe", "jane@example.com | +1 415 555 0100", "EXPERIENCE", "Engineer, Acme Inc    2019 - 2021")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resume_parser", "parse", *args], capture_output=True, text=True, timeout=120
    )


def test_one_file_prints_its_json_resume(tmp_path: Path) -> None:
    source = tmp_path / "jane.txt"
    source.write_text("\n".join(RESUME), encoding="utf-8")
    result = _run(str(source))
    assert result.returncode == 0, result.stderr
    resume = json.loads(result.stdout)
    assert resume["basics"]["email"] == "jane@example.com"
    assert resume["work"][0]["name"] == "Acme Inc" and resume["work"][0]["startDate"] == "2019"
    assert re.search(r"^files: 1, failures: 0, seconds: \d+\.\d\d$", result.stderr, re.MULTILINE)


def test_a_batch_writes_every_good_file_and_reports_the_bad_one(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(pdf_bytes(text_page(*RESUME)))
    (tmp_path / "b.txt").write_text("\n".join(RESUME), encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    out = tmp_path / "out"
    files = [str(tmp_path / name) for name in ("a.pdf", "broken.pdf", "b.txt")]
    result = _run("--out", str(out), "--jobs", "2", *files)
    assert result.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["basics"]["name"] == "Jane Doe"
    assert re.search(r"^error: .*broken\.pdf: DOCUMENT_CORRUPT: ", result.stderr, re.MULTILINE)
    assert "files: 3, failures: 1, seconds: " in result.stderr
    assert "it/s" not in result.stderr and "%|" not in result.stderr  # no progress bar off a terminal
    assert result.stdout == ""


def test_a_missing_file_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "nope.pdf"))
    assert result.returncode == 1
    assert "nope.pdf: UNREADABLE" in result.stderr


def test_doc_rtf_and_odt_files_parse_in_one_batch(tmp_path: Path) -> None:
    document = docx.Document()
    for line in RESUME:
        document.add_paragraph(line)
    for extension, data in convert_bytes(docx_bytes(document), "docx", FORMATS).items():
        (tmp_path / f"jane-{extension}.bin").write_bytes(data)  # the name says nothing of the format
    out = tmp_path / "out"
    result = _run("--out", str(out), "--jobs", "2", *sorted(map(str, tmp_path.glob("*.bin"))))
    assert result.returncode == 0, result.stderr
    for extension in FORMATS:
        resume = json.loads((out / f"jane-{extension}.json").read_text(encoding="utf-8"))
        assert resume["basics"]["email"] == "jane@example.com", extension
        assert resume["work"][0]["name"] == "Acme Inc", extension

"""The dev corpus: sections come out with the right kind for at least 95% of its headings.

dev_headings.json lists, per document, every section heading it prints and the kind a reader
would give it (written down by reading the documents).
"""

from __future__ import annotations

import json
from pathlib import Path

from resume_parser.extraction.local import extract_bytes
from tests.extraction.documents import DEV_CORPUS
from tests.parsers import grouper

EXPECTED: dict[str, dict[str, str]] = json.loads(
    (Path(__file__).parent / "dev_headings.json").read_text("utf-8")
)
MIN_RIGHT_SHARE = 0.95
MAX_SPURIOUS_SHARE = 0.05


def test_section_kinds_on_the_dev_corpus() -> None:
    right, spurious, total = 0, 0, 0
    mistakes: list[str] = []
    for name, headings in EXPECTED.items():
        grouped = grouper().group(extract_bytes((DEV_CORPUS / name).read_bytes()))
        found = {" ".join(s.heading.text.split()): s.kind.value for s in grouped.sections if s.heading}
        total += len(headings)
        for heading, kind in headings.items():
            if found.get(heading) == kind:
                right += 1
            else:
                mistakes.append(f"{name}: {heading!r} expected {kind}, got {found.get(heading)}")
        spurious += len(set(found) - set(headings))
    print(f"section kinds right: {right}/{total}; spurious headings: {spurious}")
    assert total == sum(len(h) for h in EXPECTED.values()) > 150
    assert right >= MIN_RIGHT_SHARE * total, mistakes
    assert spurious <= MAX_SPURIOUS_SHARE * total

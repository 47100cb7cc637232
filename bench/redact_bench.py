"""Redaction time per page: a PDF, a scan (OCR again) and a DOCX (LibreOffice layout), median of runs.

    .venv/bin/python bench/redact_bench.py [--runs 5] [--picture docs/redacted-page.png]

Each document is parsed once (its personal values and evidence), then redacted `runs` times in this
process (no child process: this measures the work, not the isolation). Wall-clock milliseconds per
page. `--picture` writes the first redacted page of the first document as a small PNG.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pypdfium2 as pdfium

from resume_parser.extraction.filetype import detect_media_type
from resume_parser.extraction.libreoffice import stop_office
from resume_parser.extraction.limits import DEFAULT_LIMITS
from resume_parser.parsing import parse_bytes
from resume_parser.redaction.redact import redact_document

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
DEFAULT_FILES = [
    EVAL / "train" / "dinesh-20005.pdf",
    EVAL / "train" / "scan-fresh-20050.pdf",
    EVAL / "train-docx" / "lo-onecol-50001.docx",
]
PICTURE_WIDTH = 560  # pixels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--picture", type=Path)
    args = parser.parse_args()

    print("| file | pages | regions | redaction (ms/page) | size (KB/page) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    try:
        for index, path in enumerate(args.files):
            data = path.read_bytes()
            media_type = detect_media_type(data)
            parsed = parse_bytes(data, media_type)
            redact_document(data, media_type, parsed, DEFAULT_LIMITS)  # warm-up: OCR models, LibreOffice
            samples = []
            for _ in range(args.runs):
                start = time.perf_counter()
                result = redact_document(data, media_type, parsed, DEFAULT_LIMITS)
                samples.append(time.perf_counter() - start)
            pages = result.page_count
            per_page = statistics.median(samples) * 1000 / pages
            regions = sum(result.regions.values())
            size = len(result.content) / 1024 / pages
            print(f"| {path.name} | {pages} | {regions} | {per_page:.0f} | {size:.0f} |")
            if index == 0 and args.picture is not None:
                _write_picture(result.content, args.picture)
    finally:
        stop_office()


def _write_picture(pdf: bytes, target: Path) -> None:
    page = pdfium.PdfDocument(pdf)[0]
    image = page.render(scale=PICTURE_WIDTH / page.get_width()).to_pil().convert("L")
    image.save(target, optimize=True)


if __name__ == "__main__":
    main()

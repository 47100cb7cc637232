"""Extraction + grouping speed of one-page text PDFs, next to PDFium's raw text extraction.

    .venv/bin/python bench/extract_bench.py [--runs 200] [PDF ...]

The floor is what any PDFium-based extractor must pay: open the document, load the page and its
text page, and read the text (`get_text_range`). Each figure is the median over the runs of the
process's CPU time in milliseconds per page (CPU time, and the three measurements interleaved,
keep the comparison fair on a busy machine); every run starts from the file's bytes.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from resume_parser.cascade.parser import load_cascade
from resume_parser.extraction.local import extract_bytes
from resume_parser.grouping.grouper import LayoutGrouper

DEV_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
DEFAULT_FILES = [
    DEV_CORPUS / "classic-1000.pdf",
    DEV_CORPUS / "sidebar-1001.pdf",
    DEV_CORPUS / "compact-1002.pdf",
]


def raw_pdfium(data: bytes) -> None:
    pdf = pdfium.PdfDocument(data)
    for page in pdf:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def extract_only(data: bytes) -> None:
    extract_bytes(data)


def extract_and_group(data: bytes) -> None:
    LayoutGrouper(load_cascade()).group(extract_bytes(data))


def median_ms(works: list[Callable[[bytes], None]], data: bytes, runs: int) -> list[float]:
    """Median CPU milliseconds of each work, run interleaved so they share the machine's load."""
    timings: list[list[float]] = [[] for _ in works]
    for work in works:
        work(data)  # warm-up: imports, PDFium initialisation, caches
    for _ in range(runs):
        for work, samples in zip(works, timings, strict=True):
            start = time.process_time()
            work(data)
            samples.append(time.process_time() - start)
    return [statistics.median(samples) * 1000 for samples in timings]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    print(
        "| file | pages | raw PDFium text (ms/page) | extract (ms/page) | extract + group (ms/page) | ratio |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for path in args.files:
        data = path.read_bytes()
        pages = len(pdfium.PdfDocument(data))
        floor, extract, full = (
            ms / pages for ms in median_ms([raw_pdfium, extract_only, extract_and_group], data, args.runs)
        )
        print(f"| {path.name} | {pages} | {floor:.2f} | {extract:.2f} | {full:.2f} | {full / floor:.1f}x |")


if __name__ == "__main__":
    main()

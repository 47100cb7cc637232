"""OCR word accuracy on scans of the dev corpus PDFs whose text is known.

    .venv/bin/python bench/ocr_accuracy.py [--dpi 150] [PDF ...]

Each PDF's pages are rendered to an image-only PDF (a scan without a text layer) and read back
through extract_bytes, which chooses OCR. Word accuracy is the share of the text layer's words
(case-folded, those with a letter or digit, compared as a multiset so reading order does not
matter) that OCR recognized.
"""

from __future__ import annotations

import argparse
import io
import time
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium

from resume_parser.extraction.local import extract_bytes
from resume_parser.layout import Document

DEV_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


def scan(data: bytes, dpi: int) -> bytes:
    pdf = pdfium.PdfDocument(data)
    try:
        images = [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in pdf]
    finally:
        pdf.close()
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buffer.getvalue()


def words(document: Document) -> Counter[str]:
    found = (word.text.casefold() for line in document.lines for word in line.words)
    return Counter(word for word in found if any(char.isalnum() for char in word))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=sorted(DEV_CORPUS.glob("*.pdf")))
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args()

    print("| file | words | recognized | accuracy | seconds |")
    print("| --- | ---: | ---: | ---: | ---: |")
    total = recognized_total = 0
    for path in args.files:
        data = path.read_bytes()
        expected = words(extract_bytes(data))
        start = time.perf_counter()
        recognized = sum((expected & words(extract_bytes(scan(data, args.dpi)))).values())
        seconds = time.perf_counter() - start
        count = sum(expected.values())
        total, recognized_total = total + count, recognized_total + recognized
        print(f"| {path.name} | {count} | {recognized} | {recognized / count:.3f} | {seconds:.1f} |")
    print(f"| **all** | {total} | {recognized_total} | **{recognized_total / total:.3f}** | |")


if __name__ == "__main__":
    main()

"""Parse a resume file without the service: extract, group and normalize locally, synchronously.

Used by the `parse` CLI command and anywhere a worker-free path is wanted.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from resume_parser.cascade.parser import load_cascade
from resume_parser.enrichment.enrich import enrich
from resume_parser.extraction.local import extract_bytes
from resume_parser.grouping.grouper import LayoutGrouper
from resume_parser.normalization.local import LocalNormalizer
from resume_parser.resume import ParsedResume


def parse_bytes(data: bytes, media_type: str | None = None) -> ParsedResume:
    """The parsed resume of a file's bytes; the media type is detected when not given.

    Raises a resume_parser.errors.DocumentError subclass for a file that cannot be read.
    """
    document = extract_bytes(data, media_type)
    cascade = load_cascade()
    grouped = LayoutGrouper(cascade).group(document)
    # Enriched as the pipeline's normalize stage enriches every normalizer's output.
    return enrich(LocalNormalizer(cascade).normalize_sync(grouped), date.today())


def parse_file(path: str | Path) -> ParsedResume:
    return parse_bytes(Path(path).read_bytes())

"""Extract stage: a stored file in, the layout model (resume_parser.layout.Document) out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from resume_parser.layout import Document


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A stored resume file. Local extractors read `data`; AWS Textract reads the S3 object."""

    data: bytes
    media_type: str  # detected from the content at upload
    bucket: str
    key: str


class Extractor(Protocol):
    name: str

    async def extract(self, source: SourceFile) -> Document:
        """Raise a resume_parser.errors.DocumentError subclass for a file that cannot be read."""
        ...

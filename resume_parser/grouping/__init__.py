"""Group stage: columns, lines and sections from the extracted layout."""

from __future__ import annotations

from typing import Protocol

from resume_parser.layout import Document, GroupedDocument


class Grouper(Protocol):
    def group(self, document: Document) -> GroupedDocument: ...

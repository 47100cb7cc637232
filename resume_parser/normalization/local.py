"""The local normalizer: the cascade's field models over the grouped sections, no network. The
service's default."""

from __future__ import annotations

from datetime import date

from resume_parser.cascade.parser import Cascade
from resume_parser.errors import EmptyDocumentError
from resume_parser.layout import GroupedDocument
from resume_parser.normalization.experience import summarize
from resume_parser.normalization.personal import read_personal_details
from resume_parser.normalization.version import PARSER_VERSION
from resume_parser.resume import ParsedResume, ParseMeta


class LocalNormalizer:
    name = "local"

    def __init__(self, cascade: Cascade, reference_date: date | None = None) -> None:
        self._cascade = cascade
        self._reference_date = reference_date

    @property
    def parser_version(self) -> str:
        """The code's version and the models' (a retrained model is a new parser)."""
        return f"{PARSER_VERSION}+models.{self._cascade.version}"

    async def normalize(self, grouped: GroupedDocument) -> ParsedResume:
        return self.normalize_sync(grouped)

    def normalize_sync(self, grouped: GroupedDocument) -> ParsedResume:
        if not any(c.isalpha() for c in grouped.document.text):
            raise EmptyDocumentError("the document has no text to parse")
        grouped, personal = read_personal_details(grouped)  # labelled lines the models never saw
        reading = self._cascade.read(grouped.sections)
        resume = reading.resume
        personal.apply(resume.basics)
        reference = self._reference_date or date.today()
        experience = summarize(resume.work, reference)
        resume.meta = ParseMeta(
            parser_version=self.parser_version,
            normalizer=self.name,
            extractor=grouped.document.extractor,
            reference_date=reference.isoformat(),
            total_experience_months=experience.total_months,
            experience_gaps=experience.gaps,
            evidence=[*reading.evidence, *personal.evidence],
        )
        return resume

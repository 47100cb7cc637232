"""The views a caller can ask for (ats.resume.v1.ResumeView): the full record, or the anonymized
one for blind screening. Applied to what the services return, after ranking and paging, so a view
changes what a response shows and never which resumes it holds."""

from __future__ import annotations

from dataclasses import replace

from resume_parser.anonymize import AnonymizationOptions, anonymize, anonymize_work, scrubber
from resume_parser.domain import ResumeRecord
from resume_parser.resume import Basics, ParsedResume
from resume_parser.search import SearchHit, SearchPage


def record_in_view(
    record: ResumeRecord, anonymization: AnonymizationOptions | None, *, with_parsed: bool = True
) -> ResumeRecord:
    """The record as the view shows it: anonymized with these options, or whole when None.
    Without `with_parsed` (a listing) the parsed resume is dropped rather than anonymized."""
    if anonymization is None:
        return record
    if not with_parsed:
        return replace(record, filename="", parsed=None)
    return anonymized_record(record, anonymization)


def page_in_view(page: SearchPage, anonymization: AnonymizationOptions | None) -> SearchPage:
    return page if anonymization is None else anonymized_page(page, anonymization)


def anonymized_record(record: ResumeRecord, options: AnonymizationOptions) -> ResumeRecord:
    """The record without its file name (it often names the candidate) and with its parsed
    resume anonymized."""
    parsed = anonymize(record.parsed, options) if record.parsed is not None else None
    return replace(record, filename="", parsed=parsed)


def anonymized_page(page: SearchPage, options: AnonymizationOptions) -> SearchPage:
    return replace(page, hits=[_anonymized_hit(hit, options) for hit in page.hits])


def _anonymized_hit(hit: SearchHit, options: AnonymizationOptions) -> SearchHit:
    scrub = scrubber(ParsedResume(basics=hit.basics), options)
    checks = [
        replace(
            check,
            evidence="[location]"
            if options.redact_location and check.kind == "location"
            else scrub(check.evidence),
        )
        for check in hit.checks
    ]
    return replace(
        hit,
        name="",
        matched_work=anonymize_work(hit.matched_work, hit.basics, options) if hit.matched_work else None,
        matched_title=scrub(hit.matched_title),
        matched_skills=[scrub(skill) for skill in hit.matched_skills],
        checks=checks,
        basics=Basics(),
    )

"""The local normalizer: rules over the grouped layout, no network. The service's default."""

from __future__ import annotations

from datetime import date

from resume_parser.errors import EmptyDocumentError
from resume_parser.layout import GroupedDocument, SectionKind
from resume_parser.normalization.basics import parse_basics
from resume_parser.normalization.certificates import parse_certificates
from resume_parser.normalization.education import ParsedEducation, is_schooling, parse_education
from resume_parser.normalization.education import apply_dates as apply_education_dates
from resume_parser.normalization.evidence import EvidenceLog
from resume_parser.normalization.experience import summarize
from resume_parser.normalization.gutter import join_wrapped_dates
from resume_parser.normalization.languages import parse_languages
from resume_parser.normalization.margins import date_only_lines, dates_beside
from resume_parser.normalization.projects import parse_projects
from resume_parser.normalization.roles import has_title_word
from resume_parser.normalization.routing import entry_lines, route_lines
from resume_parser.normalization.skills import parse_skills
from resume_parser.normalization.version import PARSER_VERSION
from resume_parser.normalization.work import ParsedWork, parse_work
from resume_parser.normalization.work import apply_dates as apply_work_dates
from resume_parser.resume import ParsedResume, ParseMeta

# How sure each rule is, by field; recorded as evidence for reviewers and consumers.
_BASICS_CONFIDENCE = {"email": 0.95, "phone": 0.85, "name": 0.85, "url": 0.8, "location.city": 0.7}
_WORK_CONFIDENCE = {"name": 0.7, "position": 0.75, "startDate": 0.85, "endDate": 0.85, "location": 0.6}
_EDUCATION_CONFIDENCE = {"institution": 0.75, "studyType": 0.75, "area": 0.65}


class LocalNormalizer:
    name = "local"

    def __init__(self, reference_date: date | None = None) -> None:
        self._reference_date = reference_date

    async def normalize(self, grouped: GroupedDocument) -> ParsedResume:
        return self.normalize_sync(grouped)

    def normalize_sync(self, grouped: GroupedDocument) -> ParsedResume:
        if not any(c.isalpha() for c in grouped.document.text):
            raise EmptyDocumentError("the document has no text to parse")
        evidence = EvidenceLog()
        resume = ParsedResume()

        basics = parse_basics(grouped)
        resume.basics = basics.basics
        evidence.add_sources("basics", basics.sources, _BASICS_CONFIDENCE)

        jobs = parse_work(join_wrapped_dates(entry_lines(grouped, SectionKind.EXPERIENCE)))
        schools = parse_education(join_wrapped_dates(entry_lines(grouped, SectionKind.EDUCATION)))
        jobs, schools = _move_schooling(jobs, schools)
        _date_from_margins(grouped, jobs, schools)
        for index, job in enumerate(jobs):
            resume.work.append(job.work)
            evidence.add_sources(f"work[{index}]", job.sources, _WORK_CONFIDENCE)
        for index, school in enumerate(schools):
            resume.education.append(school.education)
            evidence.add_sources(f"education[{index}]", school.sources, _EDUCATION_CONFIDENCE)

        routed = route_lines(grouped)
        for index, group in enumerate(parse_skills(routed.skills)):
            resume.skills.append(group.to_model())
            evidence.add(f"skills[{index}]", group.lines[0] if group.lines else None, 0.8)
        for index, language in enumerate(parse_languages(routed.languages, open_names=True)):
            resume.languages.append(language.to_model())
            evidence.add(f"languages[{index}].language", language.line, 0.85)
        for index, certificate in enumerate(parse_certificates(routed.certificates)):
            resume.certificates.append(certificate.to_model())
            evidence.add(f"certificates[{index}].name", certificate.line, 0.75)
        for index, project in enumerate(parse_projects(routed.projects)):
            resume.projects.append(project.project)
            evidence.add_sources(f"projects[{index}]", project.sources, {})

        reference = self._reference_date or date.today()
        experience = summarize(resume.work, reference)
        resume.meta = ParseMeta(
            parser_version=PARSER_VERSION,
            normalizer=self.name,
            extractor=grouped.document.extractor,
            reference_date=reference.isoformat(),
            total_experience_months=experience.total_months,
            experience_gaps=experience.gaps,
            evidence=evidence.items,
        )
        return resume


def _date_from_margins(
    grouped: GroupedDocument, jobs: list[ParsedWork], schools: list[ParsedEducation]
) -> None:
    """Give undated entries the date printed level with them in a margin column."""
    parsed_entries: list[ParsedWork | ParsedEducation] = [*jobs, *schools]
    entries = [p.entry for p in parsed_entries if p.entry is not None]
    used = {id(e.date_line) for e in entries if e.date_line is not None}
    candidates = [(line, d) for line, d in date_only_lines(grouped.document.lines) if id(line) not in used]
    for parsed in parsed_entries:
        entry = parsed.entry
        if entry is None or entry.dates is not None:
            continue
        found = dates_beside(entry.header, candidates)
        if found is None:
            continue
        entry.date_line, entry.dates = found
        candidates = [c for c in candidates if c[0] is not found[0]]
        if isinstance(parsed, ParsedWork):
            apply_work_dates(parsed.work, parsed.sources, entry)
        else:
            apply_education_dates(parsed)


def _move_schooling(
    jobs: list[ParsedWork], schools: list[ParsedEducation]
) -> tuple[list[ParsedWork], list[ParsedEducation]]:
    """An entry under experience that names a school and a degree and no job title is education
    (its heading was missed, as happens in scans)."""
    kept: list[ParsedWork] = []
    for job in jobs:
        header = " ".join(line.text for line in job.entry.header) if job.entry else ""
        if job.entry and is_schooling(header) and not has_title_word(header):
            schools.extend(parse_education(job.entry.lines))
        else:
            kept.append(job)
    return kept, schools

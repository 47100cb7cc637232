"""The enrichment step: every derived fact of this package added to a parsed resume at once.

It runs on the normalizer's output wherever a resume is parsed (the pipeline's normalize stage and
resume_parser.parsing), so the local, Gemini and hybrid normalizers all get it, and it recomputes
each derived field: a value a model may have put there is never kept.
"""

from __future__ import annotations

from datetime import date

from resume_parser.enrichment.isced import isced_level
from resume_parser.enrichment.skill_experience import with_experience
from resume_parser.enrichment.title_families import title_family
from resume_parser.resume import ParsedResume


def reference_date(parsed: ParsedResume, default: date) -> date:
    """The date "Present" stands for: the one the normalizer recorded, else `default`."""
    recorded = parsed.meta.reference_date if parsed.meta else None
    return date.fromisoformat(recorded) if recorded else default


def enrich(parsed: ParsedResume, reference: date) -> ParsedResume:
    """A copy of the resume with skill experience, title families and ISCED levels. `reference` is
    used for ongoing roles unless the resume's meta records the date it was parsed against (which
    is then also recorded when it was missing)."""
    when = reference_date(parsed, reference)
    work = [entry.model_copy(update={"title_family": title_family(entry.position)}) for entry in parsed.work]
    education = [entry.model_copy(update={"isced_level": isced_level(entry)}) for entry in parsed.education]
    meta = parsed.meta
    if meta is not None and not meta.reference_date:
        meta = meta.model_copy(update={"reference_date": when.isoformat()})
    return parsed.model_copy(
        update={
            "work": work,
            "education": education,
            "skills": with_experience(parsed.skills, work, when),
            "meta": meta,
        }
    )

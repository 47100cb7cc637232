"""Skills with their experience: for each skill of the skills section, the months of the work
entries that mention it (overlapping entries count once) and when it was last used, as ATS filters
ask ("5 years of Python").

A work entry mentions a skill when its position, summary or highlights print the skill's canonical
name or one of its spellings (normalization/skill_aliases.json) as whole words, case and accents
ignored: "Java" is not found in "JavaScript", "Go" not in "Google".

Only the skills the resume lists get a figure. A tool named only in a job's bullets is not added:
the skills section is what the candidate claims, and a mention in passing ("migrated away from
Perl") says nothing of skill. The skill list also stays as the parser (and the truth files) read it.
"""

from __future__ import annotations

import re
from datetime import date

from resume_parser.normalization.experience import end_month, intervals, merge, month_text
from resume_parser.normalization.skills import canonical_skill, spellings
from resume_parser.resume import Skill, SkillExperience, Work
from resume_parser.search.lexicon import fold

# Words as skills are written: letters and digits with the inner punctuation that is part of a
# name ("C#", "C++", "Node.js", ".NET"), so a name matches whole words only.
_TOKEN = re.compile(r"[\w+#]+(?:\.[\w+#]+)*|\.[\w+#]+")
# Spellings this short ("Go", "R", "AI", "ES") are everyday words or letters in another case
# ("go live", "es" in Spanish): they count only as printed, in the same case.
_CASE_SENSITIVE_LENGTH = 2


def _tokens(text: str, *, keep_case: bool = False) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text if keep_case else fold(text)))


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    width = len(needle)
    return width > 0 and any(haystack[i : i + width] == needle for i in range(len(haystack) - width + 1))


def _entry_text(entry: Work) -> str:
    return "\n".join(filter(None, [entry.position, entry.summary, *entry.highlights]))


def mentions(entry: Work, names: tuple[str, ...]) -> bool:
    """Whether the work entry prints one of the skill's names as whole words."""
    text = _entry_text(entry)
    folded, exact = _tokens(text), _tokens(text, keep_case=True)
    for name in names:
        if len(name.strip()) <= _CASE_SENSITIVE_LENGTH:
            if _contains(exact, _tokens(name.strip(), keep_case=True)):
                return True
        elif _contains(folded, _tokens(name)):
            return True
    return False


def _last_used(entry: Work, reference: date) -> tuple[int, str] | None:
    """(month index, text) of the entry's end: its end date as printed, the reference month when it
    is ongoing."""
    end = end_month(entry, reference)
    return None if end is None else (end, entry.end_date or month_text(end))


def experience_of(
    name: str, work: list[Work], reference: date, printed: str | None = None
) -> SkillExperience:
    """The experience of one skill (`name` canonical; `printed` as the resume wrote it)."""
    names = tuple(dict.fromkeys(filter(None, [*spellings(name), printed])))
    counted = [i for i, entry in enumerate(work) if mentions(entry, names)]
    merged = merge(intervals([work[i] for i in counted], reference))
    ends = [end for i in counted if (end := _last_used(work[i], reference)) is not None]
    return SkillExperience(
        name=name,
        months_experience=sum(end - start for start, end in merged) if merged else None,
        last_used=max(ends)[1] if ends else None,
        work_indices=counted,
    )


def skill_items(skill: Skill) -> list[str]:
    """The individual skills of an entry: its keywords, or its name when it lists none (a group
    label such as "Languages" is not a skill)."""
    items = skill.keywords or ([skill.name] if skill.name else [])
    return [item.strip() for item in items if item and item.strip()]


def with_experience(skills: list[Skill], work: list[Work], reference: date) -> list[Skill]:
    """The skills, each with the experience of its individual skills."""
    return [
        skill.model_copy(
            update={
                "experience": [
                    experience_of(canonical_skill(item), work, reference, printed=item)
                    for item in skill_items(skill)
                ]
            }
        )
        for skill in skills
    ]

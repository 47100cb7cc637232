"""Which of a resume's skills a query names: the short "why" shown with each hit."""

from __future__ import annotations

import re

from resume_parser.embedding.texts import skill_names
from resume_parser.resume import ParsedResume

# Words as recruiters write skills: letters and digits with the inner punctuation that is part of a
# name ("C#", "C++", "Node.js", ".NET"), so "Java" does not match "JavaScript" and "R" needs a lone R.
_TOKEN = re.compile(r"[\w+#]+(?:\.[\w+#]+)*")


def tokens(text: str) -> tuple[str, ...]:
    return tuple(token.casefold() for token in _TOKEN.findall(text))


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    width = len(needle)
    return width > 0 and any(haystack[i : i + width] == needle for i in range(len(haystack) - width + 1))


def matched_skills(parsed: ParsedResume, query_text: str) -> list[str]:
    """The resume's skills whose every word appears, in order, in the query ("SAP FI/CO" matches
    "experience with SAP FI/CO", "Go" matches "senior Go engineer" but not "Google")."""
    query_tokens = tokens(query_text)
    return [skill for skill in skill_names(parsed.skills) if _contains(query_tokens, tokens(skill))]

"""Skills sections: grouped ("Group: a, b"), flat lists, one-per-line lists, chips and "skill + level" items.

Skills are kept as printed and de-duplicated under a canonical key from a small curated alias table
(skill_aliases.json), so "JS" and "JavaScript" in one resume count once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from resume_parser.layout import UNKNOWN_BOX, Line
from resume_parser.normalization.dates import find_date_range
from resume_parser.normalization.lines import (
    clean,
    is_bullet,
    segments,
    split_label,
    strip_bullet,
    without_words,
)
from resume_parser.resume import Skill

# Commas, semicolons, bullets and pipes separate items; "/" does not ("CI/CD", "A/B Testing").
_ITEM_SEPARATOR = re.compile(r"\s*[,;|•·◦▪]\s*")
_DASH_LABEL = re.compile(r"^(?P<label>[^\W\d][^—–]{0,40}?)\s+[—–]\s+(?P<rest>\S.*)$")
_LEVEL_WORDS = (
    "beginner",
    "basic",
    "basics",
    "elementary",
    "novice",
    "intermediate",
    "advanced",
    "expert",
    "proficient",
    "proficiency",
    "familiar",
    "working knowledge",
    "good",
    "very good",
    "strong",
    "excellent",
    "fluent",
    "grundkenntnisse",
    "fortgeschritten",
    "experte",
    "débutant",
    "intermédiaire",
    "avancé",
    "básico",
    "intermedio",
    "avanzado",
    "experto",
)
_LEVEL_SUFFIX = re.compile(
    r"^(?P<name>.+?)\s*(?:[-–—:]\s*|\(\s*)"
    rf"(?P<level>(?:{'|'.join(sorted(_LEVEL_WORDS, key=len, reverse=True))})"
    r"|\d+\+?\s*(?:years?|yrs?|y)|\d/\d+)"
    r"\s*\)?$",
    re.IGNORECASE,
)
_LEVEL_DOTS = re.compile(r"^(?P<name>.+?)\s*(?P<level>[●○◉◯★☆■□▪▫⬤◆◇|]{2,}|\d{1,3}\s*%)$")
MAX_SKILL_WORDS = 6
_FUNCTION_WORDS = {"in", "and", "with", "of", "for", "to", "the", "a", "an", "on", "at", "by", "from"}
MAX_GROUP_LABEL_WORDS = 5
INDENT_MIN = 0.02  # page-width share; less is the jitter of OCR boxes
COLUMN_TOLERANCE = 0.008
MIN_CAPS_LABEL_LETTERS = 6
LABEL_SIZE_STEP = 0.5  # points  # "AWS" or "REST" alone in capitals is a skill, not a label


@dataclass(slots=True)
class SkillGroup:
    name: str
    keywords: list[str] = field(default_factory=list)
    level: str | None = None
    lines: list[Line] = field(default_factory=list)

    def to_model(self) -> Skill:
        return Skill(name=self.name, level=self.level, keywords=self.keywords)


@cache
def _alias_table() -> dict[str, str]:
    raw = json.loads(resources.files(__package__).joinpath("skill_aliases.json").read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for canonical, aliases in raw.items():
        if canonical.startswith("_"):
            continue
        for spelling in [canonical, *aliases]:
            table[_alias_key(spelling)] = canonical
    return table


def _alias_key(text: str) -> str:
    return re.sub(r"[\s.\-_]", "", text.casefold())


def canonical_skill(text: str) -> str:
    """The canonical name of a skill ("k8s" -> "Kubernetes"); the text itself when the table lacks it."""
    return _alias_table().get(_alias_key(text), text)


def parse_skills(lines: list[Line], default_group: str = "Skills") -> list[SkillGroup]:
    groups: list[SkillGroup] = []
    current: SkillGroup | None = None
    for line, label, text in _unwrapped(lines):
        if label:
            current = SkillGroup(label, lines=[line])
            groups.append(current)
            if text:
                rest = without_words(line, len(label.split()))
                _add_items(current, groups, _split_items(rest, text), line)
            continue
        if current is None:
            current = SkillGroup(default_group, lines=[line])
            groups.append(current)
        _add_items(current, groups, _split_items(line, text), line)
    return _deduplicated(groups)


def _unwrapped(lines: list[Line]) -> list[tuple[Line, str | None, str]]:
    """(line, group label, items text), a list wrapped over lines joined back ("Marketing" + "Automation")."""
    rows = [(line, clean(strip_bullet(line.text) if is_bullet(line.text) else line.text)) for line in lines]
    rows = [(line, text) for line, text in rows if text and not _is_date_only(text)]
    joined: list[tuple[Line, str | None, str]] = []
    wrapping = False
    value_column = _value_column([line for line, _ in rows])
    for index, (line, text) in enumerate(rows):
        following = rows[index + 1][0] if index + 1 < len(rows) else None
        label, rest = (None, text) if _has_level(text) else split_label(line)
        if label is None and not _has_level(text):
            label, rest = _dash_label(text)
        if label is None and value_column is not None:
            label, rest = _label_before_column(line, value_column, text)
        if label is None and _is_group_label(text, line, following):
            label, rest = text.rstrip(":"), ""
        at_margin = value_column is not None and line.box.left < value_column - COLUMN_TOLERANCE
        if wrapping and label is None and _same_size(joined[-1][0], line) and not at_margin:
            previous_line, previous_label, previous_text = joined[-1]
            # A wrapped list may carry its separator over: "TDD" / "· Domain-Driven Design".
            glue = ", " if is_bullet(line.text) else " "
            joined[-1] = (previous_line, previous_label, f"{previous_text}{glue}{text}")
        else:
            joined.append((line, _label_name(label) if label else None, rest if label else text))
        last = joined[-1][2]
        wrapping = bool(_ITEM_SEPARATOR.search(last)) and not _ITEM_SEPARATOR.search(last[-1:])
    return joined


def _dash_label(text: str) -> tuple[str | None, str]:
    """ "Analysis — Python · SQL": a group label before a spaced dash (a level after one is caught
    before: "Python — Advanced")."""
    match = _DASH_LABEL.match(text)
    if match is None or _ITEM_SEPARATOR.search(match.group("label")):
        return None, text
    if len(match.group("label").split()) > MAX_GROUP_LABEL_WORDS:
        return None, text
    return match.group("label"), match.group("rest")


def _value_column(lines: list[Line]) -> float | None:
    """The left edge of the values of a "Label  a, b, c" table, told by its wrapped rows: they start
    there, indented from the labels (a hanging indent)."""
    known = [line for line in lines if line.box != UNKNOWN_BOX]
    if len(known) < 2:
        return None
    margin = min(line.box.left for line in known)
    indented = [line.box.left for line in known if line.box.left - margin > INDENT_MIN]
    return min(indented) if indented else None


def _label_before_column(line: Line, column: float, text: str) -> tuple[str | None, str]:
    """ "Finance Budgeting, Month-End Close" whose "Budgeting," starts at the value column."""
    for index, word in enumerate(line.words[1 : MAX_GROUP_LABEL_WORDS + 1], start=1):
        if abs(word.box.left - column) <= COLUMN_TOLERANCE:
            label = " ".join(w.text for w in line.words[:index])
            if not _ITEM_SEPARATOR.search(label):
                return label, " ".join(w.text for w in line.words[index:])
    return None, text


def _has_level(text: str) -> bool:
    return bool(_LEVEL_DOTS.match(text) or _LEVEL_SUFFIX.match(text))


def _same_size(first: Line, second: Line) -> bool:
    return (
        first.font_size is None or second.font_size is None or abs(first.font_size - second.font_size) < 0.5
    )


def _is_date_only(text: str) -> bool:
    found = find_date_range(text)
    return found is not None and found.span[1] - found.span[0] >= len(text) - 1


def _is_group_label(text: str, line: Line, following: Line | None) -> bool:
    """A short line with no separators that introduces the items below it: ending in a colon, set in
    capitals, or set in another type than the list that follows."""
    if _ITEM_SEPARATOR.search(text) or len(text.split()) > MAX_GROUP_LABEL_WORDS or _has_level(text):
        return False
    if text.endswith(":"):
        return True
    styled_apart = following is not None and (line.bold != following.bold or not _same_size(line, following))
    stronger = following is not None and _stronger(line, following)
    if _is_caps_heading(text):
        return stronger or len(text.split()) > 1 or sum(c.isalpha() for c in text) >= MIN_CAPS_LABEL_LETTERS
    if not styled_apart or following is None:
        return False
    if stronger and line.bold:
        return True  # a bold label over one item per line ("Analysis" / "pandas" / "dbt")
    return bool(_ITEM_SEPARATOR.search(following.text)) or len(segments(following)) > 1  # a list or chips


def _stronger(line: Line, following: Line) -> bool:
    """Set in bolder or larger type than the line below it."""
    larger = (line.font_size or 0.0) - (following.font_size or 0.0) >= LABEL_SIZE_STEP
    return (line.bold and not following.bold) or (larger and line.bold == following.bold)


def _is_caps_heading(text: str) -> bool:
    """ "CLOUD & DEVOPS", "FRAMEWORKS"; not an acronym skill such as "ETL/ELT", "HTML5" or "AWS"."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and not re.search(r"[\d/.+#]", text)


def _label_name(text: str) -> str:
    text = text.rstrip(":").strip()
    if not text.isupper():
        return text
    return " ".join(w if len(w) <= 3 and w.isalpha() is False else w.capitalize() for w in text.split())


def _split_items(line: Line, text: str) -> list[str]:
    if _ITEM_SEPARATOR.search(text):
        return [i for i in _ITEM_SEPARATOR.split(text) if i]
    if _has_level(text):
        return [text]
    parts = segments(line)
    if len(parts) > 1:  # chips: items set apart by wide gaps
        return parts
    return [text]


def _add_items(group: SkillGroup, groups: list[SkillGroup], items: list[str], line: Line) -> None:
    for raw in items:
        item = raw.strip().rstrip(".")
        if not item or len(item.split()) > MAX_SKILL_WORDS or _is_phrase(item):
            continue
        level = _LEVEL_DOTS.match(item) or _LEVEL_SUFFIX.match(item)
        if level:  # "Python – Advanced" is a group of its own, named by the skill
            groups.append(SkillGroup(level.group("name").strip(), level=level.group("level"), lines=[line]))
            continue
        group.keywords.append(item)
        if line not in group.lines:
            group.lines.append(line)


def _is_phrase(item: str) -> bool:
    """A clause, not a skill: "Proficient in Python and SQL", "experienced with large teams"."""
    words = item.split()
    function_words = sum(1 for w in words if w in _FUNCTION_WORDS)
    return (item[:1].islower() and len(words) > 2) or (len(words) > 3 and function_words >= 2)


def _deduplicated(groups: list[SkillGroup]) -> list[SkillGroup]:
    seen: set[str] = set()
    for group in groups:
        kept = []
        for keyword in group.keywords:
            key = _alias_key(canonical_skill(keyword))
            if key not in seen:
                seen.add(key)
                kept.append(keyword)
        group.keywords = kept
    return [g for g in groups if g.keywords or g.level]

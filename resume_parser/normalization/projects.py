"""Projects: a name, a description and a link."""

from __future__ import annotations

from dataclasses import dataclass, field

from resume_parser.layout import Line
from resume_parser.normalization.contact import find_web_addresses
from resume_parser.normalization.lines import clean, is_bullet, segments, strip_bullet
from resume_parser.resume import Project

MAX_NAME_WORDS = 6


@dataclass(slots=True)
class ParsedProject:
    project: Project
    sources: dict[str, Line] = field(default_factory=dict)


def parse_projects(lines: list[Line]) -> list[ParsedProject]:
    projects: list[ParsedProject] = []
    for line in lines:
        text = clean(strip_bullet(line.text) if is_bullet(line.text) else line.text)
        addresses = find_web_addresses(text)
        if addresses and len(text.split()) == 1 and projects:
            projects[-1].project.url = addresses[0].url.strip("<>")
            projects[-1].sources["url"] = line
            continue
        head, description = _name_and_description(line, text)
        if head and (is_bullet(line.text) or not projects or projects[-1].project.description is not None):
            project = Project(name=head, description=description)
            projects.append(ParsedProject(project, {"name": line}))
        elif projects:
            previous = projects[-1].project
            previous.description = clean(f"{previous.description or ''} {text}")
    return projects


def _name_and_description(line: Line, text: str) -> tuple[str | None, str | None]:
    """ "habit-tracker: PWA with offline sync" or a name set apart by a wide gap or a colon."""
    parts = segments(line)
    if len(parts) > 1 and len(parts[0].split()) <= MAX_NAME_WORDS:
        return parts[0], " ".join(parts[1:])
    name, sep, rest = text.partition(": ")
    if sep and len(name.split()) <= MAX_NAME_WORDS:
        return name.strip(), rest.strip() or None
    first, _, rest = text.partition(" ")
    if "-" in first or first.islower():  # a repository-style name ("pg-migrate-lite A tiny tool ...")
        return first, rest or None
    return (text, None) if len(text.split()) <= MAX_NAME_WORDS else (None, None)

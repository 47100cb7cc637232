"""Work experience entries: position, employer, place, dates and highlights, in either order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resume_parser.layout import Line
from resume_parser.normalization.contact import parse_location
from resume_parser.normalization.entries import Entry, extent, split_entries, wraps
from resume_parser.normalization.lines import clean, ends_sentence, is_bullet, strip_bullet
from resume_parser.normalization.parts import Part, header_parts
from resume_parser.normalization.roles import title_score
from resume_parser.resume import Work

_WORK_MODES = re.compile(r"^(remote|hybrid|on-?site|home ?office|télétravail|remoto)$", re.IGNORECASE)


@dataclass(slots=True)
class ParsedWork:
    work: Work
    sources: dict[str, Line] = field(default_factory=dict)  # field name -> the line it was read from
    entry: Entry | None = None


def parse_work(lines: list[Line]) -> list[ParsedWork]:
    entries = split_entries(lines)
    widest = max((extent(line) for line in lines), default=0.0)
    parsed = [_work_from_entry(entry, widest) for entry in entries]
    return [p for p in parsed if p.work.name or p.work.position]


def _work_from_entry(entry: Entry, widest: float) -> ParsedWork:
    parts = header_parts(entry.header)
    position, company, location = assign_roles(parts)
    sources: dict[str, Line] = {}
    work = Work()
    if position:
        work.position, sources["position"] = position.text, position.line
    if company:
        work.name, sources["name"] = company.text, company.line
    if location:
        work.location, sources["location"] = location.text, location.line
    apply_dates(work, sources, entry)
    highlights = join_highlights(entry.body, widest)
    if highlights:
        work.highlights = highlights
        sources["highlights"] = entry.body[0]
    return ParsedWork(work, sources, entry)


def apply_dates(work: Work, sources: dict[str, Line], entry: Entry) -> None:
    """Copy the entry's dates (set by the entry cutter or found in a margin) onto the role."""
    dates, line = entry.dates, entry.date_line
    if dates is None or line is None:
        return
    work.start_date = dates.start if dates.start else dates.end
    work.end_date = dates.end if dates.start else None
    work.is_current = dates.ongoing
    if dates.start is None and not dates.ongoing:
        work.end_date = dates.end  # a single printed date: a role that began and ended that month/year
    sources["startDate"] = line
    if work.end_date:
        sources["endDate"] = line


def assign_roles(parts: list[Part]) -> tuple[Part | None, Part | None, Part | None]:
    """(position, company, location) among an entry's header parts."""
    remaining = list(parts)
    position = _pick_position(remaining)
    if position:
        remaining.remove(position)
    company = next((p for p in remaining if p.hinted_company), None) or _pick_company(remaining)
    if company:
        remaining.remove(company)
    if position is None and company is not None:
        # No title vocabulary: the first other part that is not a place is the position. A lone
        # place-like part is the place when printed beside the employer ("Acme      Berlin"), the
        # position when on a line of its own ("Acme" / "Growth Hacker").
        unplaced = [p for p in remaining if not _is_place(p.text)]
        lone = remaining[0] if len(remaining) == 1 and remaining[0].line is not company.line else None
        position = unplaced[0] if unplaced else lone
        if position is None and len(remaining) > 1:
            position = remaining[0]
        if position is not None:
            remaining.remove(position)
    location = next((p for p in remaining if _is_place(p.text)), None)
    if company is not None and location is None:
        company, location = _split_trailing_place(company)
    return position, company, location


def _split_trailing_place(company: Part) -> tuple[Part, Part | None]:
    """ "Larkspur Health, Singapore" taken whole as the employer: the place after the last comma is the
    location (the pair looked like "City, Country" only because the country is a city too)."""
    head, comma, tail = company.text.rpartition(",")
    if not comma or not head.strip() or parse_location(tail.strip()) is None:
        return company, None
    return Part(head.strip(), company.line), Part(tail.strip(), company.line)


def _pick_position(parts: list[Part]) -> Part | None:
    hinted = next((p for p in parts if p.hinted_title), None)
    if hinted:
        return hinted
    scored = [(title_score(p.text), -index, p) for index, p in enumerate(parts)]
    best = max(scored, key=lambda s: (s[0], s[1]), default=None)
    return best[2] if best and best[0] > 0 else None


def _pick_company(parts: list[Part]) -> Part | None:
    for part in parts:
        if not _is_place(part.text) or title_score(part.text) < 0:
            return part
    # Only place-like words left ("Zomato", "Mumbai"): the first is the employer, the next its place.
    return parts[0] if parts else None


def _is_place(text: str) -> bool:
    return bool(_WORK_MODES.match(text)) or parse_location(text) is not None


def join_highlights(body: list[Line], widest: float) -> list[str]:
    """Body lines as highlights: a bullet starts one; a wrapped line continues the one above."""
    bulleted = any(is_bullet(line.text) for line in body)
    highlights: list[str] = []
    previous: Line | None = None
    for line in body:
        text = clean(line.text)
        starts_new = (
            not highlights
            or is_bullet(text)
            or (not bulleted and ends_sentence(highlights[-1]))
            or (not bulleted and previous is not None and not wraps(previous, widest) and text[:1].isupper())
        )
        item = strip_bullet(text) if is_bullet(text) else text
        if starts_new:
            highlights.append(item)
        else:
            highlights[-1] = f"{highlights[-1]} {item}"
        previous = line
    return [h for h in highlights if h]

"""Distant supervision: the truth file's values found among the tokens of the extracted layout, and the
line and token labels that follow from where they were found. No hand labelling.

A value is found by its match key (case, accents and punctuation dropped; letters, digits, `+` and
`#` kept) in the document's key stream (every token's key, concatenated), starting and ending on
token boundaries. That one comparison absorbs spacing ("Node .js"), letter-spaced names
("J O H N"), hyphenation at line ends ("Soft-" / "ware") and URL schemes. Dates are found by the
date grammar and compared by value, so "Jan. 2020 – heute" aligns with 2020-01 and no end date;
phone numbers by their digits.

Where a value is printed more than once, the occurrence next to the other fields of its entry is
taken (an employer's name also appears in a summary; "Python" in a highlight and in the skills
list). Every truth value that is not found is reported, so alignment bugs are found, not trained on.

The result labels each line with the section it belongs to (the segmentation model's target) and
each token with the field it prints (the field models' targets); see cascade/labels.py.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from resume_parser.cascade.labels import OTHER_TOKEN, Kind, heading_label
from resume_parser.cascade.reading import ReadingDocument
from resume_parser.cascade.tokens import TokenLine
from resume_parser.grouping.headings import heading_kind
from resume_parser.normalization.countries import country_code
from resume_parser.normalization.dates import DateRange, find_dates

MAX_FIELD_DISTANCE = 12  # lines; an entry's fields further apart than this are not one entry
_KEY_DROP = re.compile(r"[^\w+#]|_")
_SCHEME = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)


def match_key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return _KEY_DROP.sub("", text).replace("ß", "ss")


def url_key(url: str) -> str:
    url = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip(), flags=re.IGNORECASE).rstrip("/")
    return match_key(url)


@dataclass(frozen=True, slots=True)
class Span:
    """Tokens start..end (exclusive) of the document's flat token stream, and for a value wrapped
    around other text (a date in a narrow column), the tokens of its rest."""

    start: int
    end: int
    rest: Span | None = None

    def indices(self) -> list[int]:
        own = list(range(self.start, self.end))
        return own + (self.rest.indices() if self.rest else [])


@dataclass(slots=True)
class Unaligned:
    path: str  # e.g. "work[2].position"
    value: str


@dataclass(slots=True)
class Alignment:
    line_labels: list[str]
    token_labels: list[list[str]]  # per line, per token
    found: int = 0
    unaligned: list[Unaligned] = field(default_factory=list)
    # (glyph, network): the single character printed before a profile's user name (an icon).
    profile_glyphs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.found + len(self.unaligned)


class _Stream:
    """The document's tokens in reading order, with their match keys in one string."""

    def __init__(self, lines: list[TokenLine]) -> None:
        self.line_of: list[int] = []
        self.tokens = []
        keys: list[str] = []
        self.key_start: list[int] = []
        position = 0
        for line_index, line in enumerate(lines):
            for token in line.tokens:
                key = url_key(token.text) if _SCHEME.match(token.text) else match_key(token.text)
                self.line_of.append(line_index)
                self.tokens.append(token)
                self.key_start.append(position)
                keys.append(key)
                position += len(key)
        self.key_start.append(position)
        self.keys = keys
        self.text = "".join(keys)
        self.line_first: list[int] = []  # flat index of each line's first token
        index = 0
        for line in lines:
            self.line_first.append(index)
            index += len(line.tokens)
        self.line_first.append(index)
        self.used = [False] * len(self.tokens)

    def find(self, key: str) -> list[Span]:
        """Every span of tokens whose keys concatenate to the key, starting and ending on a token."""
        spans: list[Span] = []
        if not key:
            return spans
        at = self.text.find(key)
        while at >= 0:
            first = bisect_left(self.key_start, at)
            while first < len(self.tokens) and self.key_start[first] == at and not self.keys[first]:
                first += 1  # punctuation shares its key position with the next token
            if first < len(self.tokens) and self.key_start[first] == at:
                last = bisect_left(self.key_start, at + len(key))
                if self.key_start[last] == at + len(key):
                    # key_start repeats for empty-key tokens; end after the last keyed one.
                    end = last
                    while end > first and not self.keys[end - 1]:
                        end -= 1
                    spans.append(Span(first, end))
            at = self.text.find(key, at + 1)
        return spans

    def free(self, span: Span) -> bool:
        return not any(self.used[index] for index in span.indices())

    def line(self, span: Span) -> int:
        return self.line_of[span.start]


@dataclass(frozen=True, slots=True)
class _DateMention:
    span: Span
    value: DateRange


def _date_mentions(stream: _Stream, lines: list[TokenLine]) -> list[_DateMention]:
    """Every date printed in the document, including a range wrapped onto the next line, either at
    the line's end or in a narrow first cell ("09/2024–" / "Present" in a date column)."""
    mentions: list[_DateMention] = []
    for index, line in enumerate(lines):
        mentions += [_DateMention(_char_span(stream, index, d.span), d) for d in find_dates(line.text)]
        if index + 1 < len(lines):
            mentions += _wrapped(stream, index, line, lines[index + 1])
    return [m for m in mentions if m.span.end > m.span.start]


def _wrapped(stream: _Stream, index: int, line: TokenLine, following: TokenLine) -> list[_DateMention]:
    pairs = [(line.text, 0, following.text)]
    first_cell = _first_cell_text(line)
    if first_cell != line.text:
        pairs.append((first_cell, 0, _first_cell_text(following)))
    found: list[_DateMention] = []
    for head, head_start, tail in pairs:
        joined = f"{head} {tail}"
        for date in find_dates(joined):
            if date.span[0] < len(head) < date.span[1] and date.start is not None:
                first = _char_span(stream, index, (head_start + date.span[0], head_start + len(head)))
                rest = _char_span(stream, index + 1, (0, date.span[1] - len(head) - 1))
                found.append(_DateMention(Span(first.start, first.end, rest), date))
    return found


def _first_cell_text(line: TokenLine) -> str:
    tokens = [t for t in line.tokens if t.cell == 0]
    return line.text[: tokens[-1].end] if tokens else ""


def _char_span(stream: _Stream, line_index: int, chars: tuple[int, int]) -> Span:
    first, last = stream.line_first[line_index], stream.line_first[line_index + 1]
    inside = [
        i for i in range(first, last) if stream.tokens[i].end > chars[0] and stream.tokens[i].start < chars[1]
    ]
    return Span(inside[0], inside[-1] + 1) if inside else Span(first, first)


def _date_matches(mention: DateRange, start: str | None, end: str | None, ongoing: bool) -> bool:
    def same(printed: str | None, truth: str | None) -> bool:
        return printed is not None and truth is not None and printed[: len(truth)] == truth

    if start is None:  # only one date known: a graduation, a certificate
        return end is not None and (
            (mention.start is None and same(mention.end, end))
            or (mention.start is not None and same(mention.end, end) and not mention.ongoing)
        )
    if mention.start is None:  # a date printed once for a range whose ends are equal
        return same(mention.end, start) and end is not None and same(mention.end, end)
    if not same(mention.start, start):
        return False
    return mention.ongoing if ongoing else same(mention.end, end)


class _Aligner:
    def __init__(self, reading: ReadingDocument, truth: dict[str, Any]) -> None:
        self.lines = reading.lines
        self.stream = _Stream(self.lines)
        self.truth = truth
        self.dates = _date_mentions(self.stream, self.lines)
        self.token_field: list[str | None] = [None] * len(self.stream.tokens)
        self.token_kind: list[Kind | None] = [None] * len(self.stream.tokens)
        self.entry_start: set[int] = set()
        self._item_spans: dict[str, Span] = {}
        self.profile_glyphs: list[tuple[str, str]] = []
        self.found = 0
        self.unaligned: list[Unaligned] = []

    # -- marking -------------------------------------------------------------------------------

    def mark(self, span: Span, kind: Kind, name: str) -> None:
        for index in span.indices():
            self.stream.used[index] = True
            self.token_field[index] = name
            self.token_kind[index] = kind

    def place(
        self,
        path: str,
        value: str | None,
        candidates: list[Span],
        kind: Kind,
        name: str,
        near: int | None = None,
        score: Callable[[Span], float] | None = None,
    ) -> Span | None:
        """Mark the best free candidate for a truth value; record it as unaligned when none is free."""
        if not value:
            return None
        free = [span for span in candidates if self.stream.free(span)]
        if near is not None:
            free = [s for s in free if abs(self.stream.line(s) - near) <= MAX_FIELD_DISTANCE]
        if not free:
            self.unaligned.append(Unaligned(path, value))
            return None
        if score is not None:
            best = min(free, key=score)
        elif near is not None:
            best = min(free, key=lambda s: (abs(self.stream.line(s) - near), s.start))
        else:
            best = free[0]
        self.mark(best, kind, name)
        self.found += 1
        return best

    def text_spans(self, value: str | None) -> list[Span]:
        return self.stream.find(match_key(value or ""))

    def date_spans(self, start: str | None, end: str | None, ongoing: bool) -> list[Span]:
        return [m.span for m in self.dates if _date_matches(m.value, start, end, ongoing)]

    # -- sections --------------------------------------------------------------------------------

    def basics(self) -> None:
        basics = self.truth.get("basics") or {}
        kind = Kind.BASICS
        name_spans = self.text_spans(basics.get("name"))
        name = self.place("basics.name", basics.get("name"), name_spans, kind, "name", score=self._by_size)
        anchor = self.stream.line(name) if name else 0
        self.place("basics.email", basics.get("email"), self.text_spans(basics.get("email")), kind, "email")
        self.place("basics.phone", basics.get("phone"), self._phone_spans(basics.get("phone")), kind, "phone")
        url = basics.get("url")
        self.place("basics.url", url, self.stream.find(url_key(url or "")), kind, "url")
        self.place(
            "basics.label",
            basics.get("label"),
            self.text_spans(basics.get("label")),
            kind,
            "label",
            near=anchor,
        )
        location = basics.get("location") or {}
        city = self.place(
            "basics.location.city",
            location.get("city"),
            self.text_spans(location.get("city")),
            kind,
            "city",
            near=anchor,
        )
        near_city = self.stream.line(city) if city else anchor
        self.place(
            "basics.location.region",
            location.get("region"),
            self.text_spans(location.get("region")),
            kind,
            "location",
            near=near_city,
        )
        code = location.get("countryCode")
        if code:
            self.place(
                "basics.location.countryCode",
                code,
                self._country_spans(code),
                kind,
                "location",
                near=near_city,
            )
        for index, profile in enumerate(basics.get("profiles") or []):
            self._profile(index, profile)
        summary = basics.get("summary")
        self.place("basics.summary", summary, self.text_spans(summary), Kind.SUMMARY, "text")

    def _by_size(self, span: Span) -> float:
        line = self.lines[self.stream.line(span)].line
        return -(line.font_size or 0.0) + 0.001 * span.start

    def _phone_spans(self, phone: str | None) -> list[Span]:
        digits = re.sub(r"\D", "", phone or "")
        if len(digits) < 7:
            return []
        spans = []
        for first in range(len(self.stream.tokens)):
            if not any(c.isdigit() for c in self.stream.tokens[first].text):
                continue
            collected, last = "", first
            while last < len(self.stream.tokens) and len(collected) < len(digits):
                text = self.stream.tokens[last].text
                if not re.fullmatch(r"[\d+().\-/]+", text):
                    break
                collected += re.sub(r"\D", "", text)
                last += 1
            tail = digits[-9:]
            if collected == digits or (
                len(collected) >= 9 and collected.endswith(tail) and digits.endswith(collected[-9:])
            ):
                start = first
                while (
                    start > 0
                    and self.stream.tokens[start - 1].text in "+("
                    and self.stream.line_of[start - 1] == self.stream.line_of[first]
                ):
                    start -= 1  # "+49", "(030)": the sign and bracket belong to the number
                spans.append(Span(start, last))
        return spans

    def _country_spans(self, code: str) -> list[Span]:
        spans = []
        for index, token in enumerate(self.stream.tokens):
            if token.text.isalpha() and (token.text == code or country_code(token.text) == code):
                spans.append(Span(index, index + 1))
        # Country names of several words ("United States", "South Korea").
        for first in range(len(self.stream.tokens) - 1):
            words = self.stream.tokens[first].text, self.stream.tokens[first + 1].text
            if all(w.isalpha() for w in words) and country_code(" ".join(words)) == code:
                spans.append(Span(first, first + 2))
        return spans

    def _profile(self, index: int, profile: dict[str, Any]) -> None:
        path = f"basics.profiles[{index}]"
        url, username = profile.get("url"), profile.get("username")
        spans = self.stream.find(url_key(url or "")) if url else []
        # A profile printed as its path without the host ("linkedin/jdoe", "in/jdoe") or user name.
        by_name = not [s for s in spans if self.stream.free(s)] and bool(username)
        if by_name:
            spans = self.text_spans(username)
        placed = self.place(path, url or username, spans, Kind.BASICS, "profile")
        line = self.stream.line(placed) if placed else None
        if placed and by_name and placed.start > self.stream.line_first[line or 0] and profile.get("network"):
            glyph = self.stream.tokens[placed.start - 1].text
            if (len(glyph) == 1 and not glyph.isalnum()) or 0xE000 <= ord(glyph[0]) <= 0xF8FF:
                self.profile_glyphs.append((glyph, str(profile["network"])))

    def work(self) -> None:
        for index, job in enumerate(self.truth.get("work") or []):
            self._entry(
                f"work[{index}]",
                Kind.WORK,
                anchor=("employer", job.get("name") or job.get("company")),
                others=[("position", job.get("position")), ("location", job.get("location"))],
                dates=(job.get("startDate"), job.get("endDate")),
                texts=list(job.get("highlights") or []) + ([job["summary"]] if job.get("summary") else []),
            )

    def education(self) -> None:
        for index, school in enumerate(self.truth.get("education") or []):
            self._entry(
                f"education[{index}]",
                Kind.EDUCATION,
                anchor=("institution", school.get("institution")),
                others=[
                    ("degree", school.get("studyType")),
                    ("area", school.get("area")),
                    ("score", school.get("score")),
                ],
                dates=(school.get("startDate"), school.get("endDate")),
                texts=list(school.get("courses") or []),
            )

    def certificates(self) -> None:
        for index, certificate in enumerate(self.truth.get("certificates") or []):
            self._entry(
                f"certificates[{index}]",
                Kind.CERTIFICATES,
                anchor=("name", certificate.get("name")),
                others=[("issuer", certificate.get("issuer"))],
                dates=(None, certificate.get("date")),
                texts=[],
            )

    def projects(self) -> None:
        for index, project in enumerate(self.truth.get("projects") or []):
            url = project.get("url")
            self._entry(
                f"projects[{index}]",
                Kind.PROJECTS,
                anchor=("name", project.get("name")),
                others=[],
                dates=(project.get("startDate"), project.get("endDate")),
                texts=[project.get("description") or "", *(project.get("highlights") or [])],
                urls=[url] if url else [],
            )

    def _entry(
        self,
        path: str,
        kind: Kind,
        anchor: tuple[str, str | None],
        others: list[tuple[str, str | None]],
        dates: tuple[str | None, str | None],
        texts: list[str],
        urls: list[str] | None = None,
    ) -> None:
        """One entry: its anchor (employer, institution, name) where the other fields cluster
        around it, then each other field at its occurrence nearest to the anchor."""
        start, end = dates
        ongoing = start is not None and end is None
        date_spans = self.date_spans(start, end, ongoing) if (start or end) else []
        other_spans = [(name, value, self.text_spans(value)) for name, value in others if value]
        anchor_name, anchor_value = anchor
        anchor_spans = self.text_spans(anchor_value)

        def cost(span: Span) -> float:
            line = self.stream.line(span)
            total = 0.0
            for spans in [date_spans] + [s for _, _, s in other_spans]:
                free = [abs(self.stream.line(s) - line) for s in spans if self.stream.free(s)]
                total += min(free, default=MAX_FIELD_DISTANCE)
            return total + 0.0001 * span.start

        placed = self.place(
            f"{path}.{_truth_name(anchor_name)}", anchor_value, anchor_spans, kind, anchor_name, score=cost
        )
        near = self.stream.line(placed) if placed else None
        if near is None:  # no anchor printed: cluster around the first other field that is found
            for _, _, spans in other_spans:
                free = [s for s in spans if self.stream.free(s)]
                if free:
                    near = self.stream.line(free[0])
                    break
        spans_of_entry: list[Span | None] = [placed]
        for name, value, spans in other_spans:
            field_path = f"{path}.{_truth_name(name)}"
            if name == "location" and "," in value and not self._free_near(spans, near):
                # "Ahmedabad, India" printed with the country wrapped onto the next line: by parts.
                spans_of_entry += self._place_parts(field_path, value, kind, name, near)
            else:
                spans_of_entry.append(self.place(field_path, value, spans, kind, name, near=near))
        if start or end:
            spans_of_entry.append(
                self.place(f"{path}.dates", f"{start} – {end}", date_spans, kind, "date", near=near)
            )
        for url in urls or []:
            spans_of_entry.append(
                self.place(f"{path}.url", url, self.stream.find(url_key(url)), kind, "url", near=near)
            )
        for number, text in enumerate(texts):
            if text:
                spans_of_entry.append(
                    self.place(f"{path}.text[{number}]", text, self.text_spans(text), kind, "text", near=near)
                )
        fields = [s for s in spans_of_entry if s is not None and self.token_field[s.start] != "text"]
        if fields:
            self.entry_start.add(min(s.start for s in fields))

    def _free_near(self, spans: list[Span], near: int | None) -> bool:
        return any(
            self.stream.free(s) and (near is None or abs(self.stream.line(s) - near) <= MAX_FIELD_DISTANCE)
            for s in spans
        )

    def _place_parts(
        self, path: str, value: str, kind: Kind, name: str, near: int | None
    ) -> list[Span | None]:
        parts = [part.strip() for part in value.split(",") if part.strip()]
        if not all(self._free_near(self.text_spans(part), near) for part in parts):
            self.unaligned.append(Unaligned(path, value))
            return []
        placed = [self.place(path, part, self.text_spans(part), kind, name, near=near) for part in parts]
        self.found -= len(parts) - 1  # one value, found in parts
        return placed

    def skills(self) -> None:
        groups = self.truth.get("skills") or []
        items: list[tuple[str, str, str]] = []  # (path, value, field)
        for g, group in enumerate(groups):
            keywords = group.get("keywords") or []
            if keywords:
                items += [(f"skills[{g}].keywords[{k}]", kw, "skill") for k, kw in enumerate(keywords)]
            elif group.get("name"):
                items.append((f"skills[{g}].name", group["name"], "skill"))
        self._list_items(items, Kind.SKILLS)
        for g, group in enumerate(groups):
            if group.get("keywords") and group.get("name"):
                first = self._first_line_of_group(g)
                spans = [
                    s for s in self.text_spans(group["name"]) if not self._names_skills(s, group["name"])
                ]
                self.place(f"skills[{g}].name", group["name"], spans, Kind.SKILLS, "group", near=first)

    def _names_skills(self, span: Span, name: str) -> bool:
        """A line of its own that is the skills section's heading ("SKILLS"): a truth file calls a
        section's only group so, but on the page it is the heading."""
        line = self.lines[self.stream.line(span)]
        return (
            match_key(line.text.strip().rstrip(":")) == match_key(name) and _heading_kind(line) == Kind.SKILLS
        )

    def _first_line_of_group(self, group: int) -> int | None:
        prefix = f"skills[{group}].keywords["
        lines = [self.stream.line(span) for path, span in self._item_spans.items() if path.startswith(prefix)]
        return min(lines) if lines else None

    def languages(self) -> None:
        items = [
            (f"languages[{i}].language", lang.get("language"), "language")
            for i, lang in enumerate(self.truth.get("languages") or [])
            if lang.get("language")
        ]
        self._list_items(items, Kind.LANGUAGES)
        for i, lang in enumerate(self.truth.get("languages") or []):
            placed = self._item_spans.get(f"languages[{i}].language")
            fluency = lang.get("fluency")
            if fluency and placed is not None:
                spans = [s for s in self.text_spans(fluency) if abs(s.start - placed.end) <= 12]
                self.place(
                    f"languages[{i}].fluency",
                    fluency,
                    spans,
                    Kind.LANGUAGES,
                    "fluency",
                    score=partial(_distance_after, placed),
                )

    def _list_items(self, items: list[tuple[str, str, str]], kind: Kind) -> None:
        """Items of a list (skills, languages): each at the occurrence with the most other items of
        the list printed within two lines of it."""
        candidates = {path: self.text_spans(value) for path, value, _ in items}
        lines_with_items: dict[int, int] = {}
        for spans in candidates.values():
            for line in {self.stream.line(s) for s in spans}:
                lines_with_items[line] = lines_with_items.get(line, 0) + 1

        def support(span: Span) -> float:
            line = self.stream.line(span)
            nearby = sum(lines_with_items.get(line + d, 0) for d in range(-2, 3))
            return -nearby + 0.0001 * span.start

        for path, value, name in items:
            placed = self.place(path, value, candidates[path], kind, name, score=support)
            if placed is not None:
                self._item_spans[path] = placed
                self.entry_start.add(placed.start)

    # -- labels ----------------------------------------------------------------------------------

    def run(self) -> Alignment:
        self.basics()
        self.work()
        self.education()
        self.certificates()
        self.projects()
        self.languages()
        self.skills()
        line_kinds = self._line_kinds()
        line_labels = _fill_sections(self.lines, line_kinds)
        token_labels = self._token_labels(line_labels)
        return Alignment(line_labels, token_labels, self.found, self.unaligned, self.profile_glyphs)

    def _line_kinds(self) -> list[Kind | None]:
        kinds: list[Kind | None] = []
        for line in range(len(self.lines)):
            votes: dict[Kind, int] = {}
            for index in range(self.stream.line_first[line], self.stream.line_first[line + 1]):
                kind = self.token_kind[index]
                if kind is not None:
                    votes[kind] = votes.get(kind, 0) + 1
            kinds.append(max(votes, key=lambda k: votes[k]) if votes else None)
        return kinds

    def _token_labels(self, line_labels: list[str]) -> list[list[str]]:
        labels: list[list[str]] = []
        for line, line_label in enumerate(line_labels):
            kind = Kind.of_label(line_label)
            row = []
            for index in range(self.stream.line_first[line], self.stream.line_first[line + 1]):
                name = self.token_field[index] if self.token_kind[index] == kind else None
                if name is None:
                    row.append(OTHER_TOKEN)
                elif index in self.entry_start:
                    row.append(f"B-{name}")
                else:
                    row.append(name)
            labels.append(row)
        return labels


def _truth_name(field_name: str) -> str:
    return {"employer": "name", "degree": "studyType"}.get(field_name, field_name)


def _fill_sections(lines: list[TokenLine], kinds: list[Kind | None]) -> list[str]:
    """Every line's section label: lines with aligned values keep their section; a run of lines
    without any between two sections is cut at the heading of the next one (a line whose words
    name a section, or a short line set like one)."""
    labels = [k.value if k else "" for k in kinds]
    index = 0
    while index < len(lines):
        if kinds[index] is not None:
            index += 1
            continue
        end = index
        while end < len(lines) and kinds[end] is None:
            end += 1
        before = next((kinds[i] for i in range(index - 1, -1, -1) if kinds[i] is not None), None)
        after = kinds[end] if end < len(lines) else None
        for position, label in zip(
            range(index, end), _fill_gap(lines[index:end], before, after), strict=True
        ):
            labels[position] = label
        index = end
    return labels


# A heading-like line whose words name no known section (a caption, or a section we do not know).
_UNNAMED = "unnamed"


def _fill_gap(lines: list[TokenLine], before: Kind | None, after: Kind | None) -> list[str]:
    named = [_heading_kind(line) for line in lines]
    opener = _opener(named, before, after)
    current = before or Kind.BASICS
    labels: list[str] = []
    for position, kind in enumerate(named):
        if position == opener and after is not None:
            current = after
            labels.append(heading_label(after))
        elif isinstance(kind, Kind) and kind != current:
            current = kind
            labels.append(heading_label(kind))
        else:
            labels.append(current.value)  # body, or a caption inside it ("Highlights")
    return labels


def _opener(named: list[Kind | str | None], before: Kind | None, after: Kind | None) -> int | None:
    """The line of the gap that opens the next section: its last heading, when that heading names
    the next section or names nothing known (within one section only a heading naming it)."""
    if after is None:
        return None
    for position in reversed(range(len(named))):
        kind = named[position]
        if kind == after or (kind == _UNNAMED and before != after):
            return position
        if isinstance(kind, Kind):
            return None  # the last heading opens another section; the next one has no heading
    return None


def _distance_after(anchor: Span, span: Span) -> float:
    """How far a span is printed after the anchor; one before it is a little further."""
    return abs(span.start - anchor.end) + (0.5 if span.start < anchor.start else 0)


def _heading_kind(line: TokenLine) -> Kind | str | None:
    """The section a line names if it looks like a heading; _UNNAMED for a heading-like line that
    names nothing known; None for a line that is no heading."""
    text = line.text.strip().rstrip(":")
    words = text.split()
    if not words or len(words) > 6 or re.search(r"[\d@|]", text) or text.endswith((".", ",")):
        return None
    named = heading_kind(text)
    if named is not None:
        return Kind.of_section(named)
    letters = [c for c in text if c.isalpha()]
    caps = len(letters) >= 3 and all(c.isupper() for c in letters)
    styled = caps or line.line.bold
    return _UNNAMED if styled and len(words) <= 4 else None


def align(reading: ReadingDocument, truth: dict[str, Any]) -> Alignment:
    return _Aligner(reading, truth).run()

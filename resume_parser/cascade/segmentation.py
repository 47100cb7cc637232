"""The first model of the cascade: which section every line belongs to, and which lines are headings.

Its features describe a line by its words (lexicon flags, a heading's words, dates, contact details),
its typography relative to the body (size, weight, capitals, letter spacing), its place (page, top
or bottom, indentation, space above and below, a page header or footer, a title set in the left
margin) and the rule-based segmentation's verdict, plus the same for the lines before and after.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path

from resume_parser.cascade.crf import Features, Labelling, SequenceModel
from resume_parser.cascade.labels import Kind, is_heading
from resume_parser.cascade.layout_stats import (
    LayoutStats,
    gap_bucket,
    layout_stats,
    size_bucket,
    vertical_gap,
)
from resume_parser.cascade.lexicon import fold, language_names
from resume_parser.cascade.reading import ReadingDocument
from resume_parser.cascade.tokens import TokenLine
from resume_parser.cascade.words import phrase_flags, word_flags
from resume_parser.grouping.headings import heading_kind
from resume_parser.grouping.reading_order import ReadLine
from resume_parser.grouping.sections import segment
from resume_parser.layout import UNKNOWN_BOX
from resume_parser.normalization.contact import EMAIL, find_web_addresses
from resume_parser.normalization.dates import find_dates
from resume_parser.normalization.lines import is_bullet, is_icon, title_case_ratio
from resume_parser.normalization.phones import phone_candidates

MODEL_FILE = "segmentation.crfsuite"
# Counted lexicon flags become "has" features; the share of a line's words that carry them too.
_COUNTED = (
    "lex=title",
    "lex=org",
    "lex=degree",
    "lex=inst",
    "lex=language",
    "lex=fluency",
    "lex=level",
    "lex=cert",
    "lex=skill",
    "lex=country",
    "lex=month",
    "lex=network",
    "email",
    "url",
    "year",
    "icon",
    "sep",
)
_NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)


def line_features(reading: ReadingDocument) -> list[Features]:
    stats = layout_stats(reading.lines)
    rules = _rule_labels(reading)
    heading_styles = _heading_styles(reading.lines)
    under = _sections_named_above(reading.lines)
    own = [
        _own_features(reading, index, stats, heading_styles) + rules[index] + under[index]
        for index in range(len(reading.lines))
    ]
    features = []
    for index, mine in enumerate(own):
        row = ["bias", *mine]
        for offset in _NEIGHBOUR_OFFSETS:
            other = index + offset
            if 0 <= other < len(own):
                row += [
                    f"{offset}:{f}" for f in own[other] if not f.startswith(("w=", "x=", "pos=", "under="))
                ]
            else:
                row.append(f"{offset}:none")
        features.append(row)
    return features


def _own_features(
    reading: ReadingDocument, index: int, stats: LayoutStats, heading_styles: set[tuple[str, bool, bool]]
) -> Features:
    line = reading.lines[index]
    text = line.text.strip()
    words = [t for t in line.tokens if any(c.isalnum() for c in t.text)]
    features = [f"len={_count_bucket(len(words))}"]
    caps = _is_caps(text)
    if caps:
        features.append("caps")
    if title_case_ratio(text) >= 0.75:
        features.append("titlecase")
    if text[:1].islower():
        features.append("lowerstart")
    if text.endswith(":"):
        features.append("end=colon")
    elif text.endswith("."):
        features.append("end=period")
    elif text.endswith(","):
        features.append("end=comma")
    if is_bullet(text):
        features.append("bullet")
    if _letter_spaced(words):
        features.append("letterspaced")
    features += _date_features(text)
    if phone_candidates(text):
        features.append("phone")
    named = heading_kind(text.rstrip(":")) if len(words) <= 6 else None
    if named is not None:
        features.append(f"head={named.value}")
    features += _typography(line, stats, heading_styles, caps)
    features += _geometry(reading, index, stats)
    features += _lexicon(line, words)
    if len(words) <= 3:
        features += [f for t in words for f in word_flags(t.text) if f.startswith("w=")]
    elif words:
        features += [f"first:{f}" for f in word_flags(words[0].text) if f.startswith("w=")]
    return features


def _count_bucket(count: int) -> str:
    for limit, name in ((1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (14, "9-14")):
        if count <= limit:
            return name
    return "15+"


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _letter_spaced(words: list) -> bool:  # type: ignore[type-arg]
    single = sum(1 for t in words if len(t.text) == 1 and t.text.isalpha())
    return len(words) >= 4 and single * 2 > len(words)


def _date_features(text: str) -> Features:
    dates = find_dates(text)
    if not dates:
        return []
    features = []
    covered = sum(d.span[1] - d.span[0] for d in dates)
    if any(d.start is not None for d in dates):
        features.append("daterange")
    if any(d.ongoing for d in dates):
        features.append("dateongoing")
    if any(d.start is None and not d.ongoing for d in dates):
        features.append("datesingle")
    if covered >= 0.7 * len(text.replace(" ", "")):
        features.append("dateonly")
    if dates[-1].span[1] >= len(text) - 2:
        features.append("dateatend")
    return features


def _sections_named_above(lines: list[TokenLine]) -> list[Features]:
    """Per line, the section named by the last short line above it whose words name one: the
    context a heading gives the lines under it, however many there are."""
    features: list[Features] = []
    current: str | None = None
    for line in lines:
        features.append([f"under={current}"] if current else ["under=none"])
        text = line.text.strip().rstrip(":")
        if len(text.split()) <= 4:
            named = heading_kind(text)
            if named is not None:
                current = named.value
    return features


def _heading_styles(lines: list[TokenLine]) -> set[tuple[str, bool, bool]]:
    """The document's heading style: a style shared by two or more lines whose words name a section
    and used by at most as many other lines (so not the body's style). Headings set smaller than
    the body, or in a colour only, are still told apart by being alike."""
    named: Counter[tuple[str, bool, bool]] = Counter()
    other: Counter[tuple[str, bool, bool]] = Counter()
    for line in lines:
        text = line.text.strip().rstrip(":")
        is_named = len(text.split()) <= 4 and heading_kind(text) is not None
        (named if is_named else other)[_style(line)] += 1
    return {style for style, count in named.items() if count >= 2 and other[style] <= count}


def _style(line: TokenLine) -> tuple[str, bool, bool]:
    size = line.line.font_size
    return (f"{round(size * 2) / 2}" if size else "?", line.line.bold, _is_caps(line.text))


def _typography(
    line: TokenLine, stats: LayoutStats, heading_styles: set[tuple[str, bool, bool]], caps: bool
) -> Features:
    layout_line = line.line
    features = [f"size={size_bucket(layout_line.font_size, stats)}"]
    if layout_line.font_size and stats.largest_size and layout_line.font_size >= stats.largest_size - 0.1:
        features.append("largest")
    words = layout_line.words
    if layout_line.bold:
        features.append("bold")
    elif words and words[0].bold:
        features.append("boldstart")
    if words and sum(len(w.text) for w in words if w.italic) * 2 > sum(len(w.text) for w in words):
        features.append("italic")
    if _style(line) in heading_styles:
        features.append("headingstyle")
    return features


def _geometry(reading: ReadingDocument, index: int, stats: LayoutStats) -> Features:
    line = reading.lines[index].line
    features = [f"pos={min(index, 9)}"]
    if reading.in_margin[index]:
        features.append("pagemargin")
    if reading.margin_title[index]:
        features.append("margintitle")
    features.append("page1" if line.page == 1 else "pageN")
    if line.box == UNKNOWN_BOX:
        return features
    previous = reading.lines[index - 1].line if index else None
    following = reading.lines[index + 1].line if index + 1 < len(reading.lines) else None
    features.append(f"above={gap_bucket(vertical_gap(previous, line), stats)}")
    features.append(f"below={gap_bucket(vertical_gap(line, following) if following else None, stats)}")
    if previous is not None and previous.page == line.page and line.box.top < previous.box.top - 0.01:
        features.append("opensColumn")
    features.append(f"x={min(int(line.box.left * 10), 9)}")
    centre = (line.box.left + line.box.right) / 2
    if abs(centre - 0.5) < 0.03 and line.box.width < 0.7:
        features.append("centred")
    width = line.box.width
    features.append("width=narrow" if width < 0.2 else "width=half" if width < 0.5 else "width=wide")
    if line.box.top < 0.12:
        features.append("top")
    if line.box.bottom > 0.9:
        features.append("bottom")
    return features


def _lexicon(line: TokenLine, words: list) -> Features:  # type: ignore[type-arg]
    counts: Counter[str] = Counter()
    for token in line.tokens:
        for flag in word_flags(token.text):
            if flag in _COUNTED:
                counts[flag] += 1
    if any("city=B" in flags for flags in phrase_flags(line)):
        counts["city"] += 1
    features = [f"has:{flag}" for flag in counts]
    if words:
        for flag in ("lex=skill", "lex=language", "lex=title"):
            if counts[flag] * 2 >= len(words):
                features.append(f"most:{flag}")
    separators = counts["sep"]
    if separators:
        features.append(f"seps={min(separators, 4)}")
    return features


def _rule_labels(reading: ReadingDocument) -> list[Features]:
    """The rule-based segmentation (grouping/sections.py) as features: its section kind for every
    line, and whether it took the line for a heading."""
    read = [
        ReadLine(line.line, margin=margin, title=title)
        for line, margin, title in zip(reading.lines, reading.in_margin, reading.margin_title, strict=True)
    ]
    verdicts: dict[int, Features] = {}
    for section in segment(read):
        kind = section.kind.value
        if section.heading is not None:
            for word in section.heading.words:
                verdicts.setdefault(id(word), ["rule=heading", f"rule={kind}"])
        for line in section.lines:
            verdicts[id(line)] = [f"rule={kind}"]
    return [
        verdicts.get(id(line.line)) or verdicts.get(id(line.line.words[0]) if line.line.words else 0) or []
        for line in reading.lines
    ]


class Segmenter:
    """The trained segmentation model."""

    def __init__(self, folder: Path) -> None:
        self._model = SequenceModel(folder / MODEL_FILE)

    def label(self, reading: ReadingDocument) -> Labelling:
        labelling = self._model.label(line_features(reading))
        labels = headed_sections(reading, inline_sections(reading, labelling.labels))
        return Labelling(labels, labelling.probabilities)


# A list that opens with its section's name and a colon ("Languages: English (native)"), in a
# section gathering several such lists ("Skills, projects & languages"), is the section it names.
_LIST_KINDS = frozenset({Kind.SKILLS, Kind.LANGUAGES, Kind.CERTIFICATES, Kind.PROJECTS})
_INLINE_NAME = re.compile(r"([^\W\d_][^:]{0,40}?)\s*:\s*\S")


def inline_sections(reading: ReadingDocument, labels: list[str]) -> list[str]:
    """The segmentation's labels with each such list line given the kind its name says."""
    result = list(labels)
    for index, line in enumerate(reading.lines):
        found = _INLINE_NAME.match(line.text.strip())
        if found is None or is_heading(labels[index]) or Kind(labels[index]) not in _LIST_KINDS:
            continue
        named = heading_kind(found.group(1))
        kind = Kind.of_section(named) if named is not None else None
        if kind is None or kind not in _LIST_KINDS or kind.value == labels[index]:
            continue
        # "Languages: Python, Go" lists programming languages: a skill list.
        if kind != Kind.LANGUAGES or _names_a_language(line.text.strip()[found.end(1) :]):
            result[index] = kind.value
    return result


def _names_a_language(text: str) -> bool:
    return any(fold(word) in language_names() for word in re.findall(r"[^\W\d_]+", text))


def headed_sections(reading: ReadingDocument, labels: list[str]) -> list[str]:
    """The segmentation's labels with the lines right after a section heading that were given to
    the contact block, when none of them holds a contact detail, given to the heading's section: a
    heading opens its section, and "Senior Backend Engineer, Nordwind Logistics GmbH" under
    "EXPERIENCE" is no contact line. (A sidebar's contact list after a heading keeps its kind.)"""
    result = list(labels)
    index = 0
    while index < len(labels):
        kind = Kind.of_label(labels[index]) if is_heading(labels[index]) else None
        run = list(
            itertools.takewhile(lambda i: labels[i] == Kind.BASICS.value, range(index + 1, len(labels)))
        )
        if kind not in (None, Kind.BASICS) and run and not any(_holds_contact(reading.lines[i]) for i in run):
            for line in run:
                result[line] = kind.value
        index += 1 + len(run)
    return result


def _holds_contact(line: TokenLine) -> bool:
    """An e-mail, a web address, a phone number, a place the gazetteer knows, or an icon (icon
    fonts mark contact details)."""
    text = line.text
    return bool(
        EMAIL.search(text)
        or find_web_addresses(text)
        or phone_candidates(text)
        or any("city=B" in flags for flags in phrase_flags(line))
        or any(is_icon(char) for char in text)
    )

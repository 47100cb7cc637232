"""The `basics` block: name, headline, e-mail, phone, web site, profiles and location.

Contact details are read from the header (the lines above the first heading, a DOCX page header) and
from contact sections (a sidebar, "Find me" at the end, a "Personal information" table), item by item:
"a@b.c | +1 555 | Berlin" is cut at its separators and each item is recognised on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resume_parser.grouping.headings import heading_kind
from resume_parser.layout import GroupedDocument, Line, SectionKind
from resume_parser.normalization.contact import (
    find_emails,
    find_web_addresses,
    parse_location,
    profile_from_label,
    split_contact_line,
)
from resume_parser.normalization.dates import find_date_range
from resume_parser.normalization.education import has_degree_word
from resume_parser.normalization.header_items import Item, with_wrapped_addresses_joined
from resume_parser.normalization.lines import clean, ends_sentence, has_letters, segments, title_case_ratio
from resume_parser.normalization.names import (
    MAX_NAME_WORDS,
    display_name,
    looks_like_name,
    strip_decorations,
    unglue_particles,
)
from resume_parser.normalization.phones import find_phone, phone_candidates
from resume_parser.normalization.roles import has_title_word
from resume_parser.resume import Basics, Location

_LABELS = {
    "name": ("name", "full name", "nom", "nombre", "nome"),
    "email": ("email", "e-mail", "mail", "courriel", "correo"),
    "phone": (
        "phone",
        "telephone",
        "tel",
        "tel.",
        "mobile",
        "cell",
        "telefon",
        "handy",
        "téléphone",
        "teléfono",
        "telefone",
        "telefono",
        "phone number",
        "mobile phone",
    ),
    "location": (
        "location",
        "address",
        "adresse",
        "wohnort",
        "city",
        "ort",
        "dirección",
        "ubicación",
        "indirizzo",
        "endereço",
        "based in",
        "residence",
    ),
}
# Postal codes: digits (DE, FR, US ZIP+4), Canadian "T2P 1J9", British "SW1A 1AA".
_POSTCODE = re.compile(
    r"\b(?:\d{4,6}(?:-\d{3,4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b\s*"
)
_LABEL_AND_VALUE = re.compile(r"^(?P<label>[A-Za-zÀ-ÿ .\-]{2,20}?)\s*:?\s+(?P<value>\S.*)$")
MAX_LABEL_WORDS = 8
MIN_CITY_LETTERS = 3


@dataclass(slots=True)
class ParsedBasics:
    basics: Basics = field(default_factory=Basics)
    sources: dict[str, Line] = field(default_factory=dict)


def contact_lines(grouped: GroupedDocument) -> list[Line]:
    """Header and contact lines first; then unclassified sections, heading included, since a contact
    label set like a heading ("PHONE" above the number) can open a section of its own."""
    kinds = (SectionKind.HEADER, SectionKind.CONTACT)
    lines = [line for section in grouped.sections if section.kind in kinds for line in section.lines]
    for section in grouped.of_kind(SectionKind.OTHER):
        lines.extend([section.heading] if section.heading else [])
        lines.extend(section.lines)
    return lines


def _items(lines: list[Line]) -> list[Item]:
    return [Item(part, line) for line in lines for seg in segments(line) for part in split_contact_line(seg)]


def _label_of(text: str) -> str | None:
    key = text.strip().rstrip(":").casefold()
    return next((kind for kind, words in _LABELS.items() if key in words), None)


def _labelled(items: list[Item]) -> dict[str, Item]:
    """Values printed after a label: "Address Toulouse, France", "PHONE" above "+91 ...", "Tel: ..."."""
    found: dict[str, Item] = {}
    for index, item in enumerate(items):
        kind = _label_of(item.text)
        if kind and index + 1 < len(items):
            found.setdefault(kind, items[index + 1])
            continue
        match = _LABEL_AND_VALUE.match(item.text)
        if match:
            kind = _label_of(match.group("label"))
            if kind:
                found.setdefault(kind, Item(match.group("value").strip(), item.line))
    return found


def parse_basics(grouped: GroupedDocument) -> ParsedBasics:
    result = ParsedBasics()
    lines = contact_lines(grouped)
    items = _items(lines)
    labelled = _labelled(items)
    _read_email(result, items, grouped)
    _read_web(result, with_wrapped_addresses_joined(items))
    _read_location(result, items, labelled)
    _read_phone(result, items, labelled, grouped)
    _read_name(result, items, labelled, grouped)
    _read_summary(result, grouped)
    return result


def _read_email(result: ParsedBasics, items: list[Item], grouped: GroupedDocument) -> None:
    everywhere = [Item(line.text, line) for line in grouped.document.lines]
    for item in [*items, *everywhere]:
        emails = find_emails(item.text)
        if emails:
            result.basics.email, result.sources["email"] = emails[0], item.line
            return


def _read_web(result: ParsedBasics, items: list[Item]) -> None:
    seen: set[str] = set()
    for item in items:
        for address in find_web_addresses(item.text):
            if address.profile is not None and address.profile.url not in seen:
                seen.add(address.profile.url or "")
                index = len(result.basics.profiles)
                result.basics.profiles.append(address.profile)
                result.sources[f"profiles[{index}].url"] = item.line
            elif address.profile is None and result.basics.url is None and not _is_repository(address.url):
                result.basics.url, result.sources["url"] = address.url, item.line
        label, _, value = item.text.partition(":")
        profile = profile_from_label(label, value) if value else None
        if profile and profile.url not in seen:
            seen.add(profile.url or "")
            result.sources[f"profiles[{len(result.basics.profiles)}].url"] = item.line
            result.basics.profiles.append(profile)


def _is_repository(url: str) -> bool:
    """github.com/user/repo is a project, not the person's site."""
    return bool(re.search(r"(github|gitlab|bitbucket)\.(com|org)/[^/]+/[^/]+", url, re.IGNORECASE))


def _read_location(result: ParsedBasics, items: list[Item], labelled: dict[str, Item]) -> None:
    candidates: list[tuple[Location, Line]] = []
    if "location" in labelled:
        location = parse_location(_strip_postcode(labelled["location"].text))
        if location:
            candidates.append((location, labelled["location"].line))
    contact_line_ids = {id(i.line) for i in items if _is_contact_value(i.text)}
    standalone: list[tuple[Location, Line]] = []
    for index, item in enumerate(items):
        location = parse_location(_strip_postcode(item.text))
        if location is None or _label_of(item.text) or (looks_like_name(item.text) and "," not in item.text):
            continue
        on_contact_line = id(item.line) in contact_line_ids and not _is_contact_value(item.text)
        qualified = "," in item.text and (location.country_code or _is_region_code(location.region))
        if on_contact_line or qualified:
            candidates.append((location, item.line))
        elif _standalone_place(item, location) or _place_among_contacts(items, index, location):
            standalone.append((location, item.line))  # "Gurugram, Haryana" on a header line of its own
    candidates += standalone
    if candidates:
        location, line = candidates[0]
        result.basics.location, result.sources["location.city"] = location, line


def _standalone_place(item: Item, location: Location) -> bool:
    """A whole line "City, Region": a place, not a greeting ("Hi, I'm") or a title ("Engineer, Acme")."""
    whole_line = clean(item.line.text) == item.text and "," in item.text
    plain = not re.search(r"['’!?]", item.text) and len(location.city or "") >= MIN_CITY_LETTERS
    plain = plain and not has_degree_word(location.region or "")  # "Jane Doe, PhD"
    return whole_line and plain and not has_title_word(item.text)


def _place_among_contacts(items: list[Item], index: int, location: Location) -> bool:
    """A city alone on its line between contact lines ("+61 ..." / "Melbourne" / "linkedin.com/...")."""
    item = items[index]
    whole_line = clean(item.line.text) == item.text
    neighbours = [items[i] for i in (index - 1, index + 1) if 0 <= i < len(items)]
    among = len(neighbours) == 2 and all(_is_contact_value(n.text) for n in neighbours)
    plain = len(location.city or "") >= MIN_CITY_LETTERS and not has_title_word(item.text)
    return whole_line and among and plain


def _strip_postcode(text: str) -> str:
    """The place of an address: "2712 Broadway St, San Francisco, CA 94105" -> "San Francisco, CA"."""
    parts = [p.strip() for p in text.split(",")]
    while len(parts) > 2 and any(c.isdigit() for c in parts[0]):
        parts = parts[1:]  # a street line before the city
    return _POSTCODE.sub("", ", ".join(parts)).replace(" ,", ",").strip(" ,")


def _is_region_code(region: str | None) -> bool:
    return bool(region) and len(region or "") <= 3 and (region or "").isupper()


def _is_contact_value(text: str) -> bool:
    return bool(find_emails(text) or find_web_addresses(text) or phone_candidates(text))


def _read_phone(
    result: ParsedBasics, items: list[Item], labelled: dict[str, Item], grouped: GroupedDocument
) -> None:
    location = result.basics.location
    region = location.country_code if location else None
    ordered = ([labelled["phone"]] if "phone" in labelled else []) + items
    for item in ordered:
        if find_emails(item.text) or (find_date_range(item.text) and not phone_candidates(item.text)):
            continue
        found = find_phone(item.text, region)
        if found:
            result.basics.phone, result.sources["phone"] = found[0], item.line
            return


def _read_name(
    result: ParsedBasics, items: list[Item], labelled: dict[str, Item], grouped: GroupedDocument
) -> None:
    labelled_name = strip_decorations(labelled["name"].text) if "name" in labelled else ""
    if looks_like_name(labelled_name):
        result.basics.name, result.sources["name"] = display_name(labelled_name), labelled["name"].line
        return
    header = [line for s in grouped.of_kind(SectionKind.HEADER) for line in s.lines]
    first_page = [line for line in grouped.document.lines if line.page == 1]
    for pool in (header, first_page):
        best = _best_name(pool)
        if best:
            text, line = best
            name = unglue_particles(display_name(text), result.basics.email)
            result.basics.name, result.sources["name"] = name, line
            _read_label(result, pool, line)
            return


def _best_name(lines: list[Line]) -> tuple[str, Line] | None:
    candidates = []
    for order, line in enumerate(lines):
        for segment in segments(line)[:1]:
            text = strip_decorations(clean(segment))
            text = _with_wrapped_rest(text, line, lines[order + 1 : order + 2])
            named = looks_like_name(text) and heading_kind(text) is None  # not "Academic Appointments"
            if named and not has_title_word(text) and not _is_contact_value(text):
                candidates.append((-(line.font_size or 0), order, text, line))
    if not candidates:
        return None
    _, _, text, line = min(candidates, key=lambda c: (c[0], c[1]))
    return text, line


def _with_wrapped_rest(text: str, line: Line, following: list[Line]) -> str:
    """A name set too large for its column wraps: a lone given name, and the surname in the same
    type on the line below ("Chiamaka" / "Okonkwo-Adeyemi")."""
    if len(text.split()) != 1 or not following or not line.font_size:
        return text
    rest = clean(following[0].text)
    if following[0].font_size != line.font_size or not 1 <= len(rest.split()) <= MAX_NAME_WORDS - 1:
        return text
    return f"{text} {rest}"


def _read_label(result: ParsedBasics, lines: list[Line], name_line: Line) -> None:
    """The headline printed just below the name ("Senior Backend Engineer")."""
    index = next((i for i, line in enumerate(lines) if line is name_line), None)
    following = [line for line in lines[index + 1 :] if has_letters(line.text)] if index is not None else []
    name_words = set((result.basics.name or "").casefold().split())
    if following and set(clean(following[0].text).casefold().split()) <= name_words:
        following = following[1:]  # the rest of a name that wrapped
    if not following:
        return
    line = following[0]  # past an underline of "=" under the name
    text = next(iter(split_contact_line((segments(line) or [""])[0])), "")
    if (
        text
        and len(text.split()) <= MAX_LABEL_WORDS
        and not _is_contact_value(text)
        and not ends_sentence(text)
        and (has_title_word(text) or (title_case_ratio(text) >= 0.6 and not parse_location(text)))
    ):
        result.basics.label, result.sources["label"] = text, line


def _read_summary(result: ParsedBasics, grouped: GroupedDocument) -> None:
    sections = grouped.of_kind(SectionKind.SUMMARY)
    lines = [line for section in sections for line in section.lines]
    if lines:
        result.basics.summary = clean(" ".join(line.text for line in lines))
        result.sources["summary"] = lines[0]

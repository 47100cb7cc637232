"""The pieces of the header and contact lines, and the web addresses that wrapped between them.

A header line is cut into items ("a@b.c | +49 30 1234 | Berlin"). In a narrow column a long profile
address breaks mid-word onto the next line ('www.linkedin.com/in/jorg-mulle' / 'r-ludenscheidt
(LinkedIn)'); such items are joined back before addresses are read.
"""

from __future__ import annotations

from dataclasses import dataclass

from resume_parser.layout import UNKNOWN_BOX, Line
from resume_parser.normalization.contact import rejoin_wrapped_address


@dataclass(slots=True)
class Item:
    text: str
    line: Line


def with_wrapped_addresses_joined(items: list[Item]) -> list[Item]:
    """The items with a web address cut at a column's edge joined to its rest on the next line."""
    joined: list[Item] = []
    for item in items:
        previous = joined[-1] if joined else None
        whole = rejoin_wrapped_address(_as_printed(previous), item.text) if previous else None
        if previous and whole and _directly_below(previous.line, item.line):
            joined[-1] = Item(whole, previous.line)
        else:
            joined.append(item)
    return joined


def _as_printed(item: Item) -> str:
    """The item with the hyphen it ended with on its line (splitting strips edge dashes)."""
    hyphened = f"{item.text}-"
    return hyphened if item.line.text.rstrip().endswith(hyphened) else item.text


def _directly_below(above: Line, below: Line) -> bool:
    """The next line of the same text: on the same page, less than a line's height further down."""
    if above is below or above.page != below.page:
        return False
    if UNKNOWN_BOX in (above.box, below.box):
        return True
    # OCR pads its boxes until consecutive lines touch or overlap a little.
    return -above.box.height / 2 <= below.box.top - above.box.bottom < above.box.height

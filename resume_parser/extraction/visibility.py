"""What a reader can see: the rules that tell real text from hidden keyword stuffing.

Candidates sometimes hide keywords (white on white, invisible, microscopic) to game keyword
matching. Hidden text must not reach the parsed resume, whatever the format; the PDF and DOCX
extractors decide *where* text sits and what is beneath it, and ask these rules whether it shows.
"""

from __future__ import annotations

# (red, green, blue), each 0..255.
Rgb = tuple[int, int, int]

WHITE: Rgb = (255, 255, 255)

# Text smaller than this is unreadable on paper and on screen. Resume fine print is 5 pt and up;
# stuffed keywords are set at 0.1 to 1 pt.
MIN_READABLE_POINTS = 2.0

# Two colours closer than this on every channel look the same: #E0E0E0 text on a white page is a
# barely visible ghost, the faintest grey a template would use for real text is far darker.
MIN_VISIBLE_CHANNEL_DIFFERENCE = 32


def blends_in(ink: Rgb, background: Rgb) -> bool:
    """Whether text in `ink` is indistinguishable from `background`."""
    return max(abs(a - b) for a, b in zip(ink, background, strict=True)) < MIN_VISIBLE_CHANNEL_DIFFERENCE


def is_light(ink: Rgb) -> bool:
    """Whether `ink` could vanish on a white page; only then is what lies beneath worth a look."""
    return min(ink) > 255 - MIN_VISIBLE_CHANNEL_DIFFERENCE  # blends_in(ink, WHITE), called per text object


def parse_hex_colour(value: str | None) -> Rgb | None:
    """'1F3864' (as DOCX writes colours) as RGB; None for 'auto', absent or malformed values."""
    if value is None or len(value) != 6:
        return None
    try:
        number = int(value, 16)
    except ValueError:
        return None
    return (number >> 16) & 0xFF, (number >> 8) & 0xFF, number & 0xFF

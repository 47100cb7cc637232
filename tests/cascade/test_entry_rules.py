"""Rules over the entry model's verdicts: a layout that prints each entry's dates first, on a line
of their own, begins every entry on its dates line."""

from __future__ import annotations

from resume_parser.cascade.entries import GOES_ON, OPENS, dates_first

DATES, TITLE, EMPLOYER, TEXT = ["date", "date"], ["position"], ["employer", "location"], ["text", "text"]


def test_entries_of_a_dates_first_layout_open_on_their_dates_lines() -> None:
    rows = [DATES, TITLE, EMPLOYER, TEXT, DATES, EMPLOYER, EMPLOYER, TEXT, DATES, TITLE, TEXT]
    # As the model left them: one entry opened on an employer line, one not opened at all.
    verdicts = [GOES_ON, GOES_ON, GOES_ON, GOES_ON, OPENS, GOES_ON, OPENS, GOES_ON, GOES_ON, GOES_ON, GOES_ON]
    opened = dates_first(rows, verdicts, [None] * len(rows))
    assert [i for i, verdict in enumerate(opened) if verdict == OPENS] == [0, 4, 8]


def test_a_layout_that_prints_dates_later_keeps_the_models_verdicts() -> None:
    rows = [EMPLOYER, DATES, TITLE, TEXT, EMPLOYER, DATES, TITLE]
    verdicts = [OPENS, GOES_ON, GOES_ON, GOES_ON, OPENS, GOES_ON, GOES_ON]
    assert dates_first(rows, verdicts, [None] * len(rows)) == verdicts


def test_a_dates_line_followed_by_text_only_opens_nothing() -> None:
    rows = [DATES, TITLE, TEXT, DATES, TEXT]
    verdicts = [OPENS, GOES_ON, GOES_ON, GOES_ON, GOES_ON]
    assert dates_first(rows, verdicts, [None] * len(rows)) == verdicts


def test_dates_set_right_of_their_header_open_nothing() -> None:
    """Right-aligned dates read as a line of their own before the school they stand beside."""
    rows = [
        DATES,
        ["institution"],
        ["degree"],
        DATES,
        ["institution"],
        ["degree"],
        ["institution"],
        ["degree"],
    ]
    verdicts = [GOES_ON, GOES_ON, GOES_ON, GOES_ON, OPENS, GOES_ON, OPENS, GOES_ON]
    lefts: list[float | None] = [0.7, 0.3, 0.3, 0.7, 0.1, 0.1, 0.1, 0.1]
    assert dates_first(rows, verdicts, lefts) == verdicts

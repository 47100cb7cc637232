from __future__ import annotations

from datetime import date

from resume_parser.normalization.experience import summarize
from resume_parser.resume import DateRange, Work


def test_overlapping_roles_count_once_and_gaps_are_reported() -> None:
    work = [
        Work(start_date="2020-01", end_date="2020-12"),
        Work(start_date="2020-06", is_current=True),  # overlaps the role above
        Work(start_date="2015", end_date="2017"),  # years only: January to December
    ]
    facts = summarize(work, date(2025, 6, 15))
    assert facts.total_months == 36 + 66
    assert facts.gaps == [DateRange(start="2018-01", end="2019-12")]


def test_no_dated_role_gives_no_total() -> None:
    assert summarize([Work(name="Acme")], date(2025, 1, 1)).total_months is None


def test_an_end_after_the_reference_date_is_cut_at_it() -> None:
    assert summarize([Work(start_date="2025-01", end_date="2026-12")], date(2025, 3, 1)).total_months == 3

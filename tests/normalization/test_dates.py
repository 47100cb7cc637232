from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_parser.normalization.dates import find_date_range, parse_date, strip_span


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [
        ("Jan 2020 – Present", "2020-01", None, True),
        ("January 2020 - Present", "2020-01", None, True),
        ("01/2020 - 03/2022", "2020-01", "2022-03", False),
        ("1/2020 – 3/2022", "2020-01", "2022-03", False),
        ("2019–2021", "2019", "2021", False),
        ("2021–now", "2021", None, True),
        ("March 2018 to June 2020", "2018-03", "2020-06", False),
        ("03.2019 – today", "2019-03", None, True),
        ("2019-03 – present", "2019-03", None, True),
        ("2019-03 to 2022-01", "2019-03", "2022-01", False),
        ("Mar 2019 - Present", "2019-03", None, True),
        ("Jan. 2020 – present", "2020-01", None, True),
        ("Sept. 2018 – May 2021", "2018-09", "2021-05", False),
        ("seit 2021", "2021", None, True),
        ("depuis 2020", "2020", None, True),
        ("desde 2019", "2019", None, True),
        ("März 2019 – heute", "2019-03", None, True),
        ("Jan 2019 – Current", "2019-01", None, True),
        ("2018 - Now", "2018", None, True),
        ("2017 – aujourd'hui", "2017", None, True),
        ("enero 2016 – actualidad", "2016-01", None, True),
        ("Acme   Jan 2020 –", "2020-01", None, True),
        ("2013-01-01 - 2014-06-30", "2013-01", "2014-06", False),
        ("January 15, 2019 - March 3rd, 2021", "2019-01", "2021-03", False),
        ("15.03.2019 – 31.12.2020", "2019-03", "2020-12", False),
    ],
)
def test_ranges_in_the_formats_resumes_print(text: str, start: str, end: str | None, ongoing: bool) -> None:
    found = find_date_range(text)
    assert found is not None
    assert (found.start, found.end, found.ongoing) == (start, end, ongoing)


def test_a_range_inside_a_title_line_is_found_with_its_span() -> None:
    text = "Business Analyst October 2024 - March 2025"
    found = find_date_range(text)
    assert found is not None and (found.start, found.end) == ("2024-10", "2025-03")
    assert strip_span(text, found.span) == "Business Analyst"


def test_a_single_date_is_an_end_date() -> None:
    found = find_date_range("Product Management Certificate — Product School, June 2023")
    assert found is not None and found.is_single and found.end == "2023-06"


@pytest.mark.parametrize(
    "text", ["+91 8909 032 988", "3.7/4.0", "Notable (7,9)", "raised 41% to 94%", "v2.1"]
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert find_date_range(text) is None


def test_a_backwards_range_is_not_a_range() -> None:
    found = find_date_range("2021 - 2019")
    assert found is None or found.start is None


months = st.integers(min_value=1, max_value=12)
years = st.integers(min_value=1960, max_value=2060)
separators = st.sampled_from([" - ", " – ", "–", " — ", " to ", " bis ", "-"])
MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _printed(year: int, month: int, style: int) -> str:
    return [
        f"{month:02d}/{year}",
        f"{month}/{year}",
        f"{month:02d}.{year}",
        f"{year}-{month:02d}",
        f"{MONTH_NAMES[month - 1]} {year}",
        f"{MONTH_NAMES[month - 1]}. {year}",
    ][style]


@given(years, months, years, months, st.integers(0, 5), st.integers(0, 5), separators)
def test_any_printed_range_reads_back_as_its_months(
    y1: int, m1: int, y2: int, m2: int, style1: int, style2: int, separator: str
) -> None:
    (y1, m1), (y2, m2) = sorted([(y1, m1), (y2, m2)])
    found = find_date_range(f"Engineer {_printed(y1, m1, style1)}{separator}{_printed(y2, m2, style2)}")
    assert found is not None
    assert (found.start, found.end, found.ongoing) == (f"{y1}-{m1:02d}", f"{y2}-{m2:02d}", False)


@given(
    years,
    months,
    st.integers(0, 5),
    st.sampled_from(["Present", "present", "Current", "now", "today", "heute"]),
)
def test_any_open_range_has_no_end(year: int, month: int, style: int, word: str) -> None:
    found = find_date_range(f"{_printed(year, month, style)} – {word}")
    assert found is not None
    assert (found.start, found.end, found.ongoing) == (f"{year}-{month:02d}", None, True)


@given(st.text(max_size=40))
def test_any_text_gives_a_valid_partial_date_or_none(text: str) -> None:
    found = find_date_range(text)
    if found is not None:
        for value in (found.start, found.end):
            assert value is None or parse_date(value) == value


def test_spanish_dates_with_de() -> None:
    found = find_date_range("marzo de 2024 – junio de 2026")
    assert found is not None and (found.start, found.end) == ("2024-03", "2026-06")
    ongoing = find_date_range("septiembre de 2019 – actualidad")
    assert ongoing is not None and (ongoing.start, ongoing.ongoing) == ("2019-09", True)


def test_academic_terms_read_as_years() -> None:
    found = find_date_range("Fall 2018 – Spring 2022")
    assert found is not None and (found.start, found.end, found.span) == ("2018", "2022", (0, 23))
    ongoing = find_date_range("Sommer 2019 – heute")
    assert ongoing is not None and (ongoing.start, ongoing.ongoing) == ("2019", True)


def test_a_point_read_beside_the_range_dash_by_ocr_is_ignored() -> None:
    found = find_date_range("August 2023 -.February 2025 (1 year 7 months)")
    assert found is not None and (found.start, found.end) == ("2023-08", "2025-02")

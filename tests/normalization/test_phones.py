from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_parser.normalization.phones import find_phone, normalize_phone


@pytest.mark.parametrize(
    ("printed", "region", "expected"),
    [
        ("+91 8909 032 988", None, "+918909032988"),
        ("(+34) 682 26 91 48", None, "+34682269148"),
        ("+49 (0) 171 629 6674", None, "+491716296674"),
        ("+46 (0)73 800 18 34", None, "+46738001834"),
        ("0049 30 23125974", None, "+493023125974"),
        ("030 23125974", "DE", "+493023125974"),
        ("689 299 676", "ES", "+34689299676"),
        ("303.555.0121", "US", "+13035550121"),
    ],
)
def test_e164_when_the_country_can_be_told(printed: str, region: str | None, expected: str) -> None:
    assert normalize_phone(printed, region) == expected


def test_as_printed_when_the_country_cannot_be_told() -> None:
    assert normalize_phone("(415) 555-0192") == "(415) 555-0192"


def test_a_phone_inside_a_contact_line() -> None:
    assert find_phone("jane@x.io | +1 (403) 555-0192 | Calgary, AB") == ("+14035550192", "+1 (403) 555-0192")


@pytest.mark.parametrize("text", ["2019 - 2021", "01/2020 - 03/2022", "12345", "Calgary, AB"])
def test_no_phone_in_dates_or_words(text: str) -> None:
    assert find_phone(text) is None


REGIONS = ["DE", "FR", "ES", "IT", "GB", "US", "IN", "BR", "SE", "NL", "AU", "CA"]


@given(st.sampled_from(REGIONS), st.integers(min_value=0, max_value=10**6), st.sampled_from(["intl", "natl"]))
def test_a_valid_number_round_trips_to_e164(region: str, seed: int, style: str) -> None:
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
    fmt = (
        phonenumbers.PhoneNumberFormat.INTERNATIONAL
        if style == "intl"
        else phonenumbers.PhoneNumberFormat.NATIONAL
    )
    printed = phonenumbers.format_number(example, fmt)
    found = find_phone(f"Phone: {printed}", region)
    assert found is not None and found[0] == e164


@given(st.text(alphabet="0123456789 +-()./", max_size=25), st.sampled_from([None, *REGIONS]))
def test_a_result_is_e164_or_the_printed_digits(text: str, region: str | None) -> None:
    found = find_phone(text, region)
    if found is not None:
        value, printed = found
        assert (value.startswith("+") and value[1:].isdigit()) or value == printed.strip()
        assert 7 <= sum(c.isdigit() for c in value) <= 15


def test_a_german_area_code_before_a_slash_is_kept() -> None:
    assert find_phone("040 / 891 46 51", "DE") == ("+49408914651", "040 / 891 46 51")

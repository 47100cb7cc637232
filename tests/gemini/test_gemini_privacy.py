"""Contact details found locally, replaced by placeholders, restored in canonical form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_parser.normalization.gemini_privacy import minimize
from tests.gemini.documents import plain_resume

MONTHS = ["Jan", "March", "Sept.", "Dezember", "janvier"]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("+1 (415) 555-0100", "+14155550100"),
        ("+33 6 39 98 28 23", "+33639982823"),  # possible, not in the allocated ranges: still a phone
        ("+49 30 23125 163", "+493023125163"),
        ("0170 1234567", "+491701234567"),  # national, valid in one numbering plan only
        ("06 12 34 56 78", "06 12 34 56 78"),  # valid in France and Germany: kept as written
        ("(415) 555-0199", "(415) 555-0199"),  # valid in the US and in India
    ],
)
def test_phones_get_a_placeholder_and_an_e164_form_when_unambiguous(written: str, canonical: str) -> None:
    redaction = minimize(plain_resume(["Jane Doe", f"Phone: {written}"]))

    assert redaction.redact(f"call {written}") == "call [PHONE_1]"
    assert redaction.restore("[PHONE_1]") == canonical


@given(
    start_year=st.integers(1970, 2030),
    end_year=st.integers(1970, 2030),
    start_month=st.integers(1, 12),
    end_month=st.integers(1, 12),
    style=st.sampled_from(["{m:02d}/{y}", "{m}/{y}", "{m:02d}.{y}", "{y}-{m:02d}", "{y}", "{name} {y}"]),
    dash=st.sampled_from([" - ", "–", " – ", " to ", " — "]),
)
def test_dates_are_never_taken_for_phone_numbers(
    start_year: int, end_year: int, start_month: int, end_month: int, style: str, dash: str
) -> None:
    start = style.format(m=start_month, y=start_year, name=MONTHS[start_month % len(MONTHS)])
    end = style.format(m=end_month, y=end_year, name=MONTHS[end_month % len(MONTHS)])
    line = f"Engineer, Acme {start}{dash}{end}"

    redaction = minimize(plain_resume(["Jane Doe"], (line,)))

    assert redaction.redact(line) == line


def test_emails_and_links_get_placeholders_with_only_a_platform_hint() -> None:
    redaction = minimize(
        plain_resume(
            ["Jane Doe", "jane@example.com · janedoe.dev"],
            (
                "Projects at https://github.com/jdoe/tool and www.example.org",
                "Built with Node.js and ASP.NET",
            ),
        )
    )

    sent = redaction.redact(
        "jane@example.com janedoe.dev https://github.com/jdoe/tool www.example.org Node.js"
    )

    assert sent.startswith("[EMAIL_1] [URL_") and sent.endswith("] Node.js")
    assert "jane" not in sent and "example" not in sent
    site, tool, example = sent.split()[1:4]
    assert ":" not in site and tool.endswith(":github.com]") and ":" not in example
    assert redaction.restore(site) == "https://janedoe.dev"
    assert redaction.restore(tool) == "https://github.com/jdoe/tool"
    assert redaction.restore(example) == "https://www.example.org"


@pytest.mark.parametrize(
    ("header", "name"),
    [
        (["Jane Doe", "Backend Engineer"], "Jane Doe"),
        (["María José García-López"], "María José García-López"),
        (["Ludwig van Beethoven", "Composer"], "Ludwig van Beethoven"),
        (["Curriculum Vitae", "Name: Gerta Freudenberger", "Address Köln, Germany"], "Gerta Freudenberger"),
    ],
)
def test_the_name_is_replaced_when_it_can_be_told(header: list[str], name: str) -> None:
    redaction = minimize(plain_resume(header))

    assert redaction.redact(f"Contact {name} today") == "Contact [NAME] today"
    assert redaction.restore("[NAME]") == name


@pytest.mark.parametrize("first_line", ["jane@example.com | +1 415 555 0100", "10 years of Python", "Résumé"])
def test_a_header_line_that_is_no_name_is_left_alone(first_line: str) -> None:
    redaction = minimize(plain_resume([first_line]))

    assert "NAME" not in redaction.values


def test_unknown_placeholders_are_left_as_the_model_wrote_them() -> None:
    redaction = minimize(plain_resume(["Jane Doe", "jane@example.com"]))

    assert redaction.restore("[EMAIL_1] and [EMAIL_7]") == "jane@example.com and [EMAIL_7]"

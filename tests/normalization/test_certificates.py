from __future__ import annotations

from resume_parser.normalization.certificates import parse_certificates
from tests.normalization.layouts import lines


def test_name_issuer_date_forms() -> None:
    text = """
    - Google Ads Search Certification (Google), Feb 2018
    AWS Certified DevOps Engineer – Professional — Amazon Web Services, October 2025
    Certified Ethical Hacker (CEH) (EC-Council), Dec 2025
    """
    assert [(c.name, c.issuer, c.date) for c in parse_certificates(lines(text))] == [
        ("Google Ads Search Certification", "Google", "2018-02"),
        ("AWS Certified DevOps Engineer – Professional", "Amazon Web Services", "2025-10"),
        ("Certified Ethical Hacker (CEH)", "EC-Council", "2025-12"),
    ]


def test_certificates_wrapped_in_a_narrow_column_are_joined() -> None:
    found = parse_certificates(
        lines(
            "HubSpot Inbound Marketing (HubSpot\nAcademy), 2022\n"
            "Google Ads Search Certification\n(Google), 2023"
        )
    )
    assert [(c.name, c.issuer, c.date) for c in found] == [
        ("HubSpot Inbound Marketing", "HubSpot Academy", "2022"),
        ("Google Ads Search Certification", "Google", "2023"),
    ]


def test_a_qualified_name_then_its_issuer_after_a_comma() -> None:
    found = parse_certificates(lines("Home Office Personal Licence (PIL A), Home Office, 2019"))
    assert [(c.name, c.issuer, c.date) for c in found] == [
        ("Home Office Personal Licence (PIL A)", "Home Office", "2019")
    ]


def test_a_year_first_and_the_issuer_after_a_comma() -> None:
    parsed = parse_certificates(
        lines(
            """
            2024 · Databricks Certified Data Engineer Associate, Databricks
            2023 · AWS Certified Solutions Architect – Associate, Amazon Web Services
            """
        )
    )
    assert [(c.name, c.issuer, c.date) for c in parsed] == [
        ("Databricks Certified Data Engineer Associate", "Databricks", "2024"),
        ("AWS Certified Solutions Architect – Associate", "Amazon Web Services", "2023"),
    ]


def test_a_level_after_a_dash_is_part_of_the_name() -> None:
    parsed = parse_certificates(
        lines("AWS Certified Solutions Architect – Associate\nCFA Level II – CFA Institute")
    )
    assert [(c.name, c.issuer) for c in parsed] == [
        ("AWS Certified Solutions Architect – Associate", None),
        ("CFA Level II", "CFA Institute"),
    ]

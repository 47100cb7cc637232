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

from __future__ import annotations

from resume_parser.normalization.contact import (
    find_emails,
    find_web_addresses,
    parse_location,
    profile_from_label,
    rejoin_wrapped_address,
    split_contact_line,
)


def test_contact_line_items() -> None:
    assert split_contact_line("a@b.io · +91 8909 032 988 · Mumbai, Maharashtra") == [
        "a@b.io",
        "+91 8909 032 988",
        "Mumbai, Maharashtra",
    ]


def test_emails() -> None:
    assert find_emails("Mail: jane.doe+cv@example.co.uk, or call") == ["jane.doe+cv@example.co.uk"]


def test_profiles_get_canonical_urls_and_sites_stay_sites() -> None:
    found = find_web_addresses(
        "janedoe.dev | linkedin.com/in/jane-doe | github.com/jdoe | github.com/jdoe/tool | me@janedoe.dev"
    )
    assert [a.printed for a in found] == [
        "janedoe.dev",
        "linkedin.com/in/jane-doe",
        "github.com/jdoe",
        "github.com/jdoe/tool",
    ]
    assert found[0].profile is None and found[0].url == "https://janedoe.dev"
    assert found[1].profile is not None and found[1].profile.url == "https://www.linkedin.com/in/jane-doe"
    assert found[2].profile is not None and found[2].profile.username == "jdoe"
    assert found[3].profile is None  # a repository, not a profile


def test_technology_names_are_not_web_addresses() -> None:
    assert find_web_addresses("Node.js, Vue.js, ASP.NET and Next.js") == []


def test_profile_from_a_network_label() -> None:
    profile = profile_from_label("GitHub", "jdoe")
    assert profile is not None and profile.url == "https://github.com/jdoe"


def test_locations() -> None:
    assert parse_location("Mumbai, Maharashtra") is not None
    berlin = parse_location("Berlin, Germany")
    assert berlin is not None and (berlin.city, berlin.country_code) == ("Berlin", "DE")
    calgary = parse_location("Calgary, AB")
    assert calgary is not None and (calgary.city, calgary.region) == ("Calgary", "AB")
    assert parse_location("Thompson, Collins and Robbins") is None
    assert parse_location("Increased revenue by 20%") is None


def test_a_slash_between_area_code_and_number_does_not_split_the_phone() -> None:
    assert split_contact_line("jane@example.com | 040 / 891 46 51 | Hamburg, Deutschland") == [
        "jane@example.com",
        "040 / 891 46 51",
        "Hamburg, Deutschland",
    ]
    assert split_contact_line("jane@example.com / +49 170 1234567") == ["jane@example.com", "+49 170 1234567"]
    assert split_contact_line("Berlin / Germany") == ["Berlin", "Germany"]


def test_a_city_state_alone_is_a_city() -> None:
    singapore = parse_location("Singapore")
    assert singapore is not None and (singapore.city, singapore.country_code) == ("Singapore", "SG")
    germany = parse_location("Germany")
    assert germany is not None and (germany.city, germany.country_code) == (None, "DE")


def test_an_address_cut_at_the_column_edge_goes_on_at_the_start_of_the_next_line() -> None:
    assert rejoin_wrapped_address("www.linkedin.com/in/jorg-mulle", "r-ludenscheidt (LinkedIn)") == (
        "www.linkedin.com/in/jorg-muller-ludenscheidt (LinkedIn)"
    )
    assert rejoin_wrapped_address("www.linkedin.com/in/nneka-eze", "(LinkedIn)") is None
    assert rejoin_wrapped_address("github.com/jdoe", "gitlab.com/jdoe") is None
    assert rejoin_wrapped_address("jdoe.dev", "berlin") is None  # a bare host is not cut
    assert rejoin_wrapped_address("Contact me at github.com/jdoe for details", "more") is None

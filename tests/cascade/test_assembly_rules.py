"""Rules of assembly, on tokens labelled as a model might leave them: what the rules make of a
name no token was labelled, a headline holding the name, a certificate's bracketed acronym and
a date glued to its name."""

from __future__ import annotations

from resume_parser.cascade.assemble import Assembler
from resume_parser.cascade.labels import ENTRY_PREFIX
from resume_parser.cascade.parser import contact_outside_basics
from resume_parser.cascade.spans import Placed
from resume_parser.cascade.tokens import tokenize_line
from resume_parser.layout import Line, Word


def _basics_tokens(*lines: str, label: str = "O") -> list[Placed]:
    """The contact block's tokens, every one with the same label."""
    token_lines = [tokenize_line(Line([Word(word) for word in text.split()])) for text in lines]
    return [Placed(token, line, label, 0.9) for line in token_lines for token in line.tokens]


def test_a_name_no_token_was_labelled_is_read_from_the_first_lines() -> None:
    assembler = Assembler()
    assembler.basics(_basics_tokens("Dalbir Venkatesh, Senior Site Reliability Engineer", "Mumbai, IN"))
    assert assembler.resume.basics.name == "Dalbir Venkatesh"
    assembler = Assembler()
    assembler.basics(_basics_tokens("casey.conrad@example.org • +1 415 555 0112", "Casey N. Conrad"))
    assert assembler.resume.basics.name == "Casey N. Conrad"


def test_a_first_line_that_is_no_name_gives_none() -> None:
    assembler = Assembler()
    assembler.basics(_basics_tokens("Senior Data Engineer | Berlin", "Curriculum vitae"))
    assert assembler.resume.basics.name is None


def test_a_headline_loses_the_name_read_into_it() -> None:
    assembler = Assembler()
    assembler.basics(_basics_tokens("Casey N. Conrad", "Agile Coach", label="label"))
    assert (assembler.resume.basics.name, assembler.resume.basics.label) == ("Casey N. Conrad", "Agile Coach")


def _certificate_tokens(*lines: tuple[str, str, dict[str, str]]) -> list[Placed]:
    """One certificate entry: each line its text, the field of its tokens and the tokens of
    another field."""
    placed: list[Placed] = []
    for text, field, others in lines:
        line = tokenize_line(Line([Word(word) for word in text.split()]))
        placed += [Placed(t, line, others.get(t.text, field), 0.9) for t in line.tokens]
    first = placed[0]
    placed[0] = Placed(first.token, first.line, ENTRY_PREFIX + first.label, 0.9)
    return placed


def test_a_bracketed_acronym_after_a_certificate_is_part_of_its_name() -> None:
    assembler = Assembler()
    assembler.certificates(
        _certificate_tokens(
            (
                "Red Hat Certified System Administrator (RHCSA)",
                "name",
                {"(": "O", ")": "O", "RHCSA": "issuer"},
            ),
            ("Red Hat · Apr 2025", "issuer", {"·": "O", "Apr": "date", "2025": "date"}),
        )
    )
    [certificate] = assembler.resume.certificates
    assert (certificate.name, certificate.issuer, certificate.date) == (
        "Red Hat Certified System Administrator (RHCSA)",
        "Red Hat",
        "2025-04",
    )


def test_a_bracketed_issuer_name_stays_the_issuer() -> None:
    assembler = Assembler()
    assembler.certificates(
        _certificate_tokens(
            ("Professional Scrum Master I (Scrum.org)", "name", {"(": "O", ")": "O", "Scrum.org": "issuer"})
        )
    )
    [certificate] = assembler.resume.certificates
    assert (certificate.name, certificate.issuer) == ("Professional Scrum Master I", "Scrum.org")


def test_a_date_glued_to_a_certificate_name_is_its_date() -> None:
    assembler = Assembler()
    assembler.certificates(
        _certificate_tokens(("Microsoft Certified: Azure Administrator Associate 2022-12", "name", {}))
    )
    [certificate] = assembler.resume.certificates
    assert (certificate.name, certificate.date) == (
        "Microsoft Certified: Azure Administrator Associate",
        "2022-12",
    )


def _section_tokens(*lines: tuple[str, str, bool]) -> list[Placed]:
    """A section's lines: each its text, the field of all its tokens and whether it opens an entry."""
    placed: list[Placed] = []
    for text, field, opens in lines:
        line = tokenize_line(Line([Word(word) for word in text.split()]))
        for index, token in enumerate(line.tokens):
            label = ENTRY_PREFIX + field if opens and index == 0 else field
            placed.append(Placed(token, line, label, 0.9))
    return placed


def test_an_entry_cut_before_its_school_is_put_together_again() -> None:
    assembler = Assembler()
    assembler.education(
        _section_tokens(
            ("BSc Computer Science", "degree", True),
            ("2019 – 2023", "date", True),
            ("Cardiff University", "institution", False),
        )
    )
    [school] = assembler.resume.education
    assert (school.study_type, school.institution, school.end_date) == (
        "BSc Computer Science",
        "Cardiff University",
        "2023",
    )


def test_entries_cut_one_line_late_get_their_schools_back() -> None:
    assembler = Assembler()
    assembler.education(
        _section_tokens(
            ("MSc", "degree", True),
            ("Queen's University", "institution", True),
            ("BSc", "degree", False),
            ("Concordia University", "institution", True),
        )
    )
    found = [(school.study_type, school.institution) for school in assembler.resume.education]
    assert found == [("MSc", "Queen's University"), ("BSc", "Concordia University")]


def test_entries_with_their_schools_stay_apart() -> None:
    assembler = Assembler()
    assembler.education(
        _section_tokens(
            ("Queen's University", "institution", True),
            ("MSc", "degree", False),
            ("Concordia University", "institution", True),
            ("BSc", "degree", False),
        )
    )
    assert [school.institution for school in assembler.resume.education] == [
        "Queen's University",
        "Concordia University",
    ]


def test_a_sidebar_contact_list_outside_the_contact_block_gives_phone_and_city() -> None:
    lines = [
        tokenize_line(Line([Word(word) for word in text.split()]))
        for text in ("ABOUT ME", "Calgary AB CA", "sierra.j@example.org", "(514) 555-0179", "Hiking, chess")
    ]
    assembler = Assembler()
    assembler.basics(contact_outside_basics(lines))
    basics = assembler.resume.basics
    assert basics.email == "sierra.j@example.org"
    assert "".join(c for c in basics.phone or "" if c.isdigit()) == "5145550179"  # no country: as printed
    assert basics.location is not None and basics.location.city == "Calgary"

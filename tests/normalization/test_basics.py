"""The resume's owner read from the header lines: name, headline, contact."""

from __future__ import annotations

from resume_parser.layout import Block, Document, GroupedDocument, Line, Page, Section, SectionKind
from resume_parser.normalization.basics import parse_basics
from tests.normalization.layouts import line


def _grouped(header: list[Line]) -> GroupedDocument:
    document = Document([Page(1, 595.0, 842.0, [Block(header)])], "application/pdf", "test")
    return GroupedDocument(document, [Section(SectionKind.HEADER, None, header)])


def test_a_name_wrapped_onto_two_lines_in_large_type_is_read_whole() -> None:
    header = [
        line("Chiamaka", top=0.05, size=24),
        line("Okonkwo-Adeyemi", top=0.08, size=24),
        line("Head of Marketing", top=0.11, size=11),
        line("chiamaka@example.com", top=0.13, size=9),
    ]
    basics = parse_basics(_grouped(header)).basics
    assert (basics.name, basics.label) == ("Chiamaka Okonkwo-Adeyemi", "Head of Marketing")


def test_a_one_line_name_keeps_the_headline_below_it() -> None:
    header = [
        line("Jane Doe", top=0.05, size=24),
        line("Platform Engineer", top=0.08, size=24),
        line("jane@example.com", top=0.11, size=9),
    ]
    basics = parse_basics(_grouped(header)).basics
    assert (basics.name, basics.label) == ("Jane Doe", "Platform Engineer")


def test_a_profile_address_wrapped_onto_the_next_line_is_read_whole() -> None:
    header = [
        line("Jörg Müller-Lüdenscheidt", top=0.05, size=24),
        line("jorg@example.com", top=0.10, size=9),
        line("www.linkedin.com/in/jorg-mulle", top=0.12, size=9),
        line("r-ludenscheidt (LinkedIn)", top=0.134, size=9),
        line("1 / 2", top=0.96, size=8),
    ]
    basics = parse_basics(_grouped(header)).basics
    assert [p.url for p in basics.profiles] == ["https://www.linkedin.com/in/jorg-muller-ludenscheidt"]


def test_an_address_cut_after_a_hyphen_keeps_the_hyphen() -> None:
    header = [
        line("Chiamaka Okonkwo-Adeyemi", top=0.05, size=24),
        line("www.linkedin.com/in/chiamaka-", top=0.12, size=9),
        line("okonkwo-adeyemi (LinkedIn)", top=0.134, size=9),
    ]
    basics = parse_basics(_grouped(header)).basics
    assert [p.url for p in basics.profiles] == ["https://www.linkedin.com/in/chiamaka-okonkwo-adeyemi"]


def test_an_ocr_address_whose_wrapped_rest_overlaps_its_box_is_joined() -> None:
    header = [
        line("Priyanka Raghunathan", top=0.05, size=24),
        line("www.linkedin.com/in/priyanka-r", top=0.117, size=9),
        line("aghunathan (LinkedIn)", top=0.128, size=9),  # boxes 0.014 tall: they overlap
    ]
    basics = parse_basics(_grouped(header)).basics
    assert [p.url for p in basics.profiles] == ["https://www.linkedin.com/in/priyanka-raghunathan"]

"""How the local normalizer reads sections the grouping could not name, and dates in a margin."""

from __future__ import annotations

from datetime import date

from resume_parser.layout import Block, Box, Document, GroupedDocument, Line, Page, Section, SectionKind, Word
from resume_parser.normalization.local import LocalNormalizer
from resume_parser.normalization.margins import date_only_lines, dates_beside
from resume_parser.resume import ParsedResume
from tests.normalization.layouts import line, lines


def _grouped(*sections: Section) -> GroupedDocument:
    every = [row for s in sections for row in ([s.heading] if s.heading else []) + s.lines]
    document = Document(
        pages=[Page(1, 612, 792, [Block(every)])], media_type="application/pdf", extractor="ocr"
    )
    return GroupedDocument(document=document, sections=list(sections))


def _normalize(*sections: Section) -> ParsedResume:
    return LocalNormalizer(reference_date=date(2025, 1, 1)).normalize_sync(_grouped(*sections))


def test_work_entries_under_an_unrecognised_heading_are_still_read() -> None:
    header = Section(SectionKind.HEADER, None, lines("Jane Doe\njane@example.com"))
    misread = Section(
        SectionKind.OTHER,
        line("WORKEXPERIENCE"),
        lines("QA Tester 07/2024 - 03/2025\nTypeform | Zaragoza\n• Integrated automated tests into CI"),
    )
    resume = _normalize(header, misread)
    assert [(w.name, w.position, w.start_date) for w in resume.work] == [("Typeform", "QA Tester", "2024-07")]


def test_skill_groups_and_contact_labels_read_as_headings() -> None:
    sections = (
        Section(SectionKind.HEADER, None, lines("Jane Doe")),
        Section(SectionKind.CONTACT, line("CONTACT EMAIL"), lines("jane@example.com")),
        Section(SectionKind.OTHER, line("PHONE"), lines("+44 20 7946 0543")),
        Section(SectionKind.OTHER, line("LOCATION"), lines("Leeds, United Kingdom")),
        Section(SectionKind.SKILLS, line("SKILLS"), lines("Kubernetes\nDocker")),
        Section(SectionKind.LANGUAGES, line("LANGUAGES"), lines("Ruby\nElixir")),
        Section(SectionKind.OTHER, line("FRAMEWORKS"), lines("Phoenix\nFlask")),
        Section(SectionKind.LANGUAGES, line("LANGUAGES"), lines("English\nNative")),
    )
    resume = _normalize(*sections)
    assert resume.basics.phone == "+442079460543"
    assert resume.basics.location is not None and resume.basics.location.city == "Leeds"
    assert [(g.name, g.keywords) for g in resume.skills] == [
        ("Skills", ["Kubernetes", "Docker"]),
        ("Languages", ["Ruby", "Elixir"]),
        ("Frameworks", ["Phoenix", "Flask"]),
    ]
    assert [(x.language, x.fluency) for x in resume.languages] == [("English", "Native")]


def _at(text: str, left: float, top: float) -> Line:
    words, x = [], left
    for token in text.split():
        words.append(Word(token, Box(x, top, x + 0.006 * len(token), top + 0.014)))
        x += 0.006 * len(token) + 0.003
    return Line(words, page=1, box=Box.enclosing([w.box for w in words]))


def test_a_date_in_the_margin_dates_the_entry_level_with_it() -> None:
    title = _at("Content Marketing Manager · Pine Labs SAS", 0.06, 0.138)
    other = _at("Senior Writer · Acme", 0.06, 0.300)
    margin = [_at("2022-2025", 0.87, 0.138), _at("2019-2021", 0.87, 0.300)]
    candidates = date_only_lines([title, *margin])
    assert [c[0] for c in candidates] == margin
    found = dates_beside([title], candidates)
    assert found is not None and (found[1].start, found[1].end) == ("2022", "2025")
    assert dates_beside([other], candidates[:1]) is None  # not level with it


def test_margin_dates_reach_the_resume() -> None:
    work = Section(
        SectionKind.EXPERIENCE,
        line("EXPERIENCE"),
        [
            _at("Content Marketing Manager · Pine Labs SAS", 0.06, 0.138),
            _at("• Launched a newsletter", 0.07, 0.155),
        ],
    )
    skills = Section(
        SectionKind.SKILLS, line("SKILLS"), [_at("2022-2025", 0.87, 0.138), _at("SEO, Canva", 0.06, 0.4)]
    )
    resume = _normalize(Section(SectionKind.HEADER, None, lines("Jane Doe")), work, skills)
    assert [(w.name, w.start_date, w.end_date) for w in resume.work] == [("Pine Labs SAS", "2022", "2025")]
    assert [k for g in resume.skills for k in g.keywords] == ["SEO", "Canva"]


def test_appointments_under_an_academic_heading_are_work_and_publications_are_not() -> None:
    header = Section(SectionKind.HEADER, None, lines("Jane Doe\njane@example.com"))
    appointments = Section(
        SectionKind.EDUCATION,
        line("ACADEMIC APPOINTMENTS"),
        lines("Lecturer 2021–Present\nUniversity of Leeds, Leeds\n• Taught two modules"),
    )
    publications = Section(
        SectionKind.OTHER,
        line("PUBLICATIONS"),
        lines(
            "[1] Doe, J. & Roe, R. (2023). Stochastic models of gene activity.\n"
            "Cell Systems, 14(11), 833–847."
        ),
    )
    resume = _normalize(header, appointments, publications)
    assert [(w.name, w.position, w.start_date) for w in resume.work] == [
        ("University of Leeds", "Lecturer", "2021")
    ]
    assert resume.education == []
    only_publications = _normalize(header, publications)
    assert only_publications.work == []


def test_a_heading_on_the_first_page_is_not_the_name() -> None:
    header = Section(SectionKind.HEADER, None, lines("jane@example.com"))
    work = Section(
        SectionKind.EXPERIENCE, line("Academic Appointments"), lines("Lecturer 2021–Present\nAcme")
    )
    assert _normalize(header, work).basics.name is None


def test_a_labelled_languages_row_read_as_a_heading_inside_skills_stays_a_skill_group() -> None:
    sections = (
        Section(SectionKind.HEADER, None, lines("Jane Doe")),
        Section(SectionKind.SKILLS, line("SKILLS"), []),
        Section(
            SectionKind.LANGUAGES,
            line("Languages    Go, Rust, Kotlin"),
            lines("Infrastructure    Kubernetes, Terraform"),
        ),
    )
    resume = _normalize(*sections)
    assert [(s.name, s.keywords) for s in resume.skills] == [
        ("Languages", ["Go", "Rust", "Kotlin"]),
        ("Infrastructure", ["Kubernetes", "Terraform"]),
    ]
    assert resume.languages == []


def test_a_city_alone_between_contact_lines_is_the_location() -> None:
    header = Section(SectionKind.HEADER, None, lines("Jane Doe\nHead of Data"))
    contact = Section(
        SectionKind.CONTACT,
        line("CONTACT"),
        lines("jane@example.com\n0493 056 761\nMelbourne\nlinkedin.com/in/jane-doe"),
    )
    location = _normalize(header, contact).basics.location
    assert location is not None and location.city == "Melbourne"


def test_the_headline_below_an_underlined_name() -> None:
    header = Section(
        SectionKind.HEADER, None, lines("Jane Doe\n========\nResponsable de finanzas\njane@example.com")
    )
    assert _normalize(header).basics.label == "Responsable de finanzas"

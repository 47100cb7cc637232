"""Small grouped resumes built by hand, and the model answers that go with them."""

from __future__ import annotations

from typing import Any

from resume_parser.layout import Block, Box, Document, GroupedDocument, Line, Page, Section, SectionKind, Word

EMAIL = "jane.doe@example.com"
PHONE = "+1 (415) 555-0100"
PROFILE = "linkedin.com/in/janedoe"
NAME = "Jane Q. Doe"

HEADER = [NAME, "Senior Backend Engineer", f"{EMAIL} | {PHONE} | {PROFILE}"]
EXPERIENCE = [
    "Senior Engineer — Acme Corp, Berlin",
    "Jan 2020 – Present",
    "Built the billing platform in Go",
    "Software Engineer, Globex GmbH",
    "03/2016 - 12/2019",
]
EDUCATION = ["B.Sc. in Computer Science, Technische Universität München, 2012 – 2016"]
SKILLS = ["Python, Go, PostgreSQL, Kubernetes"]


def grouped_resume() -> GroupedDocument:
    """A one-page resume: a header with contact details, then experience, education and skills."""
    top = 0.05
    sections = []
    lines: list[Line] = []
    for kind, heading, texts in (
        (SectionKind.HEADER, None, HEADER),
        (SectionKind.EXPERIENCE, "Work Experience", EXPERIENCE),
        (SectionKind.EDUCATION, "Education", EDUCATION),
        (SectionKind.SKILLS, "Skills", SKILLS),
    ):
        heading_line = None
        if heading is not None:
            heading_line, top = _line(heading, top, size=14.0), top + 0.03
            lines.append(heading_line)
        body = []
        for text in texts:
            body.append(_line(text, top, size=20.0 if text == NAME else 10.0))
            top += 0.03
        lines.extend(body)
        sections.append(Section(kind=kind, heading=heading_line, lines=body))
    page = Page(number=1, width=595.0, height=842.0, blocks=[Block(lines=lines)])
    return GroupedDocument(Document(pages=[page], media_type="application/pdf", extractor="pdfium"), sections)


def plain_resume(header: list[str], body: tuple[str, ...] = ()) -> GroupedDocument:
    """A text document without geometry: a header section, then one experience section."""
    header_lines = [_text_line(text) for text in header]
    body_lines = [_text_line(text) for text in body]
    page = Page(number=1, width=0.0, height=0.0, blocks=[Block(lines=header_lines + body_lines)])
    sections = [
        Section(kind=SectionKind.HEADER, heading=None, lines=header_lines),
        Section(kind=SectionKind.EXPERIENCE, heading=None, lines=body_lines),
    ]
    return GroupedDocument(Document(pages=[page], media_type="text/plain", extractor="text"), sections)


def _text_line(text: str) -> Line:
    return Line(words=[Word(part) for part in text.split()])


def empty_resume() -> GroupedDocument:
    page = Page(number=1, width=595.0, height=842.0, blocks=[])
    return GroupedDocument(Document(pages=[page], media_type="application/pdf", extractor="pdfium"), [])


def _line(text: str, top: float, size: float) -> Line:
    box = Box(0.1, top, 0.9, top + 0.02)
    return Line(words=[Word(part, box, font_size=size) for part in text.split()], page=1, box=box)


def model_answer() -> dict[str, Any]:
    """What a well-behaved model answers for grouped_resume(): placeholders copied, values as printed."""
    return {
        "basics": {
            "name": "[NAME]",
            "label": "Senior Backend Engineer",
            "email": "[EMAIL_1]",
            "phone": "[PHONE_1]",
            "profiles": [{"network": "LinkedIn", "url": "[URL_1:linkedin.com]"}],
        },
        "work": [
            {
                "name": "Acme Corp",
                "position": "Senior Engineer",
                "location": "Berlin",
                "startDate": "2020-01",
                "isCurrent": True,
                "highlights": ["Built the billing platform in Go"],
            },
            {
                "name": "Globex GmbH",
                "position": "Software Engineer",
                "startDate": "2016-03",
                "endDate": "2019-12",
            },
        ],
        "education": [
            {
                "institution": "Technische Universität München",
                "area": "Computer Science",
                "studyType": "B.Sc.",
                "startDate": "2012",
                "endDate": "2016",
            }
        ],
        "skills": [{"name": "Skills", "keywords": ["Python", "Go", "PostgreSQL", "Kubernetes"]}],
    }

"""Hyperlinks: the extractors keep where each link points, and the parser reads profiles, sites
and contact details from the link when the printed text is only a user name or a word."""

from __future__ import annotations

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from reportlab.pdfgen.canvas import Canvas

from resume_parser.extraction.local import extract_bytes
from resume_parser.layout import Document
from resume_parser.parsing import parse_bytes
from tests.extraction.documents import docx_bytes, pdf_bytes

GITHUB = "https://github.com/mfischer-dev"
LINKEDIN = "https://www.linkedin.com/in/marta-fischer-4471"
SITE = "https://martafischer.design"


def linked_words(document: Document) -> dict[str, str]:
    return {word.text: word.link for line in document.lines for word in line.words if word.link}


def _resume_page(canvas: Canvas) -> None:
    """A header whose profiles are printed as bare user names and a word, as icon templates do."""
    canvas.setFont("Helvetica-Bold", 20)
    canvas.drawString(72, 770, "Marta Fischer")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 750, "Product Designer")
    canvas.drawString(72, 735, "Hamburg, Germany · marta.fischer@example.org · +49 40 1234567")
    for x, text, target in (
        (72, "mfischer-dev", GITHUB),
        (180, "marta-fischer-4471", LINKEDIN),
        (320, "martafischer.design", SITE),
        (440, "Behance", "https://www.behance.net/mfischer"),
    ):
        canvas.drawString(x, 720, text)
        canvas.linkURL(target, (x, 717, x + canvas.stringWidth(text, "Helvetica", 10), 730), relative=0)
    lines = [
        ("Helvetica-Bold", "EXPERIENCE"),
        ("Helvetica-Bold", "Senior Product Designer, Northwind Labs"),
        ("Helvetica", "Jan 2020 - Present"),
        ("Helvetica", "Led the redesign of the booking flow, raising conversion by 12%."),
        ("Helvetica-Bold", "EDUCATION"),
        ("Helvetica", "B.A. Communication Design, HAW Hamburg, 2012 - 2016"),
        ("Helvetica-Bold", "SKILLS"),
        ("Helvetica", "Figma, Prototyping, User Research"),
    ]
    for index, (font, text) in enumerate(lines):
        canvas.setFont(font, 10)
        canvas.drawString(72, 690 - index * 16, text)


def test_pdf_link_annotations_are_set_on_the_words_under_them() -> None:
    words = linked_words(extract_bytes(pdf_bytes(_resume_page)))
    assert words == {
        "mfischer-dev": GITHUB,
        "marta-fischer-4471": LINKEDIN,
        "martafischer.design": SITE,
        "Behance": "https://www.behance.net/mfischer",
    }


def test_profiles_printed_as_user_names_are_read_from_their_links() -> None:
    """The links complete what is printed; a network's name alone prints no profile."""
    basics = parse_bytes(pdf_bytes(_resume_page)).basics
    assert {profile.url for profile in basics.profiles} == {GITHUB, LINKEDIN}
    assert {profile.network for profile in basics.profiles} == {"GitHub", "LinkedIn"}
    assert basics.url == SITE


def _add_hyperlink(paragraph: docx.text.paragraph.Paragraph, text: str, target: str) -> None:
    relationship = paragraph.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def test_docx_hyperlinks_are_set_on_their_words() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Profiles: ")
    _add_hyperlink(paragraph, "GitHub", GITHUB)
    paragraph.add_run(" and ")
    _add_hyperlink(paragraph, "LinkedIn", LINKEDIN)
    words = linked_words(extract_bytes(docx_bytes(document)))
    assert words == {"GitHub": GITHUB, "LinkedIn": LINKEDIN}


def test_html_anchors_are_set_on_their_words() -> None:
    html = (
        f'<html><body><p>Marta Fischer <a href="{GITHUB}"><b>code</b></a>'
        f' · <a href="{SITE}">site</a></p></body></html>'
    )
    assert linked_words(extract_bytes(html.encode())) == {"code": GITHUB, "site": SITE}


def test_links_elsewhere_than_a_web_address_are_ignored() -> None:
    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, 770, "Marta Fischer, Product Designer in Hamburg")
        canvas.linkURL("javascript:alert(1)", (72, 767, 150, 780), relative=0)

    assert linked_words(extract_bytes(pdf_bytes(page))) == {}

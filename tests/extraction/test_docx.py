"""DOCX: paragraphs and runs with their typography, tables in reading order, page header and footer,
hyperlinks and text boxes."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from resume_parser.errors import CorruptDocumentError, EmptyDocumentError
from resume_parser.extraction.docx import extract_docx
from resume_parser.layout import BlockKind, Document
from tests.extraction.documents import docx_bytes

HYPERLINK = (
    f"<w:hyperlink {nsdecls('w', 'r')} r:id='rIdMail'><w:r><w:t>jane@example.com</w:t></w:r></w:hyperlink>"
)
# A Word text box as Word writes it: a DrawingML version plus a VML fallback with the same text.
TEXT_BOX = f"""
<w:r {nsdecls("w", "wp", "a")} xmlns:v="urn:schemas-microsoft-com:vml"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
  <mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>
      <w:txbxContent><w:p><w:r><w:t>Languages: German, English</w:t></w:r></w:p></w:txbxContent>
    </wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><v:shape><v:textbox>
      <w:txbxContent><w:p><w:r><w:t>Languages: German, English</w:t></w:r></w:p></w:txbxContent>
    </v:textbox></v:shape></w:pict></mc:Fallback>
  </mc:AlternateContent>
</w:r>"""


def sample_resume() -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "jane@example.com • +49 30 1234567"
    section.footer.paragraphs[0].text = "Jane Doe – CV"

    name = document.add_paragraph().add_run("Jane Doe")
    name.bold, name.font.size = True, Pt(20)
    contact = document.add_paragraph("Mail: ")
    contact._p.append(parse_xml(HYPERLINK))
    document.add_paragraph()._p.append(parse_xml(TEXT_BOX))

    document.add_heading("Experience", level=1)
    title = document.add_paragraph()
    title.add_run("Senior Engineer, Acme Corp").bold = True
    title.add_run("\tJan 2020 – Present")
    bullets = document.add_paragraph("Led the platform team")
    bullets.add_run().add_break()
    bullets.add_run("Cut costs by 30%")

    document.add_heading("Education", level=1)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "2018 – 2020"
    table.cell(0, 1).text = "MSc Computer Science"
    table.cell(0, 1).add_paragraph("TU Berlin")
    return docx_bytes(document)


@pytest.fixture(scope="module")
def resume() -> Document:
    return extract_docx(sample_resume())


def test_lines_come_in_document_order_with_header_first_and_footer_last(resume: Document) -> None:
    assert [line.text for line in resume.lines] == [
        "jane@example.com • +49 30 1234567",
        "Jane Doe",
        "Mail: jane@example.com",
        "Languages: German, English",
        "Experience",
        "Senior Engineer, Acme Corp Jan 2020 – Present",
        "Led the platform team",
        "Cut costs by 30%",
        "Education",
        "2018 – 2020",
        "MSc Computer Science",
        "TU Berlin",
        "Jane Doe – CV",
    ]
    kinds = [block.kind for block in resume.pages[0].blocks]
    assert kinds[0] == BlockKind.HEADER and kinds[-1] == BlockKind.FOOTER
    assert kinds.count(BlockKind.TABLE) == 3


def test_runs_keep_bold_and_size_including_what_a_style_gives(resume: Document) -> None:
    lines = {line.text: line for line in resume.lines}
    name = lines["Jane Doe"].words[0]
    assert name.bold and name.font_size == 20
    heading = lines["Experience"].words[0]
    assert heading.bold and heading.font_size is not None and heading.font_size > 12
    title = lines["Senior Engineer, Acme Corp Jan 2020 – Present"]
    assert [word.bold for word in title.words] == [True, True, True, True, False, False, False, False]


def test_a_tab_keeps_the_date_on_its_line_but_to_the_right(resume: Document) -> None:
    title = next(line for line in resume.lines if line.text.startswith("Senior Engineer"))
    corp, date = title.words[3], title.words[4]
    assert date.box.left > corp.box.right
    assert date.box.top == corp.box.top


def test_a_broken_word_document_is_corrupt() -> None:
    data = bytearray(sample_resume())
    start = data.find(b"word/document.xml")
    data[start + 40 : start + 400] = b"\x00" * 360
    with pytest.raises(CorruptDocumentError):
        extract_docx(bytes(data))


def test_a_document_without_text_is_empty() -> None:
    with pytest.raises(EmptyDocumentError):
        extract_docx(docx_bytes(docx.Document()))


def test_a_heading_style_that_sets_no_weight_still_reads_as_set_apart() -> None:
    """Templates restyle "Heading 1" with a colour and a border only; its outline level still makes
    it a heading, kept as bold. A paragraph at outline level 9 (body text) is not one."""
    document = docx.Document()
    heading_style = document.styles["Heading 1"]
    heading_style.font.bold = None
    document.add_heading("Work experience", level=1).runs[0].bold = None
    body = document.add_paragraph("Acme Corp")
    body._p.get_or_add_pPr().append(parse_xml(f"<w:outlineLvl {nsdecls('w')} w:val='9'/>"))
    document.add_paragraph("Data Analyst")
    lines = {line.text: line for line in extract_docx(docx_bytes(document)).lines}
    assert lines["Work experience"].words[0].bold
    assert not lines["Acme Corp"].words[0].bold
    assert not lines["Data Analyst"].words[0].bold

"""Hidden DOCX text never reaches the parsed resume: runs a reader cannot see (hidden, microscopic,
coloured like their background) are left out, while white text on dark shading stays."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.document import DocumentPart
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from resume_parser.extraction.docx import extract_docx
from tests.extraction.documents import STUFFED_WORDS, STUFFING, docx_bytes, texts
from tests.parsers import grouper, normalizer


def docx_resume(stuff: Callable[[DocxDocument], None]) -> bytes:
    """A plain Word resume; `stuff` adds to it between the experience and the skills."""
    document = docx.Document()
    document.add_paragraph().add_run("Jane Doe").bold = True
    document.add_paragraph("Platform Engineer")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Backend Engineer, Acme Corp 2019 – 2023")
    stuff(document)
    document.add_heading("Skills", level=1)
    document.add_paragraph("Java, SQL, Terraform")
    return docx_bytes(document)


def docx_texts(data: bytes) -> list[str]:
    return texts(extract_docx(data))


def stuffing_run(document: DocxDocument, style: Callable[[Run], None]) -> None:
    """A visible sentence, then the stuffing in the same paragraph, styled by `style`."""
    paragraph = document.add_paragraph("Built the billing platform. ")
    style(paragraph.add_run(STUFFING))


def white_run(run: Run) -> None:
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def near_white_run(run: Run) -> None:
    run.font.color.rgb = RGBColor(0xF4, 0xF6, 0xF4)


def hidden_run(run: Run) -> None:
    run.font.hidden = True


def tiny_run(run: Run) -> None:
    run.font.size = Pt(1)


def character_style(run: Run, name: str, properties: str, based_on: str = "") -> None:
    """Adds a character style named `name` with run `properties` (rPr XML) to the run's document."""
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    styles: BaseOxmlElement = cast(DocumentPart, run.part).styles.element
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="character" w:styleId="{name}"><w:name w:val="{name}"/>'
            f"{base}<w:rPr>{properties}</w:rPr></w:style>"
        )
    )


def hidden_by_character_style(run: Run) -> None:
    character_style(run, "Quiet", "<w:vanish/>")
    character_style(run, "Quieter", "", based_on="Quiet")
    run.style = "Quieter"


def white_by_character_style(run: Run) -> None:
    character_style(run, "Ghost", '<w:color w:val="FFFFFF"/>')
    run.style = "Ghost"


def white_by_theme_colour(run: Run) -> None:
    # Word writes the theme colour with an RGB fallback, which it ignores while the theme applies.
    run._r.get_or_add_rPr().append(
        parse_xml(f'<w:color {nsdecls("w")} w:val="000000" w:themeColor="background1"/>')
    )


@pytest.mark.parametrize(
    "style",
    [
        white_run,
        near_white_run,
        hidden_run,
        tiny_run,
        hidden_by_character_style,
        white_by_character_style,
        white_by_theme_colour,
    ],
)
def test_hidden_docx_runs_are_dropped(style: Callable[[Run], None]) -> None:
    lines = docx_texts(docx_resume(lambda document: stuffing_run(document, style)))
    assert "Built the billing platform." in lines
    assert "Java, SQL, Terraform" in lines
    assert not [line for line in lines if STUFFED_WORDS & set(line.split())]


def test_hidden_docx_keywords_do_not_reach_the_parsed_skills() -> None:
    document = docx.Document()
    document.add_paragraph("Jane Doe")
    document.add_heading("Skills", level=1)
    skills = document.add_paragraph("Java, SQL, Terraform")
    white_run(skills.add_run(", Python, Kubernetes, Golang"))
    parsed = normalizer().normalize_sync(grouper().group(extract_docx(docx_bytes(document))))
    assert [keyword for skill in parsed.skills for keyword in skill.keywords] == ["Java", "SQL", "Terraform"]


def shade(properties: BaseOxmlElement, fill: str) -> None:
    properties.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def white_paragraph(document: DocxDocument, text: str) -> Paragraph:
    paragraph = document.add_paragraph()
    white_run(paragraph.add_run(text))
    return paragraph


def white_in_a_shaded_cell(document: DocxDocument) -> None:
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    white_run(cell.paragraphs[0].add_run("Maria Gonzalez"))
    shade(cell._tc.get_or_add_tcPr(), "1F3864")


def white_on_paragraph_shading(document: DocxDocument) -> None:
    shade(white_paragraph(document, "Maria Gonzalez")._p.get_or_add_pPr(), "2E4057")


def white_on_a_dark_highlight(document: DocxDocument) -> None:
    paragraph = white_paragraph(document, "Maria Gonzalez")
    paragraph.runs[0].font.highlight_color = WD_COLOR_INDEX.DARK_BLUE


def white_in_a_shaded_table_style(document: DocxDocument) -> None:
    table = document.add_table(rows=1, cols=1)
    table.style = document.styles["Light Shading Accent 1"]
    white_run(table.cell(0, 0).paragraphs[0].add_run("Maria Gonzalez"))


def white_in_a_navy_text_box(document: DocxDocument) -> None:
    document.add_paragraph()._p.append(parse_xml(text_box("Maria Gonzalez", fill="1F3864")))


def white_over_a_band_drawn_behind_the_text(document: DocxDocument) -> None:
    """Templates draw the band as a shape behind the text, often in the page header."""
    header = document.sections[0].header.paragraphs[0]
    header._p.append(parse_xml(text_box("", fill="1F3864", behind=True)))
    white_paragraph(document, "Maria Gonzalez")


def white_on_a_dark_page(document: DocxDocument) -> None:
    document.element.insert(0, parse_xml(f'<w:background {nsdecls("w")} w:color="202124"/>'))
    white_paragraph(document, "Maria Gonzalez")


@pytest.mark.parametrize(
    "stuff",
    [
        white_in_a_shaded_cell,
        white_on_paragraph_shading,
        white_on_a_dark_highlight,
        white_in_a_shaded_table_style,
        white_in_a_navy_text_box,
        white_over_a_band_drawn_behind_the_text,
        white_on_a_dark_page,
    ],
)
def test_white_docx_text_on_a_dark_background_stays(stuff: Callable[[DocxDocument], None]) -> None:
    assert "Maria Gonzalez" in docx_texts(docx_resume(stuff))


def test_white_docx_text_in_a_white_text_box_is_dropped() -> None:
    def white_box(document: DocxDocument) -> None:
        document.add_paragraph()._p.append(parse_xml(text_box(STUFFING, fill="FFFFFF")))

    assert not [line for line in docx_texts(docx_resume(white_box)) if "Kubernetes" in line]


def test_small_but_readable_docx_text_stays() -> None:
    def footnote(document: DocxDocument) -> None:
        document.add_paragraph().add_run("References on request").font.size = Pt(5)

    assert "References on request" in docx_texts(docx_resume(footnote))


def text_box(text: str, *, fill: str, behind: bool = False, size_emu: int | None = None) -> str:
    """A DrawingML text box run whose shape is filled with `fill`, its text in white."""
    extent = f'<wp:extent cx="{size_emu}" cy="{size_emu}"/>' if size_emu is not None else ""
    return f"""
<w:r {nsdecls("w", "wp", "a")}
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
  <w:drawing><wp:anchor behindDoc="{int(behind)}">{extent}<a:graphic><a:graphicData><wps:wsp>
    <wps:spPr><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></wps:spPr>
    <wps:txbx><w:txbxContent><w:p><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>{text}</w:t></w:r></w:p>
    </w:txbxContent></wps:txbx>
  </wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>
</w:r>"""


def test_a_table_styles_hidden_text_is_dropped() -> None:
    def stuffed_table(document: DocxDocument) -> None:
        styles: BaseOxmlElement = document.styles.element
        styles.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="table" w:styleId="Quiet"><w:name w:val="Quiet"/>'
                "<w:rPr><w:vanish/></w:rPr></w:style>"
            )
        )
        table = document.add_table(rows=1, cols=1)
        table._tbl.tblPr.append(parse_xml(f'<w:tblStyle {nsdecls("w")} w:val="Quiet"/>'))
        table.cell(0, 0).text = STUFFING

    lines = docx_texts(docx_resume(stuffed_table))
    assert "Java, SQL, Terraform" in lines
    assert not [line for line in lines if STUFFED_WORDS & set(line.split())]


def test_a_tiny_shape_behind_the_text_does_not_vouch_for_white_text() -> None:
    def stuffed_beside_a_speck(document: DocxDocument) -> None:
        header = document.sections[0].header.paragraphs[0]
        header._p.append(parse_xml(text_box("", fill="000000", behind=True, size_emu=12700)))  # 1 pt
        stuffing_run(document, white_run)

    lines = docx_texts(docx_resume(stuffed_beside_a_speck))
    assert "Java, SQL, Terraform" in lines
    assert not [line for line in lines if STUFFED_WORDS & set(line.split())]

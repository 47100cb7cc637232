"""Hidden PDF text ("white text stuffing") never reaches the parsed resume: keywords a reader cannot
see (white on white, invisible, microscopic, off the page) are left out, while text that does show
(white on a dark banner, the invisible text layer of a scan made searchable) stays."""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2 as pdfium
import pytest
from PIL import Image
from reportlab.lib.colors import blue, red
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from resume_parser.errors import EmptyDocumentError
from resume_parser.extraction.limits import ExtractionLimits
from resume_parser.extraction.pdf import extract_pdf
from resume_parser.extraction.pdftext import text_layer_lines
from resume_parser.layout import Document
from tests.extraction.documents import STUFFED_WORDS, STUFFING, pdf_bytes, rendered_page, texts
from tests.parsers import grouper, normalizer

NAVY = (0.1, 0.15, 0.35)

RESUME = [
    (18, "Jane Doe"),
    (11, "Platform Engineer"),
    (13, "EXPERIENCE"),
    (11, "Backend Engineer, Acme Corp 2019 – 2023"),
    (10, "Built the billing platform serving 2M customers"),
    (13, "SKILLS"),
    (10, "Java, SQL, Terraform"),
]


def resume(canvas: Canvas, hide: Callable[[Canvas, float], None] | None = None) -> None:
    """A plain resume; `hide` draws stuffing at a height between the experience and the skills."""
    y = 780.0
    for size, text in RESUME:
        canvas.setFont("Helvetica", size)
        canvas.drawString(72, y, text)
        y -= size * 2
        if hide and text.startswith("Built"):
            canvas.saveState()
            hide(canvas, y)
            canvas.restoreState()
            y -= 40


def stuffed(hide: Callable[[Canvas, float], None]) -> bytes:
    return pdf_bytes(lambda canvas: resume(canvas, hide))


def words(document: Document) -> set[str]:
    return {word.text for line in document.lines for word in line.words}


def assert_resume_intact(document: Document) -> None:
    assert texts(document) == [text for _, text in RESUME]


def white(canvas: Canvas, y: float) -> None:
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, y, STUFFING)
    canvas.drawString(72, y - 14, STUFFING)


def near_white(canvas: Canvas, y: float) -> None:
    canvas.setFillColorRGB(0.95, 0.95, 0.96)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, y, STUFFING)


def invisible(canvas: Canvas, y: float) -> None:
    text = canvas.beginText(72, y)
    text.setFont("Helvetica", 10)
    text.setTextRenderMode(3)
    text.textLine(STUFFING)
    canvas.drawText(text)


def transparent(canvas: Canvas, y: float) -> None:
    canvas.setFillAlpha(0)
    canvas.drawString(72, y, STUFFING)


def tiny_font(canvas: Canvas, y: float) -> None:
    canvas.setFont("Helvetica", 0.8)
    for row in range(5):
        canvas.drawString(72, y - row, STUFFING * 3)


def tiny_by_scaling(canvas: Canvas, y: float) -> None:
    """A normal font size under a shrinking transformation: only the drawn size tells."""
    canvas.translate(72, y)
    canvas.scale(0.05, 0.05)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(0, 0, STUFFING)


def light_after_a_dark_character(canvas: Canvas, y: float) -> None:
    text = canvas.beginText(72, y)
    text.setFont("Helvetica", 10)
    text.setFillColorRGB(0, 0, 0)
    text.textOut(".")  # one word with the stuffing: its first character alone is dark
    text.setFillColorRGB(1, 1, 1)
    text.textOut(STUFFING.replace(" ", ""))
    canvas.drawText(text)


def invisible_over_a_stretched_image(canvas: Canvas, y: float) -> None:
    canvas.drawImage(ImageReader(Image.new("RGB", (1, 1), "white")), 0, 0, *A4)
    invisible(canvas, y)


def off_page(canvas: Canvas, y: float) -> None:
    canvas.drawString(-600, y, STUFFING)
    canvas.drawString(72, 900, STUFFING)


@pytest.mark.parametrize(
    "hide",
    [
        white,
        near_white,
        invisible,
        transparent,
        tiny_font,
        tiny_by_scaling,
        off_page,
        light_after_a_dark_character,
        invisible_over_a_stretched_image,
    ],
)
def test_stuffing_is_dropped_and_the_resume_kept_intact(hide: Callable[[Canvas, float], None]) -> None:
    document = extract_pdf(stuffed(hide))
    assert_resume_intact(document)
    assert not STUFFED_WORDS & words(document)


def test_stuffed_keywords_do_not_reach_the_parsed_skills_or_titles() -> None:
    document = extract_pdf(stuffed(white))
    parsed = normalizer().normalize_sync(grouper().group(document))
    parsed_text = parsed.model_dump_json()
    assert "Terraform" in parsed_text and "Backend Engineer" in parsed_text
    assert not [word for word in STUFFED_WORDS if word in parsed_text]


def test_a_page_of_nothing_but_stuffing_has_no_text() -> None:
    def only_stuffing(canvas: Canvas) -> None:
        for y in range(100, 800, 14):
            white(canvas, y)

    with pytest.raises(EmptyDocumentError):
        extract_pdf(pdf_bytes(only_stuffing))


def test_faint_but_visible_grey_and_small_print_stay() -> None:
    def visible(canvas: Canvas, y: float) -> None:
        canvas.setFillColorRGB(0.7, 0.7, 0.7)
        canvas.drawString(72, y, "References on request")
        canvas.setFont("Helvetica", 5)
        canvas.drawString(72, y - 12, "Salary expectations negotiable")

    document = extract_pdf(stuffed(visible))
    assert "References on request" in texts(document)
    assert "Salary expectations negotiable" in texts(document)


def test_outlined_lettering_stays() -> None:
    """White letters inside a dark outline (fill and stroke): the outline shows them."""

    def outlined(canvas: Canvas, y: float) -> None:
        text = canvas.beginText(72, y)
        text.setFont("Helvetica-Bold", 20)
        text.setTextRenderMode(2)
        text.setFillColorRGB(1, 1, 1)
        text.setStrokeColorRGB(0, 0, 0)
        text.textLine("Open Source Award")
        canvas.drawText(text)

    assert "Open Source Award" in texts(extract_pdf(stuffed(outlined)))


def banner(canvas: Canvas) -> None:
    """The modern template: the name in white on a navy band across the top, then the resume."""
    canvas.setFillColorRGB(*NAVY)
    canvas.rect(0, 742, 595, 100, fill=1, stroke=0)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setFont("Helvetica-Bold", 24)
    canvas.drawString(72, 790, "Maria Gonzalez")
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 766, "Lead Data Engineer")
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 700, "Built data pipelines for 40 teams at Acme Corp")
    white(canvas, 600)


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_white_text_on_a_dark_banner_stays_and_white_text_off_it_goes(rotation: int) -> None:
    def rotated_banner(canvas: Canvas) -> None:
        canvas.setPageRotation(rotation)  # the page is shown turned; the text layer is not
        banner(canvas)

    # reportlab swaps the media box of a page turned by a quarter: ask for landscape to keep A4 portrait
    pagesize = (A4[1], A4[0]) if rotation % 180 else A4
    document = extract_pdf(pdf_bytes(rotated_banner, pagesize=pagesize))
    assert pdfium.PdfDocument(pdf_bytes(rotated_banner, pagesize=pagesize))[0].get_mediabox()[3] > 800
    assert sorted(texts(document)) == [
        "Built data pipelines for 40 teams at Acme Corp",
        "Lead Data Engineer",
        "Maria Gonzalez",
    ]
    assert not STUFFED_WORDS & words(document)


def test_white_text_on_a_dark_photo_stays() -> None:
    photo = ImageReader(Image.new("RGB", (300, 60), (30, 40, 60)))

    def header_photo(canvas: Canvas) -> None:
        canvas.drawImage(photo, 0, 742, 595, 100)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont("Helvetica-Bold", 24)
        canvas.drawString(72, 790, "Maria Gonzalez")
        resume(canvas)

    assert "Maria Gonzalez" in texts(extract_pdf(pdf_bytes(header_photo)))


def test_the_page_looks_the_same_after_its_hidden_text_was_judged() -> None:
    """The judge switches light text off to see beneath it; OCR may render the page afterwards."""
    pdf = pdfium.PdfDocument(pdf_bytes(banner))
    page = pdf[0]
    try:
        before = page.render(scale=0.5).to_pil()
        text_layer_lines(page, 1)
        after = page.render(scale=0.5).to_pil()
    finally:
        page.close()
        pdf.close()
    assert before.tobytes() == after.tobytes()


def test_a_page_too_costly_to_draw_is_judged_against_white_paper() -> None:
    document = extract_pdf(pdf_bytes(banner), ExtractionLimits(max_page_objects=1))
    assert "Maria Gonzalez" not in texts(document)
    assert "Built data pipelines for 40 teams at Acme Corp" in texts(document)


def searchable_scan(place_image: Callable[[Canvas, ImageReader], None]) -> bytes:
    """A scanned resume made searchable: the page image, and over it the words in invisible ink
    where they appear in the image; plus invisible stuffing below the image."""
    page = rendered_page(pdf_bytes(resume), dpi=100)
    scan = ImageReader(page.crop((0, 0, page.width, page.height // 2)))

    def draw(canvas: Canvas) -> None:
        place_image(canvas, scan)
        text = canvas.beginText()
        text.setTextRenderMode(3)
        y = 780.0
        for size, line in RESUME:
            text.setFont("Helvetica", size)
            text.setTextOrigin(72, y)
            text.textOut(line)
            y -= size * 2
        text.setTextOrigin(72, 300)
        text.textOut(STUFFING)
        canvas.drawText(text)

    return pdf_bytes(draw)


def top_half_image(canvas: Canvas, scan: ImageReader) -> None:
    canvas.drawImage(scan, 0, 421, 595, 421)


def image_in_a_scaled_form(canvas: Canvas, scan: ImageReader) -> None:
    """The image, at half size, inside a form XObject that a transformation scales onto the top half."""
    canvas.beginForm("scan")
    canvas.drawImage(scan, 0, 0, 297.5, 210.5)
    canvas.endForm()
    canvas.saveState()
    canvas.translate(0, 421)
    canvas.scale(2, 2)
    canvas.doForm("scan")
    canvas.restoreState()


@pytest.mark.parametrize("place_image", [top_half_image, image_in_a_scaled_form])
def test_a_scan_made_searchable_keeps_its_invisible_text_layer(
    place_image: Callable[[Canvas, ImageReader], None],
) -> None:
    """The scan covers the top half of the page, where the resume is; the stuffing is below it."""
    document = extract_pdf(searchable_scan(place_image))
    assert document.extractor == "pdfium"
    assert_resume_intact(document)
    assert not STUFFED_WORDS & words(document)


def test_a_scaled_form_places_its_image_for_the_over_an_image_rule() -> None:
    """Inside a form, an image's bounds are in the form's space: the form's matrix puts it on the page."""

    def shrunk_form(canvas: Canvas) -> None:
        canvas.beginForm("photo")
        canvas.drawImage(ImageReader(Image.new("RGB", (20, 20), (90, 90, 90))), 0, 0, 100, 100)
        canvas.endForm()
        canvas.saveState()
        canvas.translate(300, 600)
        canvas.scale(2, 2)  # the photo covers x 300..500, y 600..800 on the page
        canvas.doForm("photo")
        canvas.restoreState()
        text = canvas.beginText()
        text.setTextRenderMode(3)
        text.setFont("Helvetica", 10)
        text.setTextOrigin(320, 700)
        text.textOut("Over the photo")
        text.setTextOrigin(120, 700)
        text.textOut("Beside the photo")
        canvas.drawText(text)
        resume(canvas)

    lines = texts(extract_pdf(pdf_bytes(shrunk_form)))
    assert "Over the photo" in lines
    assert "Beside the photo" not in lines


def test_a_gradient_heading_drawn_through_its_clipping_text_stays() -> None:
    """Text in clipping mode paints nothing itself: the gradient painted through its glyphs shows."""

    def gradient_name(canvas: Canvas) -> None:
        canvas.saveState()
        text = canvas.beginText(72, 780)
        text.setFont("Helvetica-Bold", 28)
        text.setTextRenderMode(7)
        text.textLine("Maria Gonzalez")
        canvas.drawText(text)
        canvas.linearGradient(72, 780, 300, 800, (red, blue), extend=False)
        canvas.restoreState()
        resume(canvas, invisible)

    document = extract_pdf(pdf_bytes(gradient_name))
    assert "Maria Gonzalez" in texts(document)
    assert not STUFFED_WORDS & words(document)


def test_hidden_words_inside_a_visible_line_leave_the_rest_of_the_line() -> None:
    def mixed(canvas: Canvas) -> None:
        resume(canvas)
        canvas.setFont("Helvetica", 10)
        text = canvas.beginText(72, 500)
        text.textOut("Certified ")
        text.setFillColorRGB(1, 1, 1)
        text.textOut("Kubernetes Python ")
        text.setFillColorRGB(0, 0, 0)
        text.textOut("Scrum Master")
        canvas.drawText(text)

    lines = texts(extract_pdf(pdf_bytes(mixed)))
    assert "Certified" in lines and "Scrum Master" in lines  # the gap they left splits the line
    assert not any("Kubernetes" in line for line in lines)


@pytest.mark.parametrize("angle", [90, -90])
def test_text_set_top_to_bottom_stays_whole_words(angle: int) -> None:
    def sideways(canvas: Canvas) -> None:
        resume(canvas)
        canvas.translate(40, 400)
        canvas.rotate(angle)
        canvas.setFont("Helvetica", 9)
        canvas.drawString(0, 0, "Kubernetes Engineer " + "x" * 2500)

    document = extract_pdf(pdf_bytes(sideways))
    assert {"Kubernetes", "Engineer", "x" * 2500} <= words(document)

"""Pictures on PDF pages: photos, QR codes and logos placed as images, found with their boxes;
icons, backgrounds and images with text over them are not pictures."""

from __future__ import annotations

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from resume_parser.extraction.pdf import extract_pdf
from tests.extraction.documents import pdf_bytes

WIDTH, HEIGHT = A4
PHOTO = ImageReader(Image.new("RGB", (300, 400), (120, 90, 60)))


def _resume_text(canvas: Canvas) -> None:
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 770, "Jane Example, Data Engineer")
    canvas.drawString(72, 750, "Experience at Example Corp since 2020, building pipelines")


def test_a_photo_is_a_picture_with_its_box() -> None:
    def page(canvas: Canvas) -> None:
        _resume_text(canvas)
        canvas.drawImage(PHOTO, WIDTH - 172, HEIGHT - 232, 100, 133)  # top right, 100 x 133 pt

    layout = extract_pdf(pdf_bytes(page))

    [box] = layout.pages[0].pictures
    assert abs(box.left - (WIDTH - 172) / WIDTH) < 0.01
    assert abs(box.right - (WIDTH - 72) / WIDTH) < 0.01
    assert abs(box.top - 99 / HEIGHT) < 0.01
    assert abs(box.bottom - 232 / HEIGHT) < 0.01


def test_icons_backgrounds_and_images_under_text_are_not_pictures() -> None:
    def page(canvas: Canvas) -> None:
        canvas.drawImage(PHOTO, 0, 0, WIDTH, HEIGHT)  # a page-sized background
        canvas.drawImage(PHOTO, 60, 740, 10, 10)  # an icon before the contact line
        canvas.drawImage(PHOTO, 60, 730, 480, 60)  # a header band with the name printed on it
        _resume_text(canvas)

    layout = extract_pdf(pdf_bytes(page))

    assert layout.pages[0].pictures == []


def test_pages_without_images_have_no_pictures() -> None:
    layout = extract_pdf(pdf_bytes(_resume_text, _resume_text))

    assert [page.pictures for page in layout.pages] == [[], []]

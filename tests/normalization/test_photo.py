"""The photo flag: a portrait-shaped picture near the top of the first page is the candidate's
photo; a wide banner or a picture at the page's foot (a QR code, a logo) is not."""

from __future__ import annotations

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from resume_parser.parsing import parse_bytes
from tests.extraction.documents import pdf_bytes

LINES = [
    "Lena Hoffmann",
    "Data Analyst · Munich, Germany · lena.hoffmann@example.org",
    "EXPERIENCE",
    "Data Analyst, Isar Analytics GmbH, 2019 - Present",
    "Built the sales dashboards in Power BI used by 40 regional managers.",
    "SKILLS",
    "SQL, Power BI, Python",
]


def _page_with_picture(x: float, y: float, width: float, height: float) -> bytes:
    picture = ImageReader(Image.new("RGB", (120, 150), (150, 110, 90)))

    def draw(canvas: Canvas) -> None:
        canvas.drawImage(picture, x, y, width, height)
        canvas.setFont("Helvetica", 10)
        for index, line in enumerate(LINES):
            canvas.drawString(72, 760 - index * 16, line)

    return pdf_bytes(draw)


def test_a_portrait_picture_at_the_top_is_a_photo() -> None:
    parsed = parse_bytes(_page_with_picture(440, 690, 90, 110))
    assert parsed.basics.has_photo is True
    assert any(e.path == "basics.hasPhoto" and e.page == 1 and e.box for e in parsed.meta.evidence)


def test_a_banner_or_a_picture_at_the_foot_is_not() -> None:
    assert parse_bytes(_page_with_picture(0, 790 - 80, 595, 80)).basics.has_photo is False
    assert parse_bytes(_page_with_picture(440, 60, 90, 90)).basics.has_photo is False


def test_a_resume_without_pictures_has_no_photo() -> None:
    def draw(canvas: Canvas) -> None:
        for index, line in enumerate(LINES):
            canvas.drawString(72, 760 - index * 16, line)

    assert parse_bytes(pdf_bytes(draw)).basics.has_photo is False

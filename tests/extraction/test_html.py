"""HTML: block elements become lines; headings and bold keep their weight; scripts are dropped."""

from __future__ import annotations

import pytest

from resume_parser.errors import EmptyDocumentError
from resume_parser.extraction.html import extract_html

PAGE = b"""<!DOCTYPE html>
<html><head><title>CV</title><style>h1 { color: red }</style><script>var x = "<p>no</p>";</script></head>
<body>
  <h1>Jane Doe</h1>
  <p>Engineer &amp; mentor &mdash; <a href="mailto:jane@example.com">jane@example.com</a></p>
  <h2>Experience</h2>
  <p><b>Senior Engineer</b>, Acme<br>Berlin</p>
  <ul><li>Built the platform</li><li>Led 5 people</li></ul>
  <table><tr><td>2019 &ndash; 2022</td><td>MSc, TU Berlin</td></tr></table>
</body></html>"""


def test_lines_and_typography() -> None:
    document = extract_html(PAGE)
    assert document.extractor == "html"
    assert [line.text for line in document.lines] == [
        "Jane Doe",
        "Engineer & mentor — jane@example.com",
        "Experience",
        "Senior Engineer, Acme",
        "Berlin",
        "• Built the platform",
        "• Led 5 people",
        "2019 – 2022 MSc, TU Berlin",
    ]
    lines = {line.text: line for line in document.lines}
    name, heading = lines["Jane Doe"].words[0], lines["Experience"].words[0]
    assert name.bold and heading.bold
    assert name.font_size is not None and heading.font_size is not None and name.font_size > heading.font_size
    assert [word.bold for word in lines["Senior Engineer, Acme"].words] == [True, True, False]


def test_a_page_without_visible_text_is_empty() -> None:
    with pytest.raises(EmptyDocumentError):
        extract_html(b"<html><head><script>alert(1)</script></head><body>  </body></html>")

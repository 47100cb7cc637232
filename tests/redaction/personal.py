"""What a redacted document must not show, read from a fixture's truth file, and how to look for it
in a text (the PDF's text layer or an OCR of its pages)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from resume_parser.extraction.ocr import ocr_page


@dataclass(frozen=True)
class Fixture:
    path: Path
    truth: dict[str, Any]

    @staticmethod
    def load(path: Path) -> Fixture:
        return Fixture(path, json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))

    @property
    def basics(self) -> dict[str, Any]:
        basics: dict[str, Any] = self.truth.get("basics", {})
        return basics

    @property
    def employers(self) -> list[str]:
        return [work["name"] for work in self.truth.get("work", []) if work.get("name")]

    @property
    def skills(self) -> list[str]:
        """Each skill's keywords, or its name where it lists none (a flat skill list)."""
        skills = self.truth.get("skills", [])
        return [item for skill in skills for item in skill.get("keywords") or [skill.get("name", "")] if item]


def folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def bare_url(url: str) -> str:
    return re.sub(r"^(https?://)?(www\.)?", "", folded(url)).rstrip("/")


def leaks(text: str, basics: dict[str, Any]) -> list[str]:
    """The personal values of `basics` that `text` still shows: name parts as words, the e-mail,
    the phone's last seven digits on any line, URLs without their scheme, profile user names."""
    found = []
    words = set(re.findall(r"[\w]+", folded(text)))
    for part in re.split(r"[\s\-]+", folded(basics.get("name", ""))):
        if len(part) >= 3 and part in words:
            found.append(f"name part {part!r}")
    flat = folded(text)
    for key in ("email", "url"):
        value = basics.get(key)
        if value and bare_url(value) in flat:
            found.append(key)
    for profile in basics.get("profiles", []):
        for key in ("url", "username"):
            value = profile.get(key)
            if value and len(value) >= 4 and bare_url(value) in flat:
                found.append(f"profile {key}")
    phone = re.sub(r"\D", "", basics.get("phone", ""))
    if phone:
        lines_digits = [re.sub(r"\D", "", line) for line in text.splitlines()]
        if any(phone[-7:] in digits for digits in lines_digits):
            found.append("phone")
    return found


def text_layer(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def ocr_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        lines = []
        for index, page in enumerate(document):
            image = page.render(scale=150 / 72).to_pil()
            lines.extend(line.text for line in ocr_page(image, index + 1))
        return "\n".join(lines)
    finally:
        document.close()


def missing_words(text: str, phrases: list[str]) -> list[str]:
    """The phrases some word of which (3 letters or more) the text does not contain as a word."""
    words = set(re.findall(r"[\w]+", folded(text)))
    return [
        phrase
        for phrase in phrases
        if any(len(word) >= 3 and word not in words for word in re.findall(r"[\w]+", folded(phrase)))
    ]

from __future__ import annotations

import pytest

from resume_parser.normalization.names import display_name, looks_like_name, unglue_particles


@pytest.mark.parametrize(
    "text",
    [
        "Jose Ramón Palomino",
        "Hans-Detlef Vollbrecht",
        "Ludwig van Beethoven",
        "Maria da Silva",
        "Conan O'Brien",
        "Ana Cecília Andrade Dias",
        "BRIAN TURNER",
        "Jean-Luc de la Fontaine",
        "Rhys ap Gwilym",
    ],
)
def test_names(text: str) -> None:
    assert looks_like_name(text)


@pytest.mark.parametrize(
    "text", ["Curriculum Vitae", "Hi, I'm", "jane doe", "Jane", "Jane Doe 2021", "a@b.io x"]
)
def test_not_names(text: str) -> None:
    assert not looks_like_name(text)


def test_all_caps_names_are_title_cased_with_particles_kept_low() -> None:
    assert display_name("LUDWIG VAN BEETHOVEN") == "Ludwig van Beethoven"
    assert display_name("JEAN-LUC PICARD") == "Jean-Luc Picard"
    assert display_name("Jose Ramón Palomino") == "Jose Ramón Palomino"


def test_honorifics_and_credentials_are_not_part_of_the_name() -> None:
    from resume_parser.normalization.names import strip_decorations

    assert strip_decorations("Dr. Jane Doe") == "Jane Doe"
    assert strip_decorations("Jane Doe, PhD, PMP") == "Jane Doe"
    assert strip_decorations("Doe, Jane Marie") == "Doe, Jane Marie"  # not credentials: left alone


def test_a_particle_glued_by_ocr_is_split_off_when_the_email_spells_the_word_alone() -> None:
    assert unglue_particles("Friederikevon Bülow", "friederike.vonbulow@gmx.de") == "Friederike von Bülow"
    assert unglue_particles("Jovan Petrovic", "jovan.petrovic@example.com") == "Jovan Petrovic"
    assert unglue_particles("Friederikevon Bülow", None) == "Friederikevon Bülow"

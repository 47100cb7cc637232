"""The lexicons the models read as features and the assembly rules consult."""

from __future__ import annotations

import pytest

from resume_parser.cascade.lexicon import is_institution_word


@pytest.mark.parametrize(
    "word",
    ["University", "Universität", "Université", "Università", "Universidad", "Uniwersytet", "Üniversitesi"],
)
def test_a_university_in_any_of_the_languages_is_a_school_word(word: str) -> None:
    assert is_institution_word(word)


@pytest.mark.parametrize("word", ["Universal", "Universe", "Unilever"])
def test_a_word_that_only_starts_like_one_is_not(word: str) -> None:
    assert not is_institution_word(word)

"""Building the genai client from Settings."""

from __future__ import annotations

import pytest

from resume_parser.errors import ConfigurationError
from resume_parser.gemini_client import create_client
from resume_parser.settings import Settings


def test_a_missing_api_key_is_a_configuration_error_naming_the_variable() -> None:
    with pytest.raises(ConfigurationError, match="GEMINI_API_KEY"):
        create_client(Settings(gemini_api_key=None))

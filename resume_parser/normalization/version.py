"""The local parser's version, recorded in every result so stored resumes can be re-parsed when it changes."""

PARSER_VERSION = "local-1.0.0"

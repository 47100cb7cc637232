"""The local parser's code version, recorded in every result (with the models' version, see
LocalNormalizer.parser_version) so stored resumes can be re-parsed when either changes."""

PARSER_VERSION = "local-2.1.0"  # 2.1: personal details from labelled lines

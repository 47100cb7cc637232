"""The local parser's code version, recorded in every result (with the models' version, see
LocalNormalizer.parser_version) so stored resumes can be re-parsed when either changes."""

# 2.1.0: skills with their experience, title families and ISCED levels (resume_parser/enrichment);
# personal details from labelled lines (normalization/personal.py).
PARSER_VERSION = "local-2.1.0"

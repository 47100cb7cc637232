"""Enrichment: facts derived from a parsed resume, the same for every normalizer (enrich.py):
skills with their experience, job titles as title families, education entries by ISCED level."""

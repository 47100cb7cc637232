"""Semantic and full-text search over parsed resumes (the SearchResumes RPC)."""

from resume_parser.search.query import SearchHit, SearchMode, SearchPage, SearchQuery
from resume_parser.search.service import SearchService

__all__ = ["SearchHit", "SearchMode", "SearchPage", "SearchQuery", "SearchService"]

"""Resume parsing service for Applicant Tracking Systems."""

__version__ = "0.1.0"

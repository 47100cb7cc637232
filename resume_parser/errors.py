"""The service's exceptions. Each carries a stable reason code that becomes the google.rpc.ErrorInfo
reason at the gRPC edge and the error reason of a FAILED resume.

    ResumeParserError
    ├── ConfigurationError            start-up: a setting or dependency is missing
    ├── InvalidInputError             the caller's request is wrong (INVALID_ARGUMENT)
    │   ├── FileTooLargeError
    │   └── UnsupportedFormatError
    ├── NotFoundError                 unknown resume id (NOT_FOUND)
    ├── NotReadyError                 the resume is not in the stage the call needs (FAILED_PRECONDITION)
    ├── ResultTooLargeError           the answer would not fit in one response (RESOURCE_EXHAUSTED)
    ├── DocumentError                 the file cannot be parsed: permanent, the resume FAILS
    │   ├── EncryptedDocumentError
    │   ├── CorruptDocumentError
    │   ├── DocumentLimitError        pages, pixels or decompressed size over the limit
    │   └── EmptyDocumentError        no text to parse
    ├── NormalizationError            the normalizer could not produce a valid resume: permanent
    ├── EmbeddingError                the embedder rejected the texts: permanent
    └── TransientError                worth retrying: throttling, 5xx, timeouts
"""

from __future__ import annotations


class ResumeParserError(Exception):
    reason = "INTERNAL"

    def __init__(self, message: str, *, reason: str | None = None, metadata: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        if reason is not None:
            self.reason = reason
        self.metadata = metadata or {}

    def __reduce__(self) -> tuple[type[ResumeParserError], tuple[str], dict[str, object]]:
        # Errors cross a process boundary (see extraction/isolation.py); keep reason and metadata.
        return type(self), (self.message,), self.__dict__


class ConfigurationError(ResumeParserError):
    reason = "CONFIGURATION"


class InvalidInputError(ResumeParserError):
    reason = "INVALID_ARGUMENT"


class FileTooLargeError(InvalidInputError):
    reason = "FILE_TOO_LARGE"


class UnsupportedFormatError(InvalidInputError):
    reason = "UNSUPPORTED_FORMAT"


class NotFoundError(ResumeParserError):
    reason = "RESUME_NOT_FOUND"


class NotReadyError(ResumeParserError):
    reason = "RESUME_NOT_COMPLETED"


class ResultTooLargeError(ResumeParserError):
    reason = "RESULT_TOO_LARGE"


class DocumentError(ResumeParserError):
    reason = "DOCUMENT_UNREADABLE"


class EncryptedDocumentError(DocumentError):
    reason = "DOCUMENT_ENCRYPTED"


class CorruptDocumentError(DocumentError):
    reason = "DOCUMENT_CORRUPT"


class DocumentLimitError(DocumentError):
    reason = "DOCUMENT_LIMIT_EXCEEDED"


class EmptyDocumentError(DocumentError):
    reason = "DOCUMENT_EMPTY"


class NormalizationError(ResumeParserError):
    reason = "NORMALIZATION_FAILED"


class EmbeddingError(ResumeParserError):
    reason = "EMBEDDING_FAILED"


class TransientError(ResumeParserError):
    reason = "TRANSIENT"

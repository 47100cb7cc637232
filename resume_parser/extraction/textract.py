"""AWS Textract extractor: asynchronous document analysis (LAYOUT) of the stored S3 object.

Textract reads the file from S3 itself, so `SourceFile.data` is never sent. We start the job, poll
it with exponential backoff until it finishes or our deadline passes, then read its results, which
come in pages joined by NextToken, and map the blocks into the layout model (textract_layout).

What each final job state becomes:
- SUCCEEDED: the document.
- PARTIAL_SUCCESS: Textract analysed some pages but not all. We keep what came and say which pages
  are missing in `Document.warnings`: most of a resume is still worth parsing, and the warning
  explains the fields that may be missing. No text at all is an EmptyDocumentError, as for any file.
- FAILED: TextractJobFailedError, a DocumentError (the same file will fail again), carrying
  Textract's StatusMessage, which describes the job and never the document's content.
- still IN_PROGRESS at the deadline: TransientError, so the pipeline retries the stage later.
Throttling, 5xx answers and connection failures are TransientError as well.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import aioboto3
from aiobotocore.config import AioConfig
from botocore.exceptions import BotoCoreError, ClientError

from resume_parser.errors import (
    ConfigurationError,
    CorruptDocumentError,
    DocumentError,
    DocumentLimitError,
    EmptyDocumentError,
    NotFoundError,
    ResumeParserError,
    TransientError,
    UnsupportedFormatError,
)
from resume_parser.extraction import SourceFile
from resume_parser.extraction.textract_layout import document_from_blocks
from resume_parser.layout import Document
from resume_parser.settings import Settings

if TYPE_CHECKING:
    from aiobotocore.session import ClientCreatorContext
    from types_aiobotocore_textract.client import TextractClient
    from types_aiobotocore_textract.type_defs import BlockTypeDef, GetDocumentAnalysisResponseTypeDef

log = logging.getLogger(__name__)

MAX_RESULTS = 1000  # blocks per GetDocumentAnalysis page, the most Textract allows
STATUS_MESSAGE_LIMIT = 300
# Our own deadline ends a little before the pipeline's stage deadline, so a slow job surfaces as
# the specific TEXTRACT_TIMEOUT rather than a generic stage timeout.
DEADLINE_SHARE_OF_STAGE = 0.9

_THROTTLING = {"ProvisionedThroughputExceededException", "ThrottlingException", "LimitExceededException"}
# Permanent failures: the error class, and a reason code where the class's own is too general.
_PERMANENT: dict[str, tuple[type[ResumeParserError], str | None]] = {
    "BadDocumentException": (CorruptDocumentError, None),
    "UnsupportedDocumentException": (UnsupportedFormatError, None),
    "DocumentTooLargeException": (DocumentLimitError, None),
    "InvalidS3ObjectException": (NotFoundError, "S3_OBJECT_NOT_FOUND"),
    "AccessDeniedException": (ConfigurationError, "TEXTRACT_ACCESS_DENIED"),
    "InvalidParameterException": (ConfigurationError, "TEXTRACT_INVALID_PARAMETER"),
}


class TextractJobFailedError(DocumentError):
    reason = "TEXTRACT_JOB_FAILED"


class TextractExtractor:
    """The Extractor protocol on AWS Textract. One client per call: a job takes seconds anyway."""

    name = "textract"

    def __init__(
        self,
        settings: Settings,
        session: aioboto3.Session | None = None,
        *,
        deadline_seconds: float | None = None,
        first_poll_seconds: float = 1.0,
        max_poll_seconds: float = 15.0,
        max_attempts: int = 4,
    ) -> None:
        self._settings = settings
        self._session = session or aioboto3.Session()
        self._deadline_seconds = deadline_seconds or settings.stage_deadline_seconds * DEADLINE_SHARE_OF_STAGE
        self._first_poll_seconds = first_poll_seconds
        self._max_poll_seconds = max_poll_seconds
        # botocore retries throttling and 5xx by itself first ("standard" mode).
        self._config = AioConfig(retries={"mode": "standard", "max_attempts": max_attempts})

    async def extract(self, source: SourceFile) -> Document:
        try:
            async with asyncio.timeout(self._deadline_seconds), self._client() as client:
                job_id = await self._start(client, source)
                first = await self._wait_until_done(client, job_id)
                blocks = await self._all_blocks(client, job_id, first)
        except TimeoutError as error:
            raise TransientError(
                f"the Textract job did not finish within {self._deadline_seconds:g} s",
                reason="TEXTRACT_TIMEOUT",
            ) from error
        except (ClientError, BotoCoreError) as error:
            raise _translate(error) from error
        document = document_from_blocks(blocks, source.media_type)
        document.warnings.extend(_partial_success_warnings(first))
        if not document.text.strip():
            raise EmptyDocumentError("Textract found no text in the document")
        return document

    def _client(self) -> ClientCreatorContext[TextractClient]:
        s = self._settings
        secret = s.aws_secret_access_key.get_secret_value() if s.aws_secret_access_key else None
        return self._session.client(
            "textract",
            region_name=s.aws_default_region,
            endpoint_url=s.aws_endpoint_url_textract,
            aws_access_key_id=s.aws_access_key_id,
            aws_secret_access_key=secret,
            config=self._config,
        )

    async def _start(self, client: TextractClient, source: SourceFile) -> str:
        response = await client.start_document_analysis(
            DocumentLocation={"S3Object": {"Bucket": source.bucket, "Name": source.key}},
            FeatureTypes=["LAYOUT"],
        )
        log.info("textract job started", extra={"textract_job_id": response["JobId"]})
        return response["JobId"]

    async def _wait_until_done(
        self, client: TextractClient, job_id: str
    ) -> GetDocumentAnalysisResponseTypeDef:
        """The first results page of the finished job; IN_PROGRESS polls back off up to the maximum."""
        delay = self._first_poll_seconds
        polls = 1
        response = await client.get_document_analysis(JobId=job_id, MaxResults=MAX_RESULTS)
        while response["JobStatus"] == "IN_PROGRESS":
            await asyncio.sleep(delay)
            delay = min(delay * 2, self._max_poll_seconds)
            polls += 1
            response = await client.get_document_analysis(JobId=job_id, MaxResults=MAX_RESULTS)
        status = response["JobStatus"]
        log.info("textract job finished", extra={"textract_job_id": job_id, "status": status, "polls": polls})
        if status == "FAILED":
            message = response.get("StatusMessage") or "no status message"
            raise TextractJobFailedError(
                f"Textract could not analyse the document: {message[:STATUS_MESSAGE_LIMIT]}",
                metadata={"textract_status_message": message[:STATUS_MESSAGE_LIMIT]},
            )
        if status not in ("SUCCEEDED", "PARTIAL_SUCCESS"):
            raise TransientError(f"unexpected Textract job status {status}", reason="TEXTRACT_ERROR")
        return response

    async def _all_blocks(
        self, client: TextractClient, job_id: str, first: GetDocumentAnalysisResponseTypeDef
    ) -> list[BlockTypeDef]:
        pages = first.get("DocumentMetadata", {}).get("Pages", 0)
        if pages > self._settings.max_pages:
            raise DocumentLimitError(
                f"the document has {pages} pages, more than the limit of {self._settings.max_pages}"
            )
        blocks = list(first.get("Blocks", []))
        token = first.get("NextToken")
        while token:
            response = await client.get_document_analysis(
                JobId=job_id, MaxResults=MAX_RESULTS, NextToken=token
            )
            blocks.extend(response.get("Blocks", []))
            token = response.get("NextToken")
        return blocks


def _partial_success_warnings(response: GetDocumentAnalysisResponseTypeDef) -> list[str]:
    if response["JobStatus"] != "PARTIAL_SUCCESS":
        return []
    missing = sorted({page for warning in response.get("Warnings", []) for page in warning.get("Pages", [])})
    pages = ", ".join(str(page) for page in missing) or "unknown"
    return [f"textract analysed the document only in part; pages not analysed: {pages}"]


def _translate(error: ClientError | BotoCoreError) -> ResumeParserError:
    if not isinstance(error, ClientError):
        return TransientError(
            f"Textract is unreachable ({type(error).__name__})", reason="TEXTRACT_UNAVAILABLE"
        )
    code = str(error.response.get("Error", {}).get("Code", ""))
    status = int(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0))
    if code in _THROTTLING:
        return TransientError(f"Textract is throttling requests ({code})", reason="TEXTRACT_THROTTLED")
    if status >= 500:
        return TransientError(f"Textract is unavailable ({code or status})", reason="TEXTRACT_UNAVAILABLE")
    if code in _PERMANENT:
        error_class, reason = _PERMANENT[code]
        return error_class(f"Textract rejected the request ({code})", reason=reason)
    return TransientError(f"Textract request failed ({code or status})", reason="TEXTRACT_ERROR")

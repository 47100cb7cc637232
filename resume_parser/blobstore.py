"""S3 storage of the uploaded files, under content-addressed keys (aioboto3)."""

from __future__ import annotations

import hashlib
from contextlib import AsyncExitStack
from typing import Any, Protocol

import aioboto3
from aiobotocore.config import AioConfig
from botocore.exceptions import BotoCoreError, ClientError

from resume_parser.errors import InvalidInputError, NotFoundError, TransientError
from resume_parser.settings import Settings

_TRANSIENT_CODES = {"SlowDown", "RequestTimeout", "InternalError", "ServiceUnavailable", "Throttling"}


def content_key(data: bytes) -> tuple[str, str]:
    """Return (sha256 hex, object key). Equal files share one object."""
    digest = hashlib.sha256(data).hexdigest()
    return digest, f"resumes/sha256/{digest[:2]}/{digest}"


def parse_s3_uri(uri: str) -> tuple[str, str]:
    if not uri.startswith("s3://"):
        raise InvalidInputError("s3_uri must look like s3://bucket/key", reason="INVALID_S3_URI")
    bucket, _, key = uri[len("s3://") :].partition("/")
    if not bucket or not key:
        raise InvalidInputError("s3_uri must look like s3://bucket/key", reason="INVALID_S3_URI")
    return bucket, key


def _translate(error: Exception, *, key: str) -> Exception:
    if isinstance(error, ClientError):
        code = str(error.response.get("Error", {}).get("Code", ""))
        status = int(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0))
        if code in {"NoSuchKey", "404", "NotFound"}:
            return NotFoundError("the S3 object does not exist", reason="S3_OBJECT_NOT_FOUND")
        if code in _TRANSIENT_CODES or status >= 500:
            return TransientError(f"S3 is unavailable ({code or status})", reason="S3_UNAVAILABLE")
        return TransientError(f"S3 request failed ({code})", reason="S3_ERROR")
    return TransientError(f"S3 request failed ({type(error).__name__})", reason="S3_UNAVAILABLE")


class BlobStore(Protocol):
    bucket: str

    async def put(self, key: str, data: bytes, content_type: str) -> None: ...
    async def get(self, bucket: str, key: str) -> bytes: ...
    async def size(self, bucket: str, key: str) -> int: ...
    async def delete(self, bucket: str, key: str) -> None: ...


class S3BlobStore:
    """One long-lived S3 client per process; botocore retries throttling and 5xx itself first."""

    def __init__(self, settings: Settings):
        self.bucket = settings.aws_s3_bucket_name
        self._settings = settings
        self._stack = AsyncExitStack()
        self._client: Any = None

    async def start(self) -> None:
        s = self._settings
        session = aioboto3.Session(
            aws_access_key_id=s.aws_access_key_id,
            aws_secret_access_key=s.aws_secret_access_key.get_secret_value()
            if s.aws_secret_access_key
            else None,
            region_name=s.aws_default_region,
        )
        config = AioConfig(
            retries={"mode": "standard", "max_attempts": 4},
            max_pool_connections=50,  # concurrent uploads and pipeline stages share one client
            connect_timeout=5,
            read_timeout=30,
        )
        self._client = await self._stack.enter_async_context(
            session.client("s3", endpoint_url=s.aws_endpoint_url_s3, config=config)
        )

    async def close(self) -> None:
        await self._stack.aclose()

    async def ensure_bucket(self) -> None:
        """Create the bucket if missing (local stack and tests; production buckets are provisioned)."""
        try:
            await self._client.head_bucket(Bucket=self.bucket)
        except ClientError:
            await self._client.create_bucket(Bucket=self.bucket)

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        try:
            await self._client.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=data,
                ContentType=content_type,
                ServerSideEncryption="AES256",
            )
        except (ClientError, BotoCoreError) as error:
            raise _translate(error, key=key) from error

    async def get(self, bucket: str, key: str) -> bytes:
        try:
            response = await self._client.get_object(Bucket=bucket, Key=key)
            data: bytes = await response["Body"].read()
        except (ClientError, BotoCoreError) as error:
            raise _translate(error, key=key) from error
        return data

    async def size(self, bucket: str, key: str) -> int:
        try:
            response = await self._client.head_object(Bucket=bucket, Key=key)
        except (ClientError, BotoCoreError) as error:
            raise _translate(error, key=key) from error
        return int(response["ContentLength"])

    async def delete(self, bucket: str, key: str) -> None:
        try:
            await self._client.delete_object(Bucket=bucket, Key=key)
        except (ClientError, BotoCoreError) as error:
            raise _translate(error, key=key) from error

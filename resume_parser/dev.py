"""`resume-parser dev`: the whole service on one machine, no outside services, no configuration."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

from pydantic import SecretStr

from resume_parser.blobstore import S3BlobStore
from resume_parser.grpc_api.server import serve
from resume_parser.localstack import LocalStack
from resume_parser.migrate import upgrade_head
from resume_parser.settings import Settings

BANNER = """
resume-parser dev is ready.

  gRPC       {host}:{port}   (health, reflection on)
  PostgreSQL {db_url}
  Redis      {redis_url}
  S3         {s3_url}  bucket {bucket}
  data       {data_dir}

Try it:
  grpcurl -plaintext {host}:{port} list
  pdf=$(base64 -w0 tests/fixtures/resume.pdf)
  grpcurl -plaintext -d "{{\\"content\\": \\"$pdf\\", \\"filename\\": \\"resume.pdf\\"}}" \\
      {host}:{port} ats.resume.v1.ResumeService/UploadResume
  grpcurl -plaintext -d '{{"resume_id": "<id>"}}' {host}:{port} ats.resume.v1.ResumeService/WatchResume

Ctrl+C stops everything.
"""


def _start_workers(env: dict[str, str], count: int) -> list[subprocess.Popen[bytes]]:
    return [
        subprocess.Popen([sys.executable, "-m", "resume_parser", "worker"], env={**os.environ, **env})
        for _ in range(count)
    ]


async def _ensure_bucket(settings: Settings) -> None:
    blobs = S3BlobStore(settings)
    await blobs.start()
    try:
        await blobs.ensure_bucket()
    finally:
        await blobs.close()


def run_dev(base: Settings, *, data_dir: Path | None, port: int, workers: int) -> int:
    stack = LocalStack(data_dir)
    endpoints = stack.start()
    processes: list[subprocess.Popen[bytes]] = []
    try:
        env = endpoints.environment()
        settings = base.model_copy(
            update={
                "db_url": endpoints.db_url,
                "redis_url": endpoints.redis_url,
                "aws_endpoint_url_s3": endpoints.s3_endpoint_url,
                "aws_access_key_id": env["AWS_ACCESS_KEY_ID"],
                "aws_secret_access_key": SecretStr(env["AWS_SECRET_ACCESS_KEY"]),
                "grpc_port": port,
            }
        )
        upgrade_head(endpoints.db_url)
        asyncio.run(_ensure_bucket(settings))
        processes = _start_workers(env, workers)

        def announce(bound_port: int) -> None:
            banner = BANNER.format(
                host=settings.grpc_host,
                port=bound_port,
                db_url=endpoints.db_url,
                redis_url=endpoints.redis_url,
                s3_url=endpoints.s3_endpoint_url,
                bucket=settings.aws_s3_bucket_name,
                data_dir=stack.data_dir,
            )
            print(banner, flush=True)

        asyncio.run(serve(settings, on_ready=announce))
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        stack.stop()
    return 0

"""One typed settings object, read from environment variables once and passed everywhere.

Names are the ones operators already use (DB_URL, REDIS_URL, AWS_*, GEMINI_API_KEY); the AWS
endpoint overrides are boto's own standard variables.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from resume_parser.errors import ConfigurationError

MIB = 1024 * 1024


class ExtractBackend(StrEnum):
    LOCAL = "local"
    TEXTRACT = "textract"


class NormalizeBackend(StrEnum):
    LOCAL = "local"
    GEMINI = "gemini"
    HYBRID = "hybrid"  # the local result is the model's draft


class EmbedBackend(StrEnum):
    LOCAL = "local"
    GEMINI = "gemini"


class LocalEmbedModel(StrEnum):
    USE_MULTILINGUAL = "use-multilingual-v3"  # 16 languages, 512 dimensions (the default)
    MINILM = "all-minilm-l6-v2"  # English, 384 dimensions (the local-embed extra)


class Settings(BaseSettings):
    # An empty variable counts as unset, so `GEMINI_API_KEY=` is a missing key, not an empty one.
    model_config = SettingsConfigDict(env_file=None, extra="ignore", frozen=True, env_ignore_empty=True)

    # Infrastructure. Required by `serve` and `worker`; `dev` fills them with embedded servers.
    db_url: str | None = Field(default=None, description="postgresql+asyncpg://user:pass@host/db")
    redis_url: str | None = Field(default=None, description="redis://host:6379/0")
    aws_access_key_id: str | None = None
    aws_secret_access_key: SecretStr | None = None
    aws_default_region: str = "us-east-1"
    aws_s3_bucket_name: str = "resumes"
    aws_endpoint_url_s3: str | None = None
    aws_endpoint_url_textract: str | None = None

    # Stage backends; local unless a cloud backend is chosen.
    extract_backend: ExtractBackend = ExtractBackend.LOCAL
    normalize_backend: NormalizeBackend = NormalizeBackend.LOCAL
    embed_backend: EmbedBackend = EmbedBackend.LOCAL
    local_embed_model: LocalEmbedModel = LocalEmbedModel.USE_MULTILINGUAL
    # Where the local embedding model's ONNX export is kept (made once per machine, on first start).
    embed_model_cache_dir: Path = Path.home() / ".cache" / "resume-parser"

    # Gemini (normalization and embeddings).
    gemini_api_key: SecretStr | None = None
    gemini_base_url: str | None = None  # tests point the real SDK at a local fake endpoint
    gemini_model: str = "gemini-2.5-flash"
    gemini_embedding_model: str = "gemini-embedding-001"
    gemini_embedding_dimension: int = 768
    gemini_timeout_seconds: float = 60.0
    # Hybrid mode asks Gemini only when a field of the local draft is less sure than this.
    hybrid_min_confidence: float = Field(default=0.9, ge=0.0, le=1.0)

    # gRPC server.
    grpc_host: str = "127.0.0.1"
    grpc_port: int = 50051
    max_upload_bytes: int = 10 * MIB
    # Bearer tokens of calling services, as hex SHA-256 digests (comma-separated); empty = no auth.
    # `resume-parser hash-token` prints the digest of a token.
    auth_token_sha256: str = ""
    # TLS: server certificate and key; with a client CA, clients must present a certificate (mTLS).
    tls_cert_file: str | None = None
    tls_key_file: str | None = None
    tls_client_ca_file: str | None = None

    # Pipeline.
    job_max_tries: int = 5
    retry_base_seconds: float = 1.0
    retry_max_seconds: float = 60.0
    job_timeout_seconds: float = 600.0
    stage_deadline_seconds: float = 300.0
    worker_max_jobs: int = 4
    # A worker is woken when a job is enqueued; it also polls the queue this often, for deferred
    # retries, jobs of a dead worker and any wake-up message that was lost.
    worker_poll_seconds: float = Field(default=0.2, gt=0)

    # Document limits: every input is bounded in time and memory.
    max_pages: int = 50
    max_image_pixels: int = 40_000_000
    max_decompressed_bytes: int = 100 * MIB
    # Local extraction runs in killable child processes with an address-space cap; OCR of a page
    # peaks at about 1.3 GiB of address space (onnxruntime's arenas), hence the default.
    extract_processes: int = Field(default=1, ge=1)
    extract_memory_limit_bytes: int = 2048 * MIB

    log_level: str = "INFO"

    # Operations. Prometheus /metrics per process (off unless a port is set; give each process its own).
    metrics_port: int | None = None
    metrics_host: str = "127.0.0.1"
    # OpenTelemetry traces: "none" (default), "console" or "otlp" (the last needs the package
    # opentelemetry-exporter-otlp-proto-grpc). The names are OpenTelemetry's standard variables.
    otel_traces_exporter: str = "none"
    otel_service_name: str = "resume-parser"
    otel_exporter_otlp_endpoint: str | None = None

    def require_infrastructure(self) -> None:
        """Fail fast, with the variable's name, when a server process lacks a required setting."""
        missing = [
            name for name, value in (("DB_URL", self.db_url), ("REDIS_URL", self.redis_url)) if not value
        ]
        if missing:
            raise ConfigurationError(
                f"missing required environment variable(s): {', '.join(missing)} "
                "(use `resume-parser dev` to run everything locally)"
            )
        uses_gemini = (
            self.normalize_backend != NormalizeBackend.LOCAL or self.embed_backend == EmbedBackend.GEMINI
        )
        if uses_gemini and self.gemini_api_key is None:
            raise ConfigurationError("GEMINI_API_KEY is required when a Gemini backend is chosen")
        if bool(self.tls_cert_file) != bool(self.tls_key_file):
            raise ConfigurationError("TLS_CERT_FILE and TLS_KEY_FILE must be set together")

    @property
    def token_digests(self) -> list[str]:
        return [d.strip().lower() for d in self.auth_token_sha256.split(",") if d.strip()]

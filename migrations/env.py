"""Alembic environment: runs migrations over the async engine. The URL comes from the caller
(resume_parser.migrate) through the Alembic config, never from a global."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from resume_parser.db.engine import create_engine
from resume_parser.db.tables import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "", pool_size=1)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run)
    finally:
        await engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run `resume-parser migrate`")
asyncio.run(_run_async())

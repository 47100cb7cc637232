"""The schema exists only through migrations: they must build it from an empty database and agree
with the table definitions the code uses."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, text

from resume_parser.db.engine import create_engine
from resume_parser.db.tables import Base
from resume_parser.localstack import LocalEndpoints, create_database
from resume_parser.migrate import upgrade_head_async


async def test_migrations_build_the_schema_the_models_describe(endpoints: LocalEndpoints) -> None:
    url = create_database(endpoints.db_url, "migration_check")
    await upgrade_head_async(url)
    engine = create_engine(url, pool_size=1)
    try:
        async with engine.connect() as connection:

            def diff(sync: Connection) -> list[object]:
                context = MigrationContext.configure(sync, opts={"compare_type": True})
                return list(compare_metadata(context, Base.metadata))

            assert await connection.run_sync(diff) == []
            extension = await connection.scalar(
                text("SELECT extname FROM pg_extension WHERE extname = 'vector'")
            )
            assert extension == "vector"
    finally:
        await engine.dispose()


async def test_upgrade_is_idempotent(postgres_url: str) -> None:
    await upgrade_head_async(postgres_url)  # already at head: a no-op, not an error

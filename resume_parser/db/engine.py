"""The async engine and session factory, built from DB_URL."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from resume_parser.errors import ConfigurationError


def async_url(db_url: str) -> str:
    """Accept the plain postgresql:// URLs operators already have and use the asyncpg driver."""
    for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
        if db_url.startswith(prefix):
            return "postgresql+asyncpg://" + db_url[len(prefix) :]
    raise ConfigurationError("DB_URL must be a postgresql:// URL")


def create_engine(db_url: str, *, pool_size: int = 10) -> AsyncEngine:
    return create_async_engine(
        async_url(db_url),
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,  # survive a PostgreSQL restart without failing the next request
    )


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)

"""Apply the Alembic migrations (`resume-parser migrate`): the only way the schema is created."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config

import resume_parser


def migrations_dir() -> Path:
    """The migrations/ folder: packaged inside the wheel, or at the repository root in a checkout."""
    packaged = Path(resume_parser.__file__).parent / "_migrations"
    return packaged if packaged.is_dir() else Path(resume_parser.__file__).parent.parent / "migrations"


def alembic_config(db_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", db_url.replace("%", "%%"))
    return config


def upgrade_head(db_url: str) -> None:
    command.upgrade(alembic_config(db_url), "head")


async def upgrade_head_async(db_url: str) -> None:
    """env.py runs its own event loop, so from async code the upgrade goes to a thread."""
    await asyncio.to_thread(upgrade_head, db_url)

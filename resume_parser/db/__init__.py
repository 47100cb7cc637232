"""Everything that touches PostgreSQL: the table definitions, the engine and the repository."""

"""The shared store: PostgreSQL through psycopg 3 (extra "postgres"), the same schema as SQLite.

Full-text search is a generated `search tsvector` column with a GIN index on articles, quotes and claims
(migration m002). psycopg is imported only when a postgresql:// URL is opened; without it, CT-E051 says
which extra to install.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimtrail.errors import BackendNotInstalled, StoreError
from claimtrail.store._base import SQLStore

__all__ = ["PostgresStore"]


def _pg(sql: str) -> str:
    return sql.replace("?", "%s")


class PostgresStore(SQLStore):
    dialect = "postgres"

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            import psycopg
        except ImportError as error:
            raise BackendNotInstalled(
                f"--db {_redacted(url)} needs psycopg 3, which is not installed"
            ) from error
        try:
            self._conn = psycopg.connect(url)
            self.migrate()
        except psycopg.Error as error:
            raise StoreError(f"cannot open the PostgreSQL store {_redacted(url)}: {error}") from error

    def execute_sql(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        cursor = self._conn.execute(_pg(sql), tuple(params))
        return list(cursor.fetchall()) if cursor.description else []

    def executemany_sql(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        with self._conn.cursor() as cursor:
            cursor.executemany(_pg(sql), rows)

    def commit(self) -> None:
        self._conn.commit()

    def rollback(self) -> None:
        self._conn.rollback()

    def close(self) -> None:
        self._conn.close()


def _redacted(url: str) -> str:
    """The URL without its password, for messages."""
    scheme, sep, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at or ":" not in credentials:
        return url
    return f"{scheme}{sep}{credentials.split(':', 1)[0]}:***@{host}"

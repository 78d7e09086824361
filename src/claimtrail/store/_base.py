"""What both backends share: writing batches of results, skipping finished inputs, counting rows.

A backend supplies `dialect`, `execute_sql` (with `?` placeholders), `executemany_sql` and `commit`; every
write goes through `write_batch`, one transaction per batch, from one writer (the ingest main process).
Writes are idempotent: ids are content hashes and every INSERT is `ON CONFLICT DO NOTHING`, so a batch
written twice (a rerun after a crash between the commit and the progress report) changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from claimtrail.models import ArticleRecord, Failure
from claimtrail.store._rows import Row, article_row, child_rows, failure_id, failure_row, outlet_id
from claimtrail.store.dedup import StoryIndex, carrier_outlet, credited_outlet
from claimtrail.store.migrations import MIGRATIONS_TABLE, apply_migrations
from claimtrail.store.schema import ADDED_COLUMNS, TABLES, TRAIL_TABLES, Dialect

__all__ = ["BatchResult", "Outcome", "SQLStore"]

_COLUMNS = {table.name: table.column_names for table in (*TABLES, *TRAIL_TABLES)}
_COLUMNS["quotes"] = (*_COLUMNS["quotes"], *ADDED_COLUMNS["quotes"])  # trails' added columns are the linker's
_CHILD_ORDER = ("actors", "mentions", "quotes", "claims", "stances", "timexes")
COUNTED_TABLES = (
    "articles",
    "stories",
    "outlets",
    "actors",
    "quotes",
    "claims",
    "stances",
    "failures",
    "trails",
    "store_actors",
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One input's result: `key` identifies the input (source + content hash), None when unreadable."""

    key: str | None
    source: str
    result: ArticleRecord | Failure


@dataclass(frozen=True, slots=True)
class BatchResult:
    new_articles: int = 0
    known_articles: int = 0
    failures: int = 0
    linked_copies: int = 0


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _insert_sql(table: str) -> str:
    columns = _COLUMNS[table]
    placeholders = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}) ON CONFLICT DO NOTHING"


class SQLStore:
    """The store over one DB-API connection; subclasses open it and say how to run SQL."""

    dialect: Dialect
    url: str

    def execute_sql(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def executemany_sql(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        raise NotImplementedError

    def rollback(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # --- set-up -------------------------------------------------------------------------------------

    def migrate(self) -> list[str]:
        applied = apply_migrations(self)
        self._story_index: StoryIndex | None = None
        return applied

    @property
    def _stories(self) -> StoryIndex:
        """The near-duplicate index of every stored body, loaded on the first write (readers never pay)."""
        if getattr(self, "_story_index", None) is None:
            index = StoryIndex()
            rows = self.execute_sql(
                "SELECT a.id, a.story_id, m.signature"
                " FROM articles a LEFT JOIN minhashes m ON m.article_id = a.id"
            )
            for article_id, story_id, packed in rows:
                index.add(article_id, story_id, bytes(packed) if packed is not None else None)
            self._story_index = index
        assert self._story_index is not None
        return self._story_index

    def schema_version(self) -> int:
        rows = self.execute_sql(f"SELECT max(version) FROM {MIGRATIONS_TABLE}")
        return int(rows[0][0] or 0)

    # --- reading --------------------------------------------------------------------------------------

    def known_inputs(self) -> set[str]:
        """Keys of inputs already stored (articles and failures): a rerun skips them."""
        return {row[0] for row in self.execute_sql("SELECT key FROM inputs")}

    def failed_inputs(self) -> set[str]:
        """Keys of stored inputs that failed: a rerun skips them too but still reports them."""
        return {row[0] for row in self.execute_sql("SELECT key FROM inputs WHERE failure_id IS NOT NULL")}

    def counts(self) -> dict[str, int]:
        return {t: int(self.execute_sql(f"SELECT count(*) FROM {t}")[0][0]) for t in COUNTED_TABLES}

    # --- writing --------------------------------------------------------------------------------------

    def write_batch(self, outcomes: Sequence[Outcome]) -> BatchResult:
        """Write every outcome in one transaction; nothing is written if any write fails."""
        now = _now()
        new = known = failed = linked = 0
        try:
            for outcome in outcomes:
                if isinstance(outcome.result, Failure):
                    failed += 1
                    self._write_failure(outcome, now)
                    continue
                added, copy = self._write_article(outcome.result, now)
                new, known, linked = new + added, known + (not added), linked + copy
                self._write_input(outcome, outcome.result.id, None, outcome.result.pipeline, now)
            self.commit()
        except BaseException:
            self.rollback()
            raise
        return BatchResult(new, known, failed, linked)

    def insert_rows(self, table: str, rows: Sequence[Row]) -> None:
        """INSERT ... ON CONFLICT DO NOTHING of rows (dicts with every column of `table`); no commit."""
        self._insert(table, rows)

    def _insert(self, table: str, rows: Sequence[Row]) -> None:
        if rows:
            columns = _COLUMNS[table]
            self.executemany_sql(_insert_sql(table), [tuple(row[c] for c in columns) for row in rows])

    def _write_failure(self, outcome: Outcome, now: str) -> None:
        assert isinstance(outcome.result, Failure)
        from claimtrail.pipeline import pipeline_version

        version = pipeline_version()
        self._insert("failures", [failure_row(outcome.result, time=now, pipeline=version)])
        self._write_input(outcome, None, failure_id(outcome.result), version, now)

    def _write_input(
        self, outcome: Outcome, article_id: str | None, failure: str | None, pipeline: str, now: str
    ) -> None:
        if outcome.key is None:
            return
        row = {
            "key": outcome.key,
            "source": outcome.source,
            "article_id": article_id,
            "failure_id": failure,
            "ingested_at": now,
            "pipeline": pipeline,
        }
        self._insert("inputs", [row])

    def _write_article(self, record: ArticleRecord, now: str) -> tuple[bool, bool]:
        """(the article was new, it joined an existing story as a copy)."""
        if self.execute_sql("SELECT 1 FROM articles WHERE id = ?", (record.id,)):
            return False, False
        row = article_row(record, ingested_at=now)
        carrier = carrier_outlet(record)
        credit = credited_outlet(record, carrier)
        for name in {carrier, credit} - {None}:
            assert name is not None
            self._insert("outlets", [{"id": outlet_id(name), "name": name}])
        placement = self._stories.place(record)
        if placement.new_story:
            story = {
                "id": placement.story_id,
                "original_outlet_id": outlet_id(credit) if credit else None,
                "first_article_id": record.id,
                "created_at": now,
            }
            self._insert("stories", [story])
        elif credit:
            self.execute_sql(
                "UPDATE stories SET original_outlet_id = ? WHERE id = ? AND original_outlet_id IS NULL",
                (outlet_id(credit), placement.story_id),
            )
        row.update(
            outlet_id=outlet_id(carrier) if carrier else None,
            story_id=placement.story_id,
            supersedes=self._previous_version(record),
        )
        self._insert("articles", [row])
        children = child_rows(record)
        for table in _CHILD_ORDER:
            self._insert(table, children[table])
        if placement.signature is not None:
            self._insert("minhashes", [{"article_id": record.id, "signature": placement.signature}])
        return True, not placement.new_story

    def _previous_version(self, record: ArticleRecord) -> str | None:
        """The latest stored article with the same URL: this one is its new version."""
        if not record.url:
            return None
        rows = self.execute_sql(
            "SELECT id FROM articles WHERE url = ? ORDER BY ingested_at DESC, id LIMIT 1", (record.url,)
        )
        return str(rows[0][0]) if rows else None

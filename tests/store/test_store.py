"""The store on both backends: schema version, idempotent writes, versions, stories, failures, search."""

from __future__ import annotations

from typing import Any

import pytest

from claimtrail.models import Dateline, Failure
from claimtrail.store import SCHEMA_VERSION, Outcome, SQLStore, open_store
from claimtrail.store.migrations import MIGRATIONS

from .conftest import WIRE_BODY

BODY_B = (
    "Flooding closed the main road into the city on Tuesday after two days of heavy rain, officials said,"
    " and schools in three districts stayed shut while crews cleared debris from bridges and culverts."
    " The regional council said repairs would take at least a week and asked drivers to use the ring road."
)


def _failure(source: str = "bad.html") -> Failure:
    return Failure(source=source, code="CT-E041", message=f"{source}: truncated gzip", hint="re-download it")


def test_migrations_are_numbered_in_order_and_recorded(store: SQLStore) -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert all(m.name.startswith(f"m{m.version:03d}_") for m in MIGRATIONS)
    assert store.schema_version() == SCHEMA_VERSION


def test_reopening_applies_nothing_twice(store_url: str) -> None:
    first = open_store(store_url)
    first.close()
    again = open_store(store_url)
    assert again.migrate() == []
    again.close()


def test_writing_the_same_batch_twice_changes_nothing(store: SQLStore, make_record: Any) -> None:
    batch = [Outcome("in-1", "a.jsonl:1", make_record()), Outcome("failure:x", "bad.html", _failure())]
    first = store.write_batch(batch)
    counts = store.counts()
    second = store.write_batch(batch)
    assert (first.new_articles, first.failures) == (1, 1)
    assert (second.new_articles, second.known_articles) == (0, 1)
    assert store.counts() == counts
    assert counts["articles"] == 1
    assert counts["failures"] == 1
    assert store.known_inputs() == {"in-1", "failure:x"}


def test_a_changed_article_is_a_new_version_linked_by_url(store: SQLStore, make_record: Any) -> None:
    old = make_record(id="ct-old0000000000000000")
    new = make_record(WIRE_CHANGED, id="ct-new0000000000000000")
    store.write_batch([Outcome("in-old", "a", old)])
    store.write_batch([Outcome("in-new", "a", new)])
    rows = store.execute_sql("SELECT id, supersedes FROM articles ORDER BY id")
    assert rows == [("ct-new0000000000000000", "ct-old0000000000000000"), ("ct-old0000000000000000", None)]


WIRE_CHANGED = (
    "UPDATED: The Russian Foreign Ministry said on Monday that reports of contractors were false."
    " A spokeswoman later added details."
)


def test_syndicated_copies_share_a_story_with_the_credited_original(
    store: SQLStore, make_record: Any
) -> None:
    dateline = Dateline(
        place="MOSCOW", outlets=("Pakistan Point News", "Sputnik"), date="2019-01-28", start=0, end=0
    )
    carried = make_record(
        WIRE_BODY + " Moscow has repeatedly denied it.",
        id="ct-ppn00000000000000000",
        url="https://www.urdupoint.com/en/world/x.html",
        outlet="Pakistan Point News",
        dateline=dateline,
    )
    original = make_record(id="ct-sputnik000000000000", url="https://sputniknews.com/x", outlet="Sputnik")
    other = make_record(BODY_B, id="ct-other00000000000000", url="https://example.com/flood")
    result = store.write_batch(
        [Outcome("1", "s", original), Outcome("2", "p", carried), Outcome("3", "o", other)]
    )
    assert result.linked_copies == 1
    stories = dict(store.execute_sql("SELECT id, story_id FROM articles"))
    assert stories["ct-ppn00000000000000000"] == stories["ct-sputnik000000000000"]
    assert stories["ct-other00000000000000"] != stories["ct-sputnik000000000000"]
    outlet = store.execute_sql(
        "SELECT o.name FROM stories s JOIN outlets o ON o.id = s.original_outlet_id WHERE s.id = ?",
        (stories["ct-ppn00000000000000000"],),
    )
    assert outlet == [("Sputnik",)]
    carrier = store.execute_sql("SELECT outlet_id FROM articles WHERE id = 'ct-ppn00000000000000000'")
    assert carrier == [("pakistan-point-news",)]


def test_stories_survive_reopening(store_url: str, make_record: Any) -> None:
    first = open_store(store_url)
    first.write_batch([Outcome("1", "s", make_record(id="ct-a0000000000000000000"))])
    first.close()
    again = open_store(store_url)
    result = again.write_batch([Outcome("2", "t", make_record(WIRE_COPY, id="ct-b0000000000000000000"))])
    again.close()
    assert result.linked_copies == 1


WIRE_COPY = (
    "MOSCOW, Jan 28 (Sputnik) - The Russian Foreign Ministry said on Monday that reports of private"
    " military contractors arriving in Venezuela to protect President Nicolas Maduro were false and"
    " amounted to another hoax spread by Western media. Ministry spokeswoman Maria Zakharova told"
    " reporters in Moscow that no such contractors had been sent and that the allegations were meant to"
    " justify outside interference in the affairs of a sovereign state. The Kremlin also refuted the"
    " claims earlier in the day."
)


def test_failures_keep_source_code_message_hint_and_time(store: SQLStore) -> None:
    store.write_batch([Outcome("failure:1", "bad.html", _failure())])
    rows = store.execute_sql("SELECT source, code, message, hint, time, pipeline FROM failures")
    assert len(rows) == 1
    source, code, message, hint, time, pipeline = rows[0]
    assert (source, code, hint) == ("bad.html", "CT-E041", "re-download it")
    assert "truncated" in message
    assert time[:2] == "20"
    assert pipeline.startswith("claimtrail ")


def test_a_failed_batch_writes_nothing(store: SQLStore, make_record: Any) -> None:
    bad = Outcome("2", "b", make_record(id="ct-b0000000000000000000"))
    object.__setattr__(bad, "result", None)  # not a record: writing it raises after the first row
    with pytest.raises(Exception):  # noqa: B017, PT011 - whatever the backend raises
        store.write_batch([Outcome("1", "a", make_record()), bad])
    assert store.counts()["articles"] == 0


def test_full_text_search_finds_articles_and_quotes(store: SQLStore, make_record: Any) -> None:
    store.write_batch([Outcome("1", "a", make_record())])
    if store.dialect == "sqlite":
        rows = store.execute_sql("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'hoax'")
    else:
        rows = store.execute_sql("SELECT id FROM articles WHERE search @@ to_tsquery('english', 'hoax')")
    assert len(rows) == 1

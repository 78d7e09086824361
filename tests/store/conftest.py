"""Store fixtures: every backend test runs on SQLite and, when CLAIMTRAIL_TEST_PG is set, PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimtrail.models import ArticleRecord, Dateline
from claimtrail.store import SQLStore, open_store

PG_URL = os.environ.get("CLAIMTRAIL_TEST_PG")


def _fresh_pg_schema() -> str:
    """A new PostgreSQL schema per test, so tests never see each other's rows."""
    import psycopg

    assert PG_URL is not None
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    separator = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{separator}options=-csearch_path%3D{name}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        if not PG_URL:
            pytest.skip("set CLAIMTRAIL_TEST_PG=postgresql://... to run the PostgreSQL store tests")
        return _fresh_pg_schema()
    return str(tmp_path / "store.db")


@pytest.fixture
def store(store_url: str) -> Iterator[SQLStore]:
    opened = open_store(store_url)
    yield opened
    opened.close()


WIRE_BODY = (
    "The Russian Foreign Ministry said on Monday that reports of private military contractors arriving in"
    " Venezuela to protect President Nicolas Maduro were false and amounted to another hoax spread by"
    " Western media. Ministry spokeswoman Maria Zakharova told reporters in Moscow that no such contractors"
    " had been sent and that the allegations were meant to justify outside interference in the affairs of"
    " a sovereign state. The Kremlin also refuted the claims earlier in the day."
)


def record(
    text: str = WIRE_BODY,
    *,
    id: str = "ct-00000000000000000001",
    url: str | None = "https://example.com/a",
    outlet: str | None = None,
    dateline: Dateline | None = None,
    headline: str | None = "Moscow denies contractors report",
) -> ArticleRecord:
    provenance = (("url", url),) if url else ()
    if outlet:
        provenance += (("outlet", outlet),)
    return ArticleRecord(
        id=id,
        source=f"test:{id}",
        source_format="jsonl",
        url=url,
        language="en",
        headline=headline,
        text=text,
        removed=(),
        source_spans=(),
        dateline=dateline,
        published="2019-01-28",
        published_from="input",
        actors=(),
        quotes=(),
        claims=(),
        timexes=(),
        pipeline="test-pipeline",
        provenance=provenance,
    )


@pytest.fixture
def make_record():  # type: ignore[no-untyped-def]
    return record

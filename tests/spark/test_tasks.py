"""The functions Spark tasks run, without Spark: file names, partition days, result rows."""

from __future__ import annotations

import pytest

from claimtrail.models import Failure
from claimtrail.spark._tasks import local_name, partition_date, result_row


@pytest.mark.parametrize(
    ("uri", "name"),
    [
        ("file:/data/crawl.warc.gz", "/data/crawl.warc.gz"),
        ("file:///data/a.jsonl", "/data/a.jsonl"),
        ("hdfs://nn:8020/cc/a.warc.gz", "hdfs://nn:8020/cc/a.warc.gz"),
        ("s3a://bucket/a.warc.gz", "s3a://bucket/a.warc.gz"),
    ],
)
def test_local_files_are_named_by_path(uri: str, name: str) -> None:
    assert local_name(uri) == name


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2019-01-28", "2019-01-28"),
        ("2019-01-28T10:00:00+03:00", "2019-01-28"),
        (None, "unknown"),
        ("", "unknown"),
        ("Monday", "unknown"),
    ],
)
def test_partition_date(published: str | None, day: str) -> None:
    assert partition_date(published) == day


def test_a_failure_row_has_no_record_and_no_day() -> None:
    failure = Failure(source="a.txt", code="CT-E002", message="empty", hint="remove it")
    assert result_row(failure) == (None, {"schema": "claimtrail.failure/1", **_plain(failure)}, None)


def _plain(failure: Failure) -> dict[str, str]:
    return {"source": failure.source, "code": failure.code, "message": failure.message, "hint": failure.hint}

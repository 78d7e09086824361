"""Starting Spark: pyspark is optional (extra "spark"), so every import of it goes through here."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from claimtrail.errors import SparkJobError, SparkNotInstalled

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["require_pyspark", "spark_session"]

# Folders are read recursively, as `claimtrail ingest` reads them.
_DEFAULT_CONF = {"spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive": "true"}


def require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as error:
        raise SparkNotInstalled("`claimtrail spark` needs pyspark, which is not installed") from error


def spark_session(master: str | None = None, conf: Mapping[str, str] | None = None) -> SparkSession:
    """The active session, or a new one (on `master` when given; spark-submit sets it otherwise)."""
    require_pyspark()
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    if master is None or master.startswith("local"):
        # local workers run this interpreter (with claimtrail and the model), not whatever `python3` is
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("claimtrail")
    if master is not None:
        builder = builder.master(master)
    for key, value in {**_DEFAULT_CONF, **(conf or {})}.items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as error:  # Java missing or too old, a bad master URL: py4j and Spark raise many kinds
        raise SparkJobError(f"Spark could not start: {type(error).__name__}: {error}") from error

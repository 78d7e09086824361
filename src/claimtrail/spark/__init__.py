"""Batch extraction on Apache Spark (extra "spark"): `run_extract`, and `claimtrail spark extract`.

Importing this package does not import pyspark; `spark_session()` does, and says which extra to install
(CT-E052) when it is missing. See docs/spark.md for the job's stages and for sizing a cluster.
"""

from claimtrail.spark._session import require_pyspark, spark_session
from claimtrail.spark.job import ExtractOptions, ExtractSummary, main, run_extract

__all__ = ["ExtractOptions", "ExtractSummary", "main", "require_pyspark", "run_extract", "spark_session"]

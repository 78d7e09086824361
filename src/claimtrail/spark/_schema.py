"""Spark types from the library's Arrow schemas, so Spark writes exactly `serialize_arrow`'s shape."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow as pa

from claimtrail.serialize_arrow import ARTICLE_ARROW_SCHEMA, FAILURE_ARROW_SCHEMA

if TYPE_CHECKING:
    from pyspark.sql.types import DataType, StructField, StructType

__all__ = ["result_schema", "schema_of", "spark_type"]


def spark_type(kind: pa.DataType) -> DataType:
    """The Spark SQL type of an Arrow type (the few kinds the record schema uses), nullability kept."""
    from pyspark.sql import types as T

    if pa.types.is_string(kind):
        return T.StringType()
    if pa.types.is_int64(kind):
        return T.LongType()
    if pa.types.is_float64(kind):
        return T.DoubleType()
    if pa.types.is_list(kind):
        return T.ArrayType(spark_type(kind.value_type), containsNull=kind.value_field.nullable)
    if pa.types.is_struct(kind):
        return T.StructType([_spark_field(kind.field(i)) for i in range(kind.num_fields)])
    raise TypeError(f"no Spark type for Arrow type {kind}")


def _spark_field(field: pa.Field) -> StructField:
    from pyspark.sql import types as T

    return T.StructField(field.name, spark_type(field.type), nullable=field.nullable)


def schema_of(arrow: pa.Schema) -> StructType:
    from pyspark.sql import types as T

    return T.StructType([_spark_field(field) for field in arrow])


def result_schema() -> StructType:
    """One row per input item: its record or its failure, and the day its record is filed under."""
    from pyspark.sql import types as T

    return T.StructType(
        [
            T.StructField("record", schema_of(ARTICLE_ARROW_SCHEMA), nullable=True),
            T.StructField("failure", schema_of(FAILURE_ARROW_SCHEMA), nullable=True),
            T.StructField("date", T.StringType(), nullable=True),
        ]
    )

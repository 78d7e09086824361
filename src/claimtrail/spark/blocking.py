"""Candidate pairs of claims for the trail linker: MinHash LSH over claim shingles, banded, on Spark.

The linker (`claimtrail.trails`) decides which claims are the same; blocking only keeps it from comparing
every claim with every other one. Decisions:

- a claim is its `normalized` statement (self-contained, pronouns resolved), lower-cased word 2-grams
  (a claim of one word is that word); claims with no word are left out;
- signatures: datasketch MinHash, `BANDS * ROWS` permutations, the scheme and seed of the store's
  near-duplicate index; two claims are candidates when all `ROWS` values of any band agree, which with
  20 bands of 3 catches a Jaccard of 0.5 with probability 0.93, 0.3 with 0.42, 0.2 with 0.15;
- a band bucket of more than `MAX_BUCKET` claims (one wire sentence in hundreds of copies) is linked as a
  chain to its first member, not as all pairs, so a hot bucket costs linear, not quadratic, work; the
  linker's clustering is transitive, so it still joins them;
- pairs inside one article are dropped (trails run across articles), and every pair is reported
  once, as (a, b) with a < b, with the Jaccard estimated from the two signatures;
- pairs estimated below `min_jaccard` are dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = [
    "BANDS",
    "BLOCK_COLUMNS",
    "MAX_BUCKET",
    "MIN_JACCARD",
    "ROWS",
    "candidate_pairs",
    "claim_shingles",
    "claim_signature",
    "estimated_jaccard",
    "write_candidate_pairs",
]

BANDS, ROWS = 20, 3
MIN_JACCARD = 0.3
MAX_BUCKET = 200
SHINGLE_WORDS = 2
SEED, SCHEME = 1, "affine32"  # as store/dedup.py
BLOCK_COLUMNS = ("article_id_a", "claim_id_a", "article_id_b", "claim_id_b", "jaccard_estimate")
_WORD = re.compile(r"\w+")


def claim_shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {w.encode() for w in words}
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def claim_signature(text: str) -> tuple[int, ...] | None:
    """The claim's MinHash values, or None for a claim without words."""
    from datasketch import MinHash

    shingles = claim_shingles(text)
    if not shingles:
        return None
    minhash = MinHash(num_perm=BANDS * ROWS, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(shingles))
    return tuple(int(v) for v in minhash.hashvalues)


def estimated_jaccard(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """The share of MinHash values two signatures agree on (what the Spark job computes in SQL)."""
    return sum(x == y for x, y in zip(first, second, strict=True)) / len(first)


def _signature_list(text: str | None) -> list[int] | None:
    signature = claim_signature(text or "")
    return list(signature) if signature is not None else None


def write_candidate_pairs(
    claims: DataFrame, path: str, *, min_jaccard: float = MIN_JACCARD, max_bucket: int = MAX_BUCKET
) -> int:
    """Write the candidate pairs (`BLOCK_COLUMNS`) of `claims` (article_id, claim_id, normalized) to `path`.

    Only the signatures are computed in Python, once (cached: every join below reads them); banding,
    bucketing and the joins run in Spark SQL. Returns the number of pairs written.
    """
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    signature = F.udf(_signature_list, T.ArrayType(T.LongType()))
    keyed = claims.select(
        F.struct("article_id", "claim_id").alias("key"), signature("normalized").alias("sig")
    )
    signed = keyed.persist()
    try:
        pairs = candidate_pairs(
            signed.where("sig IS NOT NULL"), min_jaccard=min_jaccard, max_bucket=max_bucket
        )
        pairs.write.mode("overwrite").parquet(path)
    finally:
        signed.unpersist()
    return int(claims.sparkSession.read.parquet(path).count())


def candidate_pairs(signed: DataFrame, *, min_jaccard: float, max_bucket: int) -> DataFrame:
    """The pairs of a DataFrame of (key: struct<article_id, claim_id>, sig: array<bigint>)."""
    from pyspark.sql import functions as F

    bands = f"transform(sequence(0, {BANDS - 1}), b -> slice(sig, b * {ROWS} + 1, {ROWS}))"
    buckets = signed.select("key", F.posexplode(F.expr(bands)).alias("band", "bucket"))
    pairs = _bucket_pairs(buckets, max_bucket).distinct()
    a, b = signed.alias("sa"), signed.alias("sb")
    agree = "aggregate(zip_with(sa.sig, sb.sig, (x, y) -> IF(x = y, 1, 0)), 0, (n, v) -> n + v)"
    return (
        pairs.join(a, F.col("a") == F.col("sa.key"))
        .join(b, F.col("b") == F.col("sb.key"))
        .select(
            F.col("a.article_id").alias(BLOCK_COLUMNS[0]),
            F.col("a.claim_id").alias(BLOCK_COLUMNS[1]),
            F.col("b.article_id").alias(BLOCK_COLUMNS[2]),
            F.col("b.claim_id").alias(BLOCK_COLUMNS[3]),
            (F.expr(agree) / F.size("sa.sig")).alias(BLOCK_COLUMNS[4]),
        )
        .where(F.col(BLOCK_COLUMNS[4]) >= min_jaccard)
    )


def _bucket_pairs(buckets: DataFrame, max_bucket: int) -> DataFrame:
    """(a, b) key pairs, a < b, from different articles: all pairs of a small bucket, a chain of a big one."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    bucket = Window.partitionBy("band", "bucket")
    sized = buckets.select(
        "key",
        "band",
        "bucket",
        F.count("*").over(bucket).alias("size"),
        F.min("key").over(bucket).alias("first"),
    )
    small = sized.where(F.col("size") <= max_bucket)
    x, y = small.alias("x"), small.alias("y")
    same_bucket = (F.col("x.band") == F.col("y.band")) & (F.col("x.bucket") == F.col("y.bucket"))
    all_pairs = x.join(y, same_bucket & (F.col("x.key") < F.col("y.key"))).select(
        F.col("x.key").alias("a"), F.col("y.key").alias("b")
    )
    chains = sized.where((F.col("size") > max_bucket) & (F.col("key") != F.col("first")))
    chained = chains.select(F.col("first").alias("a"), F.col("key").alias("b"))
    return all_pairs.unionByName(chained).where(F.col("a.article_id") != F.col("b.article_id"))

"""Throughput of `claimtrail spark extract` in local mode against `claimtrail ingest --workers W`.

Same input, same run: ScrapingHub pages (as in bench_ingest.py) cycled to N and written into one WARC.gz;
then, alternating, fresh processes of

    ingest   claimtrail ingest pages.warc.gz --db X --workers W          (WARC -> SQLite)
    spark    claimtrail spark extract pages.warc.gz --output D --master local[W] --partitions P
                                                                        (WARC -> Parquet)

Wall clock, everything counted (interpreter, JVM and model start-up). The Spark command also reports the
job's own time (session running, model loads per worker counted); from it comes the per-core throughput
used to size a cluster (docs/spark.md). Medians over --repeat runs of each.

Usage:  python benchmarks/bench_spark.py [--n 200] [--workers 2] [--repeat 2] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import load_pages, run_ingest, varied, write_warc  # a sibling script

_JOB_SECONDS = re.compile(r"wrote (\d+) articles .* in ([0-9.]+)s")


def run_spark(warc: Path, workers: int, partitions: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            sys.executable,
            "-m",
            "claimtrail",
            "spark",
            "extract",
            str(warc),
            "--output",
            str(Path(tmp) / "out"),
            "--master",
            f"local[{workers}]",
            "--partitions",
            str(partitions),
        ]
        env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
        wall = time.perf_counter() - start
    match = _JOB_SECONDS.search(done.stderr)
    if done.returncode not in (0, 1) or match is None:
        raise SystemExit(f"spark extract failed ({done.returncode}):\n{done.stderr[-3000:]}")
    articles, job_s = int(match.group(1)), float(match.group(2))
    return {"wall_s": wall, "job_s": job_s, "stored": articles}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    pages = varied(load_pages(), args.n)
    runs: dict[str, list[dict[str, float]]] = {"ingest": [], "spark": []}
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "pages.warc.gz"
        write_warc(warc, pages)
        for _ in range(args.repeat):
            runs["ingest"].append(run_ingest(warc, args.workers, args.n))
            runs["spark"].append(run_spark(warc, args.workers, args.partitions))
            last = {name: r[-1]["wall_s"] for name, r in runs.items()}
            print(f"ingest {last['ingest']:.1f}s, spark {last['spark']:.1f}s", flush=True)
    ingest_s = statistics.median(r["wall_s"] for r in runs["ingest"])
    spark_s = statistics.median(r["wall_s"] for r in runs["spark"])
    job_s = statistics.median(r["job_s"] for r in runs["spark"])
    result: dict[str, Any] = {
        "n": args.n,
        "workers": args.workers,
        "cpu_count": os.cpu_count(),
        "runs": runs,
        "ingest_articles_per_s": args.n / ingest_s,
        "spark_articles_per_s": args.n / spark_s,
        "ratio_spark_to_ingest": ingest_s / spark_s,
        "spark_job_articles_per_s": args.n / job_s,
        "spark_job_articles_per_core_s": args.n / job_s / args.workers,
    }
    print(
        f"N={args.n} pages, {args.workers} workers/cores:"
        f" ingest {result['ingest_articles_per_s']:.2f} art/s ({ingest_s:.1f}s);"
        f" spark local[{args.workers}] {result['spark_articles_per_s']:.2f} art/s ({spark_s:.1f}s);"
        f" ratio spark/ingest {result['ratio_spark_to_ingest']:.2f};"
        f" spark job alone {result['spark_job_articles_per_s']:.2f} art/s"
        f" = {result['spark_job_articles_per_core_s']:.2f} art/s per core"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

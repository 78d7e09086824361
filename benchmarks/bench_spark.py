"""Throughput of `claimtrail spark extract` in local mode against `claimtrail ingest --workers W`.

Same input, same run: ScrapingHub pages (as in bench_ingest.py) cycled to N and written into one WARC.gz;
then, alternating, fresh processes of

    ingest   claimtrail ingest pages.warc.gz --db X --workers W          (WARC -> SQLite)
    spark    claimtrail spark extract pages.warc.gz --output D --master local[W] --partitions P
                                                                        (WARC -> Parquet)

Wall clock, everything counted (interpreter, JVM and model start-up), and CPU time: user + system seconds
of the whole process tree (the Spark driver, its JVM and Python workers, or the ingest process and its
pool), sampled from /proc every 0.2 s (Linux; Spark does not reap its workers, so rusage misses them).
On a shared machine the wall clock depends on what else runs; articles per CPU-second does much less,
and is the per-core throughput used to size a cluster (docs/spark.md). The Spark command also reports
the job's own time (session running, model loads counted). Medians over --repeat runs of each.

With two or more --sizes, the CPU seconds of the extra articles of the largest run over the smallest give
the marginal cost per article, start-up excluded (what a long cluster job pays per article).

Usage:  python benchmarks/bench_spark.py [--sizes 50,300] [--workers 2] [--repeat 2] [--json out.json]
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
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import load_pages, run_ingest, varied, write_warc  # a sibling script

_JOB_SECONDS = re.compile(r"wrote (\d+) articles .* in ([0-9.]+)s")


class TreeCpu:
    """CPU seconds of every process descended from this one while it runs, sampled from /proc."""

    def __init__(self) -> None:
        self.seen: dict[int, float] = {}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> TreeCpu:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.done.set()
        self.thread.join()

    @property
    def seconds(self) -> float:
        return sum(self.seen.values())

    def _poll(self) -> None:
        while not self.done.wait(0.2):
            for pid, cpu in _descendants_cpu(os.getpid()).items():
                self.seen[pid] = max(cpu, self.seen.get(pid, 0.0))


def _descendants_cpu(root: int) -> dict[int, float]:
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended while we looked
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        cpu[pid] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    found, frontier = {}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in found:
                found[pid] = cpu[pid]
                frontier.append(pid)
    return found


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


def measure(pages: list[bytes], workers: int, partitions: int, repeat: int) -> dict[str, Any]:
    """Alternating runs of both commands on one WARC of `pages`; medians and rates."""
    n = len(pages)
    runs: dict[str, list[dict[str, float]]] = {"ingest": [], "spark": []}
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "pages.warc.gz"
        write_warc(warc, pages)
        for _ in range(repeat):
            with TreeCpu() as cpu_ingest:
                runs["ingest"].append(run_ingest(warc, workers, n))
            runs["ingest"][-1]["cpu_s"] = cpu_ingest.seconds
            with TreeCpu() as cpu_spark:
                runs["spark"].append(run_spark(warc, workers, partitions))
            runs["spark"][-1]["cpu_s"] = cpu_spark.seconds
    wall = {name: statistics.median(r["wall_s"] for r in found) for name, found in runs.items()}
    cpu = {name: statistics.median(r["cpu_s"] for r in found) for name, found in runs.items()}
    job_s = statistics.median(r["job_s"] for r in runs["spark"])
    return {
        "n": n,
        "runs": runs,
        "wall_s": wall,
        "cpu_s": cpu,
        "ingest_articles_per_s": n / wall["ingest"],
        "spark_articles_per_s": n / wall["spark"],
        "ratio_spark_to_ingest": wall["ingest"] / wall["spark"],
        "spark_job_articles_per_s": n / job_s,
        "ingest_articles_per_cpu_s": n / cpu["ingest"],
        "spark_articles_per_cpu_s": n / cpu["spark"],
        "cpu_ratio_spark_to_ingest": cpu["ingest"] / cpu["spark"],
    }


def report(found: dict[str, Any], workers: int) -> str:
    wall, cpu = found["wall_s"], found["cpu_s"]
    return (
        f"N={found['n']}, {workers} workers: ingest {found['ingest_articles_per_s']:.2f} art/s"
        f" ({wall['ingest']:.1f}s), spark local[{workers}] {found['spark_articles_per_s']:.2f} art/s"
        f" ({wall['spark']:.1f}s; job alone {found['spark_job_articles_per_s']:.2f} art/s),"
        f" ratio spark/ingest {found['ratio_spark_to_ingest']:.2f};"
        f" CPU: ingest {cpu['ingest']:.0f} s ({found['ingest_articles_per_cpu_s']:.2f} art per CPU-s),"
        f" spark {cpu['spark']:.0f} s ({found['spark_articles_per_cpu_s']:.2f} art per CPU-s),"
        f" ratio {found['cpu_ratio_spark_to_ingest']:.2f}"
    )


def marginal(small: dict[str, Any], large: dict[str, Any]) -> dict[str, float]:
    """Articles per CPU-second of the extra articles of the larger run: the start-up costs cancel out."""
    extra = large["n"] - small["n"]
    return {name: extra / (large["cpu_s"][name] - small["cpu_s"][name]) for name in ("ingest", "spark")}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="50,300", help="comma-separated N; two or more give marginal cost")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    all_pages = load_pages()
    results: dict[str, Any] = {"workers": args.workers, "cpu_count": os.cpu_count(), "sizes": {}}
    sizes = sorted(int(n) for n in args.sizes.split(","))
    for n in sizes:
        found = measure(varied(all_pages, n), args.workers, args.partitions, args.repeat)
        results["sizes"][n] = found
        print(report(found, args.workers), flush=True)
    if len(sizes) > 1:
        rates = marginal(results["sizes"][sizes[0]], results["sizes"][sizes[-1]])
        results["marginal_articles_per_cpu_s"] = rates
        print(
            f"marginal (N={sizes[0]} -> {sizes[-1]}): ingest {rates['ingest']:.2f},"
            f" spark {rates['spark']:.2f} articles per CPU-second (= per core at full use)"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

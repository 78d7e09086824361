"""Throughput of `claimtrail ingest` (WARC -> SQLite) against its ceiling, the time split and peak memory.

Pages: the ScrapingHub article-extraction benchmark (../shared/data/html/scrapinghub-.../html/*.html.gz),
cycled to N pages; every copy after the first gets a numbered sentence inside its main text (`varied`),
so (almost) no two articles are identical (no dedup shortcut). They are written into one WARC.gz with
warcio's writer.

In the same run, for each size N:

    ceiling   trafilatura alone (extract the main text of every page) + the bare spaCy pipeline alone
              (`nlp.pipe` over those texts), one process, model load not counted;
    ingest    a fresh `claimtrail ingest pages.warc.gz --db X --workers W` process, wall clock, all counted;
    ratio     ingest articles/s / ceiling articles/s (goal >= 0.7);
    split     in-process, one worker: WARC reading, HTML extraction (claimtrail.ingest.html), NLP (bare
              nlp.pipe), our stages (process_many minus the bare NLP), writing (store.write_batch);
    memory    peak RSS of the ingest main process, of its largest worker, and of all of them together, read
              from /proc every 0.5 s (VmHWM per process, the largest sum of VmRSS for the total), and the
              total's peak in each quarter of the run, so growth with the input shows. Not `ru_maxrss` of
              the children: a child forked from this script keeps this script's own peak (spaCy,
              trafilatura and every page of the ceiling run) in its `ru_maxrss` across `exec`, which is
              what the 3-4.5 GB of the first measurements were. Linux only.

Usage:  python benchmarks/bench_ingest.py [--sizes 1000,10000] [--workers 2] [--split-n 300] [--json out.json]
        python benchmarks/bench_ingest.py --sizes 200,1000 --no-ceiling --split-n 0   # ingest and memory only
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from io import BytesIO
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO.parent / "shared" / "data" / "html" / "scrapinghub-article-extraction-benchmark" / "html"
GOAL_RATIO = 0.7


def load_pages() -> list[bytes]:
    return [gzip.decompress(p.read_bytes()) for p in sorted(PAGES.glob("*.html.gz"))]


_PARAGRAPH = re.compile(rb"<p[\s>].*?</p>", re.IGNORECASE | re.DOTALL)


def varied(pages: list[bytes], n: int) -> list[bytes]:
    """N pages; each copy after the first gets a numbered sentence inside its longest paragraph (the main
    text, which the HTML extraction keeps) and before the end of its article or body, so that (almost)
    every copy is a distinct article for the store; the run prints how many were stored as new."""
    out = []
    for i in range(n):
        page = pages[i % len(pages)]
        if i >= len(pages):
            marker = f" Update {i}: this copy was republished as number {i} of the benchmark.".encode()
            longest = max(_PARAGRAPH.finditer(page), key=lambda m: m.end() - m.start(), default=None)
            if longest is not None:
                at = longest.end() - len(b"</p>")
                page = page[:at] + marker + page[at:]
            # pages whose text is not in <p> elements: a closing paragraph in the article or body too
            for closing in (b"</article>", b"</body>"):
                if (at := page.rfind(closing)) >= 0:
                    page = page[:at] + b"<p>" + marker + b"</p>" + page[at:]
                    break
        out.append(page)
    return out


def write_warc(path: Path, pages: list[bytes]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for i, page in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            uri = f"https://bench.example/{i}"
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=BytesIO(page), http_headers=headers)
            )


def ceiling(pages: list[bytes]) -> dict[str, float]:
    import trafilatura

    from claimtrail.nlp.load import load_nlp

    nlp = load_nlp()
    start = time.perf_counter()
    texts = [trafilatura.extract(p.decode("utf-8", "replace")) or "" for p in pages]
    extract_s = time.perf_counter() - start
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    nlp_s = time.perf_counter() - start
    return {"extract_s": extract_s, "nlp_s": nlp_s, "articles_per_s": len(pages) / (extract_s + nlp_s)}


def run_ingest(warc: Path, workers: int, n: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        cmd = [
            sys.executable,
            "-m",
            "claimtrail",
            "ingest",
            str(warc),
            "--db",
            str(db),
            "--workers",
            str(workers),
            "--no-link",  # the ceiling is reading + NLP; trail linking is measured by bench_trails.py
        ]
        start = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with MemorySampler(child.pid) as memory:
            _, stderr = child.communicate()
        wall = time.perf_counter() - start
        if child.returncode not in (0, 1):
            raise SystemExit(f"ingest failed ({child.returncode}):\n{stderr[-2000:]}")
        import sqlite3

        stored = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
        failures = sqlite3.connect(db).execute("SELECT count(*) FROM failures").fetchone()[0]
    return {
        "wall_s": wall,
        "articles_per_s": n / wall,
        "stored": stored,
        "failures": failures,
        **memory.report(),
    }


class MemorySampler:
    """Peak memory of a process and of its descendants (its NLP workers), read from /proc every `every` s.

    Per process, the peak is its VmHWM (the kernel's high-water mark, so a peak between two samples is
    not missed while the process lives); the total is the largest sum of VmRSS over one sample.
    """

    def __init__(self, pid: int, every: float = 0.5) -> None:
        self.pid, self.every = pid, every
        self.peaks: dict[int, int] = {}
        self.totals: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            self.sample()
            if self._stop.wait(self.every):
                return

    def sample(self) -> None:
        total = 0
        for pid in (self.pid, *_descendants(self.pid)):
            status = _vm_status(pid)
            if status:
                self.peaks[pid] = max(self.peaks.get(pid, 0), status.get("VmHWM", 0))
                total += status.get("VmRSS", 0)
        if total:
            self.totals.append(total)

    def report(self) -> dict[str, Any]:
        workers = [kb for pid, kb in self.peaks.items() if pid != self.pid]
        totals = self.totals or [0]
        cut = [q * len(totals) // 4 for q in range(5)]
        quarters = [max(totals[cut[q] : max(cut[q + 1], cut[q] + 1)]) for q in range(4)]
        return {
            "peak_rss_mb_main": self.peaks.get(self.pid, 0) / 1024,
            "peak_rss_mb_largest_worker": max(workers, default=0) / 1024,
            "peak_rss_mb_total": max(totals) / 1024,
            "rss_mb_total_by_quarter": [kb / 1024 for kb in quarters],
        }


def _descendants(pid: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                # the command name (field 2) may hold spaces and parentheses: the ppid follows the last ")"
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def _vm_status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of `pid` in kB; empty when the process is gone."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    return {
        key: int(value.split()[0])
        for key, _, value in (line.partition(":") for line in lines)
        if key in ("VmRSS", "VmHWM")
    }


def split(warc: Path, n: int) -> dict[str, float]:
    """The time of each stage, in one process, on the first `n` records of the WARC."""
    from itertools import islice

    from warcio.archiveiterator import ArchiveIterator

    from claimtrail.ingest.html import html_to_raw_article
    from claimtrail.ingest.warc import iter_warc_articles
    from claimtrail.models import RawArticle
    from claimtrail.nlp.load import load_nlp
    from claimtrail.pipeline import process_many
    from claimtrail.store import Outcome, open_store

    nlp = load_nlp()
    start = time.perf_counter()
    with warc.open("rb") as stream:
        payloads = [
            r.content_stream().read() for r in islice(ArchiveIterator(stream), n) if r.rec_type == "response"
        ]
    warc_s = time.perf_counter() - start
    start = time.perf_counter()
    for i, payload in enumerate(payloads):
        html_to_raw_article(payload, source=str(i))
    html_s = time.perf_counter() - start
    raws = [r for r in islice(iter_warc_articles(str(warc)), n) if isinstance(r, RawArticle)]
    start = time.perf_counter()
    for _ in nlp.pipe(r.text for r in raws):
        pass
    nlp_s = time.perf_counter() - start
    start = time.perf_counter()
    results = list(process_many(raws))
    pipeline_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "split.db")
        start = time.perf_counter()
        for i in range(0, len(results), 32):
            store.write_batch(
                [Outcome(f"k{i + j}", str(i + j), r) for j, r in enumerate(results[i : i + 32])]
            )
        write_s = time.perf_counter() - start
        store.close()
    total = warc_s + html_s + pipeline_s + write_s
    return {
        "n": len(payloads),
        "warc_read_s": warc_s,
        "html_extract_s": html_s,
        "nlp_s": nlp_s,
        "our_stages_s": max(pipeline_s - nlp_s, 0.0),
        "write_s": write_s,
        "total_s": total,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--split-n", type=int, default=300, help="0: no time split")
    parser.add_argument("--no-ceiling", action="store_true", help="ingest and memory only (no ratio)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    pages = load_pages()
    print(f"{len(pages)} ScrapingHub pages; cpu count {os.cpu_count()}; workers {args.workers}")
    results: dict[str, Any] = {"sizes": {}}
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            warc = Path(tmp) / f"pages-{n}.warc.gz"
            results["sizes"][n] = measure(pages, n, warc, args.workers, ceiling_too=not args.no_ceiling)
            if n == min(sizes) and args.split_n > 0:
                parts = split(warc, min(args.split_n, n))
                results["split"] = parts
                shares = ", ".join(
                    f"{k[:-2]} {v:.1f}s ({100 * v / parts['total_s']:.0f}%)"
                    for k, v in parts.items()
                    if k.endswith("_s") and k != "total_s"
                )
                print(f"split on {parts['n']} pages, one process: {shares}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


def measure(pages: list[bytes], n: int, warc: Path, workers: int, *, ceiling_too: bool) -> dict[str, Any]:
    """One size: the WARC of `n` pages, the ceiling (unless not wanted), the ingest; printed and returned."""
    batch = varied(pages, n)
    write_warc(warc, batch)
    top = ceiling(batch) if ceiling_too else None
    del batch
    got = run_ingest(warc, workers, n)
    line = f"N={n}:"
    if top is not None:
        line += (
            f" ceiling {top['articles_per_s']:.1f} art/s (trafilatura {top['extract_s']:.1f}s +"
            f" spaCy {top['nlp_s']:.1f}s);"
        )
    line += (
        f" ingest --workers {workers} {got['articles_per_s']:.1f} art/s"
        f" ({got['wall_s']:.1f}s, {got['stored']} stored, {got['failures']} failures);"
    )
    found: dict[str, Any] = {"ceiling": top, "ingest": got}
    if top is not None:
        found["ratio"] = got["articles_per_s"] / top["articles_per_s"]
        line += f" ratio {found['ratio']:.2f} (goal >= {GOAL_RATIO});"
    quarters = " / ".join(f"{mb:.0f}" for mb in got["rss_mb_total_by_quarter"])
    print(
        f"{line} peak RSS: main {got['peak_rss_mb_main']:.0f} MB, largest worker"
        f" {got['peak_rss_mb_largest_worker']:.0f} MB, all {got['peak_rss_mb_total']:.0f} MB"
        f" (all, peak in each quarter of the run: {quarters} MB)"
    )
    return found


if __name__ == "__main__":
    main()

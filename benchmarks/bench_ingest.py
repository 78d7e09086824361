"""Throughput of `claimtrail ingest` (WARC -> SQLite) against its ceiling, the time split and peak memory.

Pages: the ScrapingHub article-extraction benchmark (../shared/data/html/scrapinghub-.../html/*.html.gz),
cycled to N pages; every copy after the first gets a numbered sentence in its first paragraph, so no two
articles are identical (no dedup shortcut). They are written into one WARC.gz with warcio's writer.

In the same run, for each size N:

    ceiling   trafilatura alone (extract the main text of every page) + the bare spaCy pipeline alone
              (`nlp.pipe` over those texts), one process, model load not counted;
    ingest    a fresh `claimtrail ingest pages.warc.gz --db X --workers W` process, wall clock, all counted;
    ratio     ingest articles/s / ceiling articles/s (goal >= 0.7);
    split     in-process, one worker: WARC reading, HTML extraction (claimtrail.ingest.html), NLP (bare
              nlp.pipe), our stages (process_many minus the bare NLP), writing (store.write_batch);
    memory    peak RSS of the ingest process and of its largest worker (ru_maxrss).

Usage:  python benchmarks/bench_ingest.py [--sizes 1000,10000] [--workers 2] [--split-n 300] [--json out.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
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


def run_ingest(warc: Path, workers: int, n: int) -> dict[str, float]:
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
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
        child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if done.returncode not in (0, 1):
            raise SystemExit(f"ingest failed ({done.returncode}):\n{done.stderr[-2000:]}")
        import sqlite3

        stored = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
        failures = sqlite3.connect(db).execute("SELECT count(*) FROM failures").fetchone()[0]
    return {
        "wall_s": wall,
        "articles_per_s": n / wall,
        "stored": stored,
        "failures": failures,
        "peak_rss_mb_largest_process": max(before, child_peak) / 1024,
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
    parser.add_argument("--split-n", type=int, default=300)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    pages = load_pages()
    print(f"{len(pages)} ScrapingHub pages; cpu count {os.cpu_count()}; workers {args.workers}")
    results: dict[str, Any] = {"sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            batch = varied(pages, n)
            warc = Path(tmp) / f"pages-{n}.warc.gz"
            write_warc(warc, batch)
            top = ceiling(batch)
            got = run_ingest(warc, args.workers, n)
            ratio = got["articles_per_s"] / top["articles_per_s"]
            results["sizes"][n] = {"ceiling": top, "ingest": got, "ratio": ratio}
            print(
                f"N={n}: ceiling {top['articles_per_s']:.1f} art/s (trafilatura {top['extract_s']:.1f}s +"
                f" spaCy {top['nlp_s']:.1f}s);"
                f" ingest --workers {args.workers} {got['articles_per_s']:.1f} art/s"
                f" ({got['wall_s']:.1f}s, {got['stored']} stored, {got['failures']} failures);"
                f" ratio {ratio:.2f} (goal >= {GOAL_RATIO});"
                f" peak RSS {got['peak_rss_mb_largest_process']:.0f} MB"
            )
            if n == min(int(s) for s in args.sizes.split(",")):
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


if __name__ == "__main__":
    main()

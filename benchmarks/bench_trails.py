"""What linking claims into trails costs, next to the ingest it follows, in one process and one run.

    (a) ingest:  `ingest(..., )` of the sample corpus (cycled to `--n` articles, each copy given a numbered
                 closing paragraph) into a fresh SQLite store, without linking;
    (b) link:    `build_trails` over the same store (store actors, claim embeddings with the numpy
                 all-MiniLM-L6-v2, average-link linking, writes).

Reported: articles/s of (a), claims/s of (b), embeddings/s of the encoder alone, and the ratio
a / (a + b) of wall time: the share of ingest throughput kept once trails are built (1.0 = linking is free).

Usage:  python benchmarks/bench_trails.py [--n 100] [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from claimtrail.ingest.run import ingest
from claimtrail.store import open_store
from claimtrail.trails.build import build_trails
from claimtrail.trails.minilm import load_minilm

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"


def _corpus_copy(n: int, folder: Path) -> int:
    files = sorted(CORPUS.glob("*.txt"))
    for i in range(n):
        source = files[i % len(files)]
        text = source.read_text(encoding="utf-8")
        if i >= len(files):
            text += f"\n\nThis is copy {i // len(files)} of the story, for the benchmark.\n"
        (folder / f"{i:05d}_{source.name}").write_text(text, encoding="utf-8")
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--json", dest="json_path", type=Path)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-trails-"))
    try:
        texts = scratch / "texts"
        texts.mkdir()
        n = _corpus_copy(args.n, texts)
        store = open_store(scratch / "bench.db")
        start = time.perf_counter()
        ingest([str(texts)], store)
        ingest_s = time.perf_counter() - start
        load_minilm()  # loading the weights once is start-up, not linking
        start = time.perf_counter()
        report = build_trails(store)
        link_s = time.perf_counter() - start
        statements = [str(r[0]) for r in store.execute_sql("SELECT normalized FROM claims")]
        store.close()
        start = time.perf_counter()
        load_minilm().embed(statements)
        embed_s = time.perf_counter() - start
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    result = {
        "articles": n,
        "claims": report.claims_linked,
        "trails": report.trails_total,
        "ingest_articles_per_s": round(n / ingest_s, 2),
        "link_claims_per_s": round(report.claims_linked / link_s, 1),
        "embed_claims_per_s": round(len(statements) / embed_s, 1),
        "ingest_share_kept": round(ingest_s / (ingest_s + link_s), 3),
    }
    print(json.dumps(result, indent=2))
    if args.json_path:
        args.json_path.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()

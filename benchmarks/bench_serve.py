"""Load test of `claimtrail serve` on loopback: C concurrent clients for S seconds on the trail page.

Starts the real server (`python -m claimtrail serve`, a separate process: uvicorn, the read-only pool, the
templates, everything) over a store, finds trail ids through `/claims.json` (the most active first, then
the most recent, so big and small trails are both hit), then runs C clients in one asyncio loop, each
requesting `/trails/{id}` (HTML) in a loop over those ids for S seconds. Reports requests/s, latency
percentiles and errors (any non-200 or transport error). Goal: p99 < 100 ms, zero errors.

The clients share the machine with the server (2 cores here), so the figures include the load generator's
own CPU use: a lower bound on what the server alone would do.

Usage:
  python benchmarks/bench_serve.py                              # builds a 10k-article synthetic store first
  python benchmarks/bench_serve.py --db store.db --clients 20 --duration 20 [--path json] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
GOAL_P99_MS = 100.0


@dataclass
class LoadResult:
    clients: int
    duration_s: float
    requests: int
    errors: int
    requests_per_s: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    trails: int
    first_errors: list[str]
    load_average: float  # 1-minute load average at the end: other work on the machine skews the figures


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: str, port: int, *, cache: bool = True, workers: int = 1) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("CLAIMTRAIL_WRITE_TOKEN", None)  # the load test runs the read-only server
    command = [sys.executable, "-m", "claimtrail", "serve", "--db", db, "--port", str(port)]
    command += [] if cache else ["--cache-pages", "0"]
    command += ["--workers", str(workers)] if workers > 1 else []
    # stderr to a file, not a pipe: nobody drains a pipe during the run, and a full one would stall the server
    with tempfile.TemporaryFile() as log:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)


def wait_until_up(base: str, server: subprocess.Popen[bytes], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with {server.returncode} (run it by hand to see why)")
        try:
            if httpx.get(f"{base}/openapi.json", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError("the server did not come up")


def trail_ids(base: str, want: int = 200) -> list[str]:
    ids: list[str] = []
    for sort in ("activity", "recent"):
        for offset in range(0, want // 2, 100):
            page = httpx.get(
                f"{base}/claims.json", params={"sort": sort, "limit": 100, "offset": offset}, timeout=30
            )
            page.raise_for_status()
            ids.extend(row["id"] for row in page.json()["claims"])
    return list(dict.fromkeys(ids))


class _Connection:
    """One keep-alive HTTP/1.1 connection: a GET, then the status line, headers and Content-Length body.

    Deliberately minimal (no TLS, no chunked bodies: the server sends Content-Length), so the load
    generator costs little CPU next to the server it measures on the same machine.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: text/html\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
        length = int(next((v for k, v in headers.items() if k.lower() == "content-length"), "0"))
        await self.reader.readexactly(length)
        if next((v for k, v in headers.items() if k.lower() == "connection"), "") == "close":
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = self.reader = None


async def _client(
    host: str, port: int, paths: list[str], start: int, stop_at: float, out: dict[str, Any]
) -> None:
    connection = _Connection(host, port)
    n = start
    while time.monotonic() < stop_at:
        path = paths[n % len(paths)]
        n += 1
        began = time.perf_counter()
        try:
            status = await asyncio.wait_for(connection.get(path), timeout=10.0)
            problem = None if status == 200 else f"{status} {path}"
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            problem = f"{type(error).__name__} {path}"
            await connection.close()
        out["latencies"].append(time.perf_counter() - began)
        if problem:
            out["errors"].append(problem)
    await connection.close()


async def run_load(base: str, paths: list[str], clients: int, duration_s: float) -> LoadResult:
    out: dict[str, Any] = {"latencies": [], "errors": []}
    host, port = base.removeprefix("http://").split(":")
    began = time.monotonic()
    stop_at = began + duration_s
    step = max(len(paths) // clients, 1)
    await asyncio.gather(*(_client(host, int(port), paths, i * step, stop_at, out) for i in range(clients)))
    took = time.monotonic() - began
    latencies = sorted(out["latencies"]) or [0.0]
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    return LoadResult(
        clients=clients,
        duration_s=round(took, 2),
        requests=len(out["latencies"]),
        errors=len(out["errors"]),
        requests_per_s=round(len(out["latencies"]) / took, 1),
        p50_ms=round(cuts[49] * 1000, 1),
        p90_ms=round(cuts[89] * 1000, 1),
        p99_ms=round(cuts[98] * 1000, 1),
        max_ms=round(latencies[-1] * 1000, 1),
        trails=len(paths),
        first_errors=out["errors"][:5],
        load_average=round(os.getloadavg()[0], 2),
    )


def bench(
    db: str, *, clients: int, duration_s: float, as_json: bool = False, cache: bool = True, workers: int = 1
) -> LoadResult:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db, port, cache=cache, workers=workers)
    try:
        wait_until_up(base, server)
        ids = trail_ids(base)
        if not ids:
            raise RuntimeError(f"no trails in {db}: build them first")
        suffix = ".json" if as_json else ""
        paths = [f"/trails/{trail}{suffix}" for trail in ids]
        for path in paths[: clients * 2]:  # open the pool's connections, warm SQLite's page cache
            httpx.get(base + path, timeout=30)
        return asyncio.run(run_load(base, paths, clients, duration_s))
    finally:
        server.terminate()
        server.wait(timeout=20)


def synthetic_store(folder: str, articles: int) -> str:
    db = str(Path(folder) / "synthetic.db")
    subprocess.run(
        [sys.executable, str(HERE / "make_synthetic_store.py"), "--db", db, "--articles", str(articles)],
        check=True,
    )
    return db


def summary_line(result: LoadResult, path: str, *, cache: bool = True, workers: int = 1) -> str:
    route = "/trails/{id}" + (".json" if path == "json" else "") + ("" if cache else " (page cache off)")
    route += f" ({workers} server processes)" if workers > 1 else ""
    return (
        f"{result.clients} clients x {result.duration_s}s on {route} ({result.trails} trails):"
        f" {result.requests} requests, {result.requests_per_s}/s, {result.errors} errors;"
        f" latency p50 {result.p50_ms} ms, p90 {result.p90_ms} ms, p99 {result.p99_ms} ms,"
        f" max {result.max_ms} ms (goal p99 < {GOAL_P99_MS:.0f} ms); load average {result.load_average}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="store to serve (default: a fresh synthetic store of --articles)")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--path", choices=("html", "json"), default="html", help="the trail page or its twin")
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes (claimtrail serve --workers)"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="serve with --cache-pages 0: every page rendered"
    )
    parser.add_argument("--json", dest="json_out", help="also write the figures here ('-' for stdout)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or synthetic_store(folder, args.articles)
        result = bench(
            db,
            clients=args.clients,
            duration_s=args.duration,
            as_json=args.path == "json",
            cache=not args.no_cache,
            workers=args.workers,
        )
    print(summary_line(result, args.path, cache=not args.no_cache, workers=args.workers))
    if args.json_out:
        text = json.dumps(asdict(result), indent=2)
        print(text) if args.json_out == "-" else Path(args.json_out).write_text(text + "\n")
    return 1 if result.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())

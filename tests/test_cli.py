"""`claimtrail extract` through click's CliRunner: records on stdout, one coded line per bad input on stderr.

Exit codes: 0 when every input was processed, 1 when some failed (the others still printed).
No output, on any path, may contain a Python traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from claimtrail.cli import main

ARTICLE = (
    "Harbour Authority Denies Dredging Delay\n\n"
    "The harbour authority on Tuesday denied reports that dredging of the main channel had been delayed "
    "until next year. Port director Anna Keller told reporters the work was on schedule.\n\n"
    '"The dredgers will be in the water by June," Keller said. Local fishermen questioned whether '
    "the budget would stretch that far."
)
SECOND = (
    "The city council said on Monday that the new library would open in the spring. "
    "Opposition councillors disputed the timetable and said the building was not finished."
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _extract(runner: CliRunner, *args: str, stdin: str | bytes | None = None) -> Result:
    result = runner.invoke(main, ["extract", *args], input=stdin)
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream
    # the only exception allowed out of the command is the SystemExit carrying the exit code
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _records(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error ")]


@pytest.mark.model
def test_extract_prints_one_json_line(runner: CliRunner, article: Path) -> None:
    result = _extract(runner, str(article))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["schema"] == "claimtrail.article/1"
    assert record["source"] == {"path": str(article), "url": None, "format": "text"}
    assert record["headline"] == "Harbour Authority Denies Dredging Delay"
    assert result.stderr == ""


@pytest.mark.model
def test_pretty_is_indented_json(runner: CliRunner, article: Path) -> None:
    result = _extract(runner, "--pretty", str(article))
    assert result.exit_code == 0
    assert result.stdout.startswith("{\n  ")
    assert json.loads(result.stdout)["schema"] == "claimtrail.article/1"


@pytest.mark.model
def test_missing_path_fails_but_good_path_is_printed(
    runner: CliRunner, article: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere.txt"
    result = _extract(runner, str(missing), str(article))
    assert result.exit_code == 1
    assert [r["source"]["path"] for r in _records(result)] == [str(article)]
    errors = _error_lines(result)
    assert len(errors) == 1
    assert "CT-E001" in errors[0]
    assert str(missing) in errors[0]
    assert "hint:" in errors[0]


@pytest.mark.model  # process_many loads the pipeline before it reads any input
def test_empty_file_is_ct_e002(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    result = _extract(runner, str(empty))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "CT-E002" in result.stderr


@pytest.mark.model  # process_many loads the pipeline before it reads any input
def test_binary_file_is_ct_e003(runner: CliRunner, tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    result = _extract(runner, str(binary))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "CT-E003" in result.stderr


@pytest.mark.model
def test_jsonl_bad_line_keeps_good_lines(runner: CliRunner, tmp_path: Path) -> None:
    jsonl = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": ARTICLE, "url": "https://example.org/harbour"}),
        '{"text": "unterminated',
        json.dumps({"text": SECOND, "published": "2024-03-04"}),
    ]
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _extract(runner, str(jsonl))
    assert result.exit_code == 1
    records = _records(result)
    assert [r["source"]["path"] for r in records] == [f"{jsonl}:1", f"{jsonl}:3"]
    assert [r["source"]["format"] for r in records] == ["jsonl", "jsonl"]
    assert records[0]["source"]["url"] == "https://example.org/harbour"
    assert records[1]["published"] == "2024-03-04"
    errors = _error_lines(result)
    assert len(errors) == 1
    assert "CT-E004" in errors[0]
    assert f"{jsonl}:2" in errors[0]


@pytest.mark.model
def test_summary_is_readable_text(runner: CliRunner, article: Path) -> None:
    result = _extract(runner, "--summary", str(article))
    assert result.exit_code == 0
    assert result.stdout.startswith("== Harbour Authority Denies Dredging Delay")
    assert str(article) in result.stdout
    assert "CLAIM" in result.stdout
    assert "Anna Keller" in result.stdout
    assert not result.stdout.lstrip().startswith("{"), "summary output must not be JSON"


@pytest.mark.model
def test_stdin_dash(runner: CliRunner) -> None:
    result = _extract(runner, "-", stdin=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    records = _records(result)
    assert len(records) == 1
    assert records[0]["source"]["path"] == "<stdin>"
    assert records[0]["schema"] == "claimtrail.article/1"


@pytest.mark.model
def test_stdin_jsonl(runner: CliRunner) -> None:
    stdin = json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"text": SECOND}) + "\n"
    result = _extract(runner, "-", stdin=stdin)
    assert result.exit_code == 0, result.stderr
    assert [r["source"]["path"] for r in _records(result)] == ["<stdin>:1", "<stdin>:2"]


@pytest.mark.model
def test_failures_and_records_keep_input_order(runner: CliRunner, article: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = _extract(runner, str(empty), str(article), str(tmp_path / "gone.txt"))
    assert result.exit_code == 1
    assert len(_records(result)) == 1
    codes = [line.split()[1] for line in _error_lines(result)]
    assert codes == ["CT-E002", "CT-E001"]


def test_no_paths_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_missing_model_is_a_setup_error(runner: CliRunner, article: Path) -> None:
    result = _extract(runner, "--model", "no_such_spacy_pipeline_xyz", str(article))
    assert result.exit_code == 3
    assert "CT-E010" in result.stderr
    assert result.stdout == ""

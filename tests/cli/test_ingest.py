"""`claimtrail ingest` end to end (model tests): reruns, crashes, bad input, concurrent readers, workers."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrail.cli import main

pytestmark = [
    pytest.mark.model,
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

PLACES = ["Leeds", "Bristol", "Cardiff", "Glasgow", "Belfast", "York", "Derby", "Exeter", "Bath", "Hull"]
TOPICS = ["bus fares", "library hours", "bin collections", "parking fees", "school meals", "road repairs"]


def _article(n: int) -> dict[str, str]:
    place, topic = PLACES[n % len(PLACES)], TOPICS[n % len(TOPICS)]
    text = (
        f"The council in {place} voted on Tuesday to change {topic} for the {n}th time this decade,"
        f' officials said. Councillor Sam Lee{n} said the plan number {n} was fair. "We listened to'
        f' residents," Lee{n} told reporters. Opposition members denied that residents had been consulted.'
    )
    return {"text": text, "url": f"https://news.example/{n}", "published": "2024-03-05"}


def _jsonl(path: Path, count: int) -> Path:
    path.write_text("".join(json.dumps(_article(n)) + "\n" for n in range(count)), encoding="utf-8")
    return path


def _count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def _ingest_process(args: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.Popen(
        [sys.executable, "-m", "claimtrail", "ingest", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )


def test_ingest_jsonl_then_rerun_skips_finished_work(tmp_path: Path) -> None:
    source, db = _jsonl(tmp_path / "a.jsonl", 12), tmp_path / "store.db"
    first = CliRunner().invoke(main, ["ingest", str(source), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "12 new articles" in first.stderr
    assert "articles/s" in first.stderr
    second = CliRunner().invoke(main, ["ingest", str(source), "--db", str(db)])
    assert second.exit_code == 0
    assert "0 new articles" in second.stderr
    assert "12 inputs done in an earlier run" in second.stderr
    assert _count(db, "SELECT count(*) FROM articles") == 12
    record = json.loads(sqlite3.connect(db).execute("SELECT record FROM articles LIMIT 1").fetchone()[0])
    assert record["provenance"] == [] or all(len(pair) == 2 for pair in record["provenance"])


def test_sigkill_part_way_then_rerun_stores_every_article_exactly_once(tmp_path: Path) -> None:
    """Commit per batch + input keys: a killed run loses at most its batch in flight, and a rerun finishes."""
    total = 300
    source, db = _jsonl(tmp_path / "big.jsonl", total), tmp_path / "store.db"
    process = _ingest_process([str(source), "--db", str(db), "--batch-size", "10"])
    deadline = time.monotonic() + 240
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = _count(db, "SELECT count(*) FROM articles")
            except sqlite3.OperationalError:  # tables not created yet
                continue
            if stored >= 40:
                break
    assert process.poll() is None, "the ingest finished before it could be killed; make the input larger"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < _count(db, "SELECT count(*) FROM articles") < total

    done_before = _count(db, "SELECT count(*) FROM inputs")
    rerun = CliRunner().invoke(main, ["ingest", str(source), "--db", str(db)])
    assert rerun.exit_code == 0, rerun.stderr
    assert f"{done_before} inputs done in an earlier run" in rerun.stderr
    assert _count(db, "SELECT count(*) FROM articles") == total
    assert _count(db, "SELECT count(DISTINCT url) FROM articles") == total
    assert _count(db, "SELECT count(*) FROM inputs") == total
    assert _count(db, "SELECT count(*) FROM failures") == 0


def test_readers_keep_reading_while_an_ingest_writes(tmp_path: Path) -> None:
    """WAL: a second connection reads growing counts during the write, never 'database is locked'."""
    total = 120
    source, db = _jsonl(tmp_path / "big.jsonl", total), tmp_path / "store.db"
    process = _ingest_process([str(source), "--db", str(db), "--batch-size", "8"])
    seen: list[int] = []
    while process.poll() is None:
        time.sleep(0.05)
        if not db.exists():
            continue
        try:
            seen.append(_count(db, "SELECT count(*) FROM articles"))
        except sqlite3.OperationalError as error:
            if "locked" in str(error):
                raise
    assert process.wait() == 0, process.stderr.read() if process.stderr else ""
    assert seen == sorted(seen), "counts went backwards"
    assert any(0 < n < total for n in seen), "never observed the store mid-ingest"
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_workers_give_the_same_records_as_one_process(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "a.jsonl", 20)
    ids = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        result = CliRunner().invoke(main, ["ingest", str(source), "--db", str(db), "--workers", str(workers)])
        assert result.exit_code == 0, result.stderr
        ids[workers] = sorted(r[0] for r in sqlite3.connect(db).execute("SELECT id FROM articles"))
    assert ids[1] == ids[2]
    assert len(ids[1]) == 20


def _corrupt_warc(path: Path) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (
        "<html><head><title>Bridge closes</title></head><body><article><p>"
        + " ".join(_article(7)["text"] for _ in range(2))
        + "</p></article></body></html>"
    ).encode()
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n in range(3):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://warc.example/{n}",
                "response",
                payload=BytesIO(html.replace(b"7th", f"{n}x".encode())),
                http_headers=headers,
            )
            writer.write_record(record)
    data = bytearray(path.read_bytes())
    starts = [i for i in range(len(data)) if data[i : i + 3] == b"\x1f\x8b\x08"]
    middle = (starts[1] + starts[2]) // 2
    data[middle : middle + 40] = b"\x00" * 40
    path.write_bytes(bytes(data))


def test_bad_input_corpus_lands_in_the_failures_table(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = _article(1)["text"]
    (corpus / "good.txt").write_text(f"Council changes fares\n\n{good}\n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "truncated.html.gz").write_bytes(gzip.compress(f"<html><p>{good}</p></html>".encode())[:-25])
    (corpus / "broken.html").write_text(f"<html><body><div><p>{good}<p><b>unclosed <i>tags", encoding="utf-8")
    (corpus / "huge.html").write_bytes(b"<html><body>" + b"<p>filler text here</p>" * 1_400_000)
    wrong = f'<html><head><meta charset="utf-8"></head><body><article><p>{good} Café crème.</p></article>'
    (corpus / "wrong-charset.html").write_bytes(wrong.encode("cp1252"))
    french = (
        "Le conseil municipal a voté mardi pour fermer le vieux pont après que des ingénieurs ont trouvé des"
        " fissures dans deux de ses piliers. La maire a déclaré que la fermeture était inévitable et que les"
        " travaux commenceraient au printemps, selon les responsables de la ville."
    )
    (corpus / "french.txt").write_text(f"Le pont ferme\n\n{french}\n", encoding="utf-8")
    _corrupt_warc(corpus / "crawl.warc.gz")
    db = tmp_path / "store.db"

    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 1, result.stderr
    rows = sqlite3.connect(db).execute("SELECT source, code, message, hint FROM failures").fetchall()
    codes = {Path(source.split("@")[0]).name: code for source, code, _, _ in rows}
    assert codes["binary.txt"] == "CT-E003"
    assert codes["empty.txt"] == "CT-E002"
    assert codes["truncated.html.gz"] == "CT-E041"
    assert codes["huge.html"] == "CT-E042"
    assert codes["french.txt"] == "CT-E005"
    assert codes["crawl.warc.gz"] == "CT-E041"
    assert all(message and hint for _, _, message, hint in rows)
    stored = dict(sqlite3.connect(db).execute("SELECT source, warnings FROM articles").fetchall())
    names = {Path(source.split("@")[0]).name for source in stored}
    assert {"good.txt", "wrong-charset.html", "crawl.warc.gz"} <= names
    wrong_warnings = next(w for s, w in stored.items() if s.endswith("wrong-charset.html"))
    assert "CT-W001" in wrong_warnings
    # the same failures again on a rerun: stable ids, nothing duplicated
    again = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db)])
    assert again.exit_code == 1
    assert len(sqlite3.connect(db).execute("SELECT id FROM failures").fetchall()) == len(rows)


def test_unknown_postgres_driver_or_bad_db_is_a_setup_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["ingest", str(tmp_path), "--db", str(tmp_path / "no" / "dir" / "x.db")]
    )
    assert result.exit_code == 3
    assert "CT-E050" in result.stderr

"""Reading a file from memory (a cluster task's bytes) gives what reading it from its path gives."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from claimtrail.ingest.sources import ReadStats, iter_bytes_articles, iter_bytes_units, iter_source_articles
from claimtrail.ingest.warc import WarcPage
from claimtrail.models import Failure, RawArticle
from warcgen import BROKEN_URI, article_html, case_texts, write_case_warc

pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

TEXT = case_texts(1)[0]
JSONL = "".join(
    json.dumps(line) + "\n"
    for line in [{"text": TEXT, "url": "https://x.example/1"}, {"headline": "no text"}, {"text": "  "}]
)
RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>Bridge closes</title>'
    b"<link>https://w.example/1</link><description>The city council voted on Tuesday to close the bridge"
    b" after engineers found cracks in two of its supports, officials said.</description></item>"
    b"</channel></rss>"
)

INPUTS: dict[str, bytes] = {
    "article.txt": TEXT.encode(),
    "lines.jsonl": JSONL.encode(),
    "lines.jsonl.gz": gzip.compress(JSONL.encode()),
    "page.html": article_html(TEXT),
    "page.html.gz": gzip.compress(article_html(TEXT)),
    "wire.rss": RSS,
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02 not text",
    "cp1252.txt": "Caf\xe9 owners said on Monday the new rules were unfair to small shops.".encode("cp1252"),
    "truncated.html.gz": gzip.compress(article_html(TEXT))[:-30],
}


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_bytes_and_path_readers_agree(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(INPUTS[name])
    assert list(iter_bytes_articles(INPUTS[name], str(path))) == list(iter_source_articles([str(path)]))


def test_warc_from_memory_agrees_and_its_pages_are_unparsed(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    uris = write_case_warc(path, case_texts(3))
    data = path.read_bytes()
    from_path = list(iter_source_articles([str(path)]))
    assert list(iter_bytes_articles(data, str(path))) == from_path
    units = list(iter_bytes_units(data, str(path)))
    assert [u.uri for u in units if isinstance(u, WarcPage)] == uris
    (failure,) = [u for u in units if isinstance(u, Failure)]
    assert failure.code == "CT-E041"
    assert [a.url for a in from_path if isinstance(a, RawArticle)] == uris
    assert BROKEN_URI not in {a.url for a in from_path if isinstance(a, RawArticle)}


def test_a_file_of_no_known_kind_counts_only_inside_a_folder() -> None:
    stats = ReadStats()
    logo = b"\x89PNG\r\n\x1a\n"
    assert list(iter_bytes_units(logo, "site/logo.png", stats=stats, explicit=False)) == []
    assert stats.skipped == {"not an article file": 1}
    (given,) = iter_bytes_units(logo, "logo.png")
    assert isinstance(given, Failure)

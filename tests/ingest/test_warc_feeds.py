"""WARC (built here with warcio's writer) and RSS/Atom reading, and format detection."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest

from claimtrail.ingest.feeds import iter_feed_articles
from claimtrail.ingest.sources import ReadStats, detect_format, iter_source_articles
from claimtrail.ingest.warc import iter_warc_articles
from claimtrail.models import Failure, RawArticle

# warcio's writer spools digests into temporary files it never closes (test-side only)
pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

PARAGRAPHS = (
    "The city council voted on Tuesday to close the old bridge after engineers found cracks in two of its"
    " supports, a decision that will add twenty minutes to many commutes.",
    'Mayor Ana Ruiz said the closure was unavoidable. "We cannot take risks with people\'s lives," she told'
    " reporters after the vote, adding that repairs would start in the spring.",
    "Local businesses near the bridge said they feared losing customers during the months of work and asked"
    " the council for help with parking and signs pointing drivers to the new route.",
)


def page(title: str = "Council closes old bridge", charset: str | None = "utf-8", extra: str = "") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}{extra}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title>"
        '<meta property="article:published_time" content="2024-03-05T09:30:00+01:00"></head>'
        f"<body><nav>Home | News</nav><article><h1>{title}</h1>{body}</article><footer>© 2024</footer>"
        "</body></html>"
    )


def write_warc(path: Path, responses: list[tuple[str, str, str, bytes]], *, gz: bool = True) -> None:
    """responses: (uri, status line, content type, payload)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gz)
        for uri, status, content_type, payload in responses:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=BytesIO(payload),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-03-06T12:00:00Z"},
            )
            writer.write_record(record)
        request = writer.create_warc_record(
            "https://example.com/req", "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)


def _ok(uri: str, text: str | None = None, charset: str = "utf-8") -> tuple[str, str, str, bytes]:
    return uri, "200 OK", f"text/html; charset={charset}", (text or page()).encode(charset)


def test_warc_reads_html_200_responses_and_counts_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path,
        [
            _ok("https://news.example/a"),
            ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG...."),
            ("https://news.example/gone", "404 Not Found", "text/html", b"<html>not here</html>"),
            _ok("https://news.example/b", page("Second page")),
        ],
    )
    stats = ReadStats()
    items = list(iter_warc_articles(str(path), stats))
    assert [type(i) for i in items] == [RawArticle, RawArticle]
    first = items[0]
    assert isinstance(first, RawArticle)
    assert first.source_format == "warc"
    assert first.url == "https://news.example/a"
    assert first.source.startswith(f"{path}@")
    keys = dict(first.provenance)
    assert keys["warc_target_uri"] == "https://news.example/a"
    assert keys["warc_date"] == "2024-03-06T12:00:00Z"
    assert keys["warc_record_id"].startswith("<urn:uuid:")
    assert "cracks in two of its supports" in first.text
    assert stats.skipped == {"not HTML": 1, "HTTP status 404": 1}


def test_the_page_date_beats_the_capture_date(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, [_ok("https://news.example/a")], gz=False)
    (item,) = list(iter_warc_articles(str(path)))
    assert isinstance(item, RawArticle)
    if item.published_from == "page":
        assert item.published is not None
        assert item.published.startswith("2024-03-05")
    else:  # the extractor found no page date: the capture date is the fallback
        assert (item.published, item.published_from) == ("2024-03-06T12:00:00+00:00", "warc")


def test_charset_comes_from_the_http_header(tmp_path: Path) -> None:
    path = tmp_path / "latin.warc.gz"
    text = page(extra=" Café déjà vu.", charset=None)
    write_warc(path, [_ok("https://news.example/fr", text, charset="iso-8859-1")])
    (item,) = list(iter_warc_articles(str(path)))
    assert isinstance(item, RawArticle)
    assert "Café déjà vu" in item.text


@pytest.mark.parametrize("gz", [True, False])
def test_a_corrupt_record_is_one_failure_and_reading_goes_on(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, [_ok(f"https://news.example/{n}") for n in range(3)], gz=gz)
    data = bytearray(path.read_bytes())
    if gz:  # garble the middle of the second gzip member
        starts = [i for i in range(len(data)) if data[i : i + 3] == b"\x1f\x8b\x08"]
        middle = (starts[1] + starts[2]) // 2
        data[middle : middle + 40] = b"\x00" * 40
    else:  # break the second record's WARC header
        second = data.find(b"WARC/1.", 10)
        data[second : second + 8] = b"GARBAGE!"
    path.write_bytes(bytes(data))
    items = list(iter_warc_articles(str(path)))
    failures = [i for i in items if isinstance(i, Failure)]
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert len(failures) == 1
    assert failures[0].code == "CT-E041"
    assert [a.url for a in articles] == ["https://news.example/0", "https://news.example/2"]


RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Council closes old bridge</title><link>https://wire.example/bridge</link>
<guid>urn:wire:1</guid><pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate>
<description>&lt;p&gt;The city council voted on Tuesday to close the old bridge.&lt;/p&gt;
&lt;p&gt;Mayor Ana Ruiz said
the closure was unavoidable.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://wire.example/empty</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Storm closes schools</title><id>tag:atom.example,2024:1</id>
<link href="https://atom.example/storm"/><updated>2024-03-06T08:00:00Z</updated>
<content type="html">&lt;p&gt;Schools in three districts stayed shut on Wednesday.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries_keep_id_link_and_date() -> None:
    first, second = list(iter_feed_articles(RSS, "wire.rss"))
    assert isinstance(first, RawArticle)
    assert first.headline == "Council closes old bridge"
    assert first.text.startswith("The city council voted")
    assert "\n\nMayor Ana Ruiz said the closure" in first.text
    assert (first.published, first.published_from) == ("2024-03-05T09:30:00+01:00", "feed")
    assert ("feed_entry_id", "urn:wire:1") in first.provenance
    assert first.outlet == "Example Wire"
    assert first.source == "wire.rss#1"
    assert isinstance(second, Failure)
    assert second.code == "CT-E002"


def test_atom_content_and_updated_date() -> None:
    (entry,) = list(iter_feed_articles(ATOM, "atom.xml"))
    assert isinstance(entry, RawArticle)
    assert entry.url == "https://atom.example/storm"
    assert entry.published == "2024-03-06T08:00:00+00:00"
    assert ("feed_entry_id", "tag:atom.example,2024:1") in entry.provenance


def test_unreadable_feed_is_a_failure() -> None:
    (item,) = list(iter_feed_articles(b"<rss><channel><item><title>x", "broken.rss"))
    assert isinstance(item, Failure)


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("x.bin", b"WARC/1.1\r\nWARC-Type: warcinfo", "warc"),
        ("x.warc.gz", gzip.compress(b"WARC/1.0\r\n"), "warc"),
        ("x", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        ("x.xml", b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("page", b"<!DOCTYPE html><html>", "html"),
        ("x.txt", b'{"text": "a"}\n', "jsonl"),
        ("story.txt", b"Headline\n\nBody text.", "text"),
        ("photo.png", b"\x89PNG\r\n", None),
        ("page.html.gz", gzip.compress(b"<html><body>x</body></html>"), "html"),
    ],
)
def test_format_detection(name: str, head: bytes, expected: str | None) -> None:
    assert detect_format(name, head) == expected


def test_folders_mix_formats_and_skip_unknown_files(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "wire.rss").write_bytes(RSS)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden.txt").write_text("secret")
    stats = ReadStats()
    items = list(iter_source_articles([str(tmp_path)], stats=stats))
    formats = sorted(i.source_format for i in items if isinstance(i, RawArticle))
    assert formats == ["feed", "html"]
    assert stats.skipped == {"not an article file": 1}


def test_truncated_gzip_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page().encode())[:-30])
    (item,) = list(iter_source_articles([str(path)]))
    assert isinstance(item, Failure)
    assert item.code == "CT-E041"

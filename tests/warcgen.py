"""Test inputs for the batch readers: case articles wrapped in simple HTML pages, written as a WARC.gz.

`write_case_warc(path, texts, broken=True)` writes one HTTP 200 `response` record per article text (the
first paragraph is the headline) and, when `broken`, garbles the gzip member of one extra record placed
second, so readers must report exactly one CT-E041 failure and go on. Importable from tests (conftest puts
this folder on sys.path).
"""

from __future__ import annotations

import html
from io import BytesIO
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases" / "articles"
BROKEN_URI = "https://news.example/broken"


def case_texts(count: int) -> list[str]:
    """The first `count` plain-text case articles (sorted by name)."""
    return [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*.txt"))[:count]]


def article_html(text: str, *, published: str = "2019-03-14") -> bytes:
    """A page an extractor reads back as the article: title and h1 from the first paragraph, body as <p>s."""
    headline, *paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    title = html.escape(headline)
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="article:published_time" content="{published}"></head>'
        f"<body><nav>Home | World</nav><article><h1>{title}</h1>{body}</article>"
        "<footer>News Example</footer></body></html>"
    ).encode()


def write_case_warc(path: Path, texts: list[str], *, broken: bool = True) -> list[str]:
    """Write the WARC.gz; the target URIs of the good pages, in file order."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [(f"https://news.example/{n}", article_html(text)) for n, text in enumerate(texts)]
    if broken:
        pages.insert(1, (BROKEN_URI, article_html(texts[0])))
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, payload in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri,
                "response",
                payload=BytesIO(payload),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2019-03-15T08:00:00Z"},
            )
            writer.write_record(record)
    if broken:
        _garble_member(path, 1)
    return [uri for uri, _ in pages if uri != BROKEN_URI]


def _garble_member(path: Path, index: int) -> None:
    """Overwrite the middle of gzip member `index` (0-based) with zeros."""
    data = bytearray(path.read_bytes())
    starts = [i for i in range(len(data)) if data[i : i + 3] == b"\x1f\x8b\x08"] + [len(data)]
    middle = (starts[index] + starts[index + 1]) // 2
    data[middle : middle + 40] = b"\x00" * 40
    path.write_bytes(bytes(data))

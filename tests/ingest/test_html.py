"""HTML pages -> RawArticle: hand-written pages for title, date, body, charset, broken markup and bounds."""

from __future__ import annotations

import dataclasses
import time

import pytest

from claimtrail.ingest.html import DEFAULT_MAX_HTML_BYTES, extract_main_text, html_to_raw_article
from claimtrail.models import Failure, RawArticle

pytest.importorskip("trafilatura")

PARAGRAPHS = (
    "The city council voted on Tuesday to approve the new harbour plan, officials said.",
    "Mayor Jane Doe said the project would create 400 jobs and cost about 12 million euros over five years.",
    "Opponents denied that the plan had been discussed in public and said they would appeal the decision.",
    "The harbour authority said construction could begin next spring if the appeal fails in court.",
)
HAS_PUBLISHED_FROM = "published_from" in {f.name for f in dataclasses.fields(RawArticle)}


def page(
    *,
    title: str = "Council approves harbour plan",
    head: str = '<meta property="article:published_time" content="2019-01-28T09:30:00+00:00">',
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    extra_body: str = "",
) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
        f'<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><h1>{title}</h1>\n{body}</article>{extra_body}"
        f"<footer>Contact us | Imprint</footer></body></html>"
    )


def article(html: bytes | str, **kwargs: str) -> RawArticle:
    result = html_to_raw_article(html, source="page.html", **kwargs)
    assert isinstance(result, RawArticle), result
    return result


def test_title_goes_to_headline_and_body_keeps_the_paragraphs() -> None:
    result = article(page())
    assert result.headline == "Council approves harbour plan"
    assert result.source_format == "html"
    assert result.text.splitlines() == list(PARAGRAPHS)  # no title line, no nav or footer, no blank lines
    assert "Home" not in result.text
    assert "Imprint" not in result.text


def test_page_date_becomes_published_when_the_caller_gave_none() -> None:
    result = article(page())
    assert result.published is not None
    assert result.published.startswith("2019-01-28")
    if HAS_PUBLISHED_FROM:
        assert getattr(result, "published_from") == "page"  # noqa: B009  (field may not exist yet)


def test_the_callers_date_and_url_win() -> None:
    result = article(page(), published="2020-02-02", published_from="feed", url="https://example.org/a")
    assert result.published == "2020-02-02"
    assert result.url == "https://example.org/a"
    if HAS_PUBLISHED_FROM:
        assert getattr(result, "published_from") == "feed"  # noqa: B009


def test_no_date_anywhere_leaves_published_empty() -> None:
    result = article(page(head=""))
    assert result.published is None


def test_declared_charset_decodes_bytes() -> None:
    html = page(title="Café owners protest", head='<meta charset="windows-1252">')
    result = article(html.replace("euros", "€uros").encode("cp1252"))
    assert result.headline == "Café owners protest"
    assert "€uros" in result.text
    assert result.warnings == ()


def test_http_equiv_latin1_is_read_as_cp1252() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    result = article(page(title="Zürich council “votes”", head=head).encode("cp1252"))
    assert result.headline == "Zürich council “votes”"


def test_undeclared_non_utf8_bytes_fall_back_with_a_warning() -> None:
    result = article(page(title="Café owners protest", head="").encode("cp1252"))
    assert result.headline == "Café owners protest"
    assert [w[:7] for w in result.warnings] == ["CT-W001"]


def test_utf8_bom_and_utf16_pages() -> None:
    assert article(b"\xef\xbb\xbf" + page().encode()).headline == "Council approves harbour plan"
    assert article(page().encode("utf-16")).text.splitlines() == list(PARAGRAPHS)


def test_broken_markup_is_extracted_best_effort() -> None:
    body = "".join(f"<p>{p}<div><span>" for p in PARAGRAPHS)  # never closed
    html = f"<html><head><title>Broken</title></head><body></div></td><article>{body}<p>unclosed <b>bold"
    result = article(html)
    assert PARAGRAPHS[1] in result.text


def test_huge_page_is_cut_before_parsing_with_a_warning() -> None:
    filler = "<div class='ad'><a href='/x'>more</a></div>\n" * (30 * 1024 * 1024 // 42)
    html = page(extra_body=filler).encode()
    assert len(html) > 30 * 1024 * 1024
    started = time.perf_counter()
    result = article(html)
    assert time.perf_counter() - started < 60
    assert result.warnings
    assert all(w.startswith("CT-W002") for w in result.warnings)
    assert f"{DEFAULT_MAX_HTML_BYTES:,}-byte bound" in result.warnings[0]
    assert PARAGRAPHS[0] in result.text


def test_page_with_too_many_tags_is_cut_with_a_warning() -> None:
    filler = "<span>x</span>" * 20_000
    result = article(page(extra_body=filler))
    assert [w[:7] for w in result.warnings] == ["CT-W002"]
    assert "tags" in result.warnings[0]


def test_small_bound_cuts_text_input_too() -> None:
    result = html_to_raw_article(page() + "<p>tail</p>" * 1000, source="s", max_bytes=len(page()) + 50)
    assert isinstance(result, RawArticle)
    assert result.warnings[0].startswith("CT-W002")


@pytest.mark.parametrize("html", [b"", b"   \n", ""])
def test_empty_page_is_a_failure(html: bytes | str) -> None:
    result = html_to_raw_article(html, source="empty.html")
    assert isinstance(result, Failure)
    assert result.code == "CT-E002"


def test_page_without_text_is_a_failure() -> None:
    result = html_to_raw_article(
        "<html><head><title>x</title></head><body><nav>Home</nav></body></html>", source="s"
    )
    assert isinstance(result, Failure)
    assert result.code == "CT-E007"
    assert result.hint


def test_binary_bytes_are_a_failure() -> None:
    result = html_to_raw_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, source="img.html")
    assert isinstance(result, Failure)
    assert result.code == "CT-E003"


def test_boilerplate_lines_at_the_edges_are_dropped() -> None:
    paragraphs = (
        *PARAGRAPHS,
        "Sign up for our newsletter to get the news every morning.",
        "© 2019 Example News",
    )
    text = extract_main_text(page(paragraphs=paragraphs))
    assert text.splitlines() == list(PARAGRAPHS)


def test_extract_main_text_never_raises() -> None:
    assert extract_main_text(b"") == ""
    assert extract_main_text("<html>") == ""
    assert PARAGRAPHS[0] in extract_main_text(page().encode())

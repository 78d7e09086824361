"""Reading files, directories, JSON lines and stdin; bad input becomes Failure records, never exceptions."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from claimtrail.errors import BadJsonLine, BinaryInput, EmptyInput, InputNotFound, LineTooLong
from claimtrail.ingest.readers import DEFAULT_MAX_BYTES, iter_raw_articles
from claimtrail.models import Failure, RawArticle

ARTICLE = "A headline here\n\nLONDON (Reuters) - The bank said on Monday.\n\nIt added more.\n"


def read(*paths: str | Path, **options: object) -> list[RawArticle | Failure]:
    return list(iter_raw_articles([str(path) for path in paths], **options))  # type: ignore[arg-type]


def only(items: list[RawArticle | Failure]) -> RawArticle | Failure:
    assert len(items) == 1
    return items[0]


def article(items: list[RawArticle | Failure]) -> RawArticle:
    item = only(items)
    assert isinstance(item, RawArticle), item
    return item


def failure(items: list[RawArticle | Failure]) -> Failure:
    item = only(items)
    assert isinstance(item, Failure), item
    return item


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


# --- plain text -----------------------------------------------------------------------------------------


def test_plain_text_file_is_one_article_kept_verbatim(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    raw = article(read(path))
    assert (raw.text, raw.source, raw.source_format, raw.warnings) == (ARTICLE, str(path), "text", ())


def test_seed_article_reads_as_text() -> None:
    seed = Path("/work/shared/corpus/seed/000_4132258e9ace6acd.txt")
    if not seed.exists():
        pytest.skip("seed corpus not present")
    raw = article(read(seed))
    assert raw.text.startswith("Venezuelan Foreign Minister Refutes")
    assert raw.source_format == "text"


def test_crlf_text_is_not_rewritten(tmp_path: Path) -> None:
    raw = article(read(write(tmp_path / "a.txt", b"Title\r\n\r\nBody text.\r\n")))
    assert raw.text == "Title\r\n\r\nBody text.\r\n"


def test_utf8_bom_is_dropped_without_warning(tmp_path: Path) -> None:
    raw = article(read(write(tmp_path / "a.txt", "\ufeffCafé news.".encode())))
    assert (raw.text, raw.warnings) == ("Café news.", ())


def test_cp1252_fallback_warns(tmp_path: Path) -> None:
    raw = article(read(write(tmp_path / "a.txt", "“Quoted” café".encode("cp1252"))))
    assert raw.text == "“Quoted” café"
    assert len(raw.warnings) == 1
    assert raw.warnings[0].startswith("CT-W001")
    assert "cp1252" in raw.warnings[0]


def test_latin1_fallback_when_cp1252_fails(tmp_path: Path) -> None:
    raw = article(read(write(tmp_path / "a.txt", b"Bad byte \x81 here")))
    assert raw.warnings[0].startswith("CT-W001")
    assert "latin-1" in raw.warnings[0]
    assert raw.text == "Bad byte \x81 here"


# --- bad input --------------------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    fail = failure(read(missing))
    assert (fail.code, fail.source, fail.hint) == (InputNotFound.code, str(missing), InputNotFound.hint)
    assert str(missing) in fail.message


def test_empty_path_is_not_the_current_directory() -> None:
    fail = failure(read(""))
    assert fail.code == InputNotFound.code


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_empty_or_whitespace_only(tmp_path: Path, content: bytes) -> None:
    fail = failure(read(write(tmp_path / "a.txt", content)))
    assert (fail.code, fail.hint) == (EmptyInput.code, EmptyInput.hint)


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04\x00\x00binary zip",
        bytes(range(1, 9)) * 100,
        "UTF-16 text".encode("utf-16"),
    ],
)
def test_binary_input(tmp_path: Path, content: bytes) -> None:
    fail = failure(read(write(tmp_path / "a.txt", content)))
    assert (fail.code, fail.hint) == (BinaryInput.code, BinaryInput.hint)
    assert "\n" not in fail.message


def test_nul_byte_after_the_sniffed_head_is_still_binary(tmp_path: Path) -> None:
    fail = failure(read(write(tmp_path / "a.txt", b"text " * 20_000 + b"\x00")))
    assert fail.code == BinaryInput.code


def test_bad_inputs_do_not_stop_the_batch(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE)
    items = read(tmp_path / "missing.txt", write(tmp_path / "empty.txt", ""), good)
    assert [type(item).__name__ for item in items] == ["Failure", "Failure", "RawArticle"]


# --- size bound -------------------------------------------------------------------------------------------


def test_truncation_cuts_at_a_paragraph_break(tmp_path: Path) -> None:
    paragraphs = [f"Paragraph {number} says something." for number in range(100)]
    raw = article(read(write(tmp_path / "a.txt", "\n\n".join(paragraphs)), max_bytes=500))
    assert len(raw.text.encode()) <= 500
    assert raw.text.endswith("says something.")
    assert raw.text == "\n\n".join(paragraphs)[: len(raw.text)]
    assert raw.warnings[0].startswith("CT-W002")


def test_truncation_without_breaks_keeps_valid_utf8(tmp_path: Path) -> None:
    raw = article(read(write(tmp_path / "a.txt", "é" * 1000), max_bytes=101))
    assert raw.text == "é" * 50
    assert raw.warnings[0].startswith("CT-W002")


def test_input_at_the_bound_is_not_truncated(tmp_path: Path) -> None:
    raw = article(read(write(tmp_path / "a.txt", "x" * 100), max_bytes=100))
    assert (len(raw.text), raw.warnings) == (100, ())


class CountingStream(io.RawIOBase):
    """An endless stream of text that records how many bytes were asked of it."""

    def __init__(self, total: int) -> None:
        self.remaining = total
        self.served = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        assert size >= 0, "the reader must never read without a bound"
        block = (b"Words of a long article go on and on.\n\n" * (size // 40 + 1))[: min(size, self.remaining)]
        self.remaining -= len(block)
        self.served += len(block)
        return block


def test_twenty_megabyte_input_is_read_bounded() -> None:
    stream = CountingStream(20 * 1024 * 1024)
    raw = article(read("-", stdin=stream))
    assert len(raw.text.encode()) <= DEFAULT_MAX_BYTES
    assert stream.served <= DEFAULT_MAX_BYTES + 64 * 1024
    assert raw.warnings[0].startswith("CT-W002")


def test_twenty_megabyte_file_is_truncated(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"A sentence in a paragraph.\n\n" * (20 * 1024 * 1024 // 28))
    raw = article(read(path))
    assert 0 < len(raw.text.encode()) <= DEFAULT_MAX_BYTES
    assert raw.text.endswith("paragraph.")


# --- directories ------------------------------------------------------------------------------------------


def test_directory_reads_txt_and_jsonl_sorted(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Second article text.")
    write(tmp_path / "a.jsonl", json.dumps({"text": "First article text."}) + "\n")
    write(tmp_path / "c.md", "ignored")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "d.txt", "not read: subdirectories are skipped")
    items = read(tmp_path)
    assert [item.source for item in items] == [f"{tmp_path / 'a.jsonl'}:1", str(tmp_path / "b.txt")]


def test_directory_without_articles_is_a_failure(tmp_path: Path) -> None:
    write(tmp_path / "notes.md", "nothing")
    assert failure(read(tmp_path)).code == EmptyInput.code


# --- JSON lines -------------------------------------------------------------------------------------------


def jsonl(*records: object) -> str:
    return "".join((record if isinstance(record, str) else json.dumps(record)) + "\n" for record in records)


def test_jsonl_one_article_per_line_with_optional_fields(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.jsonl",
        jsonl(
            {
                "text": "Body one.",
                "url": "https://x.test/1",
                "published": "2019-01-28",
                "outlet": "X",
                "headline": "H",
            },
            {"text": "Body two.", "url": None, "published": 20190128, "headline": "  "},
        ),
    )
    first, second = read(path)
    assert isinstance(first, RawArticle)
    assert isinstance(second, RawArticle)
    assert (first.text, first.source, first.source_format) == ("Body one.", f"{path}:1", "jsonl")
    assert (first.url, first.published, first.outlet, first.headline) == (
        "https://x.test/1",
        "2019-01-28",
        "X",
        "H",
    )
    assert (second.source, second.url, second.published, second.outlet, second.headline) == (
        f"{path}:2",
        None,
        None,
        None,
        None,
    )


def test_jsonl_bad_lines_become_failures_and_the_rest_still_come_out(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.jsonl",
        jsonl(
            {"text": "Good one."},
            "{not json",
            '["a list"]',
            {"body": "no text field"},
            {"text": 42},
            {"text": "   "},
            "",
            {"text": "Good two."},
        ),
    )
    items = read(path)
    summary = [(item.source.rsplit(":", 1)[1], getattr(item, "code", "ok")) for item in items]
    assert summary == [
        ("1", "ok"),
        ("2", BadJsonLine.code),
        ("3", BadJsonLine.code),
        ("4", BadJsonLine.code),
        ("5", BadJsonLine.code),
        ("6", EmptyInput.code),
        ("8", "ok"),
    ]
    for item in items:
        if isinstance(item, Failure):
            assert item.hint
            assert "\n" not in item.message


def test_jsonl_is_sniffed_in_a_txt_file_and_on_stdin(tmp_path: Path) -> None:
    content = jsonl({"text": "One."}, {"text": "Two."})
    from_file = read(write(tmp_path / "a.txt", content))
    from_stdin = read("-", stdin=io.BytesIO(content.encode()))
    assert [item.source_format for item in from_file] == ["jsonl", "jsonl"]  # type: ignore[union-attr]
    assert [item.source for item in from_stdin] == ["<stdin>:1", "<stdin>:2"]


def test_text_starting_with_a_brace_is_not_jsonl(tmp_path: Path) -> None:
    raw = article(read(write(tmp_path / "a.txt", "{Editor's note} The story follows.\n\nMore.")))
    assert raw.source_format == "text"


def test_stdin_plain_text() -> None:
    raw = article(read("-", stdin=io.BytesIO(ARTICLE.encode())))
    assert (raw.source, raw.source_format, raw.text) == ("<stdin>", "text", ARTICLE)


def test_jsonl_empty_file_is_a_failure(tmp_path: Path) -> None:
    assert failure(read(write(tmp_path / "a.jsonl", "\n\n"))).code == EmptyInput.code


def test_jsonl_text_over_the_bound_is_truncated(tmp_path: Path) -> None:
    body = "\n\n".join(f"Paragraph {number}." for number in range(40))
    raw = article(read(write(tmp_path / "a.jsonl", jsonl({"text": body})), max_bytes=300))
    assert len(raw.text.encode()) <= 300
    assert body.startswith(raw.text)
    assert raw.warnings[0].startswith("CT-W002")


def test_jsonl_line_far_over_the_bound_is_skipped_without_holding_it(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", jsonl({"text": "x" * 5000}, {"text": "Fine."}))
    first, second = read(path, max_bytes=1000)
    assert isinstance(first, Failure)
    assert (first.code, first.source, first.hint) == (LineTooLong.code, f"{path}:1", LineTooLong.hint)
    assert isinstance(second, RawArticle)
    assert (second.text, second.source) == ("Fine.", f"{path}:2")


def test_jsonl_last_line_without_newline(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", json.dumps({"text": "One."}) + "\n" + json.dumps({"text": "Two."}))
    assert [item.text for item in read(path)] == ["One.", "Two."]  # type: ignore[union-attr]


def test_jsonl_line_in_cp1252_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", '{"text": "caf\u00e9 \u201cquote\u201d"}\n'.encode("cp1252"))
    raw = article(read(path))
    assert raw.text == "café “quote”"
    assert raw.warnings[0].startswith("CT-W001")


def test_jsonl_crlf_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", b'{"text": "One."}\r\n{"text": "Two."}\r\n')
    assert [item.text for item in read(path)] == ["One.", "Two."]  # type: ignore[union-attr]

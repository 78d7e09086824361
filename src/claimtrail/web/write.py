"""The one write endpoint, POST /api/articles: token check, then extract and store through one writer.

Off unless the server has a write token. The token is compared in constant time (`hmac.compare_digest`).
Every write runs on one dedicated thread that owns the only writable store connection (SQLite allows one
writer, and `SQLiteStore` is used from the thread that opened it); the spaCy pipeline loads there on the
first submission, so a read-only server never pays for it.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from claimtrail.errors import ArticleRejected, TokenMissing, TokenRejected, WritesDisabled
from claimtrail.models import ArticleRecord, Failure, RawArticle
from claimtrail.store import Outcome, SQLStore, open_store
from claimtrail.web.params import ArticleSubmission

__all__ = ["ArticleWriter", "check_token"]

Extract = Callable[[RawArticle], ArticleRecord | Failure]
Link = Callable[[SQLStore], object]


def check_token(expected: str | None, authorization: str | None) -> None:
    """Raise unless `authorization` is `Bearer <expected>`; WritesDisabled when there is no token at all."""
    if not expected:
        raise WritesDisabled("POST /api/articles is off: this server is read-only")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise TokenMissing("POST /api/articles needs the write token")
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise TokenRejected("the write token is wrong")


def _default_extract(raw: RawArticle) -> ArticleRecord | Failure:
    from claimtrail.pipeline import process

    return process(raw)


def _default_link(store: SQLStore) -> object:
    """New claims join their trails at once (incremental: only claims not linked yet are embedded)."""
    from claimtrail.trails.build import build_trails

    return build_trails(store)


class ArticleWriter:
    def __init__(self, db: str, *, extract: Extract | None = None, link: Link | None = None) -> None:
        self._db = db
        self._extract = extract or _default_extract
        self._link = link or _default_link
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimtrail-writer")
        self._store: SQLStore | None = None

    async def submit(self, submission: ArticleSubmission) -> dict[str, Any]:
        future = self._executor.submit(self._write, submission)
        return await asyncio.wrap_future(future)

    def _write(self, submission: ArticleSubmission) -> dict[str, Any]:
        raw = _raw_article(submission)
        result = self._extract(raw)
        if isinstance(result, Failure):
            problem = {"param": "text", "code": result.code, "message": result.message, "value": None}
            raise ArticleRejected(f"the article could not be analysed: {result.message}", errors=[problem])
        if self._store is None:
            self._store = open_store(self._db)
        from claimtrail.ingest.run import input_key

        written = self._store.write_batch([Outcome(input_key(raw), raw.source, result)])
        self._link(self._store)
        self._store.commit()
        article = {"id": result.id, "url": f"/articles/{result.id}", "new": written.new_articles == 1}
        return {"ok": True, "article": article, "claims": len(result.claims)}

    def close(self) -> None:
        store, self._store = self._store, None
        if store is not None:
            self._executor.submit(store.close).result()
        self._executor.shutdown(wait=True)


def _raw_article(submission: ArticleSubmission) -> RawArticle:
    digest = hashlib.sha256(submission.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return RawArticle(
        text=submission.text,
        source=f"api:{digest}",
        source_format="api",
        url=submission.url,
        published=submission.published,
        outlet=submission.outlet,
        headline=submission.headline,
    )

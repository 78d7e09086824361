"""Rendered pages kept in memory until the store changes: the store is read-only while it is served.

The key is the page (path, query string, HTML or JSON); an entry is valid while the store's fingerprint is
the one it was rendered under. For SQLite the fingerprint is the size and modification time of the database
file and its write-ahead log: any commit, by `claimtrail ingest` in another process or by this server's own
writer, changes the log, and a checkpoint changes the file. PostgreSQL has no such cheap signal, so pages
over PostgreSQL are not cached. Bounded by entries and by the size of one page.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["CachedPage", "PageCache", "sqlite_fingerprint"]

Fingerprint = tuple[int, ...]


def sqlite_fingerprint(path: str) -> Callable[[], Fingerprint | None]:
    files = (path, f"{path}-wal")

    def fingerprint() -> Fingerprint | None:
        parts: list[int] = []
        for name in files:
            try:
                stat = os.stat(name)
            except FileNotFoundError:
                parts += [-1, -1]
                continue
            except OSError:
                return None  # unreadable: do not trust any cached page
            parts += [stat.st_size, stat.st_mtime_ns]
        return tuple(parts)

    return fingerprint


@dataclass(frozen=True, slots=True)
class CachedPage:
    body: bytes
    media_type: str


class PageCache:
    """A thread-safe LRU of rendered pages, dropped whole when the fingerprint moves."""

    def __init__(
        self,
        fingerprint: Callable[[], Fingerprint | None],
        *,
        entries: int = 512,
        max_page_bytes: int = 1 << 20,
    ) -> None:
        self._fingerprint = fingerprint
        self._entries, self._max_page_bytes = entries, max_page_bytes
        self._pages: OrderedDict[tuple[str, str, bool], CachedPage] = OrderedDict()
        self._valid_for: Fingerprint | None = None
        self._lock = threading.Lock()

    def current(self) -> Fingerprint | None:
        """The store's fingerprint now; pages rendered from here on belong to it."""
        return self._fingerprint()

    def get(self, key: tuple[str, str, bool], fingerprint: Fingerprint | None) -> CachedPage | None:
        with self._lock:
            if fingerprint is None or fingerprint != self._valid_for:
                return None
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: tuple[str, str, bool], fingerprint: Fingerprint | None, page: CachedPage) -> None:
        """Keep `page`, rendered under `fingerprint` (read before its queries ran: never newer than they)."""
        if fingerprint is None or len(page.body) > self._max_page_bytes:
            return
        with self._lock:
            if fingerprint != self._valid_for:
                self._pages.clear()
                self._valid_for = fingerprint
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self._entries:
                self._pages.popitem(last=False)

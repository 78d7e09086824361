"""What the web app asks of the library: the trail queries (`claimtrail.trails.query`), as a Protocol.

The app takes any object with these functions, so tests hand it a fake that returns hand-built views; the
server uses the module itself (a module satisfies a Protocol when it defines the functions).
"""

from __future__ import annotations

from typing import Literal, Protocol

from claimtrail.store import SQLStore
from claimtrail.trails.views import ActorSummary, ActorView, ArticleView, TrailSummary, TrailView

__all__ = ["Queries", "library_queries"]


class Queries(Protocol):
    def search_claims(
        self,
        store: SQLStore,
        *,
        search: str | None = None,
        actor: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        disputed: bool | None = None,
        sort: Literal["recent", "activity"] = "recent",
        limit: int = 50,
        offset: int = 0,
    ) -> list[TrailSummary]: ...

    def get_trail(self, store: SQLStore, trail_id: str) -> TrailView | None: ...

    def get_article(self, store: SQLStore, article_id: str) -> ArticleView | None: ...

    def get_actor(self, store: SQLStore, actor_id: str) -> ActorView | None: ...

    def search_actors(self, store: SQLStore, query: str, limit: int = 20) -> list[ActorSummary]: ...


def library_queries() -> Queries:
    """The library's trail queries: `claimtrail.trails.query` is the implementation."""
    from claimtrail.trails import query

    return query

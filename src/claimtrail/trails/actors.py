"""Actors across articles: each article's actors mapped to one store-wide actor.

Within an article the extractor already joined "Peskov" to "Kremlin spokesman Dmitry Peskov". Across
articles, an actor is keyed by kind and name, compared without case, accents or dots ("Nicolás Maduro" =
"Nicolas Maduro"); a person named by one word ("Peskov") joins the one stored person whose last name it is,
and stays apart when there are several. Titles are not part of the identity: they are read per article and
shown over time by the actor query. Unnamed sources ("people familiar with the matter") are not actors of
the store.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["ArticleActor", "StoreActorIndex", "actor_key", "store_actor_id"]

_NON_WORD = re.compile(r"[^\w]+")
_KIND_PREFIX = {"PERSON": "person", "ORG": "org", "GPE": "place", "NORP": "group"}


@dataclass(frozen=True, slots=True)
class ArticleActor:
    article_id: str
    local_id: str
    name: str
    kind: str


def _fold(name: str) -> str:
    stripped = "".join(c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn")
    return _NON_WORD.sub(" ", stripped.casefold().replace(".", "")).strip()


def actor_key(name: str, kind: str) -> str:
    return f"{_KIND_PREFIX.get(kind, kind.lower())}:{_fold(name)}"


def store_actor_id(name: str, kind: str) -> str:
    """Readable and stable: ("Dmitry Peskov", "PERSON") -> "person-dmitry-peskov"."""
    return actor_key(name, kind).replace(":", "-").replace(" ", "-")


class StoreActorIndex:
    """The store-wide actors known so far, and where a new article's actor belongs."""

    def __init__(self, known: Iterable[tuple[str, str, str]] = ()) -> None:
        self.names: dict[str, tuple[str, str]] = {}  # id -> (name, kind)
        self._by_key: dict[str, str] = {}
        self._by_surname: dict[str, set[str]] = {}
        for actor_id, name, kind in known:
            self._remember(actor_id, name, kind)

    def _remember(self, actor_id: str, name: str, kind: str) -> None:
        self.names[actor_id] = (name, kind)
        self._by_key[actor_key(name, kind)] = actor_id
        words = _fold(name).split()
        if kind == "PERSON" and len(words) > 1:
            self._by_surname.setdefault(words[-1], set()).add(actor_id)

    def resolve(self, actor: ArticleActor) -> tuple[str, bool]:
        """(store actor id, whether it is new) for an article's actor."""
        key = actor_key(actor.name, actor.kind)
        if key in self._by_key:
            return self._by_key[key], False
        words = _fold(actor.name).split()
        if actor.kind == "PERSON" and len(words) == 1:
            holders = self._by_surname.get(words[0], set())
            if len(holders) == 1:
                return next(iter(holders)), False
        actor_id = store_actor_id(actor.name, actor.kind)
        self._remember(actor_id, actor.name, actor.kind)
        return actor_id, True

    def resolve_all(self, actors: Iterable[ArticleActor]) -> list[tuple[ArticleActor, str, bool]]:
        """Full names first, so a surname alone in the same batch finds the person it belongs to."""
        ordered = sorted(actors, key=lambda a: (len(_fold(a.name).split()) == 1, a.article_id, a.local_id))
        return [(actor, *self.resolve(actor)) for actor in ordered]

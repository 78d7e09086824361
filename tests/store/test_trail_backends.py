"""Trails on both backends: the same articles give the same trails and the queries work on each."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrail.ingest.run import ingest
from claimtrail.store import SQLStore
from claimtrail.trails.build import build_trails
from claimtrail.trails.query import get_actor, get_trail, search_actors, search_claims

pytestmark = [pytest.mark.model, pytest.mark.embedding]

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"


def test_trails_build_and_query_on_each_backend(store: SQLStore, tmp_path: Path) -> None:
    for prefix in ("001", "002", "003"):
        [path] = CORPUS.glob(f"{prefix}_*.txt")
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    ingest([str(tmp_path)], store)
    report = build_trails(store)
    assert report.claims_linked > 0
    assert build_trails(store).claims_linked == 0
    found = search_claims(store, search="private military contractors", sort="activity")
    assert found, "full-text search found no trail"
    view = get_trail(store, found[0].id)
    assert view is not None
    assert view.appearances[0].article.outlet == "Reuters"
    assert len(view.appearances[0].copies) == 1  # the Caribbean Herald copy
    assert search_claims(store, outlet="reuters", limit=100)
    [zaemsky] = [a for a in search_actors(store, "Zaemsky") if a.kind == "PERSON"][:1]
    actor = get_actor(store, zaemsky.id)
    assert actor is not None
    assert actor.stances

"""Trails in a real SQLite store built from the sample corpus: incremental linking, queries, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrail.cli import main
from claimtrail.store import SQLStore, open_store
from claimtrail.trails.query import get_actor, get_article, get_trail, search_actors, search_claims

pytestmark = [pytest.mark.model, pytest.mark.embedding]


@pytest.fixture
def store(trail_store_path: Path) -> SQLStore:
    opened = open_store(trail_store_path)
    yield opened  # type: ignore[misc]
    opened.close()


def _contractors(store: SQLStore) -> str:
    [trail] = search_claims(
        store, search="400 Russian private military contractors", sort="activity", limit=1
    )
    return trail.id


def test_the_contractors_trail_starts_with_reuters_and_lists_the_copy(store: SQLStore) -> None:
    view = get_trail(store, _contractors(store))
    assert view is not None
    first = view.appearances[0]
    assert first.first
    assert (first.article.outlet, first.article.date) == ("Reuters", "2019-01-25")
    assert [c.outlet for c in first.copies] == ["Caribbean Herald"]
    assert "400 Russian private military contractors" in first.evidence
    outlets = {a.article.outlet for a in view.appearances}
    assert {"Reuters", "Sputnik"} <= outlets
    assert "UrduPoint News" not in outlets  # a copy of Sputnik's story counts once, under it
    denials = [s for s in view.stances if s.stance == "denies"]
    assert any(s.actor_name and "Zaemsky" in s.actor_name for s in denials)
    assert view.summary.disputed
    assert "denied by" in view.summary.state
    assert view.summary.first_seen == "2019-01-25"
    assert [p.date for p in view.timeline] == sorted(p.date for p in view.timeline)
    assert all(link.method.startswith("claimtrail.link/1") for link in view.links)
    assert sum(link.matched_article_id is None for link in view.links) == 1  # one founding claim


def test_filters_narrow_the_trail_list(store: SQLStore) -> None:
    contractors = _contractors(store)
    everything = search_claims(store, limit=100)
    assert contractors in {t.id for t in search_claims(store, outlet="Sputnik", limit=100)}
    assert contractors in {t.id for t in search_claims(store, disputed=True, limit=100)}
    assert contractors not in {t.id for t in search_claims(store, disputed=False, limit=100)}
    assert search_claims(store, since="2030-01-01") == []
    assert search_claims(store, until="2000-01-01") == []
    assert len(search_claims(store, limit=2)) == 2
    bigger = search_claims(store, min_articles=2, limit=100)
    assert bigger
    assert all(t.n_articles >= 2 for t in bigger)  # stories: a syndicated copy does not make a trail bigger
    by_activity = search_claims(store, sort="activity", limit=100)
    assert len(by_activity) == len(everything)
    assert by_activity[0].n_articles > 1  # activity counts every linked claim, copies included
    # user text never reaches SQL or FTS syntax unquoted
    assert search_claims(store, search="\"'; DROP TABLE trails; -- OR NEAR(") == []
    assert search_claims(store, outlet="' OR 1=1 --") == []
    with pytest.raises(ValueError, match="sort"):
        search_claims(store, sort="bogus")  # type: ignore[arg-type]


def test_one_actor_across_articles(store: SQLStore) -> None:
    [zaemsky] = [a for a in search_actors(store, "zaemsky") if a.kind == "PERSON"][:1]
    view = get_actor(store, zaemsky.id)
    assert view is not None
    assert len(view.articles) >= 2
    assert any("ambassador" in t.title.casefold() for t in view.titles)
    assert any(s.stance == "denies" for s in view.stances)
    assert get_actor(store, "person-nobody") is None


def test_article_view_links_claims_to_trails_and_copies(store: SQLStore) -> None:
    contractors = get_trail(store, _contractors(store))
    assert contractors is not None
    lead = contractors.appearances[0]
    view = get_article(store, lead.article.id)
    assert view is not None
    assert view.claim_trails[lead.claim_local_id] == contractors.summary.id
    assert [c.id for c in view.copies] == [c.id for c in lead.copies]
    assert view.record["schema"] == "claimtrail.article/1"
    assert get_article(store, "ct-missing") is None


def test_cli_verbs(trail_store_path: Path) -> None:
    runner = CliRunner()
    db = ["--db", str(trail_store_path)]
    listed = runner.invoke(main, ["claims", *db, "--json", "--sort", "activity", "--limit", "3"])
    assert listed.exit_code == 0, listed.output
    trails = json.loads(listed.output)
    assert len(trails) == 3
    trail_id = trails[0]["id"]
    table = runner.invoke(main, ["claims", *db, "--disputed"])
    assert table.exit_code == 0
    assert "denied by" in table.output
    timeline = runner.invoke(main, ["trail", trail_id, *db])
    assert timeline.exit_code == 0
    assert "first reported by" in timeline.output
    assert runner.invoke(main, ["actor", "Zaemsky", *db]).exit_code == 0
    article_id = json.loads(runner.invoke(main, ["trail", trail_id, *db, "--json"]).output)["appearances"][0][
        "article"
    ]["id"]
    shown = runner.invoke(main, ["article", article_id, *db])
    assert shown.exit_code == 0
    assert trail_id in shown.output
    missing = runner.invoke(main, ["trail", "t-nope", *db])
    assert missing.exit_code == 2
    assert "CT-E060" in missing.output
    bad_date = runner.invoke(main, ["claims", *db, "--since", "yesterday"])
    assert bad_date.exit_code == 2
    assert "YYYY-MM-DD" in bad_date.output


def test_stored_summaries_match_a_fresh_computation(store: SQLStore) -> None:
    from claimtrail.trails.query import trail_summary

    listed = search_claims(store, limit=100)
    assert listed
    for summary in listed:
        assert summary == trail_summary(store, summary.id)
    disputed = {t.id for t in search_claims(store, disputed=True, limit=100)}
    assert disputed == {t.id for t in listed if t.disputed}

"""`claimtrail claims | trail | actor | article`: the store read as trails, for people (tables) or programs.

Each verb is one call of `claimtrail.trails.query` and prints its view: a table or a timeline by default,
the view's JSON with `--json`.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections.abc import Callable
from typing import Any

import click

from claimtrail.cli._output import EXIT_USAGE, fail_setup
from claimtrail.errors import NotInStore, StoreError
from claimtrail.store import DEFAULT_DB, SQLStore, open_store
from claimtrail.trails import query
from claimtrail.trails.views import ActorView, ArticleView, TrailSummary, TrailView, as_dict

__all__ = ["actor_cli", "article_cli", "claims_cli", "trail_cli"]

_DB_OPTION = click.option(
    "--db", default=DEFAULT_DB, show_default=True, help="SQLite path or postgresql:// URL."
)
_JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
_WIDTH = 100


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None


def _open(db: str) -> SQLStore:
    try:
        return open_store(db)
    except StoreError as exc:
        fail_setup(exc)
        raise  # unreachable: fail_setup exits


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _not_found(kind: str, key: str, hint: str) -> None:
    error = NotInStore(f"no {kind} {key!r} in the store", hint=hint)
    click.echo(f"error {error.code} {error.message} (hint: {error.hint})", err=True)
    raise SystemExit(EXIT_USAGE)


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=_WIDTH, initial_indent=indent, subsequent_indent=indent)


def claims_table(trails: list[TrailSummary]) -> list[str]:
    lines = [f"{'trail':<18} {'first seen':<10} {'last seen':<10} {'art':>3} {'deny':>4} {'qst':>3}  claim"]
    for t in trails:
        counts = t.stance_counts
        label = t.label if len(t.label) <= 60 else t.label[:57] + "..."
        lines.append(
            f"{t.id:<18} {t.first_seen or '?':<10} {t.last_seen or '?':<10} {t.n_articles:>3}"
            f" {counts.get('denies', 0):>4} {counts.get('questions', 0):>3}  {label}"
        )
        lines.append(_wrap(f"first: {t.first_outlet or 'unknown outlet'}; {t.state}", " " * 19))
    return lines


def trail_timeline(view: TrailView) -> list[str]:
    s = view.summary
    lines = [f"trail {s.id}", _wrap(s.label, "  "), _wrap(s.state, "  ")]
    if view.event_date:
        lines.append(f"  event date: {view.event_date}")
    lines.append("")
    events: list[tuple[str, int, str]] = []
    for n, appearance in enumerate(view.appearances):
        outlet = appearance.article.outlet or "unknown outlet"
        verb = "first reported by" if appearance.first else "reported by"
        copies = (
            f" (+{len(appearance.copies)} copies: "
            + ", ".join(c.outlet or c.id for c in appearance.copies)
            + ")"
            if appearance.copies
            else ""
        )
        text = f"{verb} {outlet}{copies}\n" + _wrap(appearance.evidence, " " * 16)
        events.append((appearance.article.date or "?", n * 2, text))
    for n, stance in enumerate(view.stances):
        if stance.stance == "reports":
            continue
        holder = stance.actor_name or stance.source_description or "unnamed source"
        if stance.actor_title:
            holder = f"{stance.actor_title} {holder}"
        text = f"{stance.stance} ({stance.cue}): {holder} in {stance.article.outlet or '?'}\n" + _wrap(
            stance.evidence, " " * 16
        )
        events.append((stance.date or stance.article.date or "?", n * 2 + 1, text))
    for date, _, text in sorted(events):
        lines.append(f"  {date:<12}  {text}")
    return lines


def actor_lines(view: ActorView) -> list[str]:
    lines = [f"{view.name} ({view.kind}, {view.id}), in {len(view.articles)} articles"]
    if len(view.names) > 1:
        lines.append("  also named: " + ", ".join(n for n in view.names if n != view.name))
    if view.affiliations:
        lines.append("  affiliations: " + ", ".join(view.affiliations))
    for title in view.titles:
        lines.append(f"  title: {title.title} ({title.first_seen} .. {title.last_seen}, {title.n_articles}x)")
    for stance in view.stances:
        lines.append(
            f"  {stance.date or '?':<10} {stance.stance:<9} {stance.trail_id}  {stance.trail_label[:60]}"
        )
    for quote in view.quotes[:20]:
        lines.append(_wrap(f"{quote.date or '?'} {quote.kind}: {quote.text}", "  "))
    return lines


def article_lines(view: ArticleView) -> list[str]:
    record = view.record
    ref = view.article
    lines = [f"{ref.headline or '(no headline)'}", f"  {ref.id}  {ref.outlet or '?'}  {ref.date or '?'}"]
    if view.original_outlet and view.original_outlet != ref.outlet:
        lines.append(f"  syndicated from {view.original_outlet}")
    for copy in view.copies:
        lines.append(f"  copy: {copy.id} {copy.outlet or '?'} {copy.date or '?'}")
    for claim in record.get("claims", []):
        trail = view.claim_trails.get(claim["id"], "-")
        lines.append(_wrap(f"[{trail}] {claim['normalized']}", "  "))
        for stance in claim.get("stances", []):
            actor = (stance.get("actor") or {}).get("name") or stance.get("source_description") or "?"
            lines.append(f"      {stance['stance']}: {actor} ({stance['cue']})")
    return lines


@click.command("claims")
@_DB_OPTION
@click.option("--search", help="Full-text search in the claims.")
@click.option("--actor", help="Trails where this actor (name or id) took a stance.")
@click.option("--outlet", help="Trails carried by this outlet (name or id).")
@click.option("--since", callback=_iso_date, help="Active on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=_iso_date, help="First seen on or before this date (YYYY-MM-DD).")
@click.option(
    "--disputed/--undisputed", default=None, help="Only trails someone denied or questioned (or not)."
)
@click.option("--sort", type=click.Choice(["recent", "activity"]), default="recent", show_default=True)
@click.option("--min-articles", default=1, show_default=True, type=click.IntRange(1), help="Smallest trail.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, query.MAX_LIMIT))
@click.option("--offset", default=0, type=click.IntRange(0))
@_JSON_OPTION
def claims_cli(
    db: str,
    search: str | None,
    actor: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    disputed: bool | None,
    sort: query.Sort,
    min_articles: int,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List claim trails with their state: who reported, denied, questioned or confirmed them."""
    store = _open(db)
    try:
        found = query.search_claims(
            store,
            search=search,
            actor=actor,
            outlet=outlet,
            since=since,
            until=until,
            disputed=disputed,
            sort=sort,
            limit=limit,
            offset=offset,
            min_articles=min_articles,
        )
    finally:
        store.close()
    if as_json:
        _echo_json([as_dict(t) for t in found])
        return
    for line in claims_table(found):
        click.echo(line)


def _show_one(
    db: str,
    fetch: Callable[[SQLStore], Any],
    render: Callable[[Any], list[str]],
    as_json: bool,
    missing: tuple[str, str, str],
) -> None:
    """Fetch one view, then print it (or its JSON); `missing` is (kind, key, hint) for CT-E060."""
    store = _open(db)
    try:
        view = fetch(store)
    finally:
        store.close()
    if view is None:
        _not_found(*missing)
        return
    if as_json:
        _echo_json(as_dict(view))
        return
    for line in render(view):
        click.echo(line)


@click.command("trail")
@click.argument("trail_id")
@_DB_OPTION
@_JSON_OPTION
def trail_cli(trail_id: str, db: str, as_json: bool) -> None:
    """One trail as a timeline: first report, repeats, copies, confirmations, questions and denials."""
    missing = ("trail", trail_id, "list trails with `claimtrail claims`")
    _show_one(db, lambda store: query.get_trail(store, trail_id), trail_timeline, as_json, missing)


def _actor_by_id_or_name(store: SQLStore, name: str) -> ActorView | None:
    view = query.get_actor(store, name)
    if view is None and (matches := query.search_actors(store, name, limit=1)):
        view = query.get_actor(store, matches[0].id)
    return view


@click.command("actor")
@click.argument("name")
@_DB_OPTION
@_JSON_OPTION
def actor_cli(name: str, db: str, as_json: bool) -> None:
    """An actor across the store (by id or name): titles seen, quotes, stances on trails."""
    missing = ("actor", name, "try part of the name")
    _show_one(db, lambda store: _actor_by_id_or_name(store, name), actor_lines, as_json, missing)


@click.command("article")
@click.argument("article_id")
@_DB_OPTION
@_JSON_OPTION
def article_cli(article_id: str, db: str, as_json: bool) -> None:
    """One stored article: outlet, syndication, copies, claims with their trails and stances."""
    missing = ("article", article_id, "article ids start with ct-; see `claimtrail trail ID`")
    _show_one(db, lambda store: query.get_article(store, article_id), article_lines, as_json, missing)

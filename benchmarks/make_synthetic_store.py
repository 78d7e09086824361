"""A synthetic store of N articles for load tests, written straight into the schema (no spaCy, seconds).

Articles are built as real `ArticleRecord`s (so every offset, the record JSON and the child rows are what
ingest would write) from templates: a pool of outlets and named actors, and about N/2 claims that recur
across articles over two years, each appearance with one to three stances (reports, asserts, questions,
denies) by actors and unnamed sources, a direct quote and dated expressions. A fifth of the articles are
syndicated copies of an earlier one (same story, another outlet). Rows go in through the store's own row
builders (`claimtrail.store._rows`) with one executemany per table, so FTS triggers and indexes are the
real ones. Store-wide actors come from the library's resolver (`trails.actors`); the trail tables are filled
from the known claim templates, one trail per template (no embedding: the linker is not what is measured).

Usage:  python benchmarks/make_synthetic_store.py --db /tmp/synthetic.db [--articles 10000] [--seed 6]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimtrail.models import Actor, ActorRef, ArticleRecord, Claim, Dateline, Quote, Span, Stance, Timex
from claimtrail.store import open_store
from claimtrail.store._rows import article_row, child_rows, outlet_id
from claimtrail.store.schema import TABLES, TRAIL_TABLES
from claimtrail.trails.actors import ArticleActor, StoreActorIndex
from claimtrail.trails.build import refresh_summaries
from claimtrail.trails.link import METHOD, ClaimItem, trail_id_for

OUTLETS = [
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "Bloomberg",
    "Sputnik",
    "TASS",
    "EFE",
    "Interfax",
    "Continental Herald",
    "Wire Daily",
    "Pakistan Point News",
    "Caribbean Herald",
    "Andean Business Daily",
    "Black Sea Grain Daily",
    "Puget Sound Tribune",
    "Harbour Gazette",
    "Northern Courier",
    "Valley Ledger",
    "Metro Sentinel",
    "Coastal Observer",
    "Prairie Post",
    "Lakeside Chronicle",
    "Capital Dispatch",
    "Mountain Times",
    "Delta Record",
    "Island Voice",
    "River City Star",
    "Highland Herald",
    "Bay Journal",
    "Union Leader Wire",
    "Global Desk",
    "Morning Monitor",
    "Evening Register",
    "Frontier News",
]
FIRST = [
    "Anna",
    "Jorge",
    "Maria",
    "Dmitry",
    "Lena",
    "Omar",
    "Priya",
    "Tomas",
    "Keiko",
    "Samuel",
    "Ines",
    "Ravi",
    "Olga",
    "Felix",
    "Nadia",
    "Chen",
    "Lucia",
    "Marek",
    "Amara",
    "Hugo",
]
LAST = [
    "Keller",
    "Arreaza",
    "Peskov",
    "Lindqvist",
    "Haddad",
    "Novak",
    "Silva",
    "Okafor",
    "Tanaka",
    "Petrov",
    "Moreau",
    "Kaur",
    "Jensen",
    "Costa",
    "Ivanova",
    "Brennan",
    "Duarte",
    "Sato",
    "Mensah",
    "Falk",
]
TITLES = [
    "Foreign Minister",
    "spokesman",
    "Trade Commissioner",
    "port director",
    "central bank governor",
    "deputy minister",
    "chief executive",
    "health minister",
    "police chief",
    "mayor",
]
PLACES = ["Venezuela", "Moscow", "Brussels", "Cairo", "Lima", "Oslo", "Manila", "Nairobi", "Quito", "Riga"]
SUBJECTS = [
    "Russian contractors",
    "the central bank",
    "grain exporters",
    "the trade ministry",
    "the harbour authority",
    "the vaccine maker",
    "state investors",
    "the mining company",
    "the national airline",
    "border guards",
]
VERBS = [
    "moved",
    "shipped",
    "paused",
    "approved",
    "cancelled",
    "received",
    "sold",
    "blocked",
    "expanded",
    "cut",
]
OBJECTS = [
    "gold reserves",
    "wheat exports",
    "the steel tariff",
    "a clinical trial",
    "military aid",
    "fuel subsidies",
    "the dredging contract",
    "new licences",
    "the pension fund",
    "rail freight",
]
CUES = {"reports": "reported", "asserts": "said", "questions": "questioned", "denies": "denied"}
START = dt.date(2019, 1, 1)


@dataclass
class TextBuilder:
    """Appends sentences and remembers where each piece landed, so every span is exact."""

    parts: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> Span:
        span = Span(start=self.length, end=self.length + len(text), text=text)
        self.parts.append(text)
        self.length += len(text)
        return span

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass(frozen=True)
class Template:
    number: int
    statement: str


def templates(count: int, rng: random.Random) -> list[Template]:
    seen: set[str] = set()
    out: list[Template] = []
    while len(out) < count:
        subject, verb, thing, place = (rng.choice(words) for words in (SUBJECTS, VERBS, OBJECTS, PLACES))
        statement = f"{subject.capitalize()} {verb} {thing} in {place}"
        statement += f" ({len(out) + 1})" if statement in seen else ""
        seen.add(statement)
        out.append(Template(len(out), statement))
    return out


def _person(rng: random.Random) -> tuple[str, str]:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(TITLES)


def build_article(
    n: int, claims: list[Template], outlet: str, day: dt.date, rng: random.Random
) -> ArticleRecord:
    b = TextBuilder()
    place = rng.choice(PLACES).upper()
    dateline_text = f"{place} ({outlet} - {day:%d %B, %Y})"
    dateline_span = b.add(dateline_text)
    date_span = Span(start=dateline_text.index("- ") + 2, end=len(dateline_text) - 1, text=f"{day:%d %B, %Y}")
    b.add(" ")
    actors: list[Actor] = []
    quotes: list[Quote] = []
    out_claims: list[Claim] = []
    timexes = [
        Timex(
            text=date_span.text,
            start=date_span.start,
            end=date_span.end,
            type="DATE",
            value=day.isoformat(),
            anchor=None,
        )
    ]
    for c, template in enumerate(claims, start=1):
        name, title = _person(rng)
        actor_id = f"a{len(actors) + 1}"
        sentence_start = b.length
        b.add(f"{title.capitalize()} ")
        mention = b.add(name)
        label = rng.choice(["reports", "asserts", "questions", "denies"])
        b.add(f" on {day:%A} {CUES[label]} that ")
        claim_span = b.add(template.statement.lower())
        b.add(". ")
        evidence = Span(start=sentence_start, end=b.length - 1, text=b.text[sentence_start : b.length - 1])
        weekday = Span(start=evidence.text.index(f"{day:%A}") + sentence_start, end=0, text=f"{day:%A}")
        timexes.append(
            Timex(
                text=weekday.text,
                start=weekday.start,
                end=weekday.start + len(weekday.text),
                type="DATE",
                value=day.isoformat(),
                anchor=day.isoformat(),
            )
        )
        b.add('"')
        quote_span = b.add(f"We stand by what we said about {rng.choice(OBJECTS)}")
        b.add(f'," {name.split()[-1]} told reporters. ')
        actors.append(
            Actor(
                id=actor_id,
                name=name,
                kind="PERSON",
                titles=(title,),
                affiliation=rng.choice(PLACES),
                mentions=(mention,),
            )
        )
        ref = ActorRef(actor=actor_id, name=name)
        quotes.append(
            Quote(
                id=f"q{c}",
                kind="direct",
                text=quote_span.text,
                start=quote_span.start,
                end=quote_span.end,
                speaker=ref,
                cue="told",
                addressee=None,
                date=day.isoformat(),
            )
        )
        stances = [
            Stance(
                actor=ref,
                source_description=None,
                stance=label,
                cue=CUES[label],
                evidence=evidence,
                date=day.isoformat(),
            )
        ]
        if rng.random() < 0.4:
            other = rng.choice(["questions", "denies", "asserts"])
            s_start = b.length
            b.add(f"People familiar with the matter {CUES[other]} it. ")
            s_evidence = Span(start=s_start, end=b.length - 1, text=b.text[s_start : b.length - 1])
            stances.append(
                Stance(
                    actor=None,
                    source_description="people familiar with the matter",
                    stance=other,
                    cue=CUES[other],
                    evidence=s_evidence,
                    date=day.isoformat(),
                )
            )
        out_claims.append(
            Claim(
                id=f"c{c}",
                text=claim_span.text,
                start=claim_span.start,
                end=claim_span.end,
                normalized=template.statement,
                stances=tuple(stances),
            )
        )
    b.add(f"The report was number {n} in the series.")
    text = b.text
    headline = f"{claims[0].statement} ({outlet})"
    digest = hashlib.sha256(f"{headline}\0{text}".encode()).hexdigest()
    return ArticleRecord(
        id=f"ct-{digest[:20]}",
        source=f"synthetic:{n}",
        source_format="synthetic",
        url=f"https://example.com/{n}",
        language="en",
        headline=headline,
        text=text,
        removed=(),
        source_spans=(),
        dateline=Dateline(
            place=place, outlets=(outlet,), date=day.isoformat(), start=0, end=dateline_span.end
        ),
        published=day.isoformat(),
        published_from="dateline",
        actors=tuple(actors),
        quotes=tuple(quotes),
        claims=tuple(out_claims),
        timexes=tuple(timexes),
        pipeline="synthetic",
        provenance=(("outlet", outlet),),
    )


@dataclass(frozen=True)
class Made:
    record: ArticleRecord
    outlet: str
    story: str
    claims: tuple[Template, ...]


def generate(count: int, seed: int) -> Iterator[Made]:
    """`count` articles; one in five is a copy of an earlier story carried by another outlet."""
    rng = random.Random(seed)
    claim_templates = templates(max(count // 2, 1), rng)
    hot = claim_templates[: max(len(claim_templates) // 100, 1)]  # the few claims that travel far
    made: list[Made] = []
    for n in range(count):
        outlet = rng.choice(OUTLETS)
        if made and rng.random() < 0.2:
            original = made[rng.randrange(len(made))]
            chosen, story = original.claims, original.story
            day = dt.date.fromisoformat(original.record.published or "2019-01-01") + dt.timedelta(
                rng.randint(0, 2)
            )
        else:
            picks = [
                rng.choice(hot if rng.random() < 0.1 else claim_templates) for _ in range(rng.randint(1, 3))
            ]
            chosen, story = tuple(dict.fromkeys(picks)), f"s-{n:06d}"
            day = START + dt.timedelta(days=rng.randrange(730))
        item = Made(build_article(n, list(chosen), outlet, day, rng), outlet, story, chosen)
        made.append(item)
        yield item


# --- writing ------------------------------------------------------------------------------------------------

_COLUMNS = {table.name: table.column_names for table in TABLES + TRAIL_TABLES}


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, object]]) -> None:
    if rows:
        columns = _COLUMNS[table]
        sql = (
            f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        )
        conn.executemany(sql, [tuple(row[c] for c in columns) for row in rows])


def write_base(conn: sqlite3.Connection, items: list[Made]) -> None:
    """Outlets, stories, articles and their child rows, as `SQLStore.write_batch` lays them out."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    _insert(conn, "outlets", [{"id": outlet_id(name), "name": name} for name in OUTLETS])
    stories: dict[str, dict[str, object]] = {}
    children: dict[str, list[dict[str, object]]] = {}
    articles = []
    for item in items:
        stories.setdefault(
            item.story,
            {
                "id": item.story,
                "original_outlet_id": outlet_id(item.outlet),
                "first_article_id": item.record.id,
                "created_at": now,
            },
        )
        row = article_row(item.record, ingested_at=now)
        row.update(outlet_id=outlet_id(item.outlet), story_id=item.story)
        articles.append(row)
        for table, rows in child_rows(item.record).items():
            children.setdefault(table, []).extend(rows)
    _insert(conn, "stories", list(stories.values()))
    _insert(conn, "articles", articles)
    for table in ("actors", "mentions", "quotes", "claims", "stances", "timexes"):
        _insert(conn, table, children.get(table, []))


def write_actors(conn: sqlite3.Connection, items: list[Made]) -> None:
    """Store-wide actors with the library's own resolver (`trails.actors`), as build_trails links them."""
    index = StoreActorIndex()
    found = [
        ArticleActor(item.record.id, actor.id, actor.name, actor.kind)
        for item in items
        for actor in item.record.actors
    ]
    resolved = index.resolve_all(found)
    new = [{"id": i, "name": a.name, "kind": a.kind} for a, i, is_new in resolved if is_new]
    _insert(conn, "store_actors", new)
    _insert(
        conn,
        "actor_links",
        [
            {"article_id": a.article_id, "actor_local_id": a.local_id, "store_actor_id": i}
            for a, i, _ in resolved
        ],
    )


def write_trails(conn: sqlite3.Connection, items: list[Made]) -> int:
    """One trail per claim template, linked in date order as the linker would (no embeddings needed)."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    members: dict[int, list[tuple[str, str, str]]] = {}  # template -> (date, article id, claim id)
    statements = {t.number: t.statement for item in items for t in item.claims}
    for item in items:
        for number, template in enumerate(item.claims, start=1):
            members.setdefault(template.number, []).append(
                (item.record.published or "", item.record.id, f"c{number}")
            )
    trails, links = [], []
    for number, claims in members.items():
        claims.sort()
        first_day, first_article, first_claim = claims[0]
        trail_id = trail_id_for(ClaimItem(article_id=first_article, claim_local_id=first_claim, statement=""))
        trails.append(
            {
                "id": trail_id,
                "label": statements[number],
                "first_article_id": first_article,
                "first_claim_local_id": first_claim,
                "first_seen": first_day,
                "last_seen": claims[-1][0],
                "n_claims": len(claims),
                "method": METHOD,
                "created_at": now,
                "updated_at": now,
            }
        )
        for day, article_id, claim_id in claims:
            first = (article_id, claim_id) == (first_article, first_claim)
            gap = (dt.date.fromisoformat(day) - dt.date.fromisoformat(first_day)).days
            links.append(
                {
                    "article_id": article_id,
                    "claim_local_id": claim_id,
                    "trail_id": trail_id,
                    "matched_article_id": None if first else first_article,
                    "matched_claim_local_id": None if first else first_claim,
                    "score": 1.0 if first else 0.9,
                    "text_similarity": 1.0 if first else 0.9,
                    "shared_entities": "[]",
                    "date_gap_days": None if first else gap,
                    "method": METHOD,
                    "linked_at": now,
                }
            )
    _insert(conn, "trails", trails)
    _insert(conn, "trail_claims", links)
    return len(trails)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args(argv)
    if args.db.exists():
        parser.error(f"{args.db} exists; pick a new path")
    started = time.monotonic()
    open_store(args.db).close()  # the schema, by the store's own migrations
    items = list(generate(args.articles, args.seed))
    conn = sqlite3.connect(args.db, isolation_level=None)
    try:
        conn.execute("BEGIN")
        write_base(conn, items)
        write_actors(conn, items)
        trails = write_trails(conn, items)
        conn.execute("COMMIT")
    finally:
        conn.close()
    store = open_store(args.db)
    try:
        # statistics first: without them SQLite reads the disputes count of refresh_summaries through the
        # stance index (a scan of every denial) instead of the trail's claims, ~40x slower per trail
        store.execute_sql("ANALYZE")
        store.commit()
        refresh_summaries(store)  # each trail's list line, stories and disputes, as the linker leaves them
        store.commit()
    finally:
        store.close()
    took = time.monotonic() - started
    print(f"{args.db}: {len(items)} articles, {trails} trails in {took:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Trails end to end on an annotated corpus (`expected_trails.json`, as in `samples/corpus`).

The folder is ingested into a fresh SQLite store and linked; each annotated appearance (a file and the
exact text where it states the claim) is mapped to the stored claim that overlaps that text most, and so
to a predicted trail. Scored:

- `bcubed_*` over the annotated appearances (an appearance whose claim was not extracted is a singleton);
- `first_reported_accuracy`: per annotated trail, the predicted trail of its first report starts at that
  article's story (the first report or one of its copies);
- `stance_recall`: annotated stances (file, actor's last name or unnamed source, stance) found among the
  stance events of the predicted trail of that file's appearance;
- `copies_grouped`: annotated copies stored in the same story as the article they copy.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from claimtrail.evaluate.run import EvalResult
from claimtrail.evaluate.trails import adjusted_rand_index, bcubed
from claimtrail.store import SQLStore, open_store

__all__ = ["ANNOTATION", "evaluate_corpus_trails"]

ANNOTATION = "expected_trails.json"


def _article_ids(store: SQLStore) -> dict[str, tuple[str, str, str]]:
    """file name -> (article id, text, story id)."""
    rows = store.execute_sql("SELECT id, source, text, story_id FROM articles")
    return {Path(str(source)).name: (str(i), str(text), str(story)) for i, source, text, story in rows}


def _predicted_trail(store: SQLStore, article_id: str, text: str, claim_text: str) -> str | None:
    start = text.find(claim_text)
    if start < 0:
        return None
    end = start + len(claim_text)
    rows = store.execute_sql(
        "SELECT t.trail_id, c.start_char, c.end_char FROM claims c JOIN trail_claims t"
        " ON t.article_id = c.article_id AND t.claim_local_id = c.local_id WHERE c.article_id = ?",
        (article_id,),
    )
    best = max(rows, key=lambda r: min(end, int(r[2])) - max(start, int(r[1])), default=None)
    if best is None or min(end, int(best[2])) - max(start, int(best[1])) <= 0:
        return None
    return str(best[0])


def _stance_found(view: Any, article_id: str, expected: dict[str, Any]) -> bool:
    actor = (expected.get("actor") or "").split()
    surname = actor[-1].casefold() if actor else None
    for event in view.stances:
        if event.article.id != article_id and article_id not in {
            c.id for a in view.appearances for c in a.copies
        }:
            continue
        if event.stance != expected["stance"]:
            continue
        name = (event.actor_name or "").casefold()
        if surname is None and event.actor_name is None:
            return True
        if surname is not None and surname in name.split():
            return True
    return False


def evaluate_corpus_trails(corpus_dir: Path, *, db: str | None = None) -> EvalResult:
    from claimtrail.ingest.run import ingest
    from claimtrail.trails.build import build_trails
    from claimtrail.trails.query import get_trail

    annotation = json.loads((corpus_dir / ANNOTATION).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        store = open_store(db or str(Path(scratch) / "corpus.db"))
        try:
            ingest([str(corpus_dir)], store)
            build_trails(store)
            return _score(store, annotation, get_trail)
        finally:
            store.close()


def _score(store: SQLStore, annotation: dict[str, Any], get_trail: Any) -> EvalResult:
    articles = _article_ids(store)
    predicted, gold, errors = [], [], []
    first_right = stances_found = stances_total = copies_right = copies_total = 0
    views: dict[str, Any] = {}
    for trail in annotation["trails"]:
        trail_of_file: dict[str, str | None] = {}
        for appearance in trail["appearances"]:
            article_id, text, story = articles[appearance["file"]]
            found = _predicted_trail(store, article_id, text, appearance["claim_text"])
            trail_of_file[appearance["file"]] = found
            predicted.append(found or f"missing:{appearance['file']}")
            gold.append(trail["id"])
            if found is None:
                errors.append(
                    {"trail": trail["id"], "file": appearance["file"], "error": "claim not extracted"}
                )
            if appearance["role"] == "copy":
                copies_total += 1
                copies_right += story == articles[appearance["copy_of"]][2]
        first = trail["first_reported"]["file"]
        first_trail = trail_of_file.get(first)
        if first_trail:
            view = views.setdefault(first_trail, get_trail(store, first_trail))
            lead = view.appearances[0] if view and view.appearances else None
            story_ids = {lead.article.id, *(c.id for c in lead.copies)} if lead else set()
            first_right += articles[first][0] in story_ids
        for expected in trail["stances"]:
            stances_total += 1
            trail_id = trail_of_file.get(expected["file"])
            view = views.setdefault(trail_id, get_trail(store, trail_id)) if trail_id else None
            if view is not None and _stance_found(view, articles[expected["file"]][0], expected):
                stances_found += 1
            else:
                errors.append({"trail": trail["id"], "file": expected["file"], "missed_stance": expected})
    precision, recall, f1 = bcubed(predicted, gold)
    n_trails = len(annotation["trails"])
    return EvalResult(
        n=len(predicted),
        metrics={
            "bcubed_precision": precision,
            "bcubed_recall": recall,
            "bcubed_f1": f1,
            "ari": adjusted_rand_index(predicted, gold),
            "first_reported_accuracy": first_right / n_trails if n_trails else 0.0,
            "stance_recall": stances_found / stances_total if stances_total else 0.0,
            "copies_grouped": copies_right / copies_total if copies_total else 1.0,
        },
        errors=tuple(errors),
    )

"""The case matcher (tests/casecheck.py) on hand-made records, and the hand-written cases themselves."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from casecheck import check_case, jaccard, name_key, normalize, occurs_in, score_cases, texts_match

CASES = Path(__file__).parent / "cases" / "articles"

# ------------------------------------------------------- a small expected case and a record that passes

EXPECTED: dict[str, Any] = {
    "headline": "Minister denies report of secret deal",
    "dateline": {"place": "MOSCOW", "outlets": ["Sputnik"], "date": "2019-01-28"},
    "published": "2019-01-28",
    "published_from": "dateline",
    "actors_at_least": [
        {
            "name": "Jorge Arreaza",
            "kind": "PERSON",
            "titles": ["Foreign Minister"],
            "affiliation": "Venezuela",
            "mentions_include": ["Arreaza", "he (in 'he said')"],
        },
        {"name": "Reuters", "kind": "ORG"},
    ],
    "quotes_at_least": [
        {
            "speaker": "Jorge Arreaza",
            "kind": "direct",
            "text": "These are just rumors",
            "cue": "told",
            "addressee": "RT",
        },
        {
            "speaker": "Jorge Arreaza",
            "kind": "indirect",
            "text": "no state had military bases in Venezuela",
            "cue": "noted",
        },
    ],
    "claims_at_least": [
        {
            "text": "400 contractors arrived in Venezuela",
            "normalized": "400 contractors arrived in Venezuela",
            "stances": [
                {"actor": "Reuters", "stance": "reports", "cue": "reported"},
                {"actor": "Jorge Arreaza", "stance": "denies", "cue": "rumors"},
                {"actor": None, "source_description": "media reports", "stance": "reports", "cue": "reports"},
            ],
        },
    ],
    "timexes": [
        {"text": "Friday", "type": "DATE", "value": "2019-01-25"},
        {"text": "last week", "type": "DATE", "value": "2019-W04"},
    ],
}


def _ref(actor_id: str, name: str) -> dict[str, str]:
    return {"actor": actor_id, "name": name}


def _record() -> dict[str, Any]:
    return {
        "headline": "Minister denies report of  secret deal",
        "dateline": {"place": "MOSCOW", "outlets": ["Sputnik"], "date": "2019-01-28", "start": 0, "end": 40},
        "published": "2019-01-28",
        "published_from": "dateline",
        "actors": [
            {
                "id": "a1",
                "name": "Jorge Arreaza",
                "kind": "PERSON",
                "titles": ["Foreign Minister", "envoy"],
                "affiliation": "Venezuela",
                "mentions": [
                    {"start": 0, "end": 7, "text": "Arreaza"},
                    {"start": 9, "end": 11, "text": "he"},
                ],
            },
            {"id": "a2", "name": "Reuters", "kind": "ORG", "titles": [], "affiliation": None, "mentions": []},
            {"id": "a3", "name": "RT", "kind": "ORG", "titles": [], "affiliation": None, "mentions": []},
        ],
        "quotes": [
            {
                "id": "q1",
                "kind": "direct",
                "text": "These are just rumors,",
                "start": 0,
                "end": 1,
                "speaker": _ref("a1", "Arreaza"),
                "cue": "told",
                "addressee": _ref("a3", "RT"),
            },
            {
                "id": "q2",
                "kind": "indirect",
                "text": "no state had military bases in Venezuela.",
                "start": 0,
                "end": 1,
                "speaker": _ref("a1", "he"),
                "cue": "noted",
                "addressee": None,
            },
        ],
        "claims": [
            {
                "id": "c1",
                "text": "about 400 contractors arrived in Venezuela",
                "start": 0,
                "end": 1,
                "normalized": "",
                "stances": [
                    {
                        "actor": _ref("a2", "Reuters"),
                        "source_description": None,
                        "stance": "reports",
                        "cue": "reported",
                        "evidence": {},
                    },
                    {
                        "actor": _ref("a1", "Arreaza"),
                        "source_description": None,
                        "stance": "denies",
                        "cue": "rumors",
                        "evidence": {},
                    },
                    {
                        "actor": None,
                        "source_description": "media reports",
                        "stance": "reports",
                        "cue": "reports",
                        "evidence": {},
                    },
                ],
            },
        ],
        "timexes": [
            {"text": "Friday", "start": 0, "end": 1, "type": "DATE", "value": "2019-01-25", "anchor": None},
            {"text": "last week", "start": 0, "end": 1, "type": "DATE", "value": "2019-W04", "anchor": None},
        ],
    }


def test_matching_record_passes() -> None:
    assert check_case(EXPECTED, _record()) == []


def test_normalize_folds_quotes_space_case_and_trailing_punctuation() -> None:
    assert normalize(" the report was “another  hoax.” ") == normalize('the report was "another hoax"')
    assert normalize("These are just rumors,") == "these are just rumors"
    assert normalize("Wait...") == "wait"


def test_text_match_by_jaccard() -> None:
    assert texts_match("a b c d e f g h i j", "a b c d e f g h i j k")  # 10/11
    assert not texts_match("a b c d", "a b c e")  # 3/5
    assert jaccard("", "") == 1.0


def test_occurs_in_ignores_punctuation_and_handles_gaps() -> None:
    text = "Maduro also accused Washington, which has long voiced concerns, of organizing a coup."
    assert occurs_in("Washington ... of organizing a coup in", text) is False
    assert occurs_in("Washington ... of organizing a coup", text)
    assert occurs_in("accused “Washington”", text)
    assert not occurs_in("acused Washington", text)


def _broken(path: str, value: Any) -> dict[str, Any]:
    """A copy of the passing record with one value replaced; `path` is dot-separated keys and indexes."""
    record = _record()
    *parents, last = path.split(".")
    target: Any = record
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    target[int(last) if last.isdigit() else last] = value
    return record


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("headline", "Another headline", "headline"),
        ("published", "2019-01-27", "published"),
        ("published_from", "input", "published_from"),
        ("dateline.place", "CARACAS", "dateline place"),
        ("dateline.outlets", ["Pakistan Point News", "Sputnik"], "dateline outlets"),
        ("dateline.date", None, "dateline date"),
        ("dateline", None, "dateline"),
        ("actors.0.kind", "ORG", "actor 'Jorge Arreaza' (PERSON): missing"),
        ("actors.0.titles", ["envoy"], "titles"),
        ("actors.0.affiliation", "Russia", "affiliation"),
        ("actors.0.mentions", [{"text": "Arreaza"}], "(PERSON): mention \"he (in 'he said')\" missing"),
        ("quotes.0.text", "Those were rumors", "quote 'These are just rumors': missing"),
        ("quotes.0.kind", "mixed", "kind expected 'direct'"),
        ("quotes.0.speaker", None, "speaker expected 'Jorge Arreaza', got null"),
        ("quotes.1.speaker", _ref("a2", "Reuters"), "speaker expected 'Jorge Arreaza'"),
        ("quotes.0.cue", "said", "cue expected 'told'"),
        ("quotes.0.addressee", None, "addressee expected 'RT'"),
        ("claims.0.text", "Maduro asked Moscow for aid", "stance missing: Reuters reports"),
        ("claims.0.stances.0.stance", "asserts", "stance missing: Reuters reports"),
        ("claims.0.stances.1.actor", _ref("a2", "Reuters"), "stance missing: Jorge Arreaza denies"),
        ("claims.0.stances.2.actor", _ref("a2", "Reuters"), "stance missing: null reports"),
        ("timexes.0.value", "2019-01-18", "timex 'Friday': expected DATE 2019-01-25, got DATE 2019-01-18"),
        ("timexes.1.type", "DURATION", "timex 'last week'"),
    ],
)
def test_each_rule_fails_when_broken(path: str, value: Any, message: str) -> None:
    problems = check_case(EXPECTED, _broken(path, value))
    assert any(message in p for p in problems), problems


def test_speaker_matches_through_the_actor_id() -> None:
    # The ActorRef says "he", but points to the actor named Jorge Arreaza: right.
    assert check_case(EXPECTED, _broken("quotes.0.speaker", _ref("a1", "he"))) == []
    # A ref whose written name is the expected name also passes without an actor id.
    assert check_case(EXPECTED, _broken("quotes.0.speaker", {"actor": "zz", "name": "jorge arreaza"})) == []


def test_names_match_without_a_leading_the() -> None:
    assert name_key("The Spokane Ledger") == name_key("Spokane Ledger") == "spokane ledger"
    assert name_key("Theodore Ross") == "theodore ross"
    assert (
        check_case(EXPECTED, _broken("quotes.0.speaker", {"actor": "zz", "name": "The Jorge Arreaza"})) == []
    )


def test_expected_null_speaker_needs_null() -> None:
    expected = copy.deepcopy(EXPECTED)
    expected["quotes_at_least"][0]["speaker"] = None
    problems = check_case(expected, _record())
    assert any("speaker expected None, got 'Arreaza'" in p for p in problems), problems


def test_kind_prefers_same_kind_and_matches_one_to_one() -> None:
    record = _record()
    record["quotes"].append({**record["quotes"][0], "id": "q3", "kind": "mixed"})
    assert check_case(EXPECTED, record) == []
    expected = copy.deepcopy(EXPECTED)
    expected["quotes_at_least"].append({**expected["quotes_at_least"][0]})
    problems = check_case(expected, _record())
    assert problems == ["quote 'These are just rumors': missing (direct, speaker 'Jorge Arreaza')"]


def test_stance_found_on_any_overlapping_claim() -> None:
    record = _record()
    denial = record["claims"][0]["stances"].pop(1)
    record["claims"].append({"id": "c2", "text": "400 contractors arrived", "stances": [denial]})
    assert check_case(EXPECTED, record) == []
    record["claims"][1]["text"] = "contractors"  # 1 of 5 expected tokens: no longer overlaps
    assert any("stance missing: Jorge Arreaza denies" in p for p in check_case(EXPECTED, record))


def test_no_denials_fails_on_any_denial() -> None:
    expected = {**copy.deepcopy(EXPECTED), "no_denials": True}
    expected["claims_at_least"][0]["stances"].pop(1)
    problems = check_case(expected, _record())
    assert problems == [
        "false denial: 'Arreaza' denies 'about 400 contractors arrived in Venezuela' (cue 'rumors')"
    ]


def test_denial_on_an_unannotated_claim_or_by_another_actor_is_false() -> None:
    record = _record()
    record["claims"].append(
        {
            "id": "c2",
            "text": "Maduro asked Moscow for military aid",
            "stances": [{"actor": _ref("a1", "Arreaza"), "stance": "denies", "cue": "refuted"}],
        }
    )
    record["claims"][0]["stances"].append({"actor": _ref("a2", "Reuters"), "stance": "denies", "cue": "no"})
    problems = check_case(EXPECTED, record)
    assert problems == [
        "false denial: 'Reuters' denies 'about 400 contractors arrived in Venezuela' (cue 'no')",
        "false denial: 'Arreaza' denies 'Maduro asked Moscow for military aid' (cue 'refuted')",
    ]


def test_unexpected_timex_is_reported() -> None:
    record = _record()
    record["timexes"].append({"text": "today", "type": "DATE", "value": "2019-01-28"})
    assert check_case(EXPECTED, record) == ["unexpected timex 'today' (DATE 2019-01-28)"]


def test_score_cases_aggregates() -> None:
    bad = _broken("quotes.1.speaker", None)
    bad["claims"][0]["stances"].pop(0)
    bad["timexes"][0]["value"] = "2019-01-18"
    bad["dateline"]["date"] = None
    no_denial = {**copy.deepcopy(EXPECTED), "no_denials": True}
    no_denial["claims_at_least"][0]["stances"].pop(1)
    scores = score_cases([(EXPECTED, _record()), (EXPECTED, bad), (no_denial, _record())])
    assert scores["articles"] == 3
    assert scores["passing"] == 1
    assert scores["quotes"] == 6
    assert scores["speaker_rate"] == round(5 / 6, 4)
    assert scores["quote_rate"] == 1.0
    assert (scores["stances"], scores["stances_found"]) == (8, 7)
    assert scores["false_denials"] == 1
    assert (scores["timexes"], scores["timexes_right"], scores["timex_rate"]) == (6, 5, round(5 / 6, 4))
    assert scores["dateline_rate"] == round(2 / 3, 4)
    assert score_cases([])["speaker_rate"] is None


# ---------------------------------------------------------------- the hand-written cases

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_STANCES = {"asserts", "reports", "denies", "questions"}


def _case_paths() -> list[Path]:
    return sorted(CASES.glob("*.expected.json"))


def _load(path: Path) -> tuple[dict[str, Any], str, dict[str, Any] | None]:
    """(expected, article text, the JSONL input line or None)."""
    expected = json.loads(path.read_text(encoding="utf-8"))
    stem = path.name.removesuffix(".expected.json")
    txt, jsonl = CASES / f"{stem}.txt", CASES / f"{stem}.jsonl"
    assert txt.exists() != jsonl.exists(), f"{stem}: need exactly one of .txt and .jsonl"
    if txt.exists():
        return expected, txt.read_text(encoding="utf-8"), None
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1, f"{jsonl.name}: one JSON line expected"
    row = json.loads(lines[0])
    return expected, row["text"], row


def test_there_are_enough_cases() -> None:
    paths = _case_paths()
    assert len(paths) >= 34
    assert sum(json.loads(p.read_text(encoding="utf-8")).get("no_denials", False) for p in paths) >= 5
    assert len(list(CASES.glob("*.jsonl"))) >= 5
    articles = {p.name.split(".")[0] for p in CASES.iterdir() if p.suffix in {".txt", ".jsonl"}}
    assert articles == {p.name.removesuffix(".expected.json") for p in paths}


def _spans(expected: dict[str, Any]) -> list[tuple[str, str]]:
    """(what, text) for every piece of the expected file that must occur in the article."""
    spans = [("headline", expected["headline"])]
    spans += [("quote", q["text"]) for q in expected.get("quotes_at_least", [])]
    spans += [("quote cue", q["cue"]) for q in expected.get("quotes_at_least", []) if q.get("cue")]
    for claim in expected.get("claims_at_least", []):
        spans.append(("claim", claim["text"]))
        spans += [("stance cue", s["cue"]) for s in claim["stances"] if s.get("cue")]
    for timex in expected.get("timexes", []):
        spans.append(("timex", timex["text"]))
        if "in" in timex:
            assert occurs_in(timex["text"], timex["in"]), (
                f"timex {timex['text']!r} not inside {timex['in']!r}"
            )
            spans.append(("timex context", timex["in"]))
    for actor in expected.get("actors_at_least", []):
        for mention in actor.get("mentions_include", []):
            head, _, context = mention.partition(" (in '")
            spans.append(("mention", head))
            if context:
                spans.append(("mention context", context.removesuffix("')")))
        spans += [("title", t) for t in actor.get("titles", [])]
    return spans


@pytest.mark.parametrize("path", _case_paths(), ids=lambda p: p.name.removesuffix(".expected.json"))
def test_case_file_is_consistent_with_its_article(path: Path) -> None:
    expected, text, row = _load(path)
    given = row.get("headline") if row is not None else None  # JSONL may carry it apart from the body
    spans = [(what, span) for what, span in _spans(expected) if not (what == "headline" and given)]
    missing = [f"{what}: {span!r}" for what, span in spans if not occurs_in(span, text)]
    assert not missing, "\n".join(missing)

    if given:
        assert expected["headline"] == given
        body = text
    else:
        assert expected["headline"] == text.splitlines()[0].strip()
        body = text.split("\n\n", 1)[1]
    assert 150 <= len(body.split()) <= 500, f"{len(body.split())} words"
    if row is not None:
        assert row["published"] == expected["published"]
        assert expected["published_from"] == "input"
    elif (
        expected["dateline"] is not None and expected["dateline"]["date"] is None
    ):  # "EVANSVILLE, Ind. (AP) —"
        assert expected["published"] is None
        assert expected["published_from"] is None
    else:
        assert expected["published_from"] == "dateline"
    dateline = expected["dateline"]
    if dateline is None:  # a local paper without a dateline: the input's date anchors the article
        assert row is not None
        assert row["published"]
        return
    assert occurs_in(dateline["place"], text)
    assert all(occurs_in(outlet, text) for outlet in dateline["outlets"])


@pytest.mark.parametrize("path", _case_paths(), ids=lambda p: p.name.removesuffix(".expected.json"))
def test_case_file_labels_are_valid(path: Path) -> None:
    expected, _, _ = _load(path)
    actors = {a["name"] for a in expected["actors_at_least"]}
    assert all(a["kind"] in {"PERSON", "ORG", "GPE", "NORP", "UNNAMED"} for a in expected["actors_at_least"])
    for quote in expected["quotes_at_least"]:
        assert quote["kind"] in {"direct", "mixed", "indirect"}
        assert quote["speaker"] is None or quote["speaker"] in actors, quote["speaker"]
    for claim in expected["claims_at_least"]:
        for stance in claim["stances"]:
            assert stance["stance"] in _STANCES
            assert stance["actor"] in actors or (stance["actor"] is None and stance["source_description"])
            assert not (expected.get("no_denials") and stance["stance"] == "denies")
    if expected["published"] is None:  # a dateline with no date: only absolute dates can be written
        assert all(re.fullmatch(r"\d{4}(-\d\d){0,2}|P\w+", t["value"]) for t in expected.get("timexes", []))
        return
    published = dt.date.fromisoformat(expected["published"])
    for timex in expected.get("timexes", []):  # held-out speaker cases carry no timex annotation
        assert timex["type"] in {"DATE", "TIME", "DURATION", "SET"}
        day = re.fullmatch(r"\d{4}-\d\d-\d\d", timex["value"])
        weekday = timex["text"].split()[0].casefold().removesuffix("'s")
        if weekday in _WEEKDAYS and day:
            value = dt.date.fromisoformat(timex["value"])
            assert _WEEKDAYS[value.weekday()] == weekday, timex
            assert abs((value - published).days) <= 7, timex
        relative = _relative_value(timex["text"], published)
        assert relative in {None, timex["value"]}, (timex, relative)


def _relative_value(text: str, published: dt.date) -> str | None:
    """The value of `last/next week/month/year`, `yesterday`, `earlier this month`, or None for other text."""
    text = text.casefold()
    if text == "yesterday":
        return (published - dt.timedelta(days=1)).isoformat()
    if text in {"this month", "earlier this month"}:
        return f"{published:%Y-%m}"
    step = {"last": -1, "next": 1}.get(text.split()[0])
    unit = text.removeprefix("last ").removeprefix("next ")
    if step is None or unit not in {"week", "month", "year"}:
        return None
    if unit == "week":
        year, week, _ = (published + dt.timedelta(weeks=step)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "year":
        return str(published.year + step)
    month = published.year * 12 + published.month - 1 + step
    return f"{month // 12}-{month % 12 + 1:02d}"


def _perfect_record(expected: dict[str, Any]) -> dict[str, Any]:
    """The record an ideal extractor would emit for `expected` (enough of it for the matcher)."""
    ids = {a["name"]: f"a{i}" for i, a in enumerate(expected["actors_at_least"])}

    def ref(name: str | None) -> dict[str, str] | None:
        return None if name is None else {"actor": ids.get(name, "?"), "name": name}

    actors = [
        {
            **a,
            "id": ids[a["name"]],
            "mentions": [{"text": m.partition(" (in '")[0]} for m in a.get("mentions_include", [])],
        }
        for a in expected["actors_at_least"]
    ]
    quotes = [
        {**q, "speaker": ref(q["speaker"]), "addressee": ref(q.get("addressee"))}
        for q in expected["quotes_at_least"]
    ]
    claims = [
        {"text": c["text"], "stances": [{**s, "actor": ref(s["actor"])} for s in c["stances"]]}
        for c in expected["claims_at_least"]
    ]
    return {**expected, "actors": actors, "quotes": quotes, "claims": claims}


@pytest.mark.parametrize("path", _case_paths(), ids=lambda p: p.name.removesuffix(".expected.json"))
def test_a_perfect_record_passes_its_case(path: Path) -> None:
    expected, _, _ = _load(path)
    assert check_case(expected, _perfect_record(expected)) == []

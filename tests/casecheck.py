"""Compare a hand-written expected case (tests/cases/articles/*.expected.json) with an extracted record dict.

`check_case(expected, record)` returns human-readable mismatches (an empty list means the record passes);
`score_cases(pairs)` aggregates the rates the project is judged on over many (expected, record) pairs.

The record is the plain dict of one `claimtrail.article/1` record (see `claimtrail.serialize`). The expected
file has no offsets; lists named `*_at_least` are a floor (extra items in the record are not errors).

Matching rules (lenient on formatting, strict on substance):

- Texts are compared after `normalize`: curly quotes and apostrophes become straight, dashes stay, whitespace
  collapses, the comparison is case-insensitive, and trailing `.,;:` is dropped (also just before a
  closing quote mark, so `"another hoax."` equals `"another hoax"`). `...` in an expected text marks a gap.
- headline (normalised), published and published_from (exact strings); dateline place, outlets (in order)
  and date.
- actors_at_least: a record actor with the same name and kind; expected titles are a subset of the record's;
  affiliation, when given, is equal; each `mentions_include` item (its text before any " (in '...')" note)
  is the text of one of the actor's mentions.
- quotes_at_least: a record quote whose text equals the expected text or has token Jaccard >= 0.8 with it.
  A quote is *found* only with the same kind; a text match of another kind is reported as a kind mismatch.
  Speaker, cue and addressee are each checked on the text-matched quote and reported separately, so a
  quote of the wrong kind can still have the right speaker. Each record quote matches one expected quote.
  An expected addressee that is no actor ("reporters") is compared with the record quote's `audience`.
  A speaker matches when the expected name equals (ignoring case and a leading 'The') the name written in the
  record's ActorRef or the name of the record actor it points to; `null` matches only `null`. Actor names and
  affiliations are compared the same way ('The Spokane Ledger' is 'Spokane Ledger').
- claims_at_least: a record claim *overlaps* an expected claim when it holds at least half of the expected
  claim's tokens. An expected stance is found when any overlapping record claim has a stance with the same
  actor (as for speakers; `null` with `null`) and the same label. Stances are keyed on (actor, label), so
  two expected denials by one actor with different cues count once. Cue and source_description are not
  compared (they are notes for the reader).
- timexes: matched one-to-one on (text, type, value); the expected list is complete, so record timexes
  left over are reported as unexpected.
- no_denials: true fails on any `denies` stance in the record.
- held_out: true marks a case written before the code it checks and never tuned on; the evaluation gate
  scores those apart from the development cases (`tests/test_eval_gate.py`). Such a case may leave out
  `timexes`, and then its dates are not checked.

False denials (scored by `score_cases` and reported by `check_case`): every `denies` stance in a
`no_denials` article; elsewhere, a `denies` stance is false unless some expected claim that the record
claim overlaps lists a `denies` stance by the same actor. Annotators list every denial in an article, so a
denial missing from the expected file is the extractor's error, not a gap in the annotation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

JACCARD_MIN = 0.8
CLAIM_OVERLAP_MIN = 0.5

_QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "«": '"', "»": '"'})
_TRAILING = re.compile(r"[.,;:]+(?=[\"']*$)")
_TOKEN = re.compile(r"\w+")
_NOTE = re.compile(r"\s+\(in '.*$")

Record = Mapping[str, Any]


def normalize(text: str | None) -> str:
    """Whitespace, quote marks, case and trailing punctuation folded away."""
    if text is None:
        return ""
    folded = " ".join(text.translate(_QUOTE_MAP).split()).casefold()
    return _TRAILING.sub("", folded).strip()


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(normalize(text))


def jaccard(a: str | None, b: str | None) -> float:
    sa, sb = set(tokens(a)), set(tokens(b))
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


def coverage(expected: str | None, found: str | None) -> float:
    """Share of the expected text's tokens that `found` holds."""
    se = set(tokens(expected))
    if not se:
        return 0.0
    return len(se & set(tokens(found))) / len(se)


def texts_match(expected: str | None, found: str | None) -> bool:
    return normalize(expected) == normalize(found) or jaccard(expected, found) >= JACCARD_MIN


def mention_text(item: str) -> str:
    """`"he (in 'said he was')"` -> `"he"`: the leading text of a mentions_include item."""
    return _NOTE.sub("", item)


def occurs_in(needle: str, haystack: str) -> bool:
    """Do the words of `needle` occur, in order and contiguous, in `haystack`? `...` marks a gap.

    Punctuation, quote marks and case are ignored, so a typo in a word is caught but a comma is not.
    """
    words = tokens(haystack)
    position = 0
    for part in needle.split("..."):
        piece = tokens(part)
        if not piece:
            continue
        found = next(
            (i for i in range(position, len(words) - len(piece) + 1) if words[i : i + len(piece)] == piece),
            None,
        )
        if found is None:
            return False
        position = found + len(piece)
    return True


# ---------------------------------------------------------------- actors and references


def _actor_names(record: Record) -> dict[str, str]:
    return {a.get("id", ""): a.get("name", "") for a in record.get("actors") or []}


def name_key(name: str | None) -> str:
    """A name as compared: normalised, without a leading 'The' ('The Spokane Ledger' is 'Spokane Ledger')."""
    return re.sub(r"^the ", "", normalize(name))


def ref_names(ref: Mapping[str, Any] | None, actors: Mapping[str, str]) -> set[str]:
    """The name keys an ActorRef answers to: as written, and the canonical name of its actor."""
    if not ref:
        return set()
    names = {name_key(ref.get("name"))}
    actor_id = ref.get("actor")
    if actor_id in actors:
        names.add(name_key(actors[actor_id]))
    names.discard("")
    return names


def ref_matches(expected_name: str | None, ref: Mapping[str, Any] | None, actors: Mapping[str, str]) -> bool:
    if expected_name is None:
        return not ref
    return name_key(expected_name) in ref_names(ref, actors)


def _show(ref: Mapping[str, Any] | None) -> str:
    return "null" if not ref else repr(ref.get("name"))


# ---------------------------------------------------------------- sections


def _check_meta(expected: Mapping[str, Any], record: Record) -> list[str]:
    problems = []
    if "headline" in expected and normalize(expected["headline"]) != normalize(record.get("headline")):
        problems.append(f"headline: expected {expected['headline']!r}, got {record.get('headline')!r}")
    for key in ("published", "published_from"):
        if key in expected and expected[key] != record.get(key):
            problems.append(f"{key}: expected {expected[key]!r}, got {record.get(key)!r}")
    return problems


def dateline_problems(expected: Mapping[str, Any], record: Record) -> list[str]:
    if "dateline" not in expected:
        return []
    want, got = expected["dateline"], record.get("dateline")
    if want is None:
        return [] if got is None else [f"dateline: expected none, got {got!r}"]
    if got is None:
        return [f"dateline: expected {want!r}, got none"]
    problems = []
    if "place" in want and normalize(want["place"]) != normalize(got.get("place")):
        problems.append(f"dateline place: expected {want['place']!r}, got {got.get('place')!r}")
    if "outlets" in want:
        outlets = [normalize(o) for o in got.get("outlets") or []]
        if [normalize(o) for o in want["outlets"]] != outlets:
            problems.append(f"dateline outlets: expected {want['outlets']!r}, got {got.get('outlets')!r}")
    if "date" in want and want["date"] != got.get("date"):
        problems.append(f"dateline date: expected {want['date']!r}, got {got.get('date')!r}")
    return problems


def _check_actor(want: Mapping[str, Any], record: Record) -> list[str]:
    """Problems with the record actor closest to `want`: two actors may share a name ('Foreign Ministry'
    of two countries), so the one with the fewest problems is the match."""
    label = f"actor {want['name']!r} ({want.get('kind')})"
    candidates = [
        a
        for a in record.get("actors") or []
        if name_key(a.get("name")) == name_key(want["name"]) and a.get("kind") == want.get("kind")
    ]
    if not candidates:
        return [f"{label}: missing"]
    return min((_actor_problems(want, actor, label) for actor in candidates), key=len)


def _actor_problems(want: Mapping[str, Any], actor: Mapping[str, Any], label: str) -> list[str]:
    problems = []
    titles = {normalize(t) for t in actor.get("titles") or []}
    missing_titles = [t for t in want.get("titles") or [] if normalize(t) not in titles]
    if missing_titles:
        problems.append(f"{label}: titles {missing_titles!r} missing from {actor.get('titles')!r}")
    if want.get("affiliation") and name_key(want["affiliation"]) != name_key(actor.get("affiliation")):
        problems.append(
            f"{label}: affiliation expected {want['affiliation']!r}, got {actor.get('affiliation')!r}"
        )
    mentions = {normalize(m.get("text")) for m in actor.get("mentions") or []}
    for item in want.get("mentions_include") or []:
        if normalize(mention_text(item)) not in mentions:
            problems.append(f"{label}: mention {item!r} missing")
    return problems


def _match_quote(
    want: Mapping[str, Any], quotes: list[Mapping[str, Any]], used: set[int]
) -> Mapping[str, Any] | None:
    """The record quote matching `want`: same kind preferred, then the closer text."""
    candidates = [
        (q.get("kind") == want.get("kind"), jaccard(want["text"], q.get("text")), i)
        for i, q in enumerate(quotes)
        if i not in used and texts_match(want["text"], q.get("text"))
    ]
    if not candidates:
        return None
    _, _, index = max(candidates)
    used.add(index)
    return quotes[index]


def _quote_outcomes(expected: Mapping[str, Any], record: Record) -> list[tuple[Mapping[str, Any], Any]]:
    quotes = list(record.get("quotes") or [])
    used: set[int] = set()
    return [(want, _match_quote(want, quotes, used)) for want in expected.get("quotes_at_least") or []]


def _quote_problems(want: Mapping[str, Any], got: Any, actors: Mapping[str, str]) -> list[str]:
    label = f"quote {want['text'][:60]!r}"
    if got is None:
        return [f"{label}: missing ({want.get('kind')}, speaker {want.get('speaker')!r})"]
    problems = []
    if got.get("kind") != want.get("kind"):
        problems.append(f"{label}: kind expected {want.get('kind')!r}, got {got.get('kind')!r}")
    if not ref_matches(want.get("speaker"), got.get("speaker"), actors):
        problems.append(f"{label}: speaker expected {want.get('speaker')!r}, got {_show(got.get('speaker'))}")
    if "cue" in want and normalize(want["cue"]) != normalize(got.get("cue")):
        problems.append(f"{label}: cue expected {want['cue']!r}, got {got.get('cue')!r}")
    # an addressee that is no actor ("told reporters") is the record's `audience`, as written
    heard_by = got.get("addressee") or ({"name": got["audience"]} if got.get("audience") else None)
    if "addressee" in want and not ref_matches(want["addressee"], heard_by, actors):
        problems.append(f"{label}: addressee expected {want['addressee']!r}, got {_show(heard_by)}")
    return problems


def _overlapping(claim_text: str, record: Record) -> list[Mapping[str, Any]]:
    return [c for c in record.get("claims") or [] if coverage(claim_text, c.get("text")) >= CLAIM_OVERLAP_MIN]


def _stance_keys(claim: Mapping[str, Any]) -> list[tuple[str | None, str]]:
    keys: list[tuple[str | None, str]] = []
    for stance in claim.get("stances") or []:
        key = (stance.get("actor"), stance["stance"])
        if key not in keys:
            keys.append(key)
    return keys


def _stance_outcomes(expected: Mapping[str, Any], record: Record) -> list[tuple[str, str | None, str, bool]]:
    """(claim text, actor, label, found) for every distinct expected stance."""
    actors = _actor_names(record)
    outcomes = []
    for claim in expected.get("claims_at_least") or []:
        overlapping = _overlapping(claim["text"], record)
        for actor, label in _stance_keys(claim):
            found = any(
                s.get("stance") == label and ref_matches(actor, s.get("actor"), actors)
                for c in overlapping
                for s in c.get("stances") or []
            )
            outcomes.append((claim["text"], actor, label, found))
    return outcomes


def false_denials(expected: Mapping[str, Any], record: Record) -> list[str]:
    """Record `denies` stances the expected file does not support (see the module docstring)."""
    actors = _actor_names(record)
    denials_ok = [] if expected.get("no_denials") else expected.get("claims_at_least") or []
    problems = []
    for claim in record.get("claims") or []:
        for stance in claim.get("stances") or []:
            if stance.get("stance") != "denies":
                continue
            supported = any(
                coverage(want["text"], claim.get("text")) >= CLAIM_OVERLAP_MIN
                and any(
                    s["stance"] == "denies" and ref_matches(s.get("actor"), stance.get("actor"), actors)
                    for s in want.get("stances") or []
                )
                for want in denials_ok
            )
            if not supported:
                who = _show(stance.get("actor"))
                problems.append(
                    f"false denial: {who} denies {claim.get('text', '')[:60]!r} (cue {stance.get('cue')!r})"
                )
    return problems


def _timex_outcomes(expected: Mapping[str, Any], record: Record) -> tuple[list[tuple[Any, bool]], list[Any]]:
    remaining = list(record.get("timexes") or [])
    outcomes = []
    for want in expected.get("timexes") or []:
        key = (normalize(want["text"]), want.get("type"), want.get("value"))
        hit = next(
            (t for t in remaining if (normalize(t.get("text")), t.get("type"), t.get("value")) == key), None
        )
        if hit is not None:
            remaining.remove(hit)
        outcomes.append((want, hit is not None))
    return outcomes, remaining


def _timex_problems(expected: Mapping[str, Any], record: Record) -> list[str]:
    if "timexes" not in expected:
        return []
    outcomes, extra = _timex_outcomes(expected, record)
    problems = []
    for want, ok in outcomes:
        if ok:
            continue
        same_text = [
            t for t in record.get("timexes") or [] if normalize(t.get("text")) == normalize(want["text"])
        ]
        got = ", ".join(f"{t.get('type')} {t.get('value')}" for t in same_text) or "nothing"
        where = f" in {want['in']!r}" if "in" in want else ""
        problems.append(f"timex {want['text']!r}{where}: expected {want['type']} {want['value']}, got {got}")
    problems.extend(f"unexpected timex {t.get('text')!r} ({t.get('type')} {t.get('value')})" for t in extra)
    return problems


# ---------------------------------------------------------------- public API


def check_case(expected: Mapping[str, Any], record: Record) -> list[str]:
    """Every way `record` falls short of `expected`, one readable line each; [] means it passes."""
    actors = _actor_names(record)
    problems = _check_meta(expected, record) + dateline_problems(expected, record)
    for want in expected.get("actors_at_least") or []:
        problems += _check_actor(want, record)
    for want, got in _quote_outcomes(expected, record):
        problems += _quote_problems(want, got, actors)
    for text, actor, label, found in _stance_outcomes(expected, record):
        if not found:
            problems.append(f"stance missing: {actor or 'null'} {label} {text[:60]!r}")
    problems += false_denials(expected, record)
    problems += _timex_problems(expected, record)
    return problems


def _rate(hit: int, total: int) -> float | None:
    return None if total == 0 else round(hit / total, 4)


def score_cases(pairs: Iterable[tuple[Mapping[str, Any], Record]]) -> dict[str, Any]:
    """Aggregate rates over (expected, record) pairs; a rate is None when nothing was expected."""
    n = dict.fromkeys(
        ("articles", "passing", "quotes", "quotes_found", "speakers_right", "stances", "stances_found",
         "false_denials", "timexes", "timexes_right", "datelines", "datelines_right"),
        0,
    )  # fmt: skip
    for expected, record in pairs:
        n["articles"] += 1
        n["passing"] += not check_case(expected, record)
        actors = _actor_names(record)
        for want, got in _quote_outcomes(expected, record):
            n["quotes"] += 1
            n["quotes_found"] += got is not None and got.get("kind") == want.get("kind")
            n["speakers_right"] += got is not None and ref_matches(
                want.get("speaker"), got.get("speaker"), actors
            )
        outcomes = _stance_outcomes(expected, record)
        n["stances"] += len(outcomes)
        n["stances_found"] += sum(found for *_, found in outcomes)
        n["false_denials"] += len(false_denials(expected, record))
        if "timexes" in expected:
            timexes, _ = _timex_outcomes(expected, record)
            n["timexes"] += len(timexes)
            n["timexes_right"] += sum(ok for _, ok in timexes)
        if "dateline" in expected:
            n["datelines"] += 1
            n["datelines_right"] += not dateline_problems(expected, record)
    return {
        **n,
        "quote_rate": _rate(n["quotes_found"], n["quotes"]),
        "speaker_rate": _rate(n["speakers_right"], n["quotes"]),
        "stance_rate": _rate(n["stances_found"], n["stances"]),
        "timex_rate": _rate(n["timexes_right"], n["timexes"]),
        "dateline_rate": _rate(n["datelines_right"], n["datelines"]),
    }

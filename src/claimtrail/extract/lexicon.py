"""Word lists used by the extraction stages, loaded once from the TOML files in `lexicons/`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


def _load(name: str) -> dict[str, Any]:
    text = resources.files("claimtrail.extract").joinpath("lexicons", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True, slots=True)
class Lexicon:
    version: str
    speech_verbs: frozenset[str]
    stance_verbs: dict[str, str]
    claim_nouns: frozenset[str]
    denial_predicates: frozenset[str]
    same_meaning: tuple[frozenset[str], ...]
    doubt_nouns: frozenset[str]
    unnamed_heads: frozenset[str]
    role_nouns: frozenset[str]
    org_heads: frozenset[str]
    company_nouns: frozenset[str]
    regions: frozenset[str]
    outlets: frozenset[str]
    dateline_agencies: frozenset[str]
    countries: dict[str, str]
    seats: dict[str, str]
    dateline_capitals: dict[str, str]
    offices: frozenset[str]
    demonyms: dict[str, str]
    female_names: frozenset[str]
    male_names: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]


@cache
def lexicon() -> Lexicon:
    att = _load("attribution.toml")
    act = _load("actors.toml")
    names = _load("given_names.toml")
    return Lexicon(
        version=f"{att['version']}+{act['version']}+{names['version']}",
        speech_verbs=frozenset(att["speech_verbs"]),
        stance_verbs=dict(att["stance_verbs"]),
        claim_nouns=frozenset(att["claim_nouns"]),
        denial_predicates=frozenset(att["denial_predicates"]),
        same_meaning=tuple(frozenset(group) for group in att["same_meaning"]),
        doubt_nouns=frozenset(att["doubt_nouns"]),
        unnamed_heads=frozenset(att["unnamed_heads"]),
        role_nouns=frozenset(act["role_nouns"]),
        org_heads=frozenset(act["org_heads"]),
        company_nouns=frozenset(act["company_nouns"]),
        regions=frozenset(act["regions"]),
        outlets=frozenset(act["outlets"]),
        dateline_agencies=frozenset(act["dateline_agencies"]),
        countries=dict(act["countries"]),
        seats=dict(act["seats"]),
        dateline_capitals=dict(act["dateline_capitals"]),
        offices=frozenset(act["offices"]),
        demonyms=dict(act["demonyms"]),
        female_names=frozenset(act["gender"]["female"]) | frozenset(names["female"]),
        male_names=frozenset(act["gender"]["male"]) | frozenset(names["male"]),
        female_words=frozenset(act["gender"]["female_words"]),
        male_words=frozenset(act["gender"]["male_words"]),
    )

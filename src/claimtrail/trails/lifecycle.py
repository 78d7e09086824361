"""The plain-language state of a trail, from who took which stance.

    "reported by 3 outlets; questioned by AFP; denied by 2 officials of the Kremlin and Arreaza (Venezuelan
    government); not confirmed"

Decisions: outlets and unnamed sources that pass a claim on report it; a named actor who asserts it with a
confirming cue ("confirmed", "acknowledged", "admitted") confirms it, other named actors who assert it are
listed as asserting it (an outlet in its own voice is neither); actors who deny or question it are grouped by
their affiliation when they share one ("2 officials of the Kremlin"), else named, at most three per clause.
Nothing is judged true or false: the summary says who said what.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from claimtrail.extract.lexicon import lexicon

__all__ = ["StanceFact", "describe_state"]

_MAX_NAMED = 3
_CONFIRMING = ("confirm", "acknowledg", "admit", "verif", "corroborat", "conced", "concede")


@dataclass(frozen=True, slots=True)
class StanceFact:
    stance: str
    actor: str | None  # None for an unnamed source
    kind: str | None
    title: str | None
    affiliation: str | None
    outlet: str | None  # the outlet of the article carrying the stance
    cue: str = ""


@cache
def _outlets() -> frozenset[str]:
    return frozenset(o.casefold() for o in lexicon().outlets)


def _is_outlet(name: str | None) -> bool:
    return name is not None and name.casefold() in _outlets()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _holders(facts: Sequence[StanceFact]) -> str:
    """ "2 officials of the Kremlin and Jorge Arreaza (Venezuelan government)" """
    named: dict[str, StanceFact] = {}
    unnamed = 0
    for fact in facts:
        if fact.actor is None:
            unnamed += 1
        else:
            named.setdefault(fact.actor, fact)
    groups: dict[str | None, list[StanceFact]] = defaultdict(list)
    for fact in named.values():
        groups[fact.affiliation].append(fact)
    parts = []
    for affiliation, members in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0] or "")):
        if affiliation and len(members) > 1:
            parts.append(f"{len(members)} officials of {affiliation}")
        else:
            parts.extend(
                f"{m.actor} ({m.affiliation})" if m.affiliation and m.affiliation != m.actor else str(m.actor)
                for m in members
            )
    if unnamed:
        parts.append(_plural(unnamed, "unnamed source"))
    if len(parts) > _MAX_NAMED:
        parts = [*parts[:_MAX_NAMED], f"{len(parts) - _MAX_NAMED} more"]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def describe_state(facts: Sequence[StanceFact], *, n_outlets: int) -> str:
    clauses = [f"reported by {_plural(n_outlets, 'outlet')}"] if n_outlets else []
    asserters = [
        f for f in facts if f.stance == "asserts" and f.actor is not None and not _is_outlet(f.actor)
    ]
    confirmers = [f for f in asserters if f.cue.casefold().startswith(_CONFIRMING)]
    others = [f for f in asserters if f not in confirmers]
    questioners = [f for f in facts if f.stance == "questions"]
    deniers = [f for f in facts if f.stance == "denies"]
    if others:
        clauses.append(f"asserted by {_holders(others)}")
    if questioners:
        clauses.append(f"questioned by {_holders(questioners)}")
    if deniers:
        clauses.append(f"denied by {_holders(deniers)}")
    clauses.append(f"confirmed by {_holders(confirmers)}" if confirmers else "not confirmed")
    return "; ".join(clauses)

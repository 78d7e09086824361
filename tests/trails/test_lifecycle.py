"""The plain-language state of a trail, from hand-made stance facts."""

from __future__ import annotations

from claimtrail.trails.lifecycle import StanceFact, describe_state


def fact(stance: str, actor: str | None, affiliation: str | None = None, cue: str = "said") -> StanceFact:
    return StanceFact(
        stance=stance, actor=actor, kind=None, title=None, affiliation=affiliation, outlet="Reuters", cue=cue
    )


def test_denials_by_officials_of_one_government_are_grouped() -> None:
    facts = [
        fact("reports", None),
        fact("denies", "Dmitry Peskov", "Russian government", "dismissed"),
        fact("denies", "Sergei Lavrov", "Russian government", "denied"),
        fact("denies", "Jorge Arreaza", "Venezuelan government", "rejected"),
    ]
    state = describe_state(facts, n_outlets=3)
    assert state == (
        "reported by 3 outlets; denied by 2 officials of Russian government and Jorge Arreaza"
        " (Venezuelan government); not confirmed"
    )


def test_confirmation_needs_a_confirming_cue_and_outlets_never_confirm() -> None:
    confirmed = describe_state([fact("asserts", "Halden Pharma", cue="confirmed")], n_outlets=1)
    assert confirmed == "reported by 1 outlet; confirmed by Halden Pharma"
    asserted = describe_state([fact("asserts", "Ricardo Peraza", cue="said")], n_outlets=1)
    assert asserted == "reported by 1 outlet; asserted by Ricardo Peraza; not confirmed"
    outlet = describe_state([fact("asserts", "Reuters", cue="confirmed")], n_outlets=1)
    assert outlet == "reported by 1 outlet; not confirmed"


def test_unnamed_sources_are_counted_and_long_lists_are_cut() -> None:
    facts = [fact("questions", None), fact("questions", None)] + [
        fact("denies", f"Person {i}", cue="denied") for i in range(5)
    ]
    state = describe_state(facts, n_outlets=0)
    assert state.startswith(
        "questioned by 2 unnamed sources; denied by Person 0, Person 1, Person 2 and 2 more"
    )

"""The linker on hand-made vectors: average link, threshold, date gap, incremental restore, explanations."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from claimtrail.trails.link import ClaimItem, Linker, trail_id_for


class TableEmbedder:
    """Vectors by statement, so each test states its geometry."""

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = {k: np.asarray(v, dtype=np.float32) / np.linalg.norm(v) for k, v in table.items()}

    def embed(self, texts: list[str]) -> npt.NDArray[np.float32]:
        return np.vstack([self.table[t] for t in texts])


def item(article: str, statement: str, date: str | None = None, entities: tuple[str, ...] = ()) -> ClaimItem:
    return ClaimItem(
        article_id=article, claim_local_id="c1", statement=statement, date=date, entities=frozenset(entities)
    )


EMBEDDER = TableEmbedder(
    {
        "contractors": [1, 0, 0],
        "mercenaries": [0.9, 0.3, 0],
        "gold": [0, 1, 0],
        "wheat": [0, 0, 1],
    }
)


def test_similar_claims_share_a_trail_and_dissimilar_ones_do_not() -> None:
    linker = Linker(EMBEDDER)
    decisions = linker.link(
        [
            item("a1", "contractors", "2019-01-25", ("venezuela", "russia")),
            item("a2", "mercenaries", "2019-01-27", ("venezuela",)),
            item("a3", "gold", "2019-01-28"),
        ]
    )
    by_article = {d.article_id: d for d in decisions}
    assert by_article["a1"].new_trail
    assert by_article["a1"].trail_id == trail_id_for(item("a1", "x"))
    assert by_article["a2"].trail_id == by_article["a1"].trail_id
    assert by_article["a2"].matched_article_id == "a1"
    assert by_article["a2"].shared_entities == ("venezuela",)
    assert by_article["a2"].date_gap_days == 2
    assert by_article["a2"].score > 0.9
    assert by_article["a3"].new_trail
    assert linker.trail_count == 2


def test_claims_are_linked_in_date_order_whatever_the_input_order() -> None:
    items = [item("b", "mercenaries", "2019-01-27"), item("a", "contractors", "2019-01-25")]
    first = Linker(EMBEDDER).link(items)
    second = Linker(EMBEDDER).link(list(reversed(items)))
    assert [(d.article_id, d.trail_id) for d in first] == [(d.article_id, d.trail_id) for d in second]
    assert first[0].article_id == "a"
    assert first[0].new_trail


def test_a_claim_far_in_time_starts_a_new_trail() -> None:
    linker = Linker(EMBEDDER, max_gap_days=30)
    decisions = linker.link([item("a", "contractors", "2019-01-25"), item("b", "contractors", "2019-06-01")])
    assert decisions[0].trail_id != decisions[1].trail_id


def test_threshold_is_on_the_average_similarity_to_the_trail() -> None:
    table = TableEmbedder({"x": [1, 0], "y": [0.8, 0.6], "z": [0.28, 0.96]})
    # z is close to y (0.8) but far from x (0.28): the average (0.54) decides
    assert (
        len(
            {
                d.trail_id
                for d in Linker(table, threshold=0.5).link([item("1", "x"), item("2", "y"), item("3", "z")])
            }
        )
        == 1
    )
    assert (
        len(
            {
                d.trail_id
                for d in Linker(table, threshold=0.6).link([item("1", "x"), item("2", "y"), item("3", "z")])
            }
        )
        == 2
    )


def test_restored_trails_take_new_claims_incrementally() -> None:
    first = Linker(EMBEDDER)
    [start] = first.link([item("a", "contractors", "2019-01-25")])
    later = Linker(EMBEDDER)
    later.restore(
        [(start.trail_id, item("a", "contractors", "2019-01-25"), EMBEDDER.embed(["contractors"])[0])]
    )
    [joined] = later.link([item("b", "mercenaries", "2019-01-27")])
    assert joined.trail_id == start.trail_id
    assert not joined.new_trail


def test_blocked_claims_compare_only_with_their_partners_trails() -> None:
    items = [
        item("a", "contractors", "2019-01-25"),
        item("b", "mercenaries", "2019-01-26"),
        item("c", "mercenaries", "2019-01-27"),
        item("d", "contractors", "2019-01-28"),
    ]
    candidates = {
        ("b", "c1"): {("a", "c1")},  # paired: joins a's trail
        ("c", "c1"): set(),  # covered by blocking but paired with nothing: a trail of its own
        # d is not covered by the blocking run: compared with every trail, as without blocks
    }
    decisions = {d.article_id: d for d in Linker(EMBEDDER).link(items, candidates=candidates)}
    assert decisions["b"].trail_id == decisions["a"].trail_id
    assert decisions["b"].matched_article_id == "a"
    assert decisions["c"].new_trail
    assert decisions["d"].trail_id == decisions["a"].trail_id

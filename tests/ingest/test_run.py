"""`claimtrail.ingest.run` without a model: the bound on the work in flight between reading and writing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from claimtrail.ingest.run import in_flight


class _Jobs:
    """Counts what was read from the input and what was submitted but not yet handed back."""

    def __init__(self) -> None:
        self.read = 0
        self.submitted = 0
        self.handed_back = 0
        self.most_in_flight = 0

    def source(self, n: int) -> Iterator[int]:
        for i in range(n):
            self.read += 1
            yield i

    def submit(self, item: int) -> str:
        self.submitted += 1
        self.most_in_flight = max(self.most_in_flight, self.submitted - self.handed_back)
        return f"job {item}"


@pytest.mark.parametrize(("n", "window"), [(0, 4), (3, 4), (4, 4), (100, 4), (100, 1), (57, 6)])
def test_in_flight_keeps_order_and_never_holds_more_than_the_window(n: int, window: int) -> None:
    jobs = _Jobs()
    seen = []
    for item, job in in_flight(jobs.source(n), jobs.submit, window=window):
        assert job == f"job {item}"
        assert jobs.read - jobs.handed_back <= window  # the input is never read further ahead
        seen.append(item)
        jobs.handed_back += 1
    assert seen == list(range(n))
    assert jobs.most_in_flight <= window


def test_in_flight_reads_lazily_from_an_endless_input() -> None:
    jobs = _Jobs()
    results = in_flight(jobs.source(10**12), jobs.submit, window=3)
    assert [next(results)[0] for _ in range(5)] == [0, 1, 2, 3, 4]
    assert jobs.read == 7  # five handed back, two still in flight

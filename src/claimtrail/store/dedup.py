"""Near-duplicates and syndication: articles telling the same story are linked to one `stories` row.

MinHash LSH (datasketch) over word 5-gram shingles of the body, lower-cased, with the dateline removed
(copies of one wire story differ mostly in their dateline and credit). Decisions:

- two bodies whose estimated Jaccard similarity of shingles is >= `THRESHOLD` (0.6) are copies; an
  article joins the story of its most similar earlier copy, else starts a new story;
- bodies of fewer than `MIN_SHINGLES` shingles are never linked (short items match too easily);
- the original outlet is the credit: the last outlet named in the dateline parenthesis that is not the
  carrier ("MOSCOW (Pakistan Point News / Sputnik - ...)" carried by Pakistan Point News -> Sputnik), else a
  closing "Source: X" / "Courtesy of X" line; a story's original outlet is the first credit any copy gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimtrail.models import ArticleRecord

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from datasketch import MinHash, MinHashLSH

__all__ = ["THRESHOLD", "StoryIndex", "carrier_outlet", "credited_outlet", "signature"]

THRESHOLD = 0.6
NUM_PERM = 128
SCHEME = "affine32"  # stored signatures are only comparable under the same scheme and seed
SHINGLE_WORDS = 5
MIN_SHINGLES = 8
_WORD = re.compile(r"\w+")
_CREDIT_LINE = re.compile(r"(?im)^\s*(?:source|courtesy(?: of)?|credit)\s*:?\s+([^\n]{2,60}?)\s*\.?\s*\Z")


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def _body(record: ArticleRecord) -> str:
    return record.text[record.dateline.end :] if record.dateline is not None else record.text


def signature(record: ArticleRecord) -> MinHash | None:
    """The MinHash of the body's shingles, or None when the body is too short to compare."""
    from datasketch import MinHash

    shingles = _shingles(_body(record))
    if len(shingles) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch(list(shingles))
    return minhash


def carrier_outlet(record: ArticleRecord) -> str | None:
    """The outlet that published this copy: the input's outlet, the URL's host, else the dateline's first."""
    given = dict(record.provenance).get("outlet")
    if given:
        return given
    if record.url and (host := re.match(r"^[a-z]+://(?:www\.)?([^/:]+)", record.url, re.IGNORECASE)):
        return host.group(1).lower()
    # plain wire copy: "MOSCOW (Pakistan Point News / Sputnik - ...)" is carried by the first outlet named
    if record.dateline is not None and record.dateline.outlets:
        return record.dateline.outlets[0]
    return None


def credited_outlet(record: ArticleRecord, carrier: str | None) -> str | None:
    """The outlet the copy credits as its source: from the dateline, else a closing credit line."""
    if record.dateline is not None and record.dateline.outlets:
        others = [o for o in record.dateline.outlets if carrier is None or o.casefold() != carrier.casefold()]
        return others[-1] if others else record.dateline.outlets[-1]
    match = _CREDIT_LINE.search(record.text.rstrip())
    return match.group(1).strip() if match else None


@dataclass(frozen=True, slots=True)
class Placement:
    story_id: str
    new_story: bool
    signature: bytes | None


class StoryIndex:
    """The LSH index of every stored body; `place` links a new article to its story.

    It grows with the store (about 4 kB an article), so it keeps only what matching needs: the hash values
    of each body, not its `MinHash` (which also carries its own copy of the permutations).
    """

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self._lsh: MinHashLSH = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._stories: dict[str, str] = {}
        self._hashes: dict[str, npt.NDArray[np.uint64]] = {}

    def __len__(self) -> int:
        return len(self._stories)

    def add(
        self, article_id: str, story_id: str, packed: bytes | None, minhash: MinHash | None = None
    ) -> None:
        """Index a stored article (`packed` as returned in `Placement.signature`)."""
        self._stories[article_id] = story_id
        if minhash is None and packed:
            minhash = _unpack(packed)
        if minhash is not None:
            self._hashes[article_id] = minhash.hashvalues
            self._lsh.insert(article_id, minhash)

    def place(self, record: ArticleRecord) -> Placement:
        if record.id in self._stories:
            return Placement(self._stories[record.id], False, None)
        minhash = signature(record)
        story = self._best_match(minhash) if minhash is not None else None
        story_id = story or f"st-{record.id.removeprefix('ct-')}"
        packed = _pack(minhash) if minhash is not None else None
        self.add(record.id, story_id, packed, minhash)
        return Placement(story_id, story is None, packed)

    def _best_match(self, minhash: MinHash) -> str | None:
        candidates = self._lsh.query(minhash)
        scored = [(_jaccard(minhash.hashvalues, self._hashes[c]), c) for c in candidates if c in self._hashes]
        scored = [pair for pair in scored if pair[0] >= THRESHOLD]
        return self._stories[max(scored)[1]] if scored else None


def _jaccard(a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]) -> float:
    """The estimated Jaccard similarity of two bodies, as `MinHash.jaccard` computes it."""
    import numpy as np

    return float(np.count_nonzero(a == b)) / float(len(a))


def _pack(minhash: MinHash) -> bytes:
    return bytes(minhash.hashvalues.astype("<u8").tobytes())


def _unpack(packed: bytes) -> MinHash:
    import numpy as np
    from datasketch import MinHash

    values = np.frombuffer(packed, dtype="<u8").astype(np.uint64)
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, scheme=SCHEME)

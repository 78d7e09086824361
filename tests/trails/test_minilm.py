"""The numpy MiniLM against sentence-transformers' own output (tests/trails/data/minilm_reference.json)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from claimtrail.trails.minilm import DIMENSIONS, MAX_TOKENS, _basic_tokens

REFERENCE = Path(__file__).parent / "data" / "minilm_reference.json"


def test_basic_tokens_split_punctuation_and_strip_accents() -> None:
    assert _basic_tokens("Café, José's\tNÚÑEZ!") == ["cafe", ",", "jose", "'", "s", "nunez", "!"]
    assert _basic_tokens("北京 x") == ["北", "京", "x"]


@pytest.mark.embedding
def test_embeddings_match_sentence_transformers() -> None:
    from claimtrail.trails.minilm import load_minilm

    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    ours = load_minilm().embed(reference["sentences"])
    theirs = np.asarray(reference["embeddings"], dtype=np.float32)
    assert ours.shape == (len(reference["sentences"]), DIMENSIONS)
    cosines = (ours * theirs).sum(axis=1) / np.linalg.norm(theirs, axis=1)
    assert cosines.min() > 0.9999


@pytest.mark.embedding
def test_long_text_is_truncated_and_batches_do_not_change_vectors() -> None:
    from claimtrail.trails.minilm import load_minilm

    model = load_minilm()
    long_text = "word " * 1000
    assert len(model.tokenizer.encode(long_text)) == MAX_TOKENS
    texts = ["short one", long_text, "a somewhat longer sentence about Venezuela and Russia"]
    together = model.embed(texts)
    alone = np.vstack([model.embed([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)

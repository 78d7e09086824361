from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from claimtrail.stance import BODY_CROSS, HEADLINE_CROSS
from claimtrail.stance.cross import load_cross_encoder, pair_ids, passage
from claimtrail.trails.minilm import load_minilm

REFERENCE = Path(__file__).parent / "data" / "cross_reference.json"

BODY = (
    "The weather in Caracas was warm on Monday. "
    "Reuters reported that about 400 Russian contractors had arrived in Venezuela. "
    "Markets were calm. "
    "The Kremlin denied that Russian contractors were in Venezuela. "
    "A football match was postponed."
)


def test_passage_keeps_the_lead_and_the_claim_sentences_in_order() -> None:
    text = passage("Russian contractors arrived in Venezuela", BODY, budget=30)
    assert text.startswith("The weather in Caracas")
    assert "Reuters reported" in text
    assert "The Kremlin denied" in text
    assert text.index("Reuters") < text.index("Kremlin")
    assert "football" not in text


def test_passage_respects_its_budget_but_never_comes_back_empty() -> None:
    assert len(passage("contractors", BODY, budget=12).split()) <= 12
    assert passage("contractors", "One very long sentence " * 50, budget=5)


@pytest.mark.embedding
def test_pair_layout_cuts_the_second_text_first() -> None:
    encoder = load_minilm()
    ids, first = pair_ids(encoder, "Kremlin denies", "word " * 500, 32)
    tok = encoder.tokenizer
    assert len(ids) == 32
    assert (ids[0], ids[first - 1], ids[-1]) == (tok.cls, tok.sep, tok.sep)
    assert ids[1 : first - 1] == tok.pieces("Kremlin denies")


@pytest.mark.embedding
@pytest.mark.parametrize("name", [n for n in (BODY_CROSS, HEADLINE_CROSS) if n])
def test_numpy_reader_matches_transformers(name: str) -> None:
    reference = json.loads(REFERENCE.read_text())[name]
    model = load_cross_encoder(name)
    probs = model.proba([a for a, _ in reference["pairs"]], [b for _, b in reference["pairs"]])
    assert probs.shape == (len(reference["pairs"]), len(model.labels))
    np.testing.assert_allclose(probs.sum(1), 1.0, atol=1e-5)
    np.testing.assert_allclose(probs, np.array(reference["probs"]), atol=0.01)


@pytest.mark.embedding
def test_an_ensemble_averages_its_members(tmp_path: Path) -> None:
    from importlib import resources

    from claimtrail.stance.cross import load_from

    models = resources.files("claimtrail.stance").joinpath("models")
    spec = json.loads(models.joinpath(f"{HEADLINE_CROSS}.json").read_text())
    with models.joinpath(f"{HEADLINE_CROSS}.npz").open("rb") as handle, np.load(handle) as npz:
        arrays = {k: npz[k] for k in npz.files}
    prefix = "m0." if spec.get("members") else ""
    one = {k[len(prefix) :]: v for k, v in arrays.items() if k.startswith(prefix)}
    other = {**one, "head.bias": one["head.bias"] + np.array([2.0, 0.0, -2.0], dtype=one["head.bias"].dtype)}
    for name, members in (("one", [one]), ("other", [other]), ("both", [one, other])):
        tensors = (
            members[0]
            if name != "both"
            else {f"m{i}.{k}": v for i, m in enumerate(members) for k, v in m.items()}
        )
        np.savez(tmp_path / f"{name}.npz", **tensors)
        extra = {"members": 2} if name == "both" else {}
        (tmp_path / f"{name}.json").write_text(json.dumps({**spec, "members": 0, **extra}))
    claims, heads = ["Banksy was arrested"] * 2, ["Banksy arrest is a hoax", "Banksy arrested in London"]
    expected = (
        load_from(tmp_path, "one").proba(claims, heads) + load_from(tmp_path, "other").proba(claims, heads)
    ) / 2
    ensemble = load_from(tmp_path, "both")
    assert len(ensemble.members) == 2
    assert ensemble.shared_layers == 2
    np.testing.assert_allclose(ensemble.proba(claims, heads), expected, atol=1e-6)

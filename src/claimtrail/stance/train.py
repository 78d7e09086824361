"""Train the stance model: `python -m claimtrail.stance.train --data /work/shared/data/stance [--dev]`.

Needs the training-only packages scikit-learn and lightgbm (requirements/dev.txt); the artifact it writes
is read with numpy alone. Seeds are fixed and lightgbm runs deterministic on one thread, so the same data
give the same artifact. Writes `NAME.json`, `NAME.npz` and `NAME.manifest.json` (data sha256, command,
leakage counts) into `--out` (default: the package's `stance/models/`).

Leakage rule (see README "Claim stance"): a head never sees a claim of the test set it is scored on.

- headline head: Emergent `split == train` (Ferreira & Vlachos's claim-disjoint split) only;
- body head: FNC-1 train minus every pair linked to an FNC-1 test claim. Claims are the connected
  components of a graph whose nodes are headlines (normalised text), bodies and Emergent claim ids, with
  an edge for every related FNC pair, every Emergent headline/claim-headline -> claim id, and every pair of
  headlines whose content words overlap with Jaccard >= 0.7. A train pair is dropped when its headline's
  or its body's component contains an FNC-1 test body.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from claimtrail.evaluate.stance import (
    EMERGENT_LABELS,
    FNC_LABELS,
    StancePair,
    fnc_score,
    read_pairs,
    score_labels,
)
from claimtrail.stance.features import content_tokens, headline_features, tokens
from claimtrail.stance.model import ARTIFACT, Linear, StanceModel, Tfidf, Trees, load_from

SEED = 0
FUZZY_JACCARD = 0.7
_MODELS_DIR = Path(__file__).parent / "models"


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


# --- leakage ---------------------------------------------------------------------------------------


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, node: str) -> str:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def _fuzzy_links(train_heads: set[str], test_heads: set[str]) -> list[tuple[str, str]]:
    test_sets = [(h, set(content_tokens(tokens(h)))) for h in test_heads]
    links = []
    for head in train_heads:
        words = set(content_tokens(tokens(head)))
        for other, other_words in test_sets:
            union = words | other_words
            if union and len(words & other_words) / len(union) >= FUZZY_JACCARD:
                links.append((head, other))
    return links


def drop_linked(
    train: Sequence[StancePair], test: Sequence[StancePair], emergent: Sequence[StancePair]
) -> tuple[list[StancePair], dict[str, int]]:
    """FNC-style `train` pairs whose claim component touches a `test` body are removed (see module doc)."""
    uf = _UnionFind()
    for prefix, pairs in (("train", train), ("test", test)):
        for pair in pairs:
            uf.find(f"b:{prefix}:{pair.group}")
            if pair.gold != "unrelated":
                uf.union(f"h:{_norm(pair.claim)}", f"b:{prefix}:{pair.group}")
    for pair in emergent:
        for text in (pair.claim, pair.headline or ""):
            uf.union(f"h:{_norm(text)}", f"c:{pair.group}")
    fuzzy = _fuzzy_links({_norm(p.claim) for p in train}, {_norm(p.claim) for p in test})
    for a, b in fuzzy:
        uf.union(f"h:{a}", f"h:{b}")
    tainted = {uf.find(f"b:test:{p.group}") for p in test}
    kept = [
        p
        for p in train
        if uf.find(f"h:{_norm(p.claim)}") not in tainted and uf.find(f"b:train:{p.group}") not in tainted
    ]
    counts = {
        "train_pairs": len(train),
        "dropped_pairs": len(train) - len(kept),
        "dropped_related_pairs": sum(p.gold != "unrelated" for p in train)
        - sum(p.gold != "unrelated" for p in kept),
        "dropped_headlines": len({p.claim for p in train}) - len({p.claim for p in kept}),
        "dropped_bodies": len({p.group for p in train}) - len({p.group for p in kept}),
        "fuzzy_headline_links": len(fuzzy),
    }
    return kept, counts


# --- fitting -------------------------------------------------------------------------------------


def fit_tfidf(
    texts: Sequence[str], *, max_n: int, min_df: int, drop_stopwords: bool, max_terms: int
) -> Tfidf:
    probe = Tfidf({}, np.zeros(0), max_n, drop_stopwords)
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(probe.terms(text)))
    kept = sorted((t for t, c in df.items() if c >= min_df), key=lambda t: (-df[t], t))[:max_terms]
    kept.sort()
    n = len(texts)
    idf = np.array([np.log((1 + n) / (1 + df[t])) + 1.0 for t in kept])
    return Tfidf({t: i for i, t in enumerate(kept)}, idf, max_n, drop_stopwords)


def _matrix(tfidf: Tfidf, texts: Sequence[str], dense: np.ndarray | None = None) -> Any:
    import scipy.sparse as sp  # type: ignore[import-untyped,unused-ignore]

    rows, cols, vals = [], [], []
    for r, text in enumerate(texts):
        for c, v in tfidf.vector(text).items():
            rows.append(r)
            cols.append(c)
            vals.append(v)
    sparse = sp.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(tfidf.vocab)))
    return sparse if dense is None else sp.hstack([sparse, sp.csr_matrix(dense)]).tocsr()


def fit_linear(
    tfidf: Tfidf,
    texts: Sequence[str],
    y: Sequence[str],
    labels: Sequence[str],
    *,
    c: float,
    dense: np.ndarray | None = None,
) -> Linear:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped,unused-ignore]

    n_dense = 0 if dense is None else dense.shape[1]
    mean = np.zeros(n_dense) if dense is None else dense.mean(axis=0)
    scale = np.ones(n_dense) if dense is None else dense.std(axis=0) + 1e-6
    z = None if dense is None else (dense - mean) / scale
    model = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    model.fit(_matrix(tfidf, texts, z), [labels.index(v) for v in y])
    return Linear(
        tfidf, np.asarray(model.coef_.T, dtype=np.float64), np.asarray(model.intercept_), mean, scale
    )


def fit_headline_head(pairs: Sequence[StancePair], c: float = 1.0) -> Linear:
    heads = [p.headline or "" for p in pairs]
    tfidf = fit_tfidf(heads, max_n=2, min_df=2, drop_stopwords=False, max_terms=50_000)
    dense = np.array([headline_features(p.claim, p.headline or "") for p in pairs])
    return fit_linear(tfidf, heads, [p.gold for p in pairs], EMERGENT_LABELS, c=c, dense=dense)


_RELATED = FNC_LABELS[:3]


def _fit_words(pairs: Sequence[StancePair], text: Callable[[StancePair], str], min_df: int) -> Linear:
    related = [p for p in pairs if p.gold != "unrelated"]
    texts = [text(p) for p in related]
    tfidf = fit_tfidf(texts, max_n=2, min_df=min_df, drop_stopwords=False, max_terms=60_000)
    return fit_linear(tfidf, texts, [p.gold for p in related], _RELATED, c=1.0)


def _claim_text(pair: StancePair) -> str:
    return pair.claim


def _body_text(pair: StancePair) -> str:
    return pair.body or ""


def _word_heads(pairs: Sequence[StancePair]) -> tuple[Linear, Linear]:
    return _fit_words(pairs, _claim_text, 2), _fit_words(pairs, _body_text, 3)


def _folds(pairs: Sequence[StancePair], k: int = 5) -> list[int]:
    """Fold of each pair, by body (FNC-1's own dev split is body-disjoint); seeded."""
    bodies = sorted({p.group for p in pairs})
    random.Random(SEED).shuffle(bodies)
    fold = {b: i % k for i, b in enumerate(bodies)}
    return [fold[p.group] for p in pairs]


def _features(model: StanceModel, pairs: Sequence[StancePair]) -> np.ndarray:
    memo: dict[str, Any] = {}
    return np.array([model.body_features(p.claim, p.body or "", memo) for p in pairs])


def _placeholder(similarity: Tfidf, claim_words: Linear, body_words: Linear, headline: Linear) -> StanceModel:
    empty = np.zeros(0, dtype=np.int32)
    trees = Trees(empty, np.zeros(0), empty, empty, np.zeros(0), empty, len(FNC_LABELS))
    return StanceModel(EMERGENT_LABELS, FNC_LABELS, headline, claim_words, body_words, similarity, trees, {})


def fit_body_head(pairs: Sequence[StancePair], headline: Linear, log: Callable[[str], None]) -> StanceModel:
    """Word heads out-of-fold (so the trees see honest probabilities), then trees on all features."""
    import lightgbm as lgb

    texts = [p.claim for p in pairs] + sorted({p.body or "" for p in pairs})
    similarity = fit_tfidf(texts, max_n=1, min_df=2, drop_stopwords=True, max_terms=60_000)
    folds = _folds(pairs)
    x = np.zeros((len(pairs), 0))
    for k in range(5):
        log(f"  out-of-fold word heads {k + 1}/5")
        inside = [p for p, f in zip(pairs, folds, strict=True) if f != k]
        model = _placeholder(similarity, *_word_heads(inside), headline)
        held = [i for i, f in enumerate(folds) if f == k]
        rows = _features(model, [pairs[i] for i in held])
        if x.shape[1] == 0:
            x = np.zeros((len(pairs), rows.shape[1]))
        x[held] = rows
    claim_words, body_words = _word_heads(pairs)
    y = [FNC_LABELS.index(p.gold) for p in pairs]
    log("  boosting")
    booster = lgb.LGBMClassifier(
        n_estimators=300,
        num_leaves=31,
        learning_rate=0.05,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=SEED,
        deterministic=True,
        force_row_wise=True,
        n_jobs=1,
        verbose=-1,
    ).fit(x, y)
    trees = trees_from_lightgbm(booster.booster_.dump_model(), len(FNC_LABELS))
    if not np.allclose(trees.proba(x[:200]), booster.predict_proba(x[:200]), atol=1e-6):
        raise RuntimeError("numpy tree evaluation disagrees with lightgbm")
    return StanceModel(EMERGENT_LABELS, FNC_LABELS, headline, claim_words, body_words, similarity, trees, {})


def trees_from_lightgbm(dump: dict[str, Any], n_classes: int) -> Trees:
    """Flatten lightgbm's dump_model() trees into node arrays (numerical `<=` splits only)."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []

    def add(node: dict[str, Any]) -> int:
        index = len(feature)
        feature.append(-1)
        threshold.append(0.0)
        left.append(-1)
        right.append(-1)
        value.append(float(node.get("leaf_value", 0.0)))
        if "split_feature" in node:
            if node["decision_type"] != "<=":
                raise ValueError(f"unsupported split {node['decision_type']}")
            feature[index] = int(node["split_feature"])
            threshold[index] = float(node["threshold"])
            left[index] = add(node["left_child"])
            right[index] = add(node["right_child"])
        return index

    for tree in dump["tree_info"]:
        roots.append(add(tree["tree_structure"]))
    i32 = np.int32
    return Trees(
        np.array(feature, dtype=i32),
        np.array(threshold),
        np.array(left, dtype=i32),
        np.array(right, dtype=i32),
        np.array(value),
        np.array(roots, dtype=i32),
        n_classes,
    )


# --- writing -------------------------------------------------------------------------------------


def _tfidf_spec(tfidf: Tfidf) -> dict[str, Any]:
    vocab = sorted(tfidf.vocab, key=tfidf.vocab.__getitem__)
    return {"vocab": vocab, "max_n": tfidf.max_n, "drop_stopwords": tfidf.drop_stopwords}


def save(model: StanceModel, out: Path, name: str, meta: dict[str, Any]) -> None:
    arrays: dict[str, np.ndarray] = {}
    spec: dict[str, Any] = {
        "headline_labels": list(model.headline_labels),
        "body_labels": list(model.body_labels),
        "similarity": _tfidf_spec(model.similarity),
        "meta": meta,
    }
    arrays["similarity.idf"] = model.similarity.idf.astype(np.float32)
    for key, linear in (
        ("headline", model.headline),
        ("claim_words", model.claim_words),
        ("body_words", model.body_words),
    ):
        spec[key] = {"tfidf": _tfidf_spec(linear.tfidf)}
        arrays[f"{key}.idf"] = linear.tfidf.idf.astype(np.float32)
        arrays[f"{key}.coef"] = linear.coef.astype(np.float32)
        arrays[f"{key}.bias"] = linear.bias
        arrays[f"{key}.mean"] = linear.mean
        arrays[f"{key}.scale"] = linear.scale
    t = model.trees
    arrays.update(
        {
            "trees.feature": t.feature,
            "trees.threshold": t.threshold,
            "trees.left": t.left,
            "trees.right": t.right,
            "trees.value": t.value,
            "trees.roots": t.roots,
        }
    )
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":")) + "\n")
    with (out / f"{name}.npz").open("wb") as handle:
        save_arrays: Any = np.savez_compressed  # its stub types **kwds as its own flags
        save_arrays(handle, **arrays)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- driver --------------------------------------------------------------------------------------


def _emergent_dev_split(pairs: Sequence[StancePair]) -> tuple[list[StancePair], list[StancePair]]:
    claims = sorted({p.group for p in pairs})
    random.Random(SEED).shuffle(claims)
    dev = set(claims[: len(claims) // 5])
    return [p for p in pairs if p.group not in dev], [p for p in pairs if p.group in dev]


def _report(
    name: str, gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, float]:
    metrics = score_labels(gold, predicted, labels)
    if "unrelated" in labels:
        metrics = {"fnc_score": fnc_score(gold, predicted), **metrics}
    print(name, json.dumps({k: round(v, 4) for k, v in metrics.items()}), file=sys.stderr)
    return metrics


def run(data: Path, out: Path, *, dev: bool, name: str, holdout_probs: Path | None = None) -> dict[str, Any]:
    def log(message: str) -> None:
        print(message, file=sys.stderr)

    emergent_dir, fnc_dir = data / "emergent", data / "fnc-1"
    emergent_train = read_pairs(emergent_dir, "train")
    emergent_all = read_pairs(emergent_dir, "all")
    fnc_test = read_pairs(fnc_dir, "test")
    fnc_train, leakage = drop_linked(read_pairs(fnc_dir, "train"), fnc_test, emergent_all)
    log(f"FNC-1 leakage filter: {json.dumps(leakage)}")
    if dev:
        head_train, head_dev = _emergent_dev_split(emergent_train)
        fnc_fit = [p for p in fnc_train if p.group in set(_ids(fnc_dir, "training_ids.txt"))]
        fnc_dev = [p for p in fnc_train if p.group in set(_ids(fnc_dir, "hold_out_ids.txt"))]
    else:
        head_train, head_dev, fnc_fit, fnc_dev = emergent_train, [], fnc_train, []
    log(f"headline head: {len(head_train)} Emergent train pairs")
    headline = fit_headline_head(head_train)
    log(f"body head: {len(fnc_fit)} FNC-1 train pairs")
    model = fit_body_head(fnc_fit, headline, log)
    metrics: dict[str, Any] = {}
    if dev:
        from claimtrail.stance import predict_model

        metrics["emergent_dev"] = _report(
            "emergent dev",
            [p.gold for p in head_dev],
            _dataset(predict_model(model, head_dev), "emergent"),
            EMERGENT_LABELS,
        )
        metrics["fnc_holdout"] = _report(
            "fnc holdout",
            [p.gold for p in fnc_dev],
            _dataset(predict_model(model, fnc_dev), "fnc"),
            FNC_LABELS,
        )
        if holdout_probs is not None:  # the heads' hold-out probabilities, to tune the cross-encoder mix
            memo: dict[str, Any] = {}
            np.savez(
                holdout_probs,
                emergent=np.array([model.headline_proba(p.claim, p.headline or "") for p in head_dev]),
                emergent_gold=np.array([p.gold for p in head_dev]),
                fnc=model.body_proba([model.body_features(p.claim, p.body or "", memo) for p in fnc_dev]),
                fnc_gold=np.array([p.gold for p in fnc_dev]),
            )
        return metrics
    files = sorted([*emergent_dir.glob("*.csv"), *fnc_dir.glob("*.csv")])
    meta = {
        "artifact": name,
        "command": "python -m claimtrail.stance.train " + " ".join(sys.argv[1:]),
        "seed": SEED,
        "data": {str(f.relative_to(data)): _sha256(f) for f in files},
        "training_pairs": {"emergent_headline": len(head_train), "fnc_body": len(fnc_fit)},
        "fnc_leakage_filter": leakage,
    }
    save(model, out, name, meta)
    (out / f"{name}.manifest.json").write_text(json.dumps(meta, indent=2) + "\n")
    reloaded = load_from(out, name)
    log(f"wrote {out / name}.{{json,npz}}; reload ok ({len(reloaded.trees.roots)} trees)")
    return meta


def _ids(fnc_dir: Path, name: str) -> list[str]:
    return (fnc_dir / "splits" / name).read_text(encoding="utf-8").split()


def _dataset(labels: Sequence[str], kind: str) -> list[str]:
    from claimtrail.evaluate.stance import to_dataset_label

    return [to_dataset_label(label, kind) for label in labels]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m claimtrail.stance.train", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--data", type=Path, required=True, help="folder with emergent/ and fnc-1/")
    parser.add_argument("--out", type=Path, default=_MODELS_DIR, help="where to write the artifact")
    parser.add_argument("--name", default=ARTIFACT, help="artifact name")
    parser.add_argument(
        "--dev", action="store_true", help="fit on train minus dev, print dev scores, write nothing"
    )
    parser.add_argument(
        "--holdout-probs", type=Path, help="with --dev: save the hold-out probabilities (.npz)"
    )
    args = parser.parse_args(argv)
    random.seed(SEED)
    np.random.seed(SEED)
    run(args.data, args.out, dev=args.dev, name=args.name, holdout_probs=args.holdout_probs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

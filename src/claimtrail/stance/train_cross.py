"""Fine-tune a stance cross-encoder: `python -m claimtrail.stance.train_cross --data DIR --task fnc|emergent`.

Needs torch (`pip install -e '.[train]'`, the CPU wheel pinned in requirements/constraints.txt); the
artifact it writes is read with numpy alone (`stance/cross.py`). Only the top `6 - freeze` layers of
all-MiniLM-L6-v2 and a linear head are trained, so the frozen lower layers run once per pair (numpy,
the same code as at run time) and their output is cached; an epoch then costs a third of a full one.

Tasks and leakage (the same rules as `stance/train.py`, see README "Claim stance"):

- `fnc`: the related FNC-1 train pairs (agree / disagree / discuss) left after `drop_linked` removed every
  pair linked to an FNC-1 test claim; the claim against the body's `passage`.
- `emergent`: Emergent `train` (claim-disjoint from its test split); the claim against the headline.

Both fit on a training part and keep a hold-out: FNC-1's body-disjoint `hold_out_ids`, or a seeded 20% of
the Emergent train claims. Hold-out scores are printed per epoch, and `--dev-probs FILE` saves the
hold-out probabilities, from which `stance/train.py`'s mixing weight is chosen. Test splits are never read
except by `drop_linked`, which only removes training pairs.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from claimtrail.evaluate.stance import StancePair, read_pairs, score_labels
from claimtrail.stance.cross import CrossEncoder, load_from, pair_ids, passage
from claimtrail.stance.train import SEED, _emergent_dev_split, _ids, _sha256, drop_linked
from claimtrail.trails.minilm import DIMENSIONS, MiniLM, load_minilm

_MODELS_DIR = Path(__file__).parent / "models"
TASKS = {
    "fnc": {"labels": ("agree", "disagree", "discuss"), "max_tokens": 128, "name": "stance-fnc-cross-v1"},
    "emergent": {
        "labels": ("for", "against", "observing"),
        "max_tokens": 64,
        "name": "stance-emergent-cross-v2",
    },
}


def task_pairs(data: Path, task: str) -> tuple[list[StancePair], list[StancePair], dict[str, int]]:
    """Training and hold-out pairs of a task (the hold-out picks the epoch and tunes how heads mix)."""
    if task == "emergent":
        fit_pairs, held = _emergent_dev_split(read_pairs(data / "emergent", "train"))
        return fit_pairs, held, {}
    fnc_dir = data / "fnc-1"
    kept, leakage = drop_linked(
        read_pairs(fnc_dir, "train"), read_pairs(fnc_dir, "test"), read_pairs(data / "emergent", "all")
    )
    related = [p for p in kept if p.gold != "unrelated"]
    train_ids, hold_ids = set(_ids(fnc_dir, "training_ids.txt")), set(_ids(fnc_dir, "hold_out_ids.txt"))
    return [p for p in related if p.group in train_ids], [p for p in related if p.group in hold_ids], leakage


def pair_texts(pair: StancePair, task: str) -> tuple[str, str]:
    if task == "emergent":
        return pair.claim, pair.headline or ""
    return pair.claim, passage(pair.claim, pair.body or "")


def lower_states(
    encoder: MiniLM, texts: Sequence[tuple[str, str]], max_tokens: int, freeze: int
) -> tuple[np.ndarray, np.ndarray]:
    """Hidden states after the frozen layers (float16, padded to max_tokens) and the token masks.

    The embeddings come from `MiniLM.inputs` (numpy, as at run time); the frozen layers run in torch,
    the same arithmetic as `MiniLM.layers` and 4x faster here.
    """
    import torch

    lower = _top_model(encoder, 0, None, stop=freeze).eval()
    states = np.zeros((len(texts), max_tokens, DIMENSIONS), dtype=np.float16)
    masks = np.zeros((len(texts), max_tokens), dtype=bool)
    for start in range(0, len(texts), 32):
        encoded = [pair_ids(encoder, a, b, max_tokens) for a, b in texts[start : start + 32]]
        x, mask = encoder.inputs([ids for ids, _ in encoded], [first for _, first in encoded])
        with torch.no_grad():
            hidden = lower(torch.tensor(x), torch.tensor(mask > 0)).numpy()
        states[start : start + len(encoded), : x.shape[1]] = hidden
        masks[start : start + len(encoded), : x.shape[1]] = mask > 0
    return states, masks


def _top_model(encoder: MiniLM, freeze: int, n_labels: int | None, stop: int = 6) -> Any:
    """Torch copies of MiniLM layers `freeze`..`stop - 1`; with `n_labels`, mean pooling and a linear head
    on top, else the hidden states are returned."""
    import torch
    import torch.nn.functional as F

    names: tuple[str, ...] = ("attention.self.query", "attention.self.key", "attention.self.value")
    names += ("attention.output.dense", "intermediate.dense", "output.dense")
    norms = ("attention.output.LayerNorm", "output.LayerNorm")

    class Top(torch.nn.Module):  # type: ignore[misc,unused-ignore]
        """MiniLM layers `freeze`..5 as in `MiniLM.layers`, then mean pooling and a linear head."""

        def __init__(self) -> None:
            super().__init__()
            self.layers = torch.nn.ModuleList()
            for layer in range(freeze, stop):
                block = torch.nn.ModuleDict()
                for name in names:
                    w = encoder.w[f"encoder.layer.{layer}.{name}.weight"]  # stored (in, out)
                    dense = torch.nn.Linear(w.shape[0], w.shape[1])
                    dense.weight.data = torch.tensor(np.ascontiguousarray(w.T))
                    dense.bias.data = torch.tensor(encoder.w[f"encoder.layer.{layer}.{name}.bias"])
                    block[name.replace(".", "_")] = dense
                for name in norms:
                    norm = torch.nn.LayerNorm(DIMENSIONS, eps=1e-12)
                    norm.weight.data = torch.tensor(encoder.w[f"encoder.layer.{layer}.{name}.weight"])
                    norm.bias.data = torch.tensor(encoder.w[f"encoder.layer.{layer}.{name}.bias"])
                    block[name.replace(".", "_")] = norm
                self.layers.append(block)
            self.head = torch.nn.Linear(DIMENSIONS, n_labels) if n_labels else None

        def forward(self, x: Any, mask: Any) -> Any:
            bias = (~mask)[:, None, None, :].float() * -1e9
            drop = 0.1 if self.training else 0.0
            n, length, _ = x.shape
            for block in self.layers:
                b: Any = block

                def heads(t: Any) -> Any:
                    return t.view(n, length, 12, DIMENSIONS // 12).transpose(1, 2)

                q = heads(b["attention_self_query"](x))
                k = heads(b["attention_self_key"](x))
                v = heads(b["attention_self_value"](x))
                p = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(DIMENSIONS // 12) + bias, -1)
                context = (
                    (F.dropout(p, drop, self.training) @ v).transpose(1, 2).reshape(n, length, DIMENSIONS)
                )
                attended = F.dropout(b["attention_output_dense"](context), drop, self.training)
                x = b["attention_output_LayerNorm"](attended + x)
                hidden = F.gelu(b["intermediate_dense"](x), approximate="tanh")
                x = b["output_LayerNorm"](F.dropout(b["output_dense"](hidden), drop, self.training) + x)
            if self.head is None:
                return x
            m = mask.unsqueeze(-1).float()
            return self.head((x * m).sum(1) / m.sum(1))

    return Top()


def _trim(states: np.ndarray, masks: np.ndarray) -> tuple[Any, Any]:
    import torch

    length = max(1, int(masks.sum(1).max()))
    return torch.tensor(states[:, :length].astype(np.float32)), torch.tensor(masks[:, :length])


def _predict(model: Any, states: np.ndarray, masks: np.ndarray) -> np.ndarray:
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for start in range(0, len(states), 128):
            logits = model(*_trim(states[start : start + 128], masks[start : start + 128]))
            out.append(torch.softmax(logits, -1).numpy())
    model.train()
    return np.concatenate(out) if out else np.zeros((0, 3))


def _scores(gold: Sequence[int], probs: np.ndarray, labels: Sequence[str]) -> dict[str, float]:
    return score_labels([labels[g] for g in gold], [labels[int(k)] for k in probs.argmax(1)], labels)


def fit(
    encoder: MiniLM,
    fit_texts: Sequence[tuple[str, str]],
    fit_gold: Sequence[int],
    labels: Sequence[str],
    *,
    max_tokens: int,
    freeze: int,
    epochs: int,
    lr: float,
    dev: tuple[Sequence[tuple[str, str]], Sequence[int]] | None,
    log: Any,
    seed: int = SEED,
) -> tuple[Any, list[np.ndarray]]:
    import torch

    torch.manual_seed(seed)
    started = time.time()
    states, masks = lower_states(encoder, fit_texts, max_tokens, freeze)
    log(f"cached layers 0-{freeze - 1} for {len(fit_texts)} pairs in {time.time() - started:.0f} s")
    dev_states = lower_states(encoder, dev[0], max_tokens, freeze) if dev else None
    gold = torch.tensor(list(fit_gold))
    counts = Counter(fit_gold)
    # inverse square-root class weights: the rare `disagree` / `against` count more, not overwhelmingly
    weights = torch.tensor([(len(fit_gold) / (len(labels) * counts[k])) ** 0.5 for k in range(len(labels))])
    model = _top_model(encoder, freeze, len(labels))
    optimiser = torch.optim.AdamW(
        [{"params": model.layers.parameters(), "lr": lr}, {"params": model.head.parameters(), "lr": 1e-3}],
        weight_decay=0.01,
    )
    batch = 16
    total = epochs * math.ceil(len(gold) / batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, s / (0.06 * total)) * max(0.0, (total - s) / total)
    )
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights.float())
    dev_probs = []
    generator = torch.Generator().manual_seed(seed)
    for epoch in range(epochs):
        order = torch.randperm(len(gold), generator=generator).numpy()
        for start in range(0, len(order), batch):
            rows = np.sort(order[start : start + batch])
            loss = loss_fn(model(*_trim(states[rows], masks[rows])), gold[rows])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
        message = f"epoch {epoch + 1}/{epochs} done at {time.time() - started:.0f} s"
        if dev_states is not None and dev is not None:
            probs = _predict(model, *dev_states)
            dev_probs.append(probs)
            scores = _scores(dev[1], probs, labels)
            message += " dev " + " ".join(f"{k} {v:.3f}" for k, v in scores.items())
        log(message)
    return model, dev_probs


def export(model: Any, freeze: int) -> dict[str, np.ndarray]:
    """The trained tensors under their safetensors names ((out, in) dense weights), float16."""
    arrays: dict[str, np.ndarray] = {}
    for offset, block in enumerate(model.layers):
        for key, module in block.items():
            name = f"encoder.layer.{freeze + offset}.{key.replace('_', '.')}"
            arrays[f"{name}.weight"] = module.weight.detach().numpy().astype(np.float16)
            arrays[f"{name}.bias"] = module.bias.detach().numpy().astype(np.float16)
    arrays["head.weight"] = model.head.weight.detach().numpy().astype(np.float16)
    arrays["head.bias"] = model.head.bias.detach().numpy().astype(np.float16)
    return arrays


def run(
    data: Path,
    out: Path,
    *,
    task: str,
    epochs: int,
    freeze: int,
    lr: float,
    dev_probs_path: Path | None = None,
    limit: int | None = None,
    mix: float = 0.5,
    seeds: Sequence[int] = (SEED,),
    all_train: bool = False,
    name: str | None = None,
) -> dict[str, Any]:
    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    spec = TASKS[task]
    labels: tuple[str, ...] = spec["labels"]  # type: ignore[assignment]
    max_tokens = int(spec["max_tokens"])  # type: ignore[call-overload]
    name = name or str(spec["name"])
    fit_pairs, dev_pairs, leakage = task_pairs(data, task)
    if all_train:  # the hyper-parameters were chosen on the hold-out: now fit on all of train
        fit_pairs, dev_pairs = fit_pairs + dev_pairs, []
    if limit is not None:  # a smoke run: a spread of pairs, not the first few of one body
        fit_pairs, dev_pairs = fit_pairs[:: max(1, len(fit_pairs) // limit)], dev_pairs[: limit // 4]
    log(
        f"{task}: {len(fit_pairs)} training pairs {dict(Counter(p.gold for p in fit_pairs))},"
        f" {len(dev_pairs)} hold-out"
    )
    encoder = load_minilm()
    fit_texts = [pair_texts(p, task) for p in fit_pairs]
    fit_gold = [labels.index(p.gold) for p in fit_pairs]
    held = ([pair_texts(p, task) for p in dev_pairs], [labels.index(p.gold) for p in dev_pairs])
    models, runs = [], []
    for seed in seeds:  # one member per seed; their probabilities are averaged (`cross.CrossEncoder`)
        model, probs = fit(
            encoder,
            fit_texts,
            fit_gold,
            labels,
            max_tokens=max_tokens,
            freeze=freeze,
            epochs=epochs,
            lr=lr,
            dev=held if dev_pairs else None,
            log=log,
            seed=seed,
        )
        models.append(model)
        runs.append(probs)
    dev_probs = [np.mean([run[e] for run in runs], axis=0) for e in range(len(runs[0]))]
    if len(seeds) > 1 and dev_probs:
        log(
            "ensemble dev "
            + " ".join(f"{k} {v:.3f}" for k, v in _scores(held[1], dev_probs[-1], labels).items())
        )
    if dev_probs_path is not None:
        saved: dict[str, Any] = {f"epoch{i + 1}": p for i, p in enumerate(dev_probs)}
        for seed, run_probs in zip(seeds, runs, strict=True):
            saved.update({f"seed{seed}_epoch{i + 1}": p for i, p in enumerate(run_probs)})
        saved["gold"] = np.array(held[1])
        np.savez(dev_probs_path, **saved)
    out.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, Any] = export(models[0], freeze)
    if len(models) > 1:
        tensors = {f"m{i}.{k}": v for i, m in enumerate(models) for k, v in export(m, freeze).items()}
    np.savez_compressed(out / f"{name}.npz", **tensors)
    files = sorted((data / ("emergent" if task == "emergent" else "fnc-1")).glob("*.csv"))
    meta = {
        "artifact": name,
        "command": "python -m claimtrail.stance.train_cross " + " ".join(sys.argv[1:]),
        "seed": seeds[0] if len(seeds) == 1 else list(seeds),
        "task": task,
        "freeze": freeze,
        "epochs": epochs,
        "lr": lr,
        "data": {str(f.relative_to(data)): _sha256(f) for f in files},
        "training_pairs": len(fit_pairs),
        "holdout_pairs": len(dev_pairs),
        "holdout_scores": _scores(held[1], dev_probs[-1], labels) if dev_probs else {},
        "fnc_leakage_filter": leakage,
    }
    spec_out: dict[str, Any] = {"labels": list(labels), "max_tokens": max_tokens, "mix": mix}
    if len(models) > 1:
        spec_out["members"] = len(models)
    (out / f"{name}.json").write_text(json.dumps({**spec_out, "meta": meta}, indent=2) + "\n")
    reloaded: CrossEncoder = load_from(out, name)
    sample = fit_texts[:64]
    sample_states = lower_states(encoder, sample, max_tokens, freeze)
    torch_probs = np.mean([_predict(m, *sample_states) for m in models], axis=0)
    numpy_probs = reloaded.proba([a for a, _ in sample], [b for _, b in sample])
    gap = float(np.abs(torch_probs - numpy_probs).max())
    log(f"wrote {out / name}.{{json,npz}}; numpy vs torch max probability gap {gap:.4f} on 64 pairs")
    if gap > 0.02:
        raise SystemExit(f"the numpy reader disagrees with torch by {gap:.4f}")
    return meta


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m claimtrail.stance.train_cross", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--data", type=Path, required=True, help="the folder holding emergent/ and fnc-1/")
    parser.add_argument("--task", choices=sorted(TASKS), required=True)
    parser.add_argument("--out", type=Path, default=_MODELS_DIR)
    parser.add_argument(
        "--mix", type=float, default=0.5, help="weight of this head against the packaged one (see README)"
    )
    parser.add_argument("--limit", type=int, help="train on about N pairs (a smoke run)")
    parser.add_argument("--dev-probs", type=Path, help="save the hold-out probabilities of each epoch (.npz)")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--freeze", type=int, default=4, help="lower layers kept as released (0-5)")
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--name", help="artifact name (default: the task's)")
    parser.add_argument(
        "--seeds",
        type=int,
        nargs="+",
        default=[SEED],
        help="one model per seed (head, dropout, batch order); several make an averaged ensemble",
    )
    parser.add_argument(
        "--all-train",
        action="store_true",
        help="fit on the hold-out too (after --epochs etc. were chosen on it); no hold-out scores",
    )
    args = parser.parse_args(argv)
    if args.all_train and args.dev_probs:
        parser.error("--all-train leaves no hold-out for --dev-probs")
    run(
        args.data,
        args.out,
        task=args.task,
        epochs=args.epochs,
        freeze=args.freeze,
        lr=args.lr,
        dev_probs_path=args.dev_probs,
        limit=args.limit,
        mix=args.mix,
        seeds=args.seeds,
        all_train=args.all_train,
        name=args.name,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

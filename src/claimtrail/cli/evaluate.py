"""`claimtrail eval TASK DATASET_DIR`: our own scorers on public datasets, with a bootstrap interval."""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimtrail.cli._output import fail_setup
from claimtrail.errors import ModelNotInstalled

TASKS = ("timex", "quotes", "html", "claims", "stance", "trails")


@click.command("eval")
@click.argument("task", type=click.Choice(TASKS))
@click.argument("dataset_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", default="test", show_default=True, help="Dataset split to score.")
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option("--errors", "errors_path", type=click.Path(path_type=Path), help="Write mismatches as JSONL.")
@click.option("--json", "as_json", is_flag=True, help="Print {task, dataset, split, n, metrics} as JSON.")
def eval_cli(
    task: str, dataset_dir: Path, split: str, limit: int | None, errors_path: Path | None, as_json: bool
) -> None:
    """Score claimtrail on a dataset with the dataset's official metric."""
    from claimtrail.evaluate.run import run_evaluation

    try:
        result = run_evaluation(task, dataset_dir, split=split, limit=limit)
    except ModelNotInstalled as exc:
        fail_setup(exc)
        return
    if errors_path is not None:
        errors_path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in result.errors))
    if as_json:
        payload = {
            "task": task,
            "dataset": str(dataset_dir),
            "split": split,
            "n": result.n,
            "metrics": result.metrics,
        }
        click.echo(json.dumps(payload, indent=2))
        return
    click.echo(f"{task} on {dataset_dir} ({split}, n={result.n})")
    for name, value in result.metrics.items():
        low_high = result.intervals.get(name)
        interval = f"  [{low_high[0]:.3f}, {low_high[1]:.3f}]" if low_high else ""
        click.echo(f"  {name:<22} {value:.3f}{interval}")

"""`kg eval`: precision/recall/F1 and field accuracy against gold."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.commands import store_option
from kg.errors import InputError


@click.command(name="eval")
@click.option("--gold", "gold_dir", required=True, type=click.Path(path_type=Path), help="Gold folder (GOLD_SCHEMA.md).")
@store_option()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--errors", "show_errors", is_flag=True, help="With --format json: include the mismatches.")
def eval_cmd(gold_dir: Path, store_dir: Path, fmt: str, show_errors: bool) -> None:
    """Score the built graph against hand-checked gold."""
    from kg.eval.run import evaluate, summary_lines
    from kg.query import table
    from kg.store import open_store

    if not gold_dir.is_dir():
        raise InputError(str(gold_dir), "gold folder not found")
    results = evaluate(open_store(store_dir), gold_dir)
    if not results:
        raise InputError(str(gold_dir), "no gold files of a known kind (documents.jsonl, responsibilities.jsonl, …)")
    if fmt == "json":
        if not show_errors:
            results = {k: {kk: vv for kk, vv in v.items() if kk != "errors"} for k, v in results.items()}
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        rows = summary_lines(results)
        click.echo(table(["kind", "metric", "value"], rows))

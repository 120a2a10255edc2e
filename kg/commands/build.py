"""`kg build`: the main job."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from kg.query import table


@click.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", default="build", show_default=True, type=click.Path(path_type=Path), help="Build folder (replaced atomically).")
@click.option("--no-render", is_flag=True, help="Skip the HTML renders.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
def build(inputs: tuple[Path, ...], out: Path, no_render: bool, no_validate: bool, quiet: bool) -> None:
    """Build the knowledge graph of INPUTS (files or folders; default raw_texts/) into --out."""
    from kg.build import run_build
    from kg.pipeline import collect_inputs

    sources = list(inputs) or [Path("raw_texts")]
    started = time.perf_counter()
    show = not quiet and sys.stderr.isatty()
    if show:
        total = len(collect_inputs(sources))
        with click.progressbar(length=total, label="reading", file=sys.stderr, show_pos=True, item_show_func=lambda x: x) as bar:
            result = run_build(sources, out, progress=lambda path: bar.update(1, path.name), render=not no_render, validate=not no_validate)
    else:
        result = run_build(sources, out, render=not no_render, validate=not no_validate)
    if quiet:
        return
    rows = []
    for r in result.report["files"]:
        rows.append([r["file"], r["encoding"], r["lines"], len(r["documents"]), len(r["warnings"])])
    click.echo(table(["file", "encoding", "lines", "documents", "warnings"], rows))
    summary = result.report.get("summary", {})
    click.echo(f"documents: {result.report['documents']} (printings {result.report['printings']})  triples: {result.triples}")
    for key, value in summary.items():
        click.echo(f"{key}: {value}")
    click.echo(f"wrote {result.out}/graph.ttl, store/, report.json{', ' + str(len(result.renders)) + ' renders' if result.renders else ''} in {time.perf_counter() - started:.1f}s")

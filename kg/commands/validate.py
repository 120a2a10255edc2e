"""`kg validate`: check a built graph against ontology/shapes.ttl and exit 1 on violations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.errors import InputError
from kg.rdf.iris import PREFIXES
from kg.store import open_store
from kg.validate import ValidationResult, validate_graph


def shorten(iri: str) -> str:
    """A CURIE for known namespaces so the table fits a terminal."""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def format_table(result: ValidationResult) -> str:
    """Violations as an aligned text table (severity, focus, path, message)."""
    rows = [("severity", "focus", "path", "message")]
    rows += [
        (v["severity"], shorten(v["focus"]), shorten(v["path"]), v["message"]) for v in result.violations
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r[:3], widths, strict=True)) + "  " + r[3] for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 7)
    return "\n".join(lines)


@click.command()
@click.option(
    "--store",
    "build_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Build folder holding store/ (default: build).",
)
@click.option(
    "--file",
    "graph_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Validate an RDF file (Turtle, N-Triples, TriG) instead of a store.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def validate(build_dir: Path | None, graph_file: Path | None, fmt: str) -> None:
    """Validate the graph against the SHACL shapes; exit 1 when there are violations.

    \b
    kg validate                       # the store in ./build
    kg validate --file build/graph.ttl
    """
    if build_dir and graph_file:
        raise InputError("--store/--file", "pass only one of --store and --file")
    if graph_file is not None:
        result = validate_graph(graph_file)
    else:
        result = validate_graph(open_store(build_dir or Path("build"), read_only=True))
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    elif result.conforms:
        click.echo("conforms: no violations")
    else:
        click.echo(format_table(result))
        click.echo(f"\n{len(result.violations)} violation(s)")
    if not result.conforms:
        sys.exit(1)

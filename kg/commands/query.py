"""`kg query` and `kg export`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.commands import store_option
from kg.errors import InputError


@click.command()
@click.argument("sparql", required=False)
@store_option()
@click.option("--file", "query_file", type=click.Path(path_type=Path), help="Read the query from a .rq file.")
@click.option("--named", help="Run a named query (see --list).")
@click.option("--list", "list_named", is_flag=True, help="List the named queries.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(sparql: str | None, store_dir: Path, query_file: Path | None, named: str | None, list_named: bool, fmt: str) -> None:
    """Run a SPARQL SELECT (inline, --file or --named) against the store."""
    from kg.query import format_rows, named_queries, named_query, select
    from kg.store import open_store

    if list_named:
        for name, text in named_queries().items():
            first = next((ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")), "")
            click.echo(f"{name:18} {first}")
        return
    given = [x for x in (sparql, query_file, named) if x]
    if len(given) != 1:
        raise InputError("query", "give exactly one of SPARQL, --file F.rq or --named NAME")
    if query_file:
        if not query_file.is_file():
            raise InputError(str(query_file), "no such query file")
        text = query_file.read_text(encoding="utf-8")
    elif named:
        text = named_query(named)
    else:
        text = sparql or ""
    store = open_store(store_dir)
    variables, rows = select(store, text)
    click.echo(format_rows(variables, rows, fmt))


EXPORT_FORMATS = ["ttl", "nt", "trig", "jsonld", "graphml", "gexf"]


@click.command()
@store_option()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="ttl", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file (default: standard output).")
def export(store_dir: Path, fmt: str, output: Path | None) -> None:
    """Export the graph as Turtle, N-Triples, TriG, JSON-LD, GraphML or GEXF."""
    from kg.export import export as do_export
    from kg.store import open_store

    store = open_store(store_dir)
    if output:
        tmp = output.with_name(f".{output.name}.tmp")
        with tmp.open("wb") as fh:
            n = do_export(store, fmt, fh)
        tmp.replace(output)
        click.echo(f"wrote {n} triples to {output}", err=True)
    else:
        do_export(store, fmt, sys.stdout.buffer)

"""`kg push`: load the built graph into an external triple store (SPARQL 1.1 Graph Store Protocol)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg.commands import store_option
from kg.push import PushError, push
from kg.store import open_store

PASSWORD_ENV = "KG_PUSH_PASSWORD"


@click.command(name="push")
@click.option(
    "--endpoint",
    required=True,
    help="Graph Store Protocol URL, e.g. http://localhost:7878/store (Oxigraph), "
    "http://localhost:3030/ds/data (Fuseki), http://localhost:8890/sparql-graph-crud-auth (Virtuoso).",
)
@store_option("build_dir")
@click.option("--graph", default=None, help="Target named graph IRI (default: the server's default graph).")
@click.option(
    "--replace", is_flag=True, help="Replace the target graph (HTTP PUT) instead of adding to it (POST)."
)
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt"]), default="ttl", show_default=True)
@click.option(
    "--batch",
    "batch_size",
    type=click.IntRange(min=1),
    default=50_000,
    show_default=True,
    help="Triples per request.",
)
@click.option(
    "--user", default=None, help=f"User for Basic/Digest auth; the password is read from ${PASSWORD_ENV}."
)
def push_command(
    endpoint: str,
    build_dir: Path,
    graph: str | None,
    replace: bool,
    fmt: str,
    batch_size: int,
    user: str | None,
) -> None:
    """Load the graph into a triple store over the SPARQL 1.1 Graph Store Protocol.

    \b
    kg push --endpoint http://localhost:7878/store --replace
    kg push --endpoint http://localhost:3030/policy/data --graph https://w3id.org/policy-kg/graph --replace
    """
    store = open_store(build_dir, read_only=True)
    try:
        result = push(
            store,
            endpoint,
            graph=graph,
            replace=replace,
            fmt=fmt,
            batch_size=batch_size,
            user=user,
            password=os.environ.get(PASSWORD_ENV),
        )
    except PushError as exc:
        click.echo(f"kg: error: {exc}", err=True)
        sys.exit(1)
    verb = "replaced" if replace else "added to"
    click.echo(f"{result.triples} triples {verb} {result.url} in {result.requests} request(s)")

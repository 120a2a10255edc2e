"""`kg serve`: run the read-only SPARQL endpoint and web pages over a build's store."""

from __future__ import annotations

from pathlib import Path

import click

from kg.commands import store_option
from kg.serve import ServeConfig, make_server
from kg.store import open_store


@click.command()
@store_option("build_dir")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Interface to bind (loopback by default)."
)
@click.option(
    "--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port."
)
@click.option(
    "--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.01), help="Seconds per query."
)
@click.option(
    "--row-limit",
    default=10_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Rows (or triples) per result.",
)
@click.option("--quiet", is_flag=True, help="Do not log each request.")
def serve(build_dir: Path, host: str, port: int, timeout: float, row_limit: int, quiet: bool) -> None:
    """Serve the graph: SPARQL 1.1 Protocol at /sparql, a query page at /, agency and document pages.

    \b
    kg serve                            # http://127.0.0.1:7878/
    curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' \\
         http://127.0.0.1:7878/sparql
    """
    store = open_store(build_dir, read_only=True)
    server = make_server(store, host, port, ServeConfig(timeout=timeout, row_limit=row_limit, quiet=quiet))
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            f"warning: listening on {host}: anyone who can reach this address can query the graph", err=True
        )
    click.echo(
        f"policy-kg: serving {build_dir}/store at {server.url}/ (SPARQL at {server.url}/sparql); Ctrl-C stops"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        server.server_close()

"""`kg render`: write the interactive HTML networks (self-contained, open offline)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.commands import store_option


@click.command()
@store_option()
@click.option(
    "--out",
    "out_dir",
    default=None,
    type=click.Path(path_type=Path),
    help="Output folder  [default: the build folder, where `kg build` puts them]",
)
@click.option("--document", help="Only the agency–task network of this document (文号, title or IRI).")
@click.option("--agency", help="Only the agency–task network of this agency (name, printed name or IRI).")
def render(store_dir: Path, out_dir: Path | None, document: str | None, agency: str | None) -> None:
    """Render the inter-agency, citation and agency–task networks as HTML.

    With no filter, writes agencies.html, citations.html, one tasks-*.html per document and an
    index.html.  With --document and/or --agency, writes that one agency–task page.
    """
    from kg.analytics.records import read_records
    from kg.render import render_agency_tasks, render_all, task_page_path
    from kg.store import open_store

    store = open_store(store_dir)
    out = out_dir or store_dir
    if document or agency:
        records = read_records(store)
        from kg.analytics.network import resolve_agency, resolve_document

        doc_iri = resolve_document(records, document) if document else None
        agency_iri = resolve_agency(records, agency) if agency else None
        paths = [render_agency_tasks(records, task_page_path(out, doc_iri, agency_iri), doc_iri, agency_iri)]
    else:
        paths = render_all(store, out)
    for path in paths:
        click.echo(str(path))

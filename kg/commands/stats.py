"""`kg stats`: who is central, who leads, who works with whom, what is cited."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, fields
from pathlib import Path

import click

from kg.commands import store_option

TABLES = ("summary", "agencies", "pairs", "communities", "documents")

COLUMNS: dict[str, list[tuple[str, str]]] = {
    # table → (field, header) shown in text tables; csv and json carry every field
    "agencies": [
        ("name", "agency"),
        ("jurisdiction", "jurisdiction"),
        ("tasks", "tasks"),
        ("lead", "lead"),
        ("support", "support"),
        ("responsible", "resp."),
        ("partners", "partners"),
        ("degree_centrality", "degree"),
        ("betweenness", "betweenness"),
        ("community", "comm."),
    ],
    "pairs": [
        ("a_name", "agency A"),
        ("b_name", "agency B"),
        ("shared_tasks", "shared"),
        ("documents", "docs"),
        ("lead_support", "lead → support"),
    ],
    "communities": [("id", "id"), ("size", "size"), ("tasks", "tasks"), ("members", "busiest members")],
    "documents": [
        ("title", "title"),
        ("doc_number", "文号"),
        ("placeholder", "placeholder"),
        ("cited_by", "cited by"),
        ("cites", "cites"),
        ("tasks", "tasks"),
    ],
}

TITLES = {
    "summary": "Summary",
    "agencies": "Agencies by tasks (lead / support / responsible), centrality and community",
    "pairs": "Strongest collaborating pairs (shared tasks)",
    "communities": "Communities (greedy modularity over shared tasks)",
    "documents": "Most cited documents",
}


def _rows(stats, name: str) -> list[dict]:
    if name == "summary":
        return [{"metric": k, "value": v} for k, v in stats.summary.items()]
    rows = []
    for item in getattr(stats, name):
        row = asdict(item)
        if name == "communities":
            row["members"] = "、".join(row["members"])
        rows.append(row)
    return rows


def _csv(rows: list[dict], headers: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=headers, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().rstrip("\n")


@click.command()
@store_option()
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True
)
@click.option("--top", type=click.IntRange(min=1), default=15, show_default=True, help="Rows per list.")
@click.option(
    "--table",
    "only",
    type=click.Choice(TABLES),
    default=None,
    help="Only this list  [default: all for table/json, agencies for csv]",
)
def stats(store_dir: Path, fmt: str, top: int, only: str | None) -> None:
    """Network metrics: degree and betweenness centrality, lead vs support counts per agency,
    communities, strongest collaborating pairs and most cited documents."""
    from kg.analytics.stats import AgencyStat, CommunityStat, DocumentStat, PairStat, network_stats
    from kg.query import table
    from kg.store import open_store

    result = network_stats(open_store(store_dir), top=top)
    if fmt == "json":
        data = result.as_dict()
        click.echo(json.dumps(data if only is None else data[only], ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        name = only or "agencies"
        kinds = {
            "agencies": AgencyStat,
            "pairs": PairStat,
            "communities": CommunityStat,
            "documents": DocumentStat,
        }
        headers = ["metric", "value"] if name == "summary" else [f.name for f in fields(kinds[name])]
        click.echo(_csv(_rows(result, name), headers))
        return
    blocks = []
    for name in [only] if only else TABLES:
        if name == "summary":
            body = table(["metric", "value"], [[k, v] for k, v in result.summary.items()])
        else:
            cols = COLUMNS[name]
            width = 60 if name == "communities" else 40
            body = table(
                [h for _, h in cols],
                [[row[f] for f, _ in cols] for row in _rows(result, name)],
                max_width=width,
            )
        blocks.append(f"{TITLES[name]}\n{body}")
    click.echo("\n\n".join(blocks))

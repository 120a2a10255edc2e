"""Interactive, self-contained HTML renders of the graph (pyvis / vis-network, works offline).

``render_all`` is what ``kg build`` calls; the ``render_*`` functions each write one page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pyoxigraph as ox

from kg.analytics.network import (
    Source,
    agency_network,
    agency_task_network,
    citation_network,
    records_of,
)
from kg.render.page import external_references, render_page, write_page
from kg.render.views import agency_network_page, agency_task_page, citation_page

__all__ = [
    "external_references",
    "render_agency_network",
    "render_agency_tasks",
    "render_all",
    "render_citations",
    "render_page",
]

AGENCIES_FILE = "agencies.html"
CITATIONS_FILE = "citations.html"
INDEX_FILE = "index.html"


def slug(iri: str) -> str:
    """A file-name-safe, stable name from an IRI's last path segments."""
    tail = "-".join(iri.rstrip("/").split("/")[-2:])
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", tail)


def render_agency_network(source: Source, path: Path) -> Path:
    return write_page(agency_network_page(agency_network(source)), path)


def render_citations(source: Source, path: Path) -> Path:
    return write_page(citation_page(citation_network(source)), path)


def render_agency_tasks(
    source: Source, path: Path, document: str | None = None, agency: str | None = None
) -> Path:
    """Agencies and tasks of one document and/or one agency (IRI, 文号, title or name)."""
    rec = records_of(source)
    graph = agency_task_network(rec, document=document, agency=agency)
    parts = []
    if graph.graph["document"]:
        doc = rec.documents[graph.graph["document"]]
        parts.append(f"{doc.title}（{doc.doc_number}）" if doc.doc_number else doc.title)
    if graph.graph["agency"]:
        parts.append(rec.agencies[graph.graph["agency"]].name)
    title = "任务分工：" + (" · ".join(parts) if parts else "全部文件")
    return write_page(agency_task_page(graph, title), path)


def task_page_path(out_dir: Path, document: str | None = None, agency: str | None = None) -> Path:
    name = "-".join(slug(x) for x in (document, agency) if x) or "all"
    return out_dir / f"tasks-{name}.html"


def render_all(store: ox.Store | Source, out_dir: Path) -> list[Path]:
    """Write every render into ``out_dir``: agencies, citations, one agency–task page per
    document that has tasks with agencies, and an index linking them.  Returns the paths written."""
    out_dir = Path(out_dir)
    rec = records_of(store)
    written = [
        render_agency_network(rec, out_dir / AGENCIES_FILE),
        render_citations(rec, out_dir / CITATIONS_FILE),
    ]
    docs_with_roles = sorted({rec.tasks[r.task].document for r in rec.roles} - {""})
    per_document = [
        render_agency_tasks(rec, task_page_path(out_dir, document=doc), document=doc)
        for doc in docs_with_roles
    ]
    written += per_document
    written.append(_write_index(rec, out_dir, list(zip(docs_with_roles, per_document, strict=True))))
    return written


def _write_index(rec, out_dir: Path, per_document: list[tuple[str, Path]]) -> Path:
    """A plain page (no script) linking the renders, so a reader opening the folder finds them."""
    tasks_per_doc: dict[str, int] = {}
    for task in {r.task for r in rec.roles}:
        doc = rec.tasks[task].document
        tasks_per_doc[doc] = tasks_per_doc.get(doc, 0) + 1
    rows = "\n".join(
        f'<li><a href="{html.escape(path.relative_to(out_dir).as_posix())}">'
        f"{html.escape(rec.documents[doc].title)}</a> {html.escape(rec.documents[doc].doc_number)}"
        f"（{tasks_per_doc.get(doc, 0)} 项任务）</li>"
        for doc, path in per_document
    )
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>policy-kg 图谱可视化</title>
<style>body {{ font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; margin: 24px; line-height: 1.7; }}</style>
</head><body>
<h1>policy-kg 图谱可视化</h1>
<ul>
<li><a href="{AGENCIES_FILE}">机构协作网络 Inter-agency network</a></li>
<li><a href="{CITATIONS_FILE}">文件引用网络 Citation network</a></li>
</ul>
<h2>各文件任务分工 Agency–task networks</h2>
<ul>
{rows}
</ul>
</body></html>
"""
    path = out_dir / INDEX_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path

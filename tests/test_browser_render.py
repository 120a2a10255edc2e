"""The renders in a real headless Chromium: vis draws every node and edge, and nothing is fetched.

Skipped on a developer machine without Chromium; in CI (CI=true) a missing browser fails, so the
check cannot silently disappear.  `make browser` installs Chromium and the CJK font.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.analytics import agency_network, agency_task_network, citation_network
from kg.analytics.records import read_records
from kg.render import render_agency_network, render_agency_tasks, render_all, render_citations
from kg.render.browser import Drawn, chromium_path, open_render, open_renders

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module", autouse=True)
def browser_available() -> None:
    missing = []
    if chromium_path() is None:
        missing.append("chromium")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright")
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{', '.join(missing)} missing in CI; run `make browser`")
        pytest.skip(f"{', '.join(missing)} not installed (run `make browser`)")


@pytest.fixture(scope="module")
def fixture_store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURES / "render_graph.ttl"), format=ox.RdfFormat.TURTLE)
    return store


def check(drawn: Drawn, nodes: int, edges: int) -> None:
    assert drawn.blocked == [], f"requests left the machine: {drawn.blocked}"
    assert drawn.errors == []
    assert drawn.stabilized
    assert (drawn.nodes, drawn.edges) == (nodes, edges)


def test_fixture_renders_draw_everything_offline(fixture_store: ox.Store, tmp_path: Path) -> None:
    paths = {p.name: p for p in render_all(fixture_store, tmp_path)}
    agencies = agency_network(fixture_store)
    tasks = agency_task_network(fixture_store, document="渝府办发〔2022〕1号")
    citations = citation_network(fixture_store)
    drawn = open_renders([paths["agencies.html"], paths["tasks-doc-d1.html"], paths["citations.html"]])
    check(drawn[0], agencies.number_of_nodes(), agencies.number_of_edges())
    check(drawn[1], tasks.number_of_nodes(), tasks.number_of_edges())
    check(drawn[2], citations.number_of_nodes(), citations.number_of_edges())


def test_a_page_pointing_at_a_cdn_is_caught(tmp_path: Path) -> None:
    page = tmp_path / "remote.html"
    page.write_text(
        '<!DOCTYPE html><html><head><script src="https://cdn.example.invalid/vis.js"></script></head>'
        '<body data-stabilized="true"><script>window.network = {body: {data: {nodes: [], edges: []}}};'
        "</script></body></html>",
        encoding="utf-8",
    )
    drawn = open_render(page)
    assert drawn.blocked == ["https://cdn.example.invalid/vis.js"]


def test_shipped_corpus_renders(store: ox.Store, tmp_path: Path) -> None:
    """The real build: the inter-agency and citation networks, and the busiest document's tasks."""
    records = read_records(store)
    agencies, citations = agency_network(records), citation_network(records)
    pages = [
        render_agency_network(records, tmp_path / "agencies.html"),
        render_citations(records, tmp_path / "citations.html"),
    ]
    expected = [agencies, citations]
    documents = [records.tasks[r.task].document for r in records.roles]
    assert agencies.number_of_nodes() > 0 and documents, "the shipped corpus names agencies on tasks"
    busiest = max(sorted(set(documents) - {""}), key=documents.count)
    pages.append(render_agency_tasks(records, tmp_path / "tasks.html", document=busiest))
    expected.append(agency_task_network(records, document=busiest))
    for drawn, graph in zip(open_renders(pages), expected, strict=True):
        check(drawn, graph.number_of_nodes(), graph.number_of_edges())

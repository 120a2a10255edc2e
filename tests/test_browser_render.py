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
from kg.render import render_agency_network, render_agency_tasks, render_all, render_citations
from kg.render.browser import chromium_path, open_render

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


def check(path: Path, nodes: int, edges: int) -> None:
    drawn = open_render(path)
    assert drawn.blocked == [], f"requests left the machine: {drawn.blocked}"
    assert drawn.errors == []
    assert drawn.stabilized
    assert (drawn.nodes, drawn.edges) == (nodes, edges)


def test_fixture_renders_draw_everything_offline(fixture_store: ox.Store, tmp_path: Path) -> None:
    paths = {p.name: p for p in render_all(fixture_store, tmp_path)}
    agencies = agency_network(fixture_store)
    check(paths["agencies.html"], agencies.number_of_nodes(), agencies.number_of_edges())
    tasks = agency_task_network(fixture_store, document="渝府办发〔2022〕1号")
    check(paths["tasks-doc-d1.html"], tasks.number_of_nodes(), tasks.number_of_edges())


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
    agencies = agency_network(store)
    check(
        render_agency_network(store, tmp_path / "agencies.html"),
        agencies.number_of_nodes(),
        agencies.number_of_edges(),
    )
    citations = citation_network(store)
    check(
        render_citations(store, tmp_path / "citations.html"),
        citations.number_of_nodes(),
        citations.number_of_edges(),
    )
    whole = agency_task_network(store)
    documents = [d.get("document") for _, d in whole.nodes(data=True) if d["node_type"] == "task"]
    if documents:
        busiest = max(sorted(set(documents)), key=documents.count)
        tasks = agency_task_network(store, document=busiest)
        check(
            render_agency_tasks(store, tmp_path / "tasks.html", document=busiest),
            tasks.number_of_nodes(),
            tasks.number_of_edges(),
        )

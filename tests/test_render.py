"""HTML renders: self-contained, escaped, deterministic, and carrying the graph they claim to draw."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.analytics import agency_network, agency_task_network, citation_network
from kg.cli import main
from kg.render import (
    external_references,
    render_agency_network,
    render_agency_tasks,
    render_all,
    render_citations,
)
from kg.render.style import FONT_STACK, LEAD_EDGE, RELATION_STYLE, ROLE_STYLE, colour_map, short_label

FIXTURES = Path(__file__).parent / "fixtures"
ID = "https://w3id.org/policy-kg/id/"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURES / "render_graph.ttl"), format=ox.RdfFormat.TURTLE)
    return store


@pytest.fixture(scope="module")
def pages(store: ox.Store, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("render")
    return {p.name: p for p in render_all(store, out)}


def data_of(path: Path) -> tuple[list[dict], list[dict], dict]:
    """The nodes, edges and options embedded in a page, as the browser will read them."""
    html = path.read_text(encoding="utf-8")

    def grab(pattern: str):
        match = re.search(pattern, html)
        assert match, pattern
        return json.loads(match.group(1))

    return (
        grab(r"var nodes = new vis\.DataSet\((.*)\);\n"),
        grab(r"var edges = new vis\.DataSet\((.*)\);\n"),
        grab(r"var options = (.*);\n"),
    )


def test_render_all_writes_every_page(pages: dict[str, Path]) -> None:
    assert sorted(pages) == [
        "agencies.html",
        "citations.html",
        "index.html",
        "tasks-doc-d1.html",
        "tasks-doc-d2.html",
    ]
    index = pages["index.html"].read_text(encoding="utf-8")
    for name in ("agencies.html", "citations.html", "tasks-doc-d1.html"):
        assert f'href="{name}"' in index


def test_pages_are_self_contained(pages: dict[str, Path]) -> None:
    for path in pages.values():
        html = path.read_text(encoding="utf-8")
        assert external_references(html) == [], path.name
        assert not re.search(r"<script[^>]+src=", html, re.IGNORECASE)
        assert not re.search(r"<link[^>]+href=", html, re.IGNORECASE)
        assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "bootstrap" not in html
        assert "fonts.googleapis" not in html
        if path.name != "index.html":
            assert "vis.Network" in html  # the library itself is inline


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.example/vis.js"></script>',
        '<link rel="stylesheet" href="https://cdn.example/a.css">',
        "<style>@import url(//fonts.example/x.css);</style>",
        '<img src="http://example.org/x.png">',
    ],
)
def test_external_reference_guard_catches_remote_resources(html: str) -> None:
    assert external_references(html)


def test_text_is_escaped(pages: dict[str, Path]) -> None:
    html = pages["tasks-doc-d1.html"].read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "A&B" not in html
    nodes, _, _ = data_of(pages["tasks-doc-d1.html"])
    task = next(n for n in nodes if n["id"] == f"{ID}doc/d1/task/t2")
    # the tooltip keeps the exact text: vis shows it with innerText, never as HTML
    assert "支持返乡入乡创业<script>alert(1)</script>，A&B类园区给予奖补。" in task["title"]


def test_agency_page_matches_the_network(store: ox.Store, pages: dict[str, Path]) -> None:
    graph = agency_network(store)
    nodes, edges, options = data_of(pages["agencies.html"])
    assert [n["id"] for n in nodes] == sorted(graph.nodes)
    assert len(edges) == graph.number_of_edges()
    hr = next(n for n in nodes if n["id"] == f"{ID}agency/hr")
    assert hr["value"] == 2
    assert "重庆市人力资源和社会保障局" in hr["title"] and "牵头 2" in hr["title"]
    assert "市人力社保局" in hr["title"]  # the printed name too
    shapes = {n["id"].rsplit("/", 1)[-1]: n["shape"] for n in nodes}
    assert (shapes["hr"], shapes["districts"], shapes["u-park"]) == ("dot", "diamond", "triangle")
    colours = {n["id"].rsplit("/", 1)[-1]: n["color"] for n in nodes}
    assert colours["hr"] == colours["fin"] != colours["mohrss"]
    lead = next(e for e in edges if {e["from"], e["to"]} == {f"{ID}agency/hr", f"{ID}agency/fin"})
    assert (lead["from"], lead["to"]) == (f"{ID}agency/hr", f"{ID}agency/fin")
    assert lead["arrows"]["to"]["enabled"] is True and lead["color"] == LEAD_EDGE and lead["value"] == 2
    plain = next(e for e in edges if {e["from"], e["to"]} == {f"{ID}agency/districts", f"{ID}agency/u-park"})
    assert plain["arrows"]["to"]["enabled"] is False
    assert options["nodes"]["font"]["face"] == FONT_STACK
    assert options["physics"]["stabilization"]["iterations"] <= 300


def test_page_has_title_legend_and_cjk_fonts(pages: dict[str, Path]) -> None:
    html = pages["agencies.html"].read_text(encoding="utf-8")
    assert "<title>机构协作网络 Inter-agency network</title>" in html
    assert 'id="legend"' in html and "重庆市" in html and "牵头 → 配合" in html
    assert "WenQuanYi Zen Hei" in html and "Noto Sans CJK SC" in html
    assert 'data-stabilized="false"' in html and "physics: {enabled: false}" in html


def test_task_page_colours_edges_by_role(store: ox.Store, pages: dict[str, Path]) -> None:
    graph = agency_task_network(store, document=f"{ID}doc/d1")
    nodes, edges, _ = data_of(pages["tasks-doc-d1.html"])
    assert len(nodes) == graph.number_of_nodes() == 8
    assert len(edges) == graph.number_of_edges() == 8
    role_of = {(e["from"], e["to"]): e["color"] for e in edges}
    assert role_of[f"{ID}agency/hr", f"{ID}doc/d1/task/t1"] == ROLE_STYLE["lead"][0]
    assert role_of[f"{ID}agency/fin", f"{ID}doc/d1/task/t1"] == ROLE_STYLE["support"][0]
    assert role_of[f"{ID}agency/u-park", f"{ID}doc/d1/task/t3"] == ROLE_STYLE["responsible"][0]
    task = next(n for n in nodes if n["id"] == f"{ID}doc/d1/task/t1")
    assert "扩大高校毕业生就业渠道" in task["title"] and "001_sample.txt 第 12 行" in task["title"]
    assert "牵头：重庆市人力资源和社会保障局" in task["title"]
    html = pages["tasks-doc-d1.html"].read_text(encoding="utf-8")
    assert "关于印发重庆市促进就业实施方案的通知（渝府办发〔2022〕1号）" in html


def test_citation_page_types_edges_and_marks_placeholders(store: ox.Store, pages: dict[str, Path]) -> None:
    graph = citation_network(store)
    nodes, edges, _ = data_of(pages["citations.html"])
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    ext = next(n for n in nodes if n["id"] == f"{ID}doc/ext-1")
    assert ext["shapeProperties"]["borderDashes"] and "占位" in ext["title"]
    d1_d2 = next(e for e in edges if (e["from"], e["to"]) == (f"{ID}doc/d1", f"{ID}doc/d2"))
    assert d1_d2["color"] == RELATION_STYLE["implements"][0]
    assert "贯彻落实 implements、提及 mentions（2 处）" in d1_d2["title"]


def test_renders_are_deterministic(store: ox.Store, tmp_path: Path) -> None:
    first = {p.name: p.read_bytes() for p in render_all(store, tmp_path / "a")}
    again = ox.Store()
    again.load(path=str(FIXTURES / "render_graph.ttl"), format=ox.RdfFormat.TURTLE)
    second = {p.name: p.read_bytes() for p in render_all(again, tmp_path / "b")}
    assert first == second


def test_empty_store_renders_empty_pages(tmp_path: Path) -> None:
    paths = render_all(ox.Store(), tmp_path)
    assert sorted(p.name for p in paths) == ["agencies.html", "citations.html", "index.html"]
    nodes, edges, _ = data_of(tmp_path / "agencies.html")
    assert nodes == [] and edges == []


def test_mini_graph_fixture_renders(tmp_path: Path) -> None:
    store = ox.Store()
    store.load(path=str(FIXTURES / "mini_graph.ttl"), format=ox.RdfFormat.TURTLE)
    render_agency_network(store, tmp_path / "a.html")
    render_citations(store, tmp_path / "c.html")
    render_agency_tasks(store, tmp_path / "t.html", agency="市教委")
    nodes, _, _ = data_of(tmp_path / "a.html")
    assert len(nodes) == agency_network(store).number_of_nodes() > 0


def test_colour_map_is_stable_and_marks_unknown() -> None:
    mapping, legend = colour_map(["重庆市", "四川省", "重庆市", ""])
    assert legend[0].text == "重庆市" and mapping[""] == legend[-1].colour
    assert colour_map(["四川省", "重庆市", "重庆市", ""])[0] == mapping
    many, legend = colour_map([f"j{i}" for i in range(20)])
    assert len(set(many.values())) == 12 and "其他" in legend[-1].text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("重庆市财政局", "重庆市财政局"),
        ("中国银行保险监督管理委员会重庆监管局", "中国银行保险监督管理委员会重庆…"),
    ],
)
def test_short_label(text: str, shown: str) -> None:
    assert short_label(text) == shown


# ------------------------------------------------------------------ CLI


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("renderbuild")
    disk = ox.Store(str(out / "store"))
    disk.load(path=str(FIXTURES / "render_graph.ttl"), format=ox.RdfFormat.TURTLE)
    disk.flush()
    del disk
    return out


def test_kg_render_defaults_to_the_build_folder(build_dir: Path) -> None:
    result = CliRunner().invoke(main, ["render", "--store", str(build_dir)])
    assert result.exit_code == 0, result.output
    assert (build_dir / "agencies.html").is_file()
    assert len(result.output.split()) == 5


def test_kg_render_one_document(build_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["render", "--store", str(build_dir), "--out", str(tmp_path), "--document", "渝府办发〔2022〕1号"],
    )
    assert result.exit_code == 0, result.output
    (written,) = [Path(p) for p in result.output.split()]
    assert written.parent == tmp_path and written.is_file()
    nodes, _, _ = data_of(written)
    assert len(nodes) == 8


def test_kg_render_one_agency(build_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["render", "--store", str(build_dir), "--out", str(tmp_path), "--agency", "各区县政府"]
    )
    assert result.exit_code == 0, result.output
    nodes, _, _ = data_of(Path(result.output.split()[0]))
    assert sum(1 for n in nodes if "/task/" in n["id"]) == 2


def test_kg_render_unknown_agency_is_a_clear_error(build_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["render", "--store", str(build_dir), "--out", str(tmp_path), "--agency", "火星局"]
    )
    assert result.exit_code == 2
    assert "火星局" in result.output and "no agency" in result.output

"""Network analytics: graphs read from the store, metrics, exports and the `kg stats` command."""

from __future__ import annotations

import csv
import io
import json
from itertools import combinations
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.analytics import (
    agency_network,
    agency_task_network,
    citation_network,
    network_stats,
    to_gexf,
    to_graphml,
)
from kg.analytics.records import GraphRecords, RoleRecord, TaskRecord, read_records
from kg.cli import main
from kg.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"
ID = "https://w3id.org/policy-kg/id/"
HR, FIN, EDU, DISTRICTS, MOHRSS, PARK = (
    f"{ID}agency/{x}" for x in ("hr", "fin", "edu", "districts", "mohrss", "u-park")
)
D1, D2, EXT = f"{ID}doc/d1", f"{ID}doc/d2", f"{ID}doc/ext-1"


def load(name: str) -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURES / name), format=ox.RdfFormat.TURTLE)
    return store


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load("render_graph.ttl")


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder holding only a store, as `kg build` leaves it."""
    out = tmp_path_factory.mktemp("statsbuild")
    disk = ox.Store(str(out / "store"))
    disk.load(path=str(FIXTURES / "render_graph.ttl"), format=ox.RdfFormat.TURTLE)
    disk.flush()
    del disk
    return out


# ------------------------------------------------------------------ records


def test_roles_merge_responsibility_nodes_and_shortcuts_without_double_counting(store: ox.Store) -> None:
    roles = read_records(store).roles
    # t1, t2 carry both forms, t3 only shortcuts, d2/t1 both: 9 distinct (task, agency) pairs
    assert len(roles) == 9
    assert RoleRecord(f"{D1}/task/t3", PARK, "responsible") in roles
    assert sum(1 for r in roles if r.agency == HR) == 2


def test_agency_names_classes_and_jurisdictions(store: ox.Store) -> None:
    agencies = read_records(store).agencies
    assert agencies[HR].name == "重庆市人力资源和社会保障局"
    assert agencies[HR].aliases == ("市人力社保局",)
    assert agencies[DISTRICTS].agency_class == "CollectiveAgent"
    assert agencies[PARK].agency_class == "UnregisteredAgency"
    assert agencies[PARK].jurisdiction == ""
    assert agencies[MOHRSS].jurisdiction == "全国"


# ------------------------------------------------------------------ agency network


def test_agency_network_weights_and_lead_direction(store: ox.Store) -> None:
    g = agency_network(store)
    assert sorted(g.nodes) == sorted([HR, FIN, EDU, DISTRICTS, MOHRSS, PARK])
    assert g.number_of_edges() == 6
    assert g.edges[HR, FIN]["weight"] == 2
    assert (g.edges[HR, FIN]["lead_source"], g.edges[HR, FIN]["lead_target"]) == (HR, FIN)
    assert g.edges[HR, FIN]["lead_count"] == 2
    assert (g.edges[EDU, HR]["lead_source"], g.edges[EDU, HR]["lead_target"]) == (HR, EDU)
    # responsible (no split printed) never yields a direction
    assert g.edges[DISTRICTS, HR]["lead_source"] == ""
    assert g.degree(MOHRSS) == 0


def test_agency_role_counts(store: ox.Store) -> None:
    g = agency_network(store)
    assert {k: g.nodes[HR][k] for k in ("tasks", "lead", "support", "responsible")} == {
        "tasks": 2,
        "lead": 2,
        "support": 0,
        "responsible": 0,
    }
    assert g.nodes[FIN]["support"] == 2
    assert g.nodes[DISTRICTS]["responsible"] == 2


@st.composite
def role_tables(draw) -> GraphRecords:
    agencies = [f"a{i}" for i in range(draw(st.integers(1, 7)))]
    tasks = [f"t{i}" for i in range(draw(st.integers(1, 8)))]
    roles = {}
    for task in tasks:
        for agency in draw(st.lists(st.sampled_from(agencies), unique=True, max_size=len(agencies))):
            roles[task, agency] = draw(st.sampled_from(["lead", "support", "responsible"]))
    from kg.analytics.records import AgencyRecord

    return GraphRecords(
        agencies={a: AgencyRecord(a, a, "Agency", "", "", "") for a in agencies},
        documents={},
        tasks={t: TaskRecord(t, "", t, "", 0, "") for t in tasks},
        roles=tuple(RoleRecord(t, a, r) for (t, a), r in sorted(roles.items())),
        citations=(),
    )


@settings(max_examples=60, deadline=None)
@given(role_tables())
def test_edge_weights_count_every_pair_of_every_task(rec: GraphRecords) -> None:
    g = agency_network(rec)
    by_task: dict[str, list[str]] = {}
    for role in rec.roles:
        by_task.setdefault(role.task, []).append(role.agency)
    assert sum(d["weight"] for *_, d in g.edges(data=True)) == sum(
        len(list(combinations(v, 2))) for v in by_task.values()
    )
    for node, d in g.nodes(data=True):
        assert d["tasks"] == d["lead"] + d["support"] + d["responsible"]
        assert d["tasks"] == sum(1 for r in rec.roles if r.agency == node)
    for _, _, d in g.edges(data=True):
        assert d["lead_count"] + d["reverse_count"] <= d["weight"]
        assert d["lead_count"] >= d["reverse_count"]


# ------------------------------------------------------------------ other networks


def test_citation_network_merges_relations_and_marks_placeholders(store: ox.Store) -> None:
    g = citation_network(store)
    assert sorted(g.nodes) == [D1, D2, EXT]
    assert g.nodes[EXT]["placeholder"] is True
    assert g.nodes[D1]["placeholder"] is False
    assert g.edges[D1, D2] == {"relation": "implements", "relations": "implements|mentions", "count": 2}
    assert g.edges[D2, EXT]["relation"] == "basis"
    assert g.in_degree(EXT) == 2


@pytest.mark.parametrize(
    "key", ["渝府办发〔2022〕1号", "关于印发重庆市促进就业实施方案的通知", D1, "促进就业实施方案"]
)
def test_agency_task_network_for_one_document(store: ox.Store, key: str) -> None:
    g = agency_task_network(store, document=key)
    tasks = sorted(n for n, d in g.nodes(data=True) if d["node_type"] == "task")
    assert tasks == [f"{D1}/task/t1", f"{D1}/task/t2", f"{D1}/task/t3"]
    assert g.edges[HR, f"{D1}/task/t1"]["role"] == "lead"
    assert g.nodes[f"{D1}/task/t2"]["text"].startswith("支持返乡入乡创业")
    assert MOHRSS not in g


@pytest.mark.parametrize("key", ["市财政局", "重庆市财政局", FIN])
def test_agency_task_network_for_one_agency_keeps_co_agencies(store: ox.Store, key: str) -> None:
    g = agency_task_network(store, agency=key)
    assert sorted(n for n, d in g.nodes(data=True) if d["node_type"] == "task") == [
        f"{D1}/task/t1",
        f"{D1}/task/t2",
    ]
    assert {HR, EDU, DISTRICTS} <= set(g.nodes)  # co-named agencies stay
    assert PARK not in g


@pytest.mark.parametrize(
    ("kwargs", "message"), [({"agency": "重庆市"}, "matches"), ({"document": "不存在的文件"}, "no document")]
)
def test_unknown_or_ambiguous_keys_are_input_errors(store: ox.Store, kwargs: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        agency_task_network(store, **kwargs)


# ------------------------------------------------------------------ metrics


def test_network_stats(store: ox.Store) -> None:
    stats = network_stats(store)
    assert stats.summary["agencies"] == 6
    assert stats.summary["agency_pairs"] == 6
    assert stats.summary["documents"] == 2
    assert stats.summary["placeholder_documents"] == 1
    assert stats.summary["responsibilities"] == 9
    assert stats.agencies[0].name == "重庆市人力资源和社会保障局"  # most tasks, most leads
    # 各区县政府 is the only bridge to the unregistered park: the highest betweenness
    assert max(stats.agencies, key=lambda a: a.betweenness).iri == DISTRICTS
    assert (stats.pairs[0].a, stats.pairs[0].b, stats.pairs[0].shared_tasks) == (HR, FIN, 2)
    assert stats.pairs[0].lead_support.startswith("重庆市人力资源和社会保障局→重庆市财政局")
    members = [set(c.members) for c in stats.communities]
    assert sum(len(m) for m in members) == 5  # everyone but the isolated ministry
    assert next(a for a in stats.agencies if a.iri == MOHRSS).community == 0
    assert stats.documents[0].iri == EXT and stats.documents[0].cited_by == 2


def test_stats_are_deterministic_and_cut_by_top(store: ox.Store) -> None:
    assert network_stats(store).as_dict() == network_stats(load("render_graph.ttl")).as_dict()
    top = network_stats(store, top=2)
    assert len(top.agencies) == 2 and len(top.pairs) == 2


def test_mini_graph_fixture_agrees_with_sparql() -> None:
    store = load("mini_graph.ttl")
    expected = {
        str(row["a"].value)
        for row in store.query(
            "PREFIX pkg: <https://w3id.org/policy-kg/ontology#> SELECT DISTINCT ?a WHERE "
            "{ { ?r pkg:agency ?a } UNION { ?t pkg:leadAgency|pkg:supportAgency|pkg:responsibleAgency ?a } }"
        )
    }
    assert set(agency_network(store).nodes) == expected
    assert all(d["label"] for _, d in agency_network(store).nodes(data=True))


# ------------------------------------------------------------------ exports


@pytest.mark.parametrize("which", ["agencies", "citations", "tasks"])
def test_graphml_and_gexf_round_trip_and_are_stable(store: ox.Store, tmp_path: Path, which: str) -> None:
    expected = {"agencies": agency_network, "citations": citation_network, "tasks": agency_task_network}[
        which
    ](store)
    graphml = to_graphml(store, tmp_path / "a.graphml", which)
    back = nx.read_graphml(graphml)
    assert sorted(back.nodes) == sorted(expected.nodes)
    assert back.number_of_edges() == expected.number_of_edges()
    gexf = to_gexf(store, tmp_path / "a.gexf", which)
    assert "lastmodifieddate" not in gexf.read_text(encoding="utf-8")
    assert nx.read_gexf(gexf).number_of_nodes() == expected.number_of_nodes()
    again = to_gexf(store, tmp_path / "b.gexf", which)
    assert again.read_bytes() == gexf.read_bytes()


# ------------------------------------------------------------------ CLI


def test_kg_stats_table(build_dir: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--store", str(build_dir)])
    assert result.exit_code == 0, result.output
    for heading in (
        "Summary",
        "Agencies by tasks",
        "Strongest collaborating pairs",
        "Communities",
        "Most cited",
    ):
        assert heading in result.output
    assert "重庆市人力资源和社会保障局" in result.output


def test_kg_stats_json(build_dir: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--store", str(build_dir), "--format", "json", "--top", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"summary", "agencies", "pairs", "communities", "documents"}
    assert len(data["agencies"]) == 3
    assert data["summary"]["agencies"] == 6


@pytest.mark.parametrize(
    ("table", "first_column"), [("agencies", "iri"), ("pairs", "a"), ("summary", "metric")]
)
def test_kg_stats_csv(build_dir: Path, table: str, first_column: str) -> None:
    result = CliRunner().invoke(
        main, ["stats", "--store", str(build_dir), "--format", "csv", "--table", table]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and next(iter(rows[0])) == first_column


def test_kg_stats_without_a_build_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--store", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "kg build" in result.output

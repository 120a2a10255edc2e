"""Exports: every RDF format round-trips the store, output is byte-stable, TriG and graph formats
carry the document / network structure the docs promise."""

from __future__ import annotations

import io
import random
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.export import FORMATS, RDF_FORMATS, document_of, export, store_triples

FIXTURE = Path(__file__).parent / "fixtures" / "mini_graph.ttl"
ID = "https://w3id.org/policy-kg/id/"
DOC1 = ID + "doc/a070553199be"
DOC2 = ID + "doc/923f9b4d9c3f"
PARSE = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def _store(shuffle_seed: int | None = None) -> ox.Store:
    """The fixture in a fresh in-memory store, optionally inserted in a shuffled order."""
    quads = list(ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TURTLE))
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(quads)
    store = ox.Store()
    store.extend(quads)
    return store


def _export(store: ox.Store, fmt: str) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    n = export(store, fmt, buffer)
    return buffer.getvalue(), n


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return _store()


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_rdf_formats_round_trip_every_triple(store: ox.Store, fmt: str) -> None:
    data, n = _export(store, fmt)
    parsed = {q.triple for q in ox.parse(data, format=PARSE[fmt])}
    original = {q.triple for q in store}
    assert n == len(original) == 261
    assert parsed == original


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_does_not_depend_on_insertion_order(fmt: str) -> None:
    first, _ = _export(_store(1), fmt)
    second, _ = _export(_store(2), fmt)
    assert first == second


def test_turtle_uses_prefixes_and_sorted_subjects(store: ox.Store) -> None:
    text = _export(store, "ttl")[0].decode("utf-8")
    assert "@prefix pkg: <https://w3id.org/policy-kg/ontology#> ." in text
    subjects = [line.strip("<>") for line in text.splitlines() if line.startswith("<")]
    assert subjects == sorted(subjects)
    assert len(subjects) == len({q.subject for q in store})
    assert "pkg:role pkg:Lead" in text


def test_nt_is_one_sorted_line_per_triple(store: ox.Store) -> None:
    lines = _export(store, "nt")[0].decode("utf-8").splitlines()
    assert len(lines) == 261
    assert lines == sorted(lines)


def test_trig_has_one_named_graph_per_corpus_document(store: ox.Store) -> None:
    data, _ = _export(store, "trig")
    quads = list(ox.parse(data, format=ox.RdfFormat.TRIG))
    graphs = {q.graph_name for q in quads}
    assert graphs == {ox.DefaultGraph(), ox.NamedNode(DOC1), ox.NamedNode(DOC2)}

    def graph_of(subject: str) -> set:
        return {q.graph_name for q in quads if q.subject == ox.NamedNode(subject)}

    # Nodes minted under the document IRI, and nodes linked by pkg:document, go in its graph.
    assert graph_of(DOC2) == {ox.NamedNode(DOC2)}
    assert graph_of(DOC2 + "/task/t7/resp/lead-cq-jw") == {ox.NamedNode(DOC2)}
    assert graph_of(DOC1 + "/cite/3") == {ox.NamedNode(DOC1)}
    # Shared nodes (agencies, files, placeholders for cited documents) stay in the default graph.
    for shared in ("agency/cq-jw", "file/ad39cd85ae8a", "doc/ext-580bedd3f930", "genre/7a66c0d0"):
        assert graph_of(ID + shared) == {ox.DefaultGraph()}


def test_document_of_prefers_longest_document_iri() -> None:
    doc, other = ox.NamedNode(ID + "doc/x"), ox.NamedNode(ID + "doc/x/appendix")
    pd = ox.NamedNode("https://w3id.org/policy-kg/ontology#PolicyDocument")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = ox.NamedNode("https://w3id.org/policy-kg/ontology#label")
    triples = [
        ox.Triple(doc, rdf_type, pd),
        ox.Triple(other, rdf_type, pd),
        ox.Triple(ox.NamedNode(ID + "doc/x/appendix/task/t1"), label, ox.Literal("1")),
        ox.Triple(ox.NamedNode(ID + "doc/x/task/t1"), label, ox.Literal("1")),
    ]
    owner = document_of(triples)
    assert owner[ID + "doc/x/appendix/task/t1"] == other.value
    assert owner[ID + "doc/x/task/t1"] == doc.value


def _read_graph(fmt: str, data: bytes) -> nx.MultiDiGraph:
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    return reader(io.BytesIO(data))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_formats_hold_the_policy_network(store: ox.Store, fmt: str) -> None:
    data, n_edges = _export(store, fmt)
    graph = _read_graph(fmt, data)
    assert graph.number_of_edges() == n_edges
    kinds = {node: attrs["node_type"] for node, attrs in graph.nodes(data=True)}
    assert kinds[ID + "agency/cq-jw"] == "agency"
    assert kinds[DOC2] == "document"
    assert kinds[DOC2 + "/task/t7"] == "task"
    assert graph.nodes[ID + "agency/cq-jw"]["label"] == "重庆市教育委员会"
    assert graph.nodes[DOC2]["label"] == "渝府发〔2021〕37号"

    edges = {
        (u, v, d["edge_type"], d.get("role") or d.get("relation") or "") for u, v, d in graph.edges(data=True)
    }
    assert (ID + "agency/cq-jw", DOC2 + "/task/t7", "responsibility", "lead") in edges
    assert (ID + "agency/cq-fgw", DOC2 + "/task/t7", "responsibility", "support") in edges
    assert (ID + "agency/cq-czj", DOC1 + "/task/t1", "responsibility", "responsible") in edges
    assert (DOC1, DOC2, "citation", "mentions") in edges
    assert (DOC2, ID + "doc/ext-580bedd3f930", "citation", "basis") in edges
    assert (DOC2 + "/task/t7", DOC2, "part_of", "") in edges
    # 6 responsibility edges, 2 part-of, 4 citations; the shortcut properties add no duplicates.
    assert n_edges == 12


def test_unknown_format_is_refused(store: ox.Store) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "xlsx", io.BytesIO())


def test_store_triples_merges_named_graphs() -> None:
    store = ox.Store()
    s, p, o = ox.NamedNode(ID + "a"), ox.NamedNode(ID + "p"), ox.Literal("x")
    store.add(ox.Quad(s, p, o, ox.DefaultGraph()))
    store.add(ox.Quad(s, p, o, ox.NamedNode(ID + "g")))
    assert store_triples(store) == [ox.Triple(s, p, o)]

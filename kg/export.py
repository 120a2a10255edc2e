"""Write the store in the formats other tools read: RDF (ttl, nt, trig, jsonld) and graphs (graphml, gexf).

Every format is deterministic (same store → same bytes), because users diff exports between
builds.  TriG puts each corpus document's facts in a named graph of its own, so a store that
supports named graphs can drop or replace one document; the GraphML/GEXF export is the
agency–task–document network for Gephi, yEd or Cytoscape, not a dump of every triple.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import IO

import networkx as nx
import pyoxigraph as ox

from kg.analytics.network import agency_task_network, citation_network
from kg.analytics.records import read_records
from kg.rdf.iris import PREFIXES
from kg.rdf.turtle import to_turtle

PKG = PREFIXES["pkg"]
RDF_TYPE = PREFIXES["rdf"] + "type"

RDF_FORMATS = ("ttl", "nt", "trig", "jsonld")
GRAPH_FORMATS = ("graphml", "gexf")
FORMATS = RDF_FORMATS + GRAPH_FORMATS

#: Properties that tie a node that is not named under a document IRI to its document.
_DOCUMENT_LINKS = (PKG + "document", PKG + "citingDocument")


def _key(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    return str(term)


def store_triples(store: ox.Store) -> list[ox.Triple]:
    """All distinct triples of the store (every graph merged), sorted by subject, predicate, object."""
    triples = {q.triple for q in store.quads_for_pattern(None, None, None, None)}
    return sorted(triples, key=lambda t: (_key(t.subject), _key(t.predicate), _key(t.object)))


# ------------------------------------------------------------------ RDF formats


def _nt(triples: list[ox.Triple]) -> bytes:
    return "".join(f"{t} .\n" for t in triples).encode("utf-8")


def corpus_documents(triples: Iterable[ox.Triple]) -> set[str]:
    """IRIs of documents read from the corpus (placeholders for cited documents excluded)."""
    docs: set[str] = set()
    placeholders: set[str] = set()
    for t in triples:
        if t.predicate.value == RDF_TYPE and isinstance(t.subject, ox.NamedNode):
            if t.object == ox.NamedNode(PKG + "PolicyDocument"):
                docs.add(t.subject.value)
            elif t.object == ox.NamedNode(PKG + "ExternalDocument"):
                placeholders.add(t.subject.value)
        elif t.predicate.value == PKG + "placeholder" and t.object.value == "true":
            placeholders.add(t.subject.value)
    return docs - placeholders


def document_of(triples: list[ox.Triple]) -> dict[str, str]:
    """Map each subject IRI to the corpus document it belongs to.

    A subject belongs to a document when it is the document, its IRI is minted under the
    document's IRI (sections, tasks, citations …, see kg/rdf/iris.py), or it links to the document
    by pkg:document / pkg:citingDocument.  Shared nodes (agencies, files, placeholders) belong to none.
    """
    docs = corpus_documents(triples)
    owner: dict[str, str] = {}
    for t in triples:
        linked = t.predicate.value in _DOCUMENT_LINKS and t.object.value in docs
        if linked and isinstance(t.subject, ox.NamedNode):
            owner.setdefault(t.subject.value, t.object.value)
    subjects = {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)}
    # Longest document IRI first, so a prefix of another document's IRI never steals its nodes.
    ordered = sorted(docs, key=lambda d: (-len(d), d))
    for s in subjects:
        for d in ordered:
            if s == d or s.startswith(d + "/"):
                owner[s] = d
                break
    return owner


def _trig(triples: list[ox.Triple]) -> tuple[bytes, int]:
    owner = document_of(triples)
    groups: dict[str, list[ox.Triple]] = defaultdict(list)
    for t in triples:
        groups[owner.get(t.subject.value, "") if isinstance(t.subject, ox.NamedNode) else ""].append(t)
    out = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())]
    out.append("")
    for graph in sorted(groups):
        body = [line for line in to_turtle(groups[graph]).splitlines() if not line.startswith("@prefix")]
        text = "\n".join(body).strip("\n")
        if graph:
            indented = "\n".join(("    " + line) if line else "" for line in text.splitlines())
            out.append(f"<{graph}> {{\n{indented}\n}}\n")
        else:
            out.append(text + "\n")
    return "\n".join(out).encode("utf-8"), len(triples)


def _jsonld(triples: list[ox.Triple]) -> bytes:
    # Expanded JSON-LD; subjects arrive sorted, so each node object is written once, in order.
    return ox.serialize(triples, format=ox.RdfFormat.JSON_LD)


# ------------------------------------------------------------------ graph formats


def policy_network(store: ox.Store) -> nx.MultiDiGraph:
    """Agencies, documents and tasks as nodes; responsibility, part-of and citation edges.

    Built from the analytics networks (kg/analytics/network.py) so exports and renders agree:
    the agency→task network gives responsibility edges (``role``), the citation network gives
    document→document edges (``relation``, the strongest printed one; ``relations`` all of them),
    and each task gets a part-of edge to its document.  Nodes carry ``node_type`` (agency|document|task)
    and ``label``; edges carry ``edge_type`` and ``label`` (GEXF reserves ``type`` for directedness).
    Nodes and edges are added in sorted order so GraphML/GEXF bytes are stable.
    """
    records = read_records(store)
    tasks = agency_task_network(records)
    citations = citation_network(records)
    nodes: dict[str, dict[str, object]] = {}
    for node, attrs in citations.nodes(data=True):
        nodes[node] = {**attrs, "node_type": "document"}
    for node, attrs in tasks.nodes(data=True):
        nodes[node] = {"node_type": "task", **attrs}
    edges: list[tuple[str, str, str, dict[str, object]]] = []
    for agency, task, attrs in tasks.edges(data=True):
        role = str(attrs.get("role", ""))
        edges.append(
            (
                agency,
                task,
                f"responsibility:{role}",
                {"edge_type": "responsibility", "role": role, "label": role},
            )
        )
    for node, attrs in tasks.nodes(data=True):
        document = str(attrs.get("document") or "")
        if attrs.get("node_type") == "task" and document in nodes:
            edges.append((node, document, "part_of", {"edge_type": "part_of", "label": "part of"}))
    for citing, cited, attrs in citations.edges(data=True):
        relation = str(attrs.get("relation", ""))
        edges.append(
            (
                citing,
                cited,
                f"citation:{relation}",
                {
                    "edge_type": "citation",
                    "relation": relation,
                    "relations": attrs.get("relations", relation),
                    "count": attrs.get("count", 1),
                    "label": relation,
                },
            )
        )
    graph = nx.MultiDiGraph(name="policy network")
    for node in sorted(nodes):
        graph.add_node(node, **nodes[node])
    for source, target, key, attrs in sorted(edges, key=lambda e: (e[0], e[1], e[2])):
        graph.add_edge(source, target, key=key, **attrs)
    return graph


def _graph_bytes(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True)
    else:
        nx.write_gexf(graph, buffer, encoding="utf-8", prettyprint=True)
    data = buffer.getvalue()
    if fmt == "gexf":
        # networkx stamps the current date into <meta lastmodifieddate=…>; drop it for stable bytes.
        data = re.sub(rb' lastmodifieddate="[^"]*"', b"", data)
    return data


# ------------------------------------------------------------------ entry point


def export(store: ox.Store, fmt: str, out: IO[bytes]) -> int:
    """Write the store to ``out`` in ``fmt``; return the number of triples (edges for graph formats).

    ``fmt`` is one of ttl, nt, trig, jsonld, graphml, gexf.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in GRAPH_FORMATS:
        graph = policy_network(store)
        out.write(_graph_bytes(graph, fmt))
        return graph.number_of_edges()
    triples = store_triples(store)
    if fmt == "ttl":
        out.write(to_turtle(triples).encode("utf-8"))
    elif fmt == "nt":
        out.write(_nt(triples))
    elif fmt == "trig":
        data, _ = _trig(triples)
        out.write(data)
    else:
        out.write(_jsonld(triples))
    return len(triples)

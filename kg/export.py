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

from kg.rdf.iris import PREFIXES
from kg.rdf.turtle import to_turtle

PKG = PREFIXES["pkg"]
RDF_TYPE = PREFIXES["rdf"] + "type"
SKOS_PREF = PREFIXES["skos"] + "prefLabel"
DCT_TITLE = PREFIXES["dcterms"] + "title"

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


def _rows(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    prefix = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))
    rows = []
    for sol in store.query(prefix + query, use_default_graph_as_union=True):
        rows.append(tuple("" if v is None else v.value for v in sol))
    return sorted(set(rows))


def _best_label(labels: dict[str, list[tuple[str, str]]], node: str, fallback: str) -> str:
    """Prefer a plain or @zh label, then any; sorted so the choice is stable."""
    options = sorted(labels.get(node, []), key=lambda lv: (lv[0] not in ("", "zh"), lv[0], lv[1]))
    return options[0][1] if options else fallback


def policy_network(store: ox.Store) -> nx.MultiDiGraph:
    """Agencies, documents and tasks as nodes; responsibility, part-of and citation edges.

    Nodes carry ``kind`` (agency|document|task) and ``label``; edges carry ``edge_type``
    (responsibility|part_of|citation), ``role`` or ``relation``, and ``label`` (GEXF reserves
    the name ``type`` for directedness, so it is not used).  Nodes and edges are added in
    sorted order so GraphML/GEXF output is byte-stable.
    """
    graph = nx.MultiDiGraph()
    agency_labels: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a, lang, label in _rows(
        store,
        """SELECT ?a (LANG(?l) AS ?lang) ?l WHERE {
             { ?a a/rdfs:subClassOf* org:Organization } UNION { ?a a pkg:Agency }
             UNION { ?a a pkg:CollectiveAgent } UNION { ?a a pkg:UnregisteredAgency }
             UNION { ?r pkg:agency ?a }
             OPTIONAL { ?a skos:prefLabel ?l } }""",
    ):
        agency_labels[a] += [(lang, label)] if label else []
    agency_class = dict(
        _rows(
            store,
            """SELECT ?a ?c WHERE { ?a a ?c FILTER(?c IN (pkg:Agency, pkg:CollectiveAgent, pkg:UnregisteredAgency)) }""",
        )
    )
    roles = {
        (t, a, role.rsplit("#", 1)[-1].lower())
        for t, a, role in _rows(
            store, "SELECT ?t ?a ?role WHERE { ?r pkg:task ?t ; pkg:agency ?a ; pkg:role ?role }"
        )
    }
    for shortcut, role in (
        ("leadAgency", "lead"),
        ("supportAgency", "support"),
        ("responsibleAgency", "responsible"),
    ):
        roles |= {(t, a, role) for t, a in _rows(store, f"SELECT ?t ?a WHERE {{ ?t pkg:{shortcut} ?a }}")}
    for _t, a, _role in roles:
        agency_labels.setdefault(a, [])

    docs = _rows(
        store,
        """SELECT ?d ?title ?num ?ph WHERE { ?d a ?c FILTER(?c IN (pkg:PolicyDocument, pkg:ExternalDocument))
             OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d pkg:docNumber ?num }
             BIND(EXISTS { { ?d a pkg:ExternalDocument } UNION { ?d pkg:placeholder true } } AS ?ph) }""",
    )
    tasks = _rows(
        store,
        """SELECT ?t ?d ?label ?text WHERE { ?t a pkg:Task OPTIONAL { ?t pkg:document ?d }
             OPTIONAL { ?t pkg:label ?label } OPTIONAL { ?t pkg:text ?text } }""",
    )
    citations = _rows(
        store,
        "SELECT ?from ?to ?rel WHERE { ?c pkg:citingDocument ?from ; pkg:citedDocument ?to ; pkg:relation ?rel }",
    )

    for a in sorted(agency_labels):
        graph.add_node(
            a,
            kind="agency",
            label=_best_label(agency_labels, a, a.rsplit("/", 1)[-1]),
            agency_class=agency_class.get(a, "Organization").rsplit("#", 1)[-1],
        )
    seen_docs: set[str] = set()
    for d, title, num, placeholder in docs:
        if d in seen_docs:  # several titles: keep the first in sorted order
            continue
        seen_docs.add(d)
        graph.add_node(
            d,
            kind="document",
            label=num or title or d.rsplit("/", 1)[-1],
            title=title,
            doc_number=num,
            placeholder=placeholder == "true",
        )
    seen_tasks: set[str] = set()
    for t, d, label, text in tasks:
        if t in seen_tasks:
            continue
        seen_tasks.add(t)
        short = text[:24] + ("…" if len(text) > 24 else "")
        graph.add_node(t, kind="task", label=f"{label} {short}".strip(), text=text)
        if d:
            if d not in graph:
                graph.add_node(
                    d, kind="document", label=d.rsplit("/", 1)[-1], title="", doc_number="", placeholder=False
                )
            graph.add_edge(t, d, key="part_of", edge_type="part_of", label="part of")
    for t, a, role in sorted(roles):
        if t not in graph:
            graph.add_node(t, kind="task", label=t.rsplit("/", 1)[-1], text="")
        graph.add_edge(a, t, key=f"responsibility:{role}", edge_type="responsibility", role=role, label=role)
    for src, dst, rel in citations:
        for node in (src, dst):
            if node not in graph:
                graph.add_node(
                    node,
                    kind="document",
                    label=node.rsplit("/", 1)[-1],
                    title="",
                    doc_number="",
                    placeholder=False,
                )
        graph.add_edge(src, dst, key=f"citation:{rel}", edge_type="citation", relation=rel, label=rel)
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

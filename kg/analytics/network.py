"""networkx graphs built from the store: who works with whom, who is named on which task, who cites whom.

The graphs carry only scalar attributes (str, int, bool) so GraphML and GEXF can hold them as-is
for Gephi or Cytoscape, and nodes and edges are inserted in sorted order so that every writer and
every layout that depends on iteration order is deterministic.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.analytics.records import RELATIONS, ROLES, AgencyRecord, DocumentRecord, GraphRecords, read_records
from kg.errors import InputError

Source = ox.Store | GraphRecords


def records_of(source: Source) -> GraphRecords:
    """Accept either a store or records already read from it, so a caller reads the store once."""
    return source if isinstance(source, GraphRecords) else read_records(source)


def _agency_attrs(agency: AgencyRecord) -> dict[str, str]:
    return {
        "label": agency.name,
        "agency_class": agency.agency_class,
        "jurisdiction": agency.jurisdiction,
        "kind": agency.kind,
        "level": agency.level,
        "aliases": "、".join(agency.aliases),
    }


def _document_attrs(doc: DocumentRecord) -> dict[str, str | bool]:
    return {
        "label": doc.name,
        "title": doc.title,
        "doc_number": doc.doc_number,
        "placeholder": doc.placeholder,
    }


def agency_network(source: Source) -> nx.Graph:
    """Agencies joined when they share tasks.

    Node attributes: label, agency_class, jurisdiction, kind, level, aliases, tasks, documents, and
    per-role task counts lead / support / responsible.  Edge attributes: weight (shared tasks),
    documents (documents those tasks are in), and the lead→support direction the clauses print:
    lead_source → lead_target in lead_count tasks, the other way round in reverse_count tasks
    (lead_source is "" when neither leads the other).
    """
    rec = records_of(source)
    by_task: dict[str, dict[str, str]] = defaultdict(dict)
    for role in rec.roles:
        by_task[role.task][role.agency] = role.role

    role_counts: dict[str, Counter[str]] = defaultdict(Counter)
    docs_of: dict[str, set[str]] = defaultdict(set)
    weight: Counter[tuple[str, str]] = Counter()
    pair_docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    leads: Counter[tuple[str, str]] = Counter()
    for task, named in sorted(by_task.items()):
        doc = rec.tasks[task].document
        for agency, role in named.items():
            role_counts[agency][role] += 1
            if doc:
                docs_of[agency].add(doc)
        for a, b in combinations(sorted(named), 2):
            weight[a, b] += 1
            if doc:
                pair_docs[a, b].add(doc)
            if (named[a], named[b]) == ("lead", "support"):
                leads[a, b] += 1
            elif (named[a], named[b]) == ("support", "lead"):
                leads[b, a] += 1

    graph = nx.Graph(name="agency network")
    for iri in sorted(role_counts):
        counts = role_counts[iri]
        graph.add_node(
            iri,
            **_agency_attrs(rec.agencies[iri]),
            tasks=sum(counts.values()),
            documents=len(docs_of[iri]),
            **{role: counts[role] for role in ROLES},
        )
    for (a, b), shared in sorted(weight.items()):
        forward, backward = leads[a, b], leads[b, a]
        if forward or backward:
            source_, target = (a, b) if forward >= backward else (b, a)
            lead_count, reverse = max(forward, backward), min(forward, backward)
        else:
            source_, target, lead_count, reverse = "", "", 0, 0
        graph.add_edge(
            a,
            b,
            weight=shared,
            documents=len(pair_docs[a, b]),
            lead_source=source_,
            lead_target=target,
            lead_count=lead_count,
            reverse_count=reverse,
        )
    return graph


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", text)


def resolve_document(rec: GraphRecords, key: str) -> str:
    """A document IRI from an IRI, a 文号, a title, or an unambiguous part of a title."""
    return _resolve(
        key,
        "document",
        {iri: (doc.doc_number, doc.title) for iri, doc in rec.documents.items() if not doc.placeholder},
        lambda iri: rec.documents[iri].name,
    )


def resolve_agency(rec: GraphRecords, key: str) -> str:
    """An agency IRI from an IRI, its name, another name (as printed, skos:altLabel), or an unambiguous part of its name."""
    return _resolve(
        key,
        "agency",
        {iri: (a.name, *a.aliases) for iri, a in rec.agencies.items()},
        lambda iri: rec.agencies[iri].name,
    )


def _resolve(key: str, what: str, names: dict[str, tuple[str, ...]], show) -> str:
    wanted = _normal(key)
    if key in names:
        return key
    exact = sorted(iri for iri, ns in names.items() if wanted in {_normal(n) for n in ns if n})
    if len(exact) == 1:
        return exact[0]
    partial = exact or sorted(iri for iri, ns in names.items() if any(wanted in _normal(n) for n in ns if n))
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise InputError(key, f"no {what} with this name, number or IRI")
    shown = "、".join(show(iri) for iri in partial[:5])
    raise InputError(
        key, f"matches {len(partial)} {what}s ({shown}{' …' if len(partial) > 5 else ''}); be more specific"
    )


def agency_task_network(source: Source, document: str | None = None, agency: str | None = None) -> nx.DiGraph:
    """Agencies → the tasks they are named on, for one document, one agency, or (neither) everything.

    ``document`` is an IRI, 文号 or title; ``agency`` an IRI or name.  With an agency, the graph
    holds that agency's tasks and every other agency named on them.  Edge attribute ``role`` is
    lead, support or responsible; node attribute ``node_type`` is agency or task.
    """
    rec = records_of(source)
    doc_iri = resolve_document(rec, document) if document else None
    agency_iri = resolve_agency(rec, agency) if agency else None
    tasks = {
        role.task
        for role in rec.roles
        if (doc_iri is None or rec.tasks[role.task].document == doc_iri)
        and (agency_iri is None or role.agency == agency_iri)
    }
    roles = [role for role in rec.roles if role.task in tasks]

    graph = nx.DiGraph(name="agency-task network")
    graph.graph["document"] = doc_iri or ""
    graph.graph["agency"] = agency_iri or ""
    for iri in sorted({role.agency for role in roles}):
        graph.add_node(iri, node_type="agency", **_agency_attrs(rec.agencies[iri]))
    for iri in sorted(tasks):
        task = rec.tasks[iri]
        doc = rec.documents.get(task.document)
        graph.add_node(
            iri,
            node_type="task",
            label=task.label or task.text[:8],
            text=task.text,
            document=task.document,
            document_name=doc.name if doc else "",
            document_title=doc.title if doc else "",
            line=task.line,
            source_file=task.source_file,
        )
    for role in sorted(roles, key=lambda r: (r.agency, r.task)):
        graph.add_edge(role.agency, role.task, role=role.role)
    return graph


def citation_network(source: Source) -> nx.DiGraph:
    """Documents → the documents they cite; placeholders (documents outside the corpus) are marked.

    Several citations of one document by another become one edge: ``relation`` is the strongest
    printed relation (issues > repeals > basis > implements > mentions), ``relations`` all of them
    '|'-joined, ``count`` how many citations there were.
    """
    rec = records_of(source)
    grouped: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for cite in rec.citations:
        grouped[cite.citing, cite.cited][cite.relation] += 1
    cited_count = Counter(cited for _, cited in grouped)
    task_count = Counter(task.document for task in rec.tasks.values() if task.document)

    graph = nx.DiGraph(name="citation network")
    for iri, doc in rec.documents.items():
        graph.add_node(iri, **_document_attrs(doc), tasks=task_count[iri], cited_by=cited_count[iri])
    for (citing, cited), relations in sorted(grouped.items()):
        ordered = sorted(
            relations, key=lambda r: (RELATIONS.index(r) if r in RELATIONS else len(RELATIONS), r)
        )
        graph.add_edge(
            citing, cited, relation=ordered[0], relations="|".join(ordered), count=sum(relations.values())
        )
    return graph


NETWORKS = {"agencies": agency_network, "citations": citation_network, "tasks": agency_task_network}


def _network(source: Source, which: str) -> nx.Graph:
    if which not in NETWORKS:
        raise ValueError(f"unknown network {which!r}; one of {', '.join(NETWORKS)}")
    return NETWORKS[which](source)


def to_graphml(source: Source, path: Path | str, which: str = "agencies") -> Path:
    """Write one network (agencies | citations | tasks) as GraphML for Gephi, Cytoscape or yEd."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(_network(source, which), out, encoding="utf-8")
    return out


def to_gexf(source: Source, path: Path | str, which: str = "agencies") -> Path:
    """Write one network as GEXF 1.2; the date networkx stamps in is removed so output is stable."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(nx.generate_gexf(_network(source, which), encoding="utf-8", version="1.2draft"))
    text = re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)
    out.write_text(text + "\n", encoding="utf-8")
    return out

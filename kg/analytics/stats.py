"""Network metrics: who is central, who leads, who works together, which groups form, what is cited.

Every list is sorted with a full tie-break, and community detection is networkx's greedy
modularity (no random seed involved), so the same store always gives the same numbers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import networkx as nx
from networkx.algorithms.community import greedy_modularity_communities, modularity

from kg.analytics.network import Source, agency_network, citation_network, records_of


@dataclass(frozen=True, slots=True)
class AgencyStat:
    iri: str
    name: str
    jurisdiction: str
    agency_class: str
    tasks: int
    lead: int
    support: int
    responsible: int
    documents: int
    partners: int  # agencies it shares at least one task with
    degree_centrality: float
    betweenness: float
    community: int  # 1-based, largest community first; 0 when it shares no task


@dataclass(frozen=True, slots=True)
class PairStat:
    a: str
    b: str
    a_name: str
    b_name: str
    shared_tasks: int
    documents: int
    lead_support: str  # "A→B (n)" when one leads the other on shared tasks, else ""


@dataclass(frozen=True, slots=True)
class CommunityStat:
    id: int
    size: int
    tasks: int  # tasks summed over members
    members: tuple[str, ...]  # names, busiest first


@dataclass(frozen=True, slots=True)
class DocumentStat:
    iri: str
    name: str
    title: str
    doc_number: str
    placeholder: bool
    cited_by: int
    cites: int
    tasks: int


@dataclass(frozen=True, slots=True)
class NetworkStats:
    summary: dict[str, int | float]
    agencies: list[AgencyStat] = field(default_factory=list)
    pairs: list[PairStat] = field(default_factory=list)
    communities: list[CommunityStat] = field(default_factory=list)
    documents: list[DocumentStat] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def communities(graph: nx.Graph) -> list[frozenset[str]]:
    """Weighted greedy-modularity communities, largest first, ties by smallest member IRI."""
    with_edges = graph.subgraph(n for n in graph if graph.degree(n) > 0)
    if with_edges.number_of_edges() == 0:
        return []
    found = greedy_modularity_communities(with_edges, weight="weight")
    return sorted((frozenset(c) for c in found), key=lambda c: (-len(c), min(c)))


def _round(x: float) -> float:
    return round(x, 6)


def agency_stats(graph: nx.Graph, groups: list[frozenset[str]]) -> list[AgencyStat]:
    """Per agency; sorted by tasks, then lead count, then betweenness, then name."""
    degree = nx.degree_centrality(graph) if len(graph) > 1 else dict.fromkeys(graph, 0.0)
    between = nx.betweenness_centrality(graph, normalized=True)
    community_of = {iri: n for n, group in enumerate(groups, start=1) for iri in group}
    rows = [
        AgencyStat(
            iri=iri,
            name=d["label"],
            jurisdiction=d["jurisdiction"],
            agency_class=d["agency_class"],
            tasks=d["tasks"],
            lead=d["lead"],
            support=d["support"],
            responsible=d["responsible"],
            documents=d["documents"],
            partners=graph.degree(iri),
            degree_centrality=_round(degree[iri]),
            betweenness=_round(between[iri]),
            community=community_of.get(iri, 0),
        )
        for iri, d in graph.nodes(data=True)
    ]
    return sorted(rows, key=lambda r: (-r.tasks, -r.lead, -r.betweenness, r.name, r.iri))


def pair_stats(graph: nx.Graph) -> list[PairStat]:
    """Agency pairs by shared tasks, strongest first."""
    rows = []
    for a, b, d in graph.edges(data=True):
        a, b = sorted((a, b), key=lambda n: (graph.nodes[n]["label"], n))
        lead = ""
        if d["lead_source"]:
            lead = f"{graph.nodes[d['lead_source']]['label']}→{graph.nodes[d['lead_target']]['label']} ({d['lead_count']})"
        rows.append(
            PairStat(
                a, b, graph.nodes[a]["label"], graph.nodes[b]["label"], d["weight"], d["documents"], lead
            )
        )
    return sorted(rows, key=lambda r: (-r.shared_tasks, -r.documents, r.a_name, r.b_name, r.a, r.b))


def community_stats(graph: nx.Graph, groups: list[frozenset[str]]) -> list[CommunityStat]:
    out = []
    for n, group in enumerate(groups, start=1):
        members = sorted(group, key=lambda i: (-graph.nodes[i]["tasks"], graph.nodes[i]["label"], i))
        out.append(
            CommunityStat(
                id=n,
                size=len(group),
                tasks=sum(graph.nodes[i]["tasks"] for i in group),
                members=tuple(graph.nodes[i]["label"] for i in members),
            )
        )
    return out


def document_stats(graph: nx.DiGraph) -> list[DocumentStat]:
    """Documents by how often the corpus cites them."""
    rows = [
        DocumentStat(
            iri=iri,
            name=d["label"],
            title=d["title"],
            doc_number=d["doc_number"],
            placeholder=d["placeholder"],
            cited_by=graph.in_degree(iri),
            cites=graph.out_degree(iri),
            tasks=d["tasks"],
        )
        for iri, d in graph.nodes(data=True)
    ]
    return sorted(rows, key=lambda r: (-r.cited_by, -r.cites, -r.tasks, r.name, r.iri))


def network_stats(source: Source, top: int | None = None) -> NetworkStats:
    """All metrics at once; ``top`` cuts each list (None keeps everything)."""
    rec = records_of(source)
    agencies = agency_network(rec)
    citations = citation_network(rec)
    groups = communities(agencies)
    tasks_with_roles = {r.task for r in rec.roles}
    summary: dict[str, int | float] = {
        "documents": sum(1 for d in rec.documents.values() if not d.placeholder),
        "placeholder_documents": sum(1 for d in rec.documents.values() if d.placeholder),
        "tasks": len(rec.tasks),
        "tasks_with_agencies": len(tasks_with_roles),
        "responsibilities": len(rec.roles),
        "agencies": agencies.number_of_nodes(),
        "agency_pairs": agencies.number_of_edges(),
        "density": _round(nx.density(agencies)) if len(agencies) > 1 else 0.0,
        "connected_components": nx.number_connected_components(agencies),
        "communities": len(groups),
        "modularity": _round(
            modularity(
                agencies, [*groups, *({n} for n in agencies if agencies.degree(n) == 0)], weight="weight"
            )
        )
        if groups
        else 0.0,
        "citations": len(rec.citations),
        "citation_edges": citations.number_of_edges(),
    }

    def cut(rows: list) -> list:
        return rows if top is None else rows[:top]

    return NetworkStats(
        summary=summary,
        agencies=cut(agency_stats(agencies, groups)),
        pairs=cut(pair_stats(agencies)),
        communities=cut(community_stats(agencies, groups)),
        documents=cut(document_stats(citations)),
    )

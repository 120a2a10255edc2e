"""Read the rows the networks are made of out of the store, as plain sorted records.

Every analytic and every render starts from these records, so the SPARQL lives in one place
and the graph builders stay pure functions over Python data.  Queries run over the union of
all graphs, so it does not matter whether the build loaded into the default or a named graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

PKG = "https://w3id.org/policy-kg/ontology#"

PREFIXES = """PREFIX pkg: <https://w3id.org/policy-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

#: Roles from the strongest to the weakest; a task names an agency once under its strongest role.
ROLES: tuple[str, ...] = ("lead", "support", "responsible")
ROLE_IRIS: dict[str, str] = {
    f"{PKG}Lead": "lead",
    f"{PKG}Support": "support",
    f"{PKG}Responsible": "responsible",
}
SHORTCUTS: dict[str, str] = {
    f"{PKG}leadAgency": "lead",
    f"{PKG}supportAgency": "support",
    f"{PKG}responsibleAgency": "responsible",
}
RELATIONS: tuple[str, ...] = ("issues", "repeals", "basis", "implements", "mentions")
AGENCY_CLASSES: tuple[str, ...] = ("Agency", "CollectiveAgent", "UnregisteredAgency")


@dataclass(frozen=True, slots=True)
class AgencyRecord:
    """One org:Organization with the attributes the renders colour and label by."""

    iri: str
    name: str
    agency_class: str  # Agency | CollectiveAgent | UnregisteredAgency | Organization
    jurisdiction: str  # label of the jurisdiction, "" when unknown
    kind: str  # pkg:agencyKind, "" when unknown
    level: str  # pkg:agencyLevel, "" when unknown
    aliases: tuple[str, ...] = ()  # other names: as printed in clauses (pkg:agencyLabel) and skos:altLabel


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    iri: str
    title: str
    doc_number: str  # "" when none is printed
    placeholder: bool

    @property
    def name(self) -> str:
        """What a reader recognises the document by: its 文号, else its title."""
        return self.doc_number or self.title


@dataclass(frozen=True, slots=True)
class TaskRecord:
    iri: str
    document: str  # document IRI, "" when the task has none
    label: str
    text: str
    line: int  # 0 when unknown
    source_file: str  # file name, "" when unknown


@dataclass(frozen=True, slots=True)
class RoleRecord:
    """One (task, agency, role) edge, from a pkg:Responsibility node or a shortcut property."""

    task: str
    agency: str
    role: str  # lead | support | responsible


@dataclass(frozen=True, slots=True)
class CitationRecord:
    citing: str
    cited: str
    relation: str


@dataclass(frozen=True, slots=True)
class GraphRecords:
    """Everything the networks need, read once; sorted so every consumer is deterministic."""

    agencies: dict[str, AgencyRecord]
    documents: dict[str, DocumentRecord]
    tasks: dict[str, TaskRecord]
    roles: tuple[RoleRecord, ...]
    citations: tuple[CitationRecord, ...]


def _rows(store: ox.Store, query: str) -> Iterable[ox.QuerySolution]:
    return store.query(PREFIXES + query, use_default_graph_as_union=True)  # type: ignore[return-value]


def _value(term: object | None) -> str:
    return "" if term is None else str(getattr(term, "value", term))


def _pick_label(labels: list[tuple[str, str]]) -> str:
    """Prefer a Chinese label, then an untagged one, then any; ties broken by the text itself."""

    def rank(item: tuple[str, str]) -> tuple[int, str]:
        text, lang = item
        order = 0 if lang.startswith("zh") else 1 if not lang else 2
        return order, text

    return min(labels, key=rank)[0] if labels else ""


def read_agencies(store: ox.Store) -> dict[str, AgencyRecord]:
    """All organisations, whether or not a task names them."""
    names: dict[str, list[tuple[str, str]]] = {}
    query = """SELECT DISTINCT ?a ?l WHERE {
        VALUES ?c { org:Organization pkg:Agency pkg:CollectiveAgent pkg:UnregisteredAgency }
        ?a a ?c . OPTIONAL { ?a skos:prefLabel ?l } }"""
    for row in _rows(store, query):
        label = row["l"]
        entry = names.setdefault(_value(row["a"]), [])
        if label is not None:
            entry.append((label.value, label.language or ""))
    classes: dict[str, set[str]] = {}
    for row in _rows(store, "SELECT ?a ?c WHERE { ?a a ?c . FILTER(STRSTARTS(STR(?c), STR(pkg:))) }"):
        classes.setdefault(_value(row["a"]), set()).add(_value(row["c"]).removeprefix(PKG))
    juris: dict[str, list[tuple[str, str]]] = {}
    for row in _rows(
        store, "SELECT ?a ?jl ?j WHERE { ?a pkg:jurisdiction ?j . OPTIONAL { ?j skos:prefLabel ?jl } }"
    ):
        label = row["jl"]
        entry = juris.setdefault(_value(row["a"]), [])
        entry.append(
            (label.value, label.language or "")
            if label is not None
            else (_value(row["j"]).rsplit("/", 1)[-1], "~")
        )
    kinds = _single_values(store, "pkg:agencyKind")
    levels = _single_values(store, "pkg:agencyLevel")
    aliases: dict[str, set[str]] = {}
    query = """SELECT DISTINCT ?a ?l WHERE { { ?r pkg:agency ?a ; pkg:agencyLabel ?l } UNION { ?a skos:altLabel ?l } }"""
    for row in _rows(store, query):
        aliases.setdefault(_value(row["a"]), set()).add(_value(row["l"]))

    records: dict[str, AgencyRecord] = {}
    for iri in sorted(names):
        own = classes.get(iri, set())
        agency_class = next((c for c in AGENCY_CLASSES if c in own), "Organization")
        seen = sorted(aliases.get(iri, ()))
        name = _pick_label(names[iri]) or (seen[0] if seen else iri.rsplit("/", 1)[-1])
        seen = [alias for alias in seen if alias != name]
        records[iri] = AgencyRecord(
            iri=iri,
            name=name,
            agency_class=agency_class,
            jurisdiction=_pick_label(juris.get(iri, [])),
            kind=kinds.get(iri, ""),
            level=levels.get(iri, ""),
            aliases=tuple(seen),
        )
    return records


def _single_values(store: ox.Store, prop: str) -> dict[str, str]:
    """subject → the smallest value of ``prop`` (one value expected; min keeps it deterministic)."""
    out: dict[str, str] = {}
    for row in _rows(store, f"SELECT ?s ?v WHERE {{ ?s {prop} ?v }}"):
        key, value = _value(row["s"]), _value(row["v"])
        if key not in out or value < out[key]:
            out[key] = value
    return out


def read_documents(store: ox.Store) -> dict[str, DocumentRecord]:
    """Corpus documents, placeholders, and anything a citation points at."""
    iris: set[str] = set()
    for row in _rows(
        store,
        "SELECT DISTINCT ?d WHERE { { ?d a pkg:PolicyDocument } UNION { ?d a pkg:ExternalDocument } "
        "UNION { ?c pkg:citingDocument ?d } UNION { ?c pkg:citedDocument ?d } UNION { ?t pkg:document ?d } }",
    ):
        iris.add(_value(row["d"]))
    titles = _single_values(store, "dcterms:title")
    numbers = _single_values(store, "pkg:docNumber")
    cited_titles = _single_values(store, "pkg:citedTitle")
    placeholders = {
        _value(row["d"])
        for row in _rows(
            store,
            "SELECT DISTINCT ?d WHERE { { ?d a pkg:ExternalDocument } UNION "
            "{ ?d pkg:placeholder ?p FILTER(STR(?p) = 'true' || STR(?p) = '1') } }",
        )
    }
    # a placeholder may carry no title of its own; the citations that point at it do
    cited_by_title: dict[str, str] = {}
    for row in _rows(store, "SELECT ?d ?c WHERE { ?c pkg:citedDocument ?d }"):
        doc, cite = _value(row["d"]), _value(row["c"])
        if cite in cited_titles and (doc not in cited_by_title or cited_titles[cite] < cited_by_title[doc]):
            cited_by_title[doc] = cited_titles[cite]
    return {
        iri: DocumentRecord(
            iri=iri,
            title=titles.get(iri) or cited_by_title.get(iri) or iri.rsplit("/", 1)[-1],
            doc_number=numbers.get(iri, ""),
            placeholder=iri in placeholders,
        )
        for iri in sorted(iris)
    }


def read_tasks(store: ox.Store) -> dict[str, TaskRecord]:
    query = """SELECT ?t ?d ?label ?text ?line ?file WHERE {
        ?t a pkg:Task .
        OPTIONAL { ?t pkg:document ?d }
        OPTIONAL { ?t pkg:label ?label }
        OPTIONAL { ?t pkg:text ?text }
        OPTIONAL { ?t pkg:line ?line }
        OPTIONAL { ?t pkg:sourceFile ?f . OPTIONAL { ?f pkg:fileName ?fn } }
        BIND(COALESCE(?fn, "") AS ?file)
    }"""
    out: dict[str, TaskRecord] = {}
    for row in _rows(store, query):
        line = _value(row["line"])
        record = TaskRecord(
            iri=_value(row["t"]),
            document=_value(row["d"]),
            label=_value(row["label"]),
            text=_value(row["text"]),
            line=int(line) if line.isdigit() else 0,
            source_file=_value(row["file"]),
        )
        previous = out.get(record.iri)
        if previous is None or _task_key(record) < _task_key(previous):
            out[record.iri] = record
    return dict(sorted(out.items()))


def _task_key(task: TaskRecord) -> tuple:
    return (task.document == "", task.document, task.line, task.label, task.text, task.source_file)


def read_roles(store: ox.Store) -> tuple[RoleRecord, ...]:
    """(task, agency, role) from pkg:Responsibility nodes and from the shortcut edges, merged.

    A build may write only one of the two forms; reading both means neither is lost.  When the
    same agency holds two roles on one task, only the strongest (lead > support > responsible)
    is kept, so counts never double.
    """
    found: dict[tuple[str, str], str] = {}

    def keep(task: str, agency: str, role: str) -> None:
        key = (task, agency)
        if role in ROLES and (key not in found or ROLES.index(role) < ROLES.index(found[key])):
            found[key] = role

    for row in _rows(store, "SELECT ?t ?a ?r WHERE { ?x pkg:task ?t ; pkg:agency ?a ; pkg:role ?r }"):
        keep(_value(row["t"]), _value(row["a"]), ROLE_IRIS.get(_value(row["r"]), ""))
    for prop, role in SHORTCUTS.items():
        for row in _rows(store, f"SELECT ?t ?a WHERE {{ ?t <{prop}> ?a }}"):
            keep(_value(row["t"]), _value(row["a"]), role)
    return tuple(RoleRecord(task, agency, role) for (task, agency), role in sorted(found.items()))


def read_citations(store: ox.Store) -> tuple[CitationRecord, ...]:
    query = """SELECT ?from ?to ?rel WHERE {
        ?c pkg:citingDocument ?from ; pkg:citedDocument ?to .
        OPTIONAL { ?c pkg:relation ?r }
        BIND(COALESCE(STR(?r), "mentions") AS ?rel)
    }"""
    rows = {
        CitationRecord(_value(row["from"]), _value(row["to"]), _value(row["rel"]) or "mentions")
        for row in _rows(store, query)
    }
    return tuple(sorted(rows, key=lambda c: (c.citing, c.cited, c.relation)))


def read_records(store: ox.Store) -> GraphRecords:
    """Read everything once; the graph builders take this instead of the store."""
    roles = read_roles(store)
    agencies = read_agencies(store)
    for role in roles:  # an agency IRI with no triples of its own still becomes a node
        if role.agency not in agencies:
            agencies[role.agency] = AgencyRecord(
                role.agency, role.agency.rsplit("/", 1)[-1], "Organization", "", "", ""
            )
    tasks = read_tasks(store)
    for role in roles:
        if role.task not in tasks:
            tasks[role.task] = TaskRecord(role.task, "", "", "", 0, "")
    return GraphRecords(
        agencies=dict(sorted(agencies.items())),
        documents=read_documents(store),
        tasks=dict(sorted(tasks.items())),
        roles=roles,
        citations=read_citations(store),
    )

"""Check a graph against ontology/shapes.ttl with pyshacl.

The build and `kg validate` both call :func:`validate_graph`; violations come back as plain dicts
(sorted, so report.json is stable) rather than as pyshacl's results graph, which callers would
otherwise have to query themselves.  The ontology is mixed into the data graph so sh:class and
sh:targetClass follow rdfs:subClassOf (a pkg:ExternalDocument is a pkg:PolicyDocument).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import SH

from kg.errors import InputError

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_PATH = ONTOLOGY_DIR / "policy-kg.ttl"

_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """Whether the graph conforms, and each violation as {focus, path, message, severity}."""

    conforms: bool
    violations: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"conforms": self.conforms, "violations": list(self.violations)}


def load_graph(source: str | Path | rdflib.Graph | ox.Store) -> rdflib.Graph:
    """An rdflib graph from a file path, an rdflib graph or a pyoxigraph store (default graph)."""
    if isinstance(source, rdflib.Graph):
        return source
    if isinstance(source, ox.Store):
        return _to_rdflib(source.quads_for_pattern(None, None, None, None))
    path = Path(source)
    if not path.is_file():
        raise InputError(str(path), "no such file")
    try:
        # pyoxigraph parses faster than rdflib; quads from every graph of a TriG file are merged.
        quads = ox.parse(path=str(path), format=_FORMATS.get(path.suffix.lower(), ox.RdfFormat.TURTLE))
        return _to_rdflib(quads)
    except (SyntaxError, ValueError) as exc:
        raise InputError(str(path), f"cannot parse RDF: {exc}") from exc


def _to_rdflib(quads) -> rdflib.Graph:
    """Merge quads (any graph) into one rdflib graph via N-Triples, the cheapest exact hand-over."""
    lines = [f"{q.subject} {q.predicate} {q.object} .\n" for q in quads]
    graph = rdflib.Graph()
    graph.parse(data="".join(lines), format="nt")
    return graph


def _text(graph: rdflib.Graph, node: rdflib.term.Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, rdflib.URIRef):
        return str(node)
    if isinstance(node, rdflib.BNode):
        # Blank nodes in a result (e.g. an sh:or focus path) have no stable id; describe them.
        return "[]"
    return str(node)


def _short(value: str) -> str:
    for name, ns in (("sh", str(SH)),):
        if value.startswith(ns):
            return f"{name}:{value[len(ns) :]}"
    return value


def violations_from_report(report: rdflib.Graph) -> list[dict[str, str]]:
    """Turn pyshacl's results graph into sorted, de-duplicated dicts."""
    rows: set[tuple[str, str, str, str]] = set()
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = _text(report, report.value(result, SH.focusNode))
        path = _text(report, report.value(result, SH.resultPath))
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        severity = _short(_text(report, report.value(result, SH.resultSeverity))).removeprefix("sh:")
        if not messages:
            component = _text(report, report.value(result, SH.sourceConstraintComponent))
            messages = [_short(component)]
        rows.add((focus, path, "; ".join(messages), severity or "Violation"))
    return [{"focus": f, "path": p, "message": m, "severity": s} for f, p, m, s in sorted(rows)]


def validate_graph(
    data: str | Path | rdflib.Graph | ox.Store,
    shapes: str | Path = SHAPES_PATH,
    ontology: str | Path | None = ONTOLOGY_PATH,
) -> ValidationResult:
    """Validate a graph (Turtle path, rdflib graph or pyoxigraph store) against our shapes."""
    data_graph = load_graph(data)
    shapes_graph = load_graph(shapes)
    ont_graph = load_graph(ontology) if ontology else None
    conforms, report, _text_report = shacl_validate(
        data_graph,
        shacl_graph=shapes_graph,
        ont_graph=ont_graph,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        advanced=False,
    )
    violations = violations_from_report(report)
    return ValidationResult(conforms=bool(conforms), violations=violations)

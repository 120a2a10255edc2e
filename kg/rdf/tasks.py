"""Outline sections, tasks and responsibility edges as RDF."""

from __future__ import annotations

from kg.model import Responsibility, Section, Task
from kg.rdf import iris
from kg.rdf.emit import TripleSink, iri

ROLE_CLASS = {"lead": "pkg:Lead", "support": "pkg:Support", "responsible": "pkg:Responsible"}
ROLE_SHORTCUT = {"lead": "pkg:leadAgency", "support": "pkg:supportAgency", "responsible": "pkg:responsibleAgency"}


def sections_to_rdf(sink: TripleSink, doc_iri: str, file_name: str, sections: list[Section]) -> None:
    for s in sections:
        node = iris.section(doc_iri, s.id)
        sink.add_type(node, "pkg:Section")
        sink.add(node, "pkg:document", iri(doc_iri))
        sink.add(node, "pkg:label", s.label)
        sink.add(node, "pkg:level", s.level)
        sink.add(node, "dcterms:title", s.title)
        sink.add(node, "rdfs:label", f"{s.marker}{s.title}"[:80])
        sink.add(node, "pkg:line", s.line)
        sink.add(node, "pkg:sourceFile", iri(iris.source_file(file_name)))
        if s.parent:
            sink.add(node, "pkg:section", iri(iris.section(doc_iri, s.parent)))


def task_to_rdf(sink: TripleSink, doc_iri: str, file_name: str, task: Task, primary: bool) -> str:
    """A task; printings after the first only add an occurrence (file, line)."""
    node = iris.task(doc_iri, task.id)
    occ = iris.occurrence(node, file_name, task.line)
    sink.add_type(occ, "pkg:Occurrence")
    sink.add(node, "pkg:occurrence", iri(occ))
    sink.add(occ, "pkg:sourceFile", iri(iris.source_file(file_name)))
    sink.add(occ, "pkg:line", task.line)
    if not primary:
        return node
    sink.add_type(node, "pkg:Task")
    sink.add(node, "pkg:document", iri(doc_iri))
    sink.add(node, "pkg:label", task.label)
    sink.add(node, "pkg:text", task.text)
    sink.add(node, "rdfs:label", (f"{task.label}. " if task.label else "") + task.text[:40])
    sink.add(node, "pkg:taskKind", task.kind)
    sink.add(node, "pkg:line", task.line)
    sink.add(node, "pkg:sourceFile", iri(iris.source_file(file_name)))
    if task.section:
        sink.add(node, "pkg:section", iri(iris.section(doc_iri, task.section)))
    return node


def responsibility_to_rdf(sink: TripleSink, doc_iri: str, file_name: str, r: Responsibility) -> None:
    task_node = iris.task(doc_iri, r.task_id)
    agency_node = iri(iris.agency(r.agency.agency_id))
    node = iris.responsibility(task_node, r.role, r.agency.agency_id)
    sink.add_type(node, "pkg:Responsibility")
    sink.add(node, "pkg:task", iri(task_node))
    sink.add(node, "pkg:agency", agency_node)
    sink.add(node, "pkg:role", iri(ROLE_CLASS[r.role]))
    sink.add(node, "pkg:agencyLabel", r.agency.surface)
    sink.add(node, "pkg:clause", r.clause)
    sink.add(node, "pkg:line", r.line)
    sink.add(node, "pkg:sourceFile", iri(iris.source_file(file_name)))
    sink.add(task_node, ROLE_SHORTCUT[r.role], agency_node)

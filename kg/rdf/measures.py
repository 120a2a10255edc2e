"""Indicators, inline targets, citations and task deadlines as RDF.

Indicator tables follow the RDF Data Cube: a table is a qb:DataSet (pkg:IndicatorTable), each row
a pkg:Indicator, and its baseline and target values are two qb:Observation nodes keyed by
pkg:refYear and pkg:observationKind.  A citation is a node (so its relation, printed title and
文号 and provenance survive) plus the direct ELI edge between the two documents, so that simple
graph queries need no reification.  Every fact node carries pkg:sourceFile and pkg:line.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.citations import normalise_doc_number, normalise_title
from kg.model import Citation, Indicator, Target, Task
from kg.rdf import iris
from kg.rdf.emit import TripleSink, iri, typed

RELATION_EDGE = {
    "basis": "eli:based_on",
    "implements": "eli:ensures_implementation_of",
    "repeals": "eli:repeals",
    "mentions": "eli:cites",
    "issues": "pkg:issues",
}


def _provenance(sink: TripleSink, node: str, file_name: str, line: int) -> None:
    sink.add(node, "pkg:sourceFile", iri(iris.source_file(file_name)))
    sink.add(node, "pkg:line", line)


def _year(y: int | None):
    return typed(str(y), "gYear") if y is not None else None


def indicators_to_rdf(sink: TripleSink, doc_iri: str, file_name: str, indicators: list[Indicator], first_table: int = 1) -> int:
    """Tables are numbered per document in order of first appearance; rows per table.

    ``first_table`` lets a second printing of the same document number its tables on, so each
    printing's facts keep their own IRIs and provenance.  Returns the next free table number.
    """
    tables: dict[str, str] = {}
    rows_in: dict[str, int] = {}
    for ind in indicators:
        if ind.table not in tables:
            t = iris.indicator_table(doc_iri, first_table + len(tables))
            tables[ind.table] = t
            rows_in[t] = 0
            sink.add_type(t, "pkg:IndicatorTable")
            sink.add_type(t, "qb:DataSet")
            sink.add(t, "dcterms:title", ind.table)
            sink.add(t, "rdfs:label", ind.table)
            sink.add(t, "pkg:document", iri(doc_iri))
            _provenance(sink, t, file_name, ind.line)
        t = tables[ind.table]
        rows_in[t] += 1
        node = iris.indicator(t, rows_in[t])
        sink.add_type(node, "pkg:Indicator")
        sink.add(node, "skos:prefLabel", ind.name)
        sink.add(node, "rdfs:label", ind.name)
        sink.add(node, "dcterms:isPartOf", iri(t))
        sink.add(node, "pkg:category", ind.category)
        sink.add(node, "pkg:unit", ind.unit)
        sink.add(node, "pkg:nature", ind.nature)
        for name in ind.responsible:
            sink.add(node, "pkg:responsibleName", name)
        sink.add(node, "pkg:responsibleNames", "|".join(ind.responsible) or None)  # printed order
        _provenance(sink, node, file_name, ind.line)
        for kind, year, value, comparator in (
            ("baseline", ind.baseline_year, ind.baseline_value, None),
            ("target", ind.target_year, ind.target_value, ind.target_comparator),
        ):
            if value is None and year is None:
                continue  # a "—" baseline still records its year: no value was printed for it
            obs = iris.observation(node, kind)
            sink.add_type(obs, "qb:Observation")
            sink.add(obs, "qb:dataSet", iri(t))
            sink.add(obs, "pkg:indicator", iri(node))
            sink.add(obs, "pkg:observationKind", kind)
            sink.add(obs, "pkg:refYear", _year(year))
            sink.add(obs, "pkg:value", value)
            sink.add(obs, "pkg:unit", ind.unit)
            sink.add(obs, "pkg:comparator", comparator)
            _provenance(sink, obs, file_name, ind.line)
    return first_table + len(tables)


def targets_to_rdf(sink: TripleSink, doc_iri: str, file_name: str, targets: list[Target], first: int = 1) -> int:
    """Targets numbered from ``first`` (see indicators_to_rdf); returns the next free number."""
    for n, tg in enumerate(targets, start=first):
        node = iris.target(doc_iri, n)
        sink.add_type(node, "pkg:Target")
        sink.add(node, "pkg:document", iri(doc_iri))
        sink.add(node, "pkg:subject", tg.subject)
        sink.add(node, "rdfs:label", f"{tg.subject} {tg.value}{tg.unit or ''}"[:80])
        sink.add(node, "pkg:refYear", _year(tg.year))
        sink.add(node, "pkg:value", tg.value)
        sink.add(node, "pkg:unit", tg.unit)
        sink.add(node, "pkg:comparator", tg.comparator)
        sink.add(node, "pkg:quote", tg.quote)
        if tg.task_id:
            sink.add(node, "pkg:task", iri(iris.task(doc_iri, tg.task_id)))
        _provenance(sink, node, file_name, tg.line)
    return first + len(targets)


def external_key(c: Citation) -> str:
    """Placeholder identity: the 文号 when printed (normalised), else the normalised title."""
    if c.cited_doc_number:
        return normalise_doc_number(c.cited_doc_number)
    return normalise_title(c.cited_title or "")


def citations_to_rdf(
    sink: TripleSink,
    doc_iri: str,
    file_name: str,
    citations: list[Citation],
    doc_iri_for_key: Callable[[str], str],
    first: int = 1,
    placeholder_titles: dict[str, str] | None = None,
) -> int:
    """Citation nodes, direct document edges, and placeholders for documents outside the corpus.

    ``placeholder_titles`` (shared across calls) keeps one dcterms:title per placeholder: the
    first printed form; later variants of the same cited document become skos:altLabel.
    """
    titles = placeholder_titles if placeholder_titles is not None else {}
    for n, c in enumerate(citations, start=first):
        node = iris.citation(doc_iri, n)
        if c.resolved_key:
            cited = doc_iri_for_key(c.resolved_key)
        else:
            cited = iris.external_document(external_key(c))
            sink.add_type(cited, "pkg:ExternalDocument")
            if c.cited_title:
                first_title = titles.setdefault(cited, c.cited_title)
                sink.add(cited, "dcterms:title" if first_title == c.cited_title else "skos:altLabel", c.cited_title)
            if cited not in titles or titles[cited] == c.cited_title:
                sink.add(cited, "rdfs:label", c.cited_title or c.cited_doc_number)
            sink.add(cited, "pkg:docNumber", c.cited_doc_number)
            sink.add(cited, "pkg:placeholder", True)
        sink.add_type(node, "pkg:Citation")
        sink.add(node, "pkg:citingDocument", iri(doc_iri))
        sink.add(node, "pkg:citedDocument", iri(cited))
        sink.add(node, "pkg:relation", c.relation)
        sink.add(node, "pkg:citedTitle", c.cited_title)
        sink.add(node, "pkg:citedDocNumber", c.cited_doc_number)
        _provenance(sink, node, file_name, c.line)
        if cited != doc_iri:  # a notice issuing its own attachment is one document: no self-loop
            sink.add(doc_iri, RELATION_EDGE.get(c.relation, "eli:cites"), iri(cited))
    return first + len(citations)


def deadline_to_rdf(sink: TripleSink, task_iri: str, task: Task) -> None:
    if task.deadline:
        sink.add(task_iri, "pkg:deadline", typed(task.deadline, "date"))
        sink.add(task_iri, "pkg:deadlineQuote", task.deadline_quote)

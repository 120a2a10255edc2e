"""Documents, their printings (occurrences), source files, compilations and issuers as RDF."""

from __future__ import annotations

from collections.abc import Callable

from kg.model import AgencyRef, Document, SourceFile
from kg.rdf import iris
from kg.rdf.emit import TripleSink, iri, typed

Resolver = Callable[[str, str | None], AgencyRef]


def source_file_to_rdf(sink: TripleSink, source: SourceFile) -> None:
    f = iris.source_file(source.name)
    sink.add_type(f, "pkg:SourceFile")
    sink.add(f, "pkg:fileName", source.name)
    sink.add(f, "rdfs:label", source.name)
    sink.add(f, "pkg:sha256", source.sha256)
    sink.add(f, "pkg:encoding", source.encoding)


def document_to_rdf(sink: TripleSink, doc: Document, printings: list[Document], issuer_refs: list[AgencyRef]) -> str:
    """Write one distinct document; ``printings`` are the Document read from every copy.

    The gazette or compilation a copy belongs to is a property of the printing (the same
    notice can be in a gazette issue and in a standalone file), so it sits on the occurrence.
    """
    d = iris.document(doc.key)
    sink.add_type(d, "pkg:PolicyDocument")
    sink.add(d, "dcterms:title", doc.title)
    sink.add(d, "rdfs:label", doc.title)
    sink.add(d, "pkg:docNumber", doc.doc_number)
    if doc.date:
        sink.add(d, "eli:date_document", typed(doc.date, "date"))
        sink.add(d, "dcterms:date", typed(doc.date, "date"))
    if doc.doc_type:
        g = iris.genre(doc.doc_type)
        sink.add(d, "pkg:genre", iri(g))
        sink.add_type(g, "pkg:Genre")
        sink.add(g, "skos:prefLabel", doc.doc_type)
    sink.add(d, "pkg:issuerNames", "|".join(doc.issuers) if doc.issuers else None)
    for ref in issuer_refs:
        sink.add(d, "dcterms:creator", iri(iris.agency(ref.agency_id)))
    for n, title in enumerate(doc.attachment_titles):
        sink.add(d, "pkg:attachmentTitle", title if n == 0 else None)
    for printing in printings:
        file_name, start, end = printing.source, printing.start_line, printing.end_line
        o = iris.occurrence(d, file_name, start)
        if printing.part_of:
            c = iris.compilation(printing.part_of)
            sink.add_type(c, "pkg:Compilation")
            sink.add(c, "rdfs:label", printing.part_of)
            sink.add(d, "dcterms:isPartOf", iri(c))
            sink.add(o, "dcterms:isPartOf", iri(c))
        sink.add_type(o, "pkg:Occurrence")
        sink.add(d, "pkg:occurrence", iri(o))
        sink.add(o, "pkg:sourceFile", iri(iris.source_file(file_name)))
        sink.add(o, "pkg:line", start)
        sink.add(o, "pkg:endLine", end)
        sink.add(d, "prov:wasDerivedFrom", iri(iris.source_file(file_name)))
    return d

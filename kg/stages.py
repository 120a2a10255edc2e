"""The pipeline's stage list: which extractors run per document, and how results become RDF.

Kept apart from kg/pipeline.py (which only sequences files and merges duplicate printings) so
that adding an extractor is one entry here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.model import AgencyRef, DocumentExtraction, SourceFile, Warning_
from kg.pipeline import Corpus
from kg.rdf import iris
from kg.rdf.documents import document_to_rdf, source_file_to_rdf
from kg.rdf.emit import TripleSink


@dataclass(slots=True)
class BuildContext:
    """Long-lived helpers shared by all documents of one build (loaded once)."""

    unknown_agencies: dict[tuple[str, str | None], AgencyRef] = field(default_factory=dict)

    @classmethod
    def create(cls) -> BuildContext:
        return cls()

    def resolve(self, surface: str, jurisdiction: str | None) -> AgencyRef:
        ref = AgencyRef(surface=surface, agency_id=iris.unknown_agency_id(surface, jurisdiction), canonical=None, jurisdiction=jurisdiction)
        self.unknown_agencies.setdefault((surface, jurisdiction), ref)
        return ref


def extractors(context: BuildContext) -> list:
    """Per-document extractors, run in order on each printing of each document."""

    def noop(extraction: DocumentExtraction, source: SourceFile, warnings: list[Warning_]) -> None:
        return None

    return [noop]


def corpus_to_rdf(corpus: Corpus, context: BuildContext) -> tuple[TripleSink, dict]:
    """All triples of the corpus, plus what the linking step wants in the report."""
    sink = TripleSink()
    for source in corpus.sources:
        source_file_to_rdf(sink, source)
    for cd in corpus.documents:
        doc = cd.document
        printings = [o.extraction.document for o in cd.occurrences]
        issuer_refs = [context.resolve(name, None) for name in doc.issuers]
        document_to_rdf(sink, doc, printings, issuer_refs)
    return sink, {}


def build_report(corpus: Corpus, context: BuildContext, link_report: dict, triples: int) -> dict:
    return {
        "files": [r.as_dict() for r in corpus.reports],
        "documents": len(corpus.documents),
        "printings": sum(len(cd.occurrences) for cd in corpus.documents),
        "triples": triples,
        **link_report,
    }


def validate(graph_file: Path) -> dict:
    return {}


def render(store: ox.Store, out_dir: Path) -> list[Path]:
    return []

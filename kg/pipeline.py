"""The build pipeline: files → documents → extractions → one corpus, plus the build report.

Each stage is a plain function of dataclasses (see kg/model.py); this module only sequences
them and merges what the same document printed in two files yields.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.documents.segment import segment_file
from kg.errors import InputError
from kg.model import Document, DocumentExtraction, FileReport, SourceFile, Warning_
from kg.read.decode import read_source

TEXT_SUFFIXES = {".txt", ".text", ".md"}


@dataclass(slots=True)
class Occurrence:
    """One printing of a document: the extraction made from that file's copy."""

    extraction: DocumentExtraction


@dataclass(slots=True)
class CorpusDocument:
    """A distinct document with every printing of it (first file wins for metadata)."""

    occurrences: list[Occurrence]

    @property
    def primary(self) -> DocumentExtraction:
        return self.occurrences[0].extraction

    @property
    def document(self) -> Document:
        return self.primary.document


@dataclass(slots=True)
class Corpus:
    sources: list[SourceFile] = field(default_factory=list)
    documents: list[CorpusDocument] = field(default_factory=list)
    reports: list[FileReport] = field(default_factory=list)


def collect_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Expand folders to their text files (sorted); a clear error for anything unusable."""
    files: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise InputError(str(path), "no such file or directory")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES and not p.name.startswith("."))
            if not found:
                raise InputError(str(path), "folder holds no text files (*.txt)")
            files.extend(found)
        else:
            files.append(path)
    seen: set[Path] = set()
    unique = []
    for f in files:
        if f.resolve() not in seen:
            seen.add(f.resolve())
            unique.append(f)
    names = [f.name for f in unique]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise InputError(dupes[0], "two input files share this file name; provenance uses file names, rename one")
    return unique


Extractor = Callable[[DocumentExtraction, SourceFile, list[Warning_]], None]


def build_corpus(
    files: list[Path],
    extractors: list[Extractor] | None = None,
    progress: Callable[[Path], None] | None = None,
    known: Callable[[str], int] | None = None,
) -> Corpus:
    """Read, segment and extract every file; merge duplicate printings of one document."""
    corpus = Corpus()
    by_key: dict[str, CorpusDocument] = {}
    for path in files:
        if progress:
            progress(path)
        source = read_source(path)
        corpus.sources.append(source)
        docs, warnings = segment_file(source, known)
        report = FileReport(
            file=source.name, encoding=source.encoding, lines=len(source.raw_lines), script=source.script, warnings=warnings
        )
        corpus.reports.append(report)
        for doc in docs:
            extraction = DocumentExtraction(document=doc)
            for extract in extractors or []:
                try:
                    extract(extraction, source, report.warnings)
                except Exception as exc:  # one bad document must not sink the build; it is reported
                    report.warnings.append(
                        Warning_(source.name, doc.start_line, "extractor-error", f"{extract.__name__}: {type(exc).__name__}: {exc}")
                    )
            report.documents.append(doc.key)
            key = doc.key
            if key in by_key:
                first = by_key[key]
                first.occurrences.append(Occurrence(extraction))
            else:
                cd = CorpusDocument([Occurrence(extraction)])
                by_key[key] = cd
                corpus.documents.append(cd)
    return corpus

"""The pipeline's stage list: which extractors run per document, and how results become RDF.

Kept apart from kg/pipeline.py (which only sequences files and merges duplicate printings) so
that adding an extractor is one entry here.  Every stage is a function of one document's
dataclasses plus the shared BuildContext (the agency register, loaded once per build).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox

from kg.agencies.ner import AgencyNER
from kg.agencies.rdf import agency_ref_to_rdf, register_to_rdf
from kg.agencies.register import Register
from kg.extract.citations import extract_citations
from kg.extract.deadlines import extract_deadline
from kg.extract.indicators import extract_indicators
from kg.extract.outline import extract_outline
from kg.extract.responsibility import extract_responsibilities
from kg.extract.targets import extract_targets, plan_end_year
from kg.link.citations import resolve_citations
from kg.model import AgencyRef, Document, DocumentExtraction, Responsibility, SourceFile, Task, Warning_
from kg.ontology import ontology_triples
from kg.pipeline import Corpus, CorpusDocument
from kg.rdf import iris
from kg.rdf.documents import document_to_rdf, source_file_to_rdf
from kg.rdf.emit import TripleSink, iri
from kg.rdf.measures import citations_to_rdf, deadline_to_rdf, indicators_to_rdf, targets_to_rdf
from kg.rdf.tasks import responsibility_to_rdf, sections_to_rdf, task_to_rdf
from kg.read.script import restore

Extractor = Callable[[DocumentExtraction, SourceFile, list[Warning_]], None]
_SENTENCE_RE = re.compile(r"[。；！？\n]")
_ACTOR_CUE_RE = re.compile(r"由|会同|牵头|负责|配合|协同|联合|组织|指导|督促|推动|支持|鼓励|要求|商|报")
_DIVISION_RE = re.compile(r"^(?![市省区县州])[\u4e00-\u9fff]{2,10}(?:处|科|室|局)$")


@dataclass(slots=True)
class BuildContext:
    """Long-lived helpers shared by all documents of one build (loaded once)."""

    register: Register
    recogniser: AgencyNER | None = None  # built on first use (a few seconds)
    used_agencies: dict[str, AgencyRef] = field(default_factory=dict)
    unknown_agencies: dict[tuple[str, str | None], list[dict]] = field(default_factory=dict)

    @classmethod
    def create(cls, register_path: Path | None = None) -> BuildContext:
        return cls(register=Register.load(register_path))

    def resolve(self, surface: str, jurisdiction: str | None, file: str = "", line: int = 0, issuer: str | None = None) -> AgencyRef:
        """Resolve against the register; unknown agencies are kept and remembered for the report.

        In a department's own document a bare division name (科技处, 经济运行局) is one of that
        department's divisions, so with a single issuing department it is read under it.
        """
        ref = self.register.resolve(surface, jurisdiction)
        if ref.canonical is None and not ref.collective and issuer and _DIVISION_RE.match(ref.surface):
            unit = self.register.resolve(issuer + ref.surface, jurisdiction)
            if unit.canonical is not None and "-unit-" in unit.agency_id:
                ref = replace(unit, surface=ref.surface)
        self.used_agencies.setdefault(ref.agency_id, ref)
        if ref.canonical is None and not ref.collective:
            self.unknown_agencies.setdefault((ref.surface, ref.jurisdiction), []).append({"file": file, "line": line})
        return ref

    def ner(self) -> AgencyNER:
        if self.recogniser is None:
            self.recogniser = AgencyNER.from_register(self.register)
        return self.recogniser

    def is_department(self, name: str) -> bool:
        """A registered department (not a government or its general office)."""
        ref = self.register.resolve(name)
        entry = self.register.entry(ref.agency_id) if ref.canonical is not None else None
        return entry is not None and entry.kind == "department" and not entry.pref_label.endswith(("办公厅", "办公室"))

    def known(self, name: str) -> int:
        """2: a body the register holds; 1: an internal unit of one (教育部办公厅); 0: unknown."""
        ref = self.register.resolve(name)
        if ref.canonical is None:
            return 0
        return 1 if "-unit-" in ref.agency_id else 2

    def jurisdictions_of(self, doc: Document) -> list[str]:
        """Distinct issuer jurisdictions in printed order (joint 川渝 documents give two).

        Without issuers (a plan copied without its notice), the place its title starts with
        (四川省推动…方案 → 四川省) is the context in which 省财政厅 is read.
        """
        out: list[str] = []
        for name in doc.issuers:
            j = self.register.jurisdiction_of(name)
            if j and j not in out:
                out.append(j)
        if not doc.issuers:
            for text in (doc.title, doc.attachment_title):
                j = self.register.jurisdiction_of(text) if text else None
                if j:
                    out.append(j)
                    break
        return out


def _task_of_line(tasks: list[Task], line: int) -> str | None:
    """The last task starting at or before ``line`` (tasks run until the next one starts)."""
    best = None
    for t in tasks:
        if t.line <= line and (best is None or t.line >= best.line):
            best = t
    return best.id if best else None


def extractors(context: BuildContext) -> list[Extractor]:
    """Per-document extractors, run in order on each printing of each document."""

    def outline_and_responsibility(ex: DocumentExtraction, source: SourceFile, warnings: list[Warning_]) -> None:
        doc = ex.document
        if doc.body is None:
            return
        ex.sections, ex.tasks = extract_outline(doc.body, doc.lines)
        jurisdictions = context.jurisdictions_of(doc)
        issuer = doc.issuers[0] if len(doc.issuers) == 1 and context.is_department(doc.issuers[0]) else None
        clauses, clause_warnings = extract_responsibilities(doc.body, ex.tasks, jurisdictions)
        for w in clause_warnings:
            w.file = w.file or source.name
            warnings.append(w)
        for clause in clauses:
            if clause.task_id is None:
                continue
            seen: set[tuple[str, str]] = set()
            for m in clause.mentions:
                ref = context.resolve(m.surface, m.jurisdiction, source.name, clause.clause_line or clause.line, issuer)
                if (m.role, ref.agency_id) in seen:
                    continue
                seen.add((m.role, ref.agency_id))
                ex.responsibilities.append(Responsibility(clause.task_id, m.role, ref, clause.clause_line or clause.line, clause.clause))

    def measures(ex: DocumentExtraction, source: SourceFile, warnings: list[Warning_]) -> None:
        doc = ex.document
        if doc.body is None:
            return
        ex.indicators = extract_indicators(doc.lines)
        ex.targets = extract_targets(doc.body, plan_end_year(doc.attachment_title or doc.title, doc.body))
        for tg in ex.targets:
            tg.task_id = _task_of_line(ex.tasks, tg.line)
        doc_year = int(doc.date[:4]) if doc.date else None
        for task in ex.tasks:
            found = extract_deadline(task.text, doc_year)
            if found:
                task.deadline, task.deadline_quote = found
        ex.citations = extract_citations(doc.body, doc.title, doc.doc_number, doc.attachment_titles)

    def agency_mentions(ex: DocumentExtraction, source: SourceFile, warnings: list[Warning_]) -> None:
        """Registered agencies a task names in its running text besides its clause (由…牵头, 会同…).

        Only sentences with an actor cue (由, 会同, 牵头, 负责, 配合 …) go through the recogniser:
        that is where a text names who acts, and it keeps the spaCy pass to a fraction of the text.
        """
        jurisdictions = context.jurisdictions_of(ex.document)
        jurisdiction = jurisdictions[0] if jurisdictions else None
        for task in ex.tasks:
            in_clause = {r.agency.agency_id for r in ex.responsibilities if r.task_id == task.id}
            seen: set[str] = set()
            sentences = [x for x in _SENTENCE_RE.split(task.text) if _ACTOR_CUE_RE.search(x)]
            found = [hit for sentence in sentences for hit in context.ner().find(sentence)]
            for _start, _end, surface in found:
                ref = context.register.resolve(surface, jurisdiction)
                if ref.canonical is None or ref.agency_id in in_clause or ref.agency_id in seen:
                    continue
                seen.add(ref.agency_id)
                context.used_agencies.setdefault(ref.agency_id, ref)
                ex.mentions.append((task.id, ref))

    return [outline_and_responsibility, measures, agency_mentions, restore_printed_forms]


def restore_printed_forms(ex: DocumentExtraction, source: SourceFile, warnings: list[Warning_]) -> None:
    """Traditional-character files were read as simplified: put the printed characters back.

    Register names (canonical labels) stay as the register writes them; everything quoted from
    the text (titles, task text, agencies as printed, clauses, quotes) is restored.
    """
    table = source.printed
    if not table:
        return
    doc = ex.document
    doc.title = restore(doc.title, table) or doc.title
    doc.doc_number = restore(doc.doc_number, table)
    doc.issuers = [restore(x, table) or x for x in doc.issuers]
    doc.attachment_titles = [restore(x, table) or x for x in doc.attachment_titles]
    doc.attachment_title = restore(doc.attachment_title, table)
    doc.part_of = restore(doc.part_of, table)
    for sec in ex.sections:
        sec.title = restore(sec.title, table) or sec.title
    for task in ex.tasks:
        task.text = restore(task.text, table) or task.text
        task.deadline_quote = restore(task.deadline_quote, table)
    for r in ex.responsibilities:
        r.clause = restore(r.clause, table) or r.clause
        r.agency = replace(r.agency, surface=restore(r.agency.surface, table) or r.agency.surface)
    for ind in ex.indicators:
        ind.table = restore(ind.table, table) or ind.table
        ind.category = restore(ind.category, table)
        ind.name = restore(ind.name, table) or ind.name
        ind.unit = restore(ind.unit, table)
        ind.responsible = [restore(x, table) or x for x in ind.responsible]
    for tg in ex.targets:
        tg.subject = restore(tg.subject, table) or tg.subject
        tg.unit = restore(tg.unit, table)
        tg.quote = restore(tg.quote, table) or tg.quote
    for c in ex.citations:
        c.cited_title = restore(c.cited_title, table)
        c.cited_doc_number = restore(c.cited_doc_number, table)


def _align_tasks(primary: list[Task], other: list[Task]) -> dict[str, str]:
    """Map a later printing's task ids onto the first printing's when the outlines agree."""
    if [(t.label, t.kind) for t in primary] == [(t.label, t.kind) for t in other]:
        return {o.id: p.id for p, o in zip(primary, other, strict=True)}
    return {}


def _document_to_rdf(sink: TripleSink, cd: CorpusDocument, context: BuildContext, placeholders: dict[str, str]) -> None:
    doc = cd.document
    issuer_refs = [context.resolve(name, None, doc.source, doc.start_line) for name in doc.issuers]
    d = document_to_rdf(sink, doc, [o.extraction.document for o in cd.occurrences], issuer_refs)
    next_table = next_target = next_citation = 1
    for k, occ in enumerate(cd.occurrences):
        ex = occ.extraction
        file_name = ex.document.source
        id_map = {t.id: t.id for t in ex.tasks} if k == 0 else _align_tasks(cd.primary.tasks, ex.tasks)
        if k > 0 and not id_map:
            id_map = {t.id: f"p{k + 1}-{t.id}" for t in ex.tasks}
        aligned = k > 0 and all(not v.startswith(f"p{k + 1}-") for v in id_map.values())
        if k == 0:
            sections_to_rdf(sink, d, file_name, ex.sections)
        for task in ex.tasks:
            new_id = id_map[task.id]
            renamed = Task(**{**{f: getattr(task, f) for f in task.__slots__}, "id": new_id})
            node = task_to_rdf(sink, d, file_name, renamed, primary=not aligned)
            if not aligned:
                deadline_to_rdf(sink, node, renamed)
        if not aligned:
            for task_id, ref in ex.mentions:
                sink.add(iris.task(d, id_map.get(task_id, task_id)), "pkg:mentionsAgency", iri(iris.agency(ref.agency_id)))
            for r in ex.responsibilities:
                responsibility_to_rdf(sink, d, file_name, Responsibility(id_map.get(r.task_id, r.task_id), r.role, r.agency, r.line, r.clause))
        for tg in ex.targets:
            tg.task_id = id_map.get(tg.task_id, tg.task_id) if tg.task_id else None
        next_table = indicators_to_rdf(sink, d, file_name, ex.indicators, next_table)
        next_target = targets_to_rdf(sink, d, file_name, ex.targets, next_target)
        next_citation = citations_to_rdf(sink, d, file_name, ex.citations, iris.document, next_citation, placeholders)


def corpus_to_rdf(corpus: Corpus, context: BuildContext) -> tuple[TripleSink, dict]:
    """All triples of the corpus, plus what the linking step reports."""
    all_docs = [o.extraction.document for cd in corpus.documents for o in cd.occurrences]
    citations = [c for cd in corpus.documents for o in cd.occurrences for c in o.extraction.citations]
    resolve_citations(citations, all_docs)
    sink = TripleSink()
    sink.update(ontology_triples())
    for source in corpus.sources:
        source_file_to_rdf(sink, source)
    placeholders: dict[str, str] = {}
    for cd in corpus.documents:
        _document_to_rdf(sink, cd, context, placeholders)
    register_ids = {aid for aid, ref in context.used_agencies.items() if ref.canonical is not None}
    register_to_rdf(context.register, sink, register_ids)
    for _aid, ref in sorted(context.used_agencies.items()):
        agency_ref_to_rdf(ref, sink, context.register)
    resolved = sum(1 for c in citations if c.resolved_key)
    cross = sum(
        1
        for cd in corpus.documents
        for o in cd.occurrences
        for c in o.extraction.citations
        if c.resolved_key and c.resolved_key != cd.document.key
    )
    link = {
        "citations": {
            "total": len(citations),
            "resolved": resolved,
            "resolved_to_other_documents": cross,
            "resolution_rate": round(resolved / len(citations), 4) if citations else 0.0,
        }
    }
    return sink, link


def build_report(corpus: Corpus, context: BuildContext, link_report: dict, triples: int) -> dict:
    unknown = [
        {"surface": surface, "jurisdiction": jur, "mentions": len(where), "where": where[:20]}
        for (surface, jur), where in sorted(context.unknown_agencies.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))
    ]
    unattached = [w.as_dict() for r in corpus.reports for w in r.warnings if w.kind == "unattached-clause"]
    exs = [o.extraction for cd in corpus.documents for o in cd.occurrences[:1]]
    summary = {
        "tasks": sum(len(e.tasks) for e in exs),
        "responsibility edges": sum(len(e.responsibilities) for e in exs),
        "agencies (register / unknown / collective)": f"{sum(1 for r in context.used_agencies.values() if r.canonical is not None)} / {sum(1 for r in context.used_agencies.values() if r.canonical is None and not r.collective)} / {sum(1 for r in context.used_agencies.values() if r.collective)}",
        "indicators": sum(len(e.indicators) for e in exs),
        "targets": sum(len(e.targets) for e in exs),
        "citations resolved": "{resolved}/{total}".format(**link_report["citations"]),
        "unattached clauses": len(unattached),
    }
    return {
        "files": [r.as_dict() for r in corpus.reports],
        "documents": len(corpus.documents),
        "printings": sum(len(cd.occurrences) for cd in corpus.documents),
        "triples": triples,
        "summary": summary,
        "unknown_agencies": unknown,
        "unattached_clauses": unattached,
        **link_report,
    }


def validate(graph_file: Path) -> dict:
    """SHACL validation of the written graph (violations are listed, the build still succeeds)."""
    from kg.validate import validate_graph

    result = validate_graph(graph_file)
    return {"conforms": result.conforms, "violations": len(result.violations), "details": result.violations[:50]}


def render(store: ox.Store, out_dir: Path) -> list[Path]:
    from kg.render import render_all

    return render_all(store, out_dir)

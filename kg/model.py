"""Plain data passed between pipeline stages.

Every stage reads and returns these classes and nothing else, so each extractor can be tested on a
snippet without running the rest of the pipeline.  Line numbers are always 1-based lines of the
original source file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.text import Text


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A raw input file as read from disk."""

    path: str
    name: str
    encoding: str
    sha256: str
    raw_lines: tuple[str, ...]  # decoded lines (without line ends); traditional text read as simplified
    script: str = "simplified"  # "traditional" when the file was converted for reading
    printed: dict[str, str] = field(default_factory=dict)  # simplified char → printed char, to restore output


@dataclass(slots=True)
class Warning_:
    """Something the pipeline recognised but could not use; goes to report.json."""

    file: str
    line: int
    kind: str
    message: str

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "kind": self.kind, "message": self.message}


@dataclass(slots=True)
class Document:
    """One policy document found in a source file (a 印发 notice and the plan it issues are one)."""

    source: str  # source file name
    start_line: int
    end_line: int
    title: str
    doc_number: str | None = None
    issuers: list[str] = field(default_factory=list)
    date: str | None = None  # ISO yyyy-mm-dd
    doc_type: str | None = None
    attachment_title: str | None = None
    attachment_titles: list[str] = field(default_factory=list)
    part_of: str | None = None
    body: Text | None = None  # normalised text of the whole span, provenance kept
    lines: list = field(default_factory=list)  # CleanLine list of the span (cells keep spaces), for tables

    @property
    def key(self) -> str:
        """Identity across files: the 文号 when printed, else the title."""
        return self.doc_number or self.title


@dataclass(slots=True)
class Section:
    """An outline heading (一、/（一）/1．/第X章 …)."""

    id: str  # stable within the document, e.g. "s3.2"
    level: int  # 1 = top level
    label: str  # printed number without punctuation: "一", "三", "2"
    marker: str  # as printed, e.g. "（三）"
    title: str
    line: int
    parent: str | None = None


@dataclass(slots=True)
class Task:
    """A numbered measure (or a table row / clause-bearing paragraph) that can carry responsibility."""

    id: str  # stable within the document, e.g. "t12"
    label: str  # printed number without punctuation, "" when unnumbered
    text: str  # full text, line breaks joined, responsibility clause included
    line: int  # source line of the label
    section: str | None = None  # id of the enclosing Section
    kind: str = "item"  # item | section | table-row
    deadline: str | None = None  # ISO date, set by the deadline extractor
    deadline_quote: str | None = None


@dataclass(slots=True)
class AgencyRef:
    """One agency as printed in a clause, with the register entry it resolved to (if any)."""

    surface: str  # as printed, whitespace removed
    agency_id: str  # IRI local part: register id or a minted id for unknowns
    canonical: str | None  # prefLabel from the register, None when unknown
    jurisdiction: str | None = None
    collective: bool = False


@dataclass(slots=True)
class Responsibility:
    """A (task, role, agency) edge."""

    task_id: str
    role: str  # lead | support | responsible
    agency: AgencyRef
    line: int
    clause: str  # the clause as printed (whitespace removed, no outer brackets)


@dataclass(slots=True)
class Indicator:
    """One row of an indicator table (专栏)."""

    table: str
    category: str | None
    name: str
    unit: str | None
    baseline_year: int | None
    baseline_value: str | None
    target_year: int | None
    target_value: str | None
    target_comparator: str | None
    nature: str | None
    responsible: list[str]
    line: int


@dataclass(slots=True)
class Target:
    """An inline quantitative target in running text."""

    year: int | None
    subject: str
    value: str
    unit: str | None
    comparator: str | None
    quote: str
    line: int
    task_id: str | None = None


@dataclass(slots=True)
class Citation:
    """A reference from one document to another by 《title》 and/or 文号."""

    cited_title: str | None
    cited_doc_number: str | None
    relation: str  # issues | basis | implements | repeals | mentions
    line: int
    resolved_key: str | None = None  # key of the cited corpus Document, if found


@dataclass(slots=True)
class DocumentExtraction:
    """Everything extracted from one document."""

    document: Document
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    mentions: list[tuple[str, AgencyRef]] = field(default_factory=list)  # (task id, agency named in its text)


@dataclass(slots=True)
class FileReport:
    """What the build did with one input file."""

    file: str
    encoding: str
    lines: int
    script: str = "simplified"
    documents: list[str] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "encoding": self.encoding,
            "script": self.script,
            "lines": self.lines,
            "documents": self.documents,
            "warnings": [w.as_dict() for w in self.warnings],
        }

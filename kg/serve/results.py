"""Run a SPARQL query with a time limit and a row limit, and write the result in the format asked for.

pyoxigraph releases the GIL while it evaluates, so a query runs on a worker thread while the
request thread waits with a timeout.  Rows are pulled one at a time and the worker stops as soon
as the request gives up (cooperative cancellation): streaming queries end promptly; a query that
does all its work before the first row (ORDER BY, aggregates) finishes in the background on its
bounded worker pool.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox

from kg.rdf.turtle import to_turtle

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
N_TRIPLES = "application/n-triples"
JSON_LD = "application/ld+json"

SOLUTION_TYPES = (SPARQL_JSON, SPARQL_XML, CSV, TSV)
GRAPH_TYPES = (TURTLE, N_TRIPLES, JSON_LD)
#: Short names accepted in a ``format=`` parameter (handy from a browser address bar).
FORMAT_ALIASES = {
    "json": SPARQL_JSON,
    "xml": SPARQL_XML,
    "csv": CSV,
    "tsv": TSV,
    "ttl": TURTLE,
    "turtle": TURTLE,
    "nt": N_TRIPLES,
    "jsonld": JSON_LD,
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class QueryTimeout(Exception):
    """The query did not finish within the time limit."""


@dataclass(slots=True)
class QueryOutcome:
    """A finished query: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    kind: str  # select | ask | graph
    variables: list[str] = field(default_factory=list)
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool = False
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False


def _collect(result: object, row_limit: int, cancel: threading.Event) -> QueryOutcome:
    if isinstance(result, ox.QueryBoolean):
        return QueryOutcome(kind="ask", boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        triples: list[ox.Triple] = []
        for triple in result:
            if cancel.is_set():
                break
            if len(triples) >= row_limit:
                return QueryOutcome(kind="graph", triples=triples, truncated=True)
            triples.append(triple)
        return QueryOutcome(kind="graph", triples=triples)
    assert isinstance(result, ox.QuerySolutions)
    variables = [v.value for v in result.variables]
    rows: list[list[Term | None]] = []
    for solution in result:
        if cancel.is_set():
            break
        if len(rows) >= row_limit:
            return QueryOutcome(kind="select", variables=variables, rows=rows, truncated=True)
        rows.append([solution[v] for v in variables])
    return QueryOutcome(kind="select", variables=variables, rows=rows)


def run_query(
    executor: Executor,
    evaluate: Callable[[], object],
    timeout: float,
    row_limit: int,
) -> QueryOutcome:
    """Evaluate on the executor; raise QueryTimeout after ``timeout`` seconds (and stop the worker).

    ``evaluate`` is a thunk such as ``lambda: store.query(text)``; SyntaxError and OSError from
    it propagate to the caller unchanged.
    """
    cancel = threading.Event()
    future = executor.submit(lambda: _collect(evaluate(), row_limit, cancel))
    try:
        return future.result(timeout=timeout)
    except FutureTimeout as exc:
        cancel.set()
        future.cancel()  # not started yet (pool busy): never start it
        raise QueryTimeout(f"query did not finish within {timeout:g} s") from exc


# ------------------------------------------------------------------ solutions


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    out: dict[str, object] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def solutions_json(outcome: QueryOutcome) -> bytes:
    if outcome.kind == "ask":
        doc: dict[str, object] = {"head": {}, "boolean": outcome.boolean}
    else:
        bindings = [
            {
                var: _json_term(term)
                for var, term in zip(outcome.variables, row, strict=True)
                if term is not None
            }
            for row in outcome.rows
        ]
        doc = {"head": {"vars": outcome.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        parts = (("subject", term.subject), ("predicate", term.predicate), ("object", term.object))
        return "<triple>" + "".join(f"<{n}>{_xml_term(t)}</{n}>" for n, t in parts) + "</triple>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{xml_escape(term.value)}</literal>"
    if term.datatype.value != _XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{xml_escape(term.value)}</literal>"
    return f"<literal>{xml_escape(term.value)}</literal>"


def solutions_xml(outcome: QueryOutcome) -> bytes:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
    ]
    if outcome.kind == "ask":
        out += ["<head/>", f"<boolean>{'true' if outcome.boolean else 'false'}</boolean>"]
    else:
        out.append(
            "<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in outcome.variables) + "</head>"
        )
        out.append("<results>")
        for row in outcome.rows:
            cells = "".join(
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(outcome.variables, row, strict=True)
                if t is not None
            )
            out.append(f"<result>{cells}</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out).encode("utf-8")


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def solutions_csv(outcome: QueryOutcome) -> bytes:
    """SPARQL 1.1 CSV: plain values, CRLF line ends; ASK gives one 'boolean' column."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if outcome.kind == "ask":
        writer.writerows([["boolean"], ["true" if outcome.boolean else "false"]])
    else:
        writer.writerow(outcome.variables)
        writer.writerows([_csv_value(t) for t in row] for row in outcome.rows)
    return buffer.getvalue().encode("utf-8")


def _tsv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#integer" and term.value.lstrip("+-").isdigit():
            return term.value
        if dt == _XSD_STRING:
            return str(ox.Literal(term.value))
    return str(term)  # N-Triples syntax: <iri>, _:b, "x"@zh, "1.5"^^<…#decimal>; tabs and newlines escaped


def solutions_tsv(outcome: QueryOutcome) -> bytes:
    """SPARQL 1.1 TSV: '?var' header, terms in Turtle/N-Triples syntax."""
    if outcome.kind == "ask":
        return f"?boolean\n{'true' if outcome.boolean else 'false'}\n".encode()
    lines = ["\t".join(f"?{v}" for v in outcome.variables)]
    lines += ["\t".join(_tsv_value(t) for t in row) for row in outcome.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


SOLUTION_WRITERS: dict[str, Callable[[QueryOutcome], bytes]] = {
    SPARQL_JSON: solutions_json,
    SPARQL_XML: solutions_xml,
    CSV: solutions_csv,
    TSV: solutions_tsv,
}


def graph_bytes(outcome: QueryOutcome, media_type: str) -> bytes:
    """CONSTRUCT/DESCRIBE triples as Turtle (with our prefixes), N-Triples or JSON-LD."""
    fmt = {TURTLE: ox.RdfFormat.TURTLE, N_TRIPLES: ox.RdfFormat.N_TRIPLES, JSON_LD: ox.RdfFormat.JSON_LD}[
        media_type
    ]
    if fmt == ox.RdfFormat.TURTLE:
        return to_turtle(outcome.triples).encode("utf-8")  # sorted, our prefixes only
    return ox.serialize(outcome.triples, format=fmt) or b""


# ------------------------------------------------------------------ content negotiation


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with their q-values, best first (ties keep header order)."""
    ranges: list[tuple[str, float, int]] = []
    for i, part in enumerate((header or "").split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        q = 1.0
        for param in pieces[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranges.append((media, q, i))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(m, q) for m, q, _ in ranges if q > 0]


def choose_type(accept: str | None, offered: tuple[str, ...]) -> str | None:
    """The first offered type the Accept header allows; offered[0] when no header; None if nothing fits."""
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    for media, _q in ranges:
        if media in ("*/*", "*"):
            return offered[0]
        if media.endswith("/*"):
            major = media[:-1]
            for o in offered:
                if o.startswith(major):
                    return o
            continue
        if media == "application/json" and SPARQL_JSON in offered:
            return SPARQL_JSON
        if media in ("application/xml", "text/xml") and SPARQL_XML in offered:
            return SPARQL_XML
        if media in offered:
            return media
    return None

"""A deterministic Turtle writer: prefixes, subjects sorted, predicates sorted, objects sorted.

Serialisers of both rdflib and oxigraph are free to order triples as their indexes do; users
diff graph.ttl between builds and check it into git, so we write it ourselves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from kg.rdf.iris import PREFIXES

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LOCAL_OK = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


def _curie(value: str, prefixes: list[tuple[str, str]]) -> str | None:
    for prefix, ns in prefixes:
        if value.startswith(ns):
            local = value[len(ns) :]
            if local and all(c in _LOCAL_OK for c in local) and local[0] not in "-":
                return f"{prefix}:{local}"
    return None


def _term(term: ox.NamedNode | ox.Literal | ox.BlankNode, prefixes: list[tuple[str, str]]) -> str:
    if isinstance(term, ox.NamedNode):
        return _curie(term.value, prefixes) or str(term)
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#integer" and term.value.lstrip("-").isdigit():
            return term.value
        if dt == "http://www.w3.org/2001/XMLSchema#boolean" and term.value in ("true", "false"):
            return term.value
        return str(ox.Literal(term.value, language=term.language)) if term.language else (
            str(ox.Literal(term.value)) if dt == "http://www.w3.org/2001/XMLSchema#string" else
            str(ox.Literal(term.value)) + "^^" + (_curie(dt, prefixes) or f"<{dt}>")
        )
    return str(term)


def to_turtle(triples: Iterable[ox.Triple], prefixes: dict[str, str] | None = None) -> str:
    """Serialise triples to Turtle, identical bytes for identical triple sets."""
    pmap = sorted((prefixes or PREFIXES).items(), key=lambda kv: -len(kv[1]))
    by_subject: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    subject_key: dict[str, str] = {}
    cache: dict[object, str] = {}

    def term(t: ox.NamedNode | ox.Literal | ox.BlankNode) -> str:
        out = cache.get(t)
        if out is None:
            out = cache[t] = _term(t, pmap)
        return out

    for t in triples:
        s = term(t.subject)
        subject_key[s] = t.subject.value if isinstance(t.subject, ox.NamedNode) else str(t.subject)
        p = "a" if t.predicate.value == _RDF_TYPE else term(t.predicate)
        by_subject[s][p].add(term(t.object))
    out = [f"@prefix {p}: <{ns}> ." for p, ns in sorted((prefixes or PREFIXES).items())]
    out.append("")
    for s in sorted(by_subject, key=lambda k: subject_key[k]):
        preds = by_subject[s]
        keys = sorted(preds, key=lambda k: (k != "a", k))
        lines = []
        for p in keys:
            objs = sorted(preds[p])
            lines.append(f"    {p} " + " ,\n        ".join(objs))
        out.append(s + "\n" + " ;\n".join(lines) + " .\n")
    return "\n".join(out)

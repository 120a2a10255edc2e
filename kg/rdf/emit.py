"""Collect triples and write them deterministically.

Stages add triples with ``TripleSink.add``; the build then loads them into the store and writes
Turtle with subjects, predicates and objects sorted, so the same input gives byte-identical
files whatever order the extractors ran in.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.rdf.iris import PREFIXES

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

Term = ox.NamedNode | ox.Literal | ox.BlankNode


def iri(value: str) -> ox.NamedNode:
    """A NamedNode from a full IRI or a known CURIE (``pkg:Task``, ``dcterms:title``)."""
    if ":" in value and not value.startswith(("http://", "https://", "urn:")):
        prefix, local = value.split(":", 1)
        if prefix in PREFIXES:
            return ox.NamedNode(PREFIXES[prefix] + local)
    return ox.NamedNode(value)


def lit(value: object, lang: str | None = None) -> ox.Literal:
    """A literal with the XSD datatype that matches the Python value."""
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if lang:
        return ox.Literal(str(value), language=lang)
    return ox.Literal(str(value))


def typed(value: str, xsd_type: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + xsd_type))


class TripleSink:
    """An append-only set of triples (duplicates collapse)."""

    def __init__(self) -> None:
        self._triples: set[ox.Triple] = set()

    def add(self, s: str | ox.NamedNode, p: str | ox.NamedNode, o: Term | str | int | bool | None) -> None:
        """Add one triple; ``None`` objects are skipped so optional fields need no ``if``."""
        if o is None or o == "":
            return
        subj = s if isinstance(s, ox.NamedNode) else iri(s)
        pred = p if isinstance(p, ox.NamedNode) else iri(p)
        if isinstance(o, str):
            obj: Term = lit(o)
        elif isinstance(o, bool | int):
            obj = lit(o)
        else:
            obj = o
        self._triples.add(ox.Triple(subj, pred, obj))

    def add_type(self, s: str | ox.NamedNode, cls: str) -> None:
        self.add(s, RDF_TYPE, iri(cls))

    def __len__(self) -> int:
        return len(self._triples)

    def __iter__(self):
        return iter(self._triples)

    def update(self, triples: Iterable[ox.Triple]) -> None:
        self._triples.update(triples)

"""Locate and load the project's RDF files in ontology/ (our terms, the agency register, shapes)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "policy-kg.ttl"


def ontology_triples(path: Path = ONTOLOGY_FILE) -> list[ox.Triple]:
    """Our ontology's triples, added to every graph so it is self-describing (labels, roles)."""
    return [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]

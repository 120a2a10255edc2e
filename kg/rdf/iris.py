"""Deterministic instance IRIs: the same input always mints the same IRI.

IRIs are built from content keys (文号 or title, file name, printed labels), hashed to short
ASCII ids so that every tool (Neo4j n10s, Protégé, Gephi) accepts them.
"""

from __future__ import annotations

import hashlib

ONTOLOGY = "https://w3id.org/policy-kg/ontology#"
BASE = "https://w3id.org/policy-kg/id/"

PREFIXES: dict[str, str] = {
    "pkg": ONTOLOGY,
    "id": BASE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "qb": "http://purl.org/linked-data/cube#",
    "oa": "http://www.w3.org/ns/oa#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


def short_hash(key: str, n: int = 12) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:n]


def document(key: str) -> str:
    """A corpus document, keyed by its 文号 (or title when none is printed)."""
    return f"{BASE}doc/{short_hash(key)}"


def external_document(key: str) -> str:
    """A placeholder for a cited document that is not in the corpus."""
    return f"{BASE}doc/ext-{short_hash(key)}"


def source_file(name: str) -> str:
    return f"{BASE}file/{short_hash(name)}"


def occurrence(doc_iri: str, file_name: str, start_line: int) -> str:
    return f"{doc_iri}/occ/{short_hash(file_name, 8)}-{start_line}"


def compilation(name: str) -> str:
    return f"{BASE}compilation/{short_hash(name)}"


def section(doc_iri: str, section_id: str) -> str:
    return f"{doc_iri}/section/{section_id}"


def task(doc_iri: str, task_id: str) -> str:
    return f"{doc_iri}/task/{task_id}"


def responsibility(task_iri: str, role: str, agency_id: str) -> str:
    return f"{task_iri}/resp/{role}-{agency_id}"


def agency(agency_id: str) -> str:
    """Register agencies use their register id; unknown ones an id minted by ``unknown_agency_id``."""
    return f"{BASE}agency/{agency_id}"


def unknown_agency_id(surface: str, jurisdiction: str | None) -> str:
    return "u-" + short_hash(f"{jurisdiction or ''}|{surface}", 10)


def jurisdiction(code: str) -> str:
    return f"{BASE}jurisdiction/{code}"


def genre(name: str) -> str:
    return f"{BASE}genre/{short_hash(name, 8)}"


def citation(doc_iri: str, n: int) -> str:
    return f"{doc_iri}/cite/{n}"


def indicator_table(doc_iri: str, n: int) -> str:
    return f"{doc_iri}/table/{n}"


def indicator(table_iri: str, n: int) -> str:
    return f"{table_iri}/ind/{n}"


def observation(indicator_iri: str, kind: str) -> str:
    return f"{indicator_iri}/{kind}"


def target(doc_iri: str, n: int) -> str:
    return f"{doc_iri}/target/{n}"

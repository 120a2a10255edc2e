"""Write the agency register and the agencies that clauses name into the graph.

Register bodies use ORG (org:Organization, org:subOrganizationOf) and SKOS labels; the terms
pkg:Agency, pkg:jurisdiction, pkg:agencyKind and pkg:agencyLevel come from ontology/policy-kg.ttl.
Agencies outside the register keep their printed name: pkg:UnregisteredAgency for one unknown
body, pkg:CollectiveAgent for a group (各区县政府), and a pkg:Agency under its parent for an
internal unit of a registered body (市经济信息委经济运行局).
"""

from __future__ import annotations

from kg.agencies.register import NATIONAL, Register, unit_parent
from kg.model import AgencyRef
from kg.rdf import iris
from kg.rdf.emit import TripleSink, iri, lit

PREF = "skos:prefLabel"
ALT = "skos:altLabel"


def _closure(register: Register, used_ids: set[str]) -> set[str]:
    """The used register ids plus every ancestor (units count as their parent)."""
    out: set[str] = set()
    for aid in used_ids:
        cur: str | None = unit_parent(aid) or aid
        while cur and cur not in out:
            entry = register.entry(cur)
            if entry is None:
                break
            out.add(cur)
            cur = entry.parent_id
    return out


def register_to_rdf(register: Register, sink: TripleSink, used_ids: set[str] | None = None) -> None:
    """Register entries (all, or only ``used_ids`` with their parents) and their jurisdictions."""
    wanted = {e.id for e in register.entries()} if used_ids is None else _closure(register, used_ids)
    codes: set[str] = set()
    for aid in sorted(wanted):
        e = register.entry(aid)
        if e is None:
            continue
        node = iris.agency(e.id)
        sink.add_type(node, "pkg:Agency")
        sink.add_type(node, "org:Organization")
        sink.add(node, PREF, lit(e.pref_label, "zh"))
        for alt in e.alt_labels:
            sink.add(node, ALT, lit(alt, "zh"))
        sink.add(node, "pkg:jurisdiction", iri(iris.jurisdiction(e.jurisdiction_code)))
        sink.add(node, "pkg:agencyKind", e.kind)
        sink.add(node, "pkg:agencyLevel", e.level)
        if e.parent_id:
            sink.add(node, "org:subOrganizationOf", iri(iris.agency(e.parent_id)))
        codes.add(e.jurisdiction_code)
    for code in sorted(codes):
        _write_jurisdiction_chain(register, sink, code)


def _write_jurisdiction_chain(register: Register, sink: TripleSink, code: str) -> None:
    cur = register.jurisdiction(code)
    while cur is not None:
        node = iris.jurisdiction(cur.code)
        sink.add_type(node, "pkg:Jurisdiction")
        sink.add(node, PREF, lit(cur.label, "zh"))
        for alt in cur.alt_labels:
            sink.add(node, ALT, lit(alt, "zh"))
        sink.add(node, "skos:notation", cur.code)
        if cur.parent:
            sink.add(node, "skos:broader", iri(iris.jurisdiction(cur.parent)))
        cur = register.jurisdiction(cur.parent) if cur.parent else None


def agency_ref_to_rdf(ref: AgencyRef, sink: TripleSink, register: Register | None = None) -> None:
    """Nodes for agencies outside the register; register agencies need nothing here.

    With ``register`` the node also gets its pkg:jurisdiction (and a unit its parent's chain).
    """
    parent = unit_parent(ref.agency_id)
    if ref.canonical is not None and parent is None and not ref.collective:
        return
    node = iris.agency(ref.agency_id)
    if ref.collective:
        sink.add_type(node, "pkg:CollectiveAgent")
        sink.add(node, PREF, lit(ref.surface, "zh"))
    elif parent is not None and ref.canonical is not None:
        sink.add_type(node, "pkg:Agency")
        sink.add_type(node, "org:Organization")
        sink.add(node, PREF, lit(ref.canonical, "zh"))
        if ref.surface != ref.canonical:
            sink.add(node, ALT, lit(ref.surface, "zh"))
        sink.add(node, "org:subOrganizationOf", iri(iris.agency(parent)))
        sink.add(node, "pkg:agencyKind", "department")
    else:
        sink.add_type(node, "pkg:UnregisteredAgency")
        sink.add(node, PREF, lit(ref.surface, "zh"))
    if register is not None:
        code = register.jurisdiction_code(ref.jurisdiction)
        sink.add(node, "pkg:jurisdiction", iri(iris.jurisdiction(code)))
        if code != NATIONAL:
            _write_jurisdiction_chain(register, sink, code)

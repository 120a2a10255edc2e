"""The agency register: official names, short names and the rules that read them in context.

Policy texts name agencies by short forms whose meaning depends on who wrote the text: 市财政局
in a 重庆 document is 重庆市财政局, 省财政厅 in a 四川 clause is 四川省财政厅, 发展改革委 in a State
Council document is the NDRC.  The register (ontology/agencies.ttl, generated from
ontology/register_src/) holds every body with its official name and the short names printed for
it; ``Register.resolve`` applies the reading rules:

1. a name that carries a place name (重庆市财政局, 成都海关) is looked up as it is;
2. a short name without one (市财政局, 省财政厅, 区政府) is read in the context jurisdiction and,
   failing that, in each enclosing jurisdiction up to the national level;
3. national short names (财政部, 发展改革委) are read as the national body, except names a local
   body could also bear (发展改革委, 医保局), which need a national context;
4. collective agents (各区县政府, 有关部门 …) become collective references;
5. an internal unit of a known body (市经济信息委经济运行局) becomes a unit of that body;
6. anything else stays unknown.  A wrong register entry is worse than an unknown one, so there is
   no fuzzy matching beyond the loose key of :func:`kg.agencies.normalize.loose_key`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

import kg
from kg.agencies.collective import collective_key, is_collective
from kg.agencies.normalize import loose_key, normalise_surface, strip_debris
from kg.model import AgencyRef
from kg.rdf.iris import BASE, short_hash, unknown_agency_id

SKOS = "http://www.w3.org/2004/02/skos/core#"
PKG = "https://w3id.org/policy-kg/ontology#"
ORG = "http://www.w3.org/ns/org#"
AGENCY_NS = BASE + "agency/"
JURISDICTION_NS = BASE + "jurisdiction/"
NATIONAL = "cn"

# Relative prefixes: a label starting with one of these is read in a context, never globally.
_RELATIVE_START = ("市", "省", "区", "县", "州", "自治区", "团市委", "团省委")
# Unit names that may follow a known body: 市经济信息委 + 经济运行局 / 办公室 / 科技处.
# A role note printed after a name: 市发展改革委（牵头）.
_TRAILING_ROLE_RE = re.compile(
    r"（[^（）]*(?:牵头|配合|负责|参与|按职责|排名|列第|为首|主办|协办)[^（）]*）$"
)
_UNIT_RE = re.compile(r"^(?:[\u4e00-\u9fff]{1,12}(?:处|科|室|司|局|中心|办公厅|办公室|办|站|所|队|部)|办公厅|办公室)$")


# What a division name never holds: a government, a central organ, or a second office suffix.
_NOT_A_UNIT_RE = re.compile(r"国务院|中央|中共|政府|(?:办公厅|办公室).")


def default_path() -> Path:
    return Path(kg.__file__).resolve().parent.parent / "ontology" / "agencies.ttl"


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    code: str
    label: str
    alt_labels: tuple[str, ...]
    parent: str | None


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """One body of the register, as written into the graph."""

    id: str
    pref_label: str
    alt_labels: tuple[str, ...]
    jurisdiction_code: str
    jurisdiction_label: str
    parent_id: str | None
    kind: str
    level: str


@dataclass(slots=True)
class _Index:
    """Label → entry ids, split by how a label may be read."""

    anchored: dict[str, set[str]]  # carries a place name: read anywhere
    contextual: dict[tuple[str, str], set[str]]  # (jurisdiction code, label): read in that context
    contextual_any: dict[str, set[str]]  # label → ids over all jurisdictions (for unique names)
    national: dict[str, set[str]]  # national bodies' labels
    national_only_in_context: set[str]  # national labels a local body could bear too


class Register:
    """Loaded register with its label indexes; build once and keep the object."""

    def __init__(self, entries: dict[str, RegisterEntry], jurisdictions: dict[str, Jurisdiction]) -> None:
        self._entries = entries
        self._jurisdictions = jurisdictions
        self._juris_by_label: dict[str, str] = {}
        for j in sorted(jurisdictions.values(), key=lambda j: j.code, reverse=True):
            for label in (j.label, *j.alt_labels):
                if len(label) >= 2:
                    self._juris_by_label[normalise_surface(label)] = j.code
        # place names (2+ characters) that anchor a label: every jurisdiction but the country
        places = {
            n
            for j in jurisdictions.values()
            if j.code != NATIONAL
            for n in (j.label, *j.alt_labels)
            if len(n) >= 2
        }
        self._place_re = re.compile("|".join(re.escape(p) for p in sorted(places, key=len, reverse=True)))
        labels = sorted(self._juris_by_label, key=len, reverse=True)
        self._leading_re = re.compile("|".join(re.escape(p) for p in labels))
        # register labels are written simplified and full-width, so they are their own exact key
        self._exact = self._build_index(lambda s: s)
        self._loose = self._build_index(loose_key)

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, path: Path | None = None) -> Register:
        """Read the register Turtle (default ontology/agencies.ttl)."""
        path = path or default_path()
        subjects: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            s = t.subject.value if isinstance(t.subject, ox.NamedNode) else None
            if s is None:
                continue
            subjects[s][t.predicate.value].append(t.object.value)
        jurisdictions: dict[str, Jurisdiction] = {}
        for iri, props in subjects.items():
            if iri.startswith(JURISDICTION_NS):
                code = iri[len(JURISDICTION_NS) :]
                broader = props.get(SKOS + "broader", [])
                jurisdictions[code] = Jurisdiction(
                    code,
                    props[SKOS + "prefLabel"][0],
                    tuple(sorted(props.get(SKOS + "altLabel", []))),
                    broader[0][len(JURISDICTION_NS) :] if broader else None,
                )
        entries: dict[str, RegisterEntry] = {}
        for iri, props in subjects.items():
            if not iri.startswith(AGENCY_NS) or SKOS + "prefLabel" not in props:
                continue
            aid = iri[len(AGENCY_NS) :]
            jcode = props[PKG + "jurisdiction"][0][len(JURISDICTION_NS) :]
            parent = props.get(ORG + "subOrganizationOf", [])
            entries[aid] = RegisterEntry(
                aid,
                props[SKOS + "prefLabel"][0],
                tuple(sorted(props.get(SKOS + "altLabel", []))),
                jcode,
                jurisdictions[jcode].label,
                parent[0][len(AGENCY_NS) :] if parent else None,
                props.get(PKG + "agencyKind", ["other"])[0],
                props.get(PKG + "agencyLevel", ["national"])[0],
            )
        return cls(entries, jurisdictions)

    def _is_anchored(self, label: str) -> bool:
        return self._place_re.search(label) is not None

    def _build_index(self, key) -> _Index:
        idx = _Index(defaultdict(set), defaultdict(set), defaultdict(set), defaultdict(set), set())
        local_bodies: set[str] = set()
        for e in self._entries.values():
            j = self._jurisdictions[e.jurisdiction_code]
            for label in (e.pref_label, *e.alt_labels):
                k = key(label)
                if e.jurisdiction_code == NATIONAL:
                    idx.national[k].add(e.id)
                    continue
                if self._is_anchored(label):
                    idx.anchored[k].add(e.id)
                    if k.startswith(key(j.label)):
                        local_bodies.add(k[len(key(j.label)) :])
                else:
                    idx.contextual[(e.jurisdiction_code, k)].add(e.id)
                    idx.contextual_any[k].add(e.id)
                    for rel in _RELATIVE_START:
                        if k.startswith(rel):
                            local_bodies.add(k[len(rel) :])
        idx.national_only_in_context = {k for k in idx.national if k in local_bodies}
        return idx

    # ------------------------------------------------------------------ queries

    def entries(self) -> list[RegisterEntry]:
        """All register entries, sorted by id (for writing the register into the graph)."""
        return [self._entries[k] for k in sorted(self._entries)]

    def entry(self, agency_id: str) -> RegisterEntry | None:
        return self._entries.get(agency_id)

    def jurisdictions(self) -> list[Jurisdiction]:
        return [self._jurisdictions[k] for k in sorted(self._jurisdictions)]

    def jurisdiction(self, code: str) -> Jurisdiction | None:
        return self._jurisdictions.get(code)

    def all_surfaces(self) -> list[str]:
        """Every label of every entry, sorted (for segmenter dictionaries and entity rulers)."""
        out = {label for e in self._entries.values() for label in (e.pref_label, *e.alt_labels)}
        return sorted(out)

    def __len__(self) -> int:
        return len(self._entries)

    def jurisdiction_code(self, label: str | None) -> str:
        """Code of a context jurisdiction given by label ("重庆市", "四川省成都市"); cn for None."""
        if not label:
            return NATIONAL
        s = normalise_surface(label)
        if s in self._juris_by_label:
            return self._juris_by_label[s]
        found = self._leading_place(s)
        return found[0] if found else NATIONAL

    def _leading_place(self, s: str) -> tuple[str, str] | None:
        """(code, matched text) of the longest jurisdiction name that ``s`` starts with."""
        m = self._leading_re.match(s)
        return (self._juris_by_label[m.group(0)], m.group(0)) if m else None

    def _chain(self, code: str) -> list[str]:
        chain: list[str] = []
        cur: str | None = code
        while cur and cur not in chain:
            chain.append(cur)
            cur = self._jurisdictions[cur].parent if cur in self._jurisdictions else None
        if NATIONAL not in chain:
            chain.append(NATIONAL)
        return chain

    def _label_of(self, code: str) -> str | None:
        return None if code == NATIONAL else self._jurisdictions[code].label

    def jurisdiction_of(self, name: str) -> str | None:
        """Jurisdiction label of a named body ("重庆市人民政府办公厅" → "重庆市"); None if national."""
        ref = self.resolve(name)
        if ref.canonical is not None or ref.collective:
            return ref.jurisdiction
        found = self._leading_place(normalise_surface(name))
        return self._label_of(found[0]) if found else None

    # ------------------------------------------------------------------ resolving

    def _lookup(self, idx: _Index, k: str, chain: list[str]) -> str | None:
        ids = idx.anchored.get(k)
        if ids:
            return self._pick(ids, chain)
        for code in chain[:-1]:
            ids = idx.contextual.get((code, k))
            if ids:
                return self._pick(ids, chain)
        ids = idx.national.get(k)
        if ids and (k not in idx.national_only_in_context or chain == [NATIONAL]):
            return self._pick(ids, chain)
        ids = idx.contextual_any.get(k)
        if ids and len(ids) == 1 and not k.startswith(_RELATIVE_START) and "市" not in k and "省" not in k:
            return next(iter(ids))
        return None

    def _pick(self, ids: set[str], chain: list[str]) -> str | None:
        """One id: the only one, or the only one inside the context chain; else none."""
        if len(ids) == 1:
            return next(iter(ids))
        inside = sorted(i for i in ids if self._entries[i].jurisdiction_code in chain)
        return inside[0] if len(inside) == 1 else None

    def _find(self, name: str, chain: list[str]) -> str | None:
        return self._lookup(self._exact, name, chain) or self._lookup(self._loose, loose_key(name), chain)

    def _ref(self, surface: str, aid: str) -> AgencyRef:
        e = self._entries[aid]
        return AgencyRef(surface, aid, e.pref_label, self._label_of(e.jurisdiction_code))

    def resolve(self, surface: str, jurisdiction: str | None = None) -> AgencyRef:
        """The register entry a printed agency name denotes in the context ``jurisdiction``.

        ``jurisdiction`` is the context jurisdiction's label ("重庆市", "四川省", None for a
        national text).  Returns a collective reference for groups of bodies and an unknown
        reference (canonical None) when no entry fits.
        """
        printed = strip_debris(surface)
        name = normalise_surface(surface)
        context = self.jurisdiction_code(jurisdiction)
        chain = self._chain(context)
        if not name:
            return AgencyRef(printed, unknown_agency_id(printed, jurisdiction), None, jurisdiction)
        aid = self._lookup(self._exact, name, chain)
        if aid:
            return self._ref(printed, aid)
        if is_collective(name):
            label = self._label_of(context)
            key = collective_key(name)
            return AgencyRef(
                printed, "c-" + short_hash(f"{label or ''}|{key}", 10), None, label, collective=True
            )
        aid = self._lookup(self._loose, loose_key(name), chain)
        if aid:
            return self._ref(printed, aid)
        unit = self._resolve_unit(printed, name, chain)
        if unit:
            return unit
        bare = _TRAILING_ROLE_RE.sub("", name)
        if bare != name and bare:
            ref = self.resolve(bare, jurisdiction)
            if ref.canonical is not None:
                return AgencyRef(printed, ref.agency_id, ref.canonical, ref.jurisdiction, ref.collective)
        found = self._leading_place(name)
        label = self._label_of(found[0]) if found else jurisdiction
        return AgencyRef(printed, unknown_agency_id(name, label), None, label)

    def _resolve_unit(self, printed: str, name: str, chain: list[str]) -> AgencyRef | None:
        """市经济信息委经济运行局 → unit 经济运行局 of 重庆市经济和信息化委员会."""
        for cut in range(len(name) - 2, 1, -1):
            head, unit = name[:cut], name[cut:]
            if not _UNIT_RE.match(unit):
                continue
            if self._place_re.search(unit) or _NOT_A_UNIT_RE.search(unit) or self._find(unit, chain):
                continue  # a body of its own printed after another, not an internal unit
            aid = self._find(head, chain)
            if aid:
                e = self._entries[aid]
                return AgencyRef(
                    printed,
                    f"{aid}-unit-{short_hash(unit, 8)}",
                    e.pref_label + unit,
                    self._label_of(e.jurisdiction_code),
                )
        return None


def unit_parent(agency_id: str) -> str | None:
    """The register id a unit id was minted from (``cn-50-gx-unit-…`` → ``cn-50-gx``)."""
    head, sep, _ = agency_id.rpartition("-unit-")
    return head if sep else None

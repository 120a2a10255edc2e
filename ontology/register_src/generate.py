"""Write ontology/agencies.ttl from the compact tables beside this script.

The register is data, not code: jurisdictions.tsv lists the jurisdictions (prefectures.tsv and
districts.tsv the cities and districts in a compact one-line-per-parent form), template.tsv the
department types every province (or city, or district) has, overrides.tsv the per-jurisdiction
exceptions, national.tsv the central bodies, local.tsv and customs.tsv the one-off bodies,
zones.tsv the development zones' management committees.
Adding a province or a department is one row.  Output is sorted so the same tables always give
a byte-identical file.

Run: ``.venv/bin/python ontology/register_src/generate.py`` (``--check`` exits 1 when the
committed agencies.ttl is stale).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "agencies.ttl"
BASE = "https://w3id.org/policy-kg/id/"

LEVEL_OF_KIND = {
    "country": "national",
    "province": "provincial",
    "autonomous-region": "provincial",
    "municipality": "municipal",
    "prefecture": "municipal",
    "autonomous-prefecture": "municipal",
    "district": "district",
    "county": "district",
    "county-city": "district",
    "sar": "provincial",
}
SCOPE_KINDS = {
    "pl": {"province", "autonomous-region", "municipality"},
    "prov": {"province", "autonomous-region"},
    "muni": {"municipality"},
    "pref": {"prefecture", "autonomous-prefecture"},
    "dist": {"district", "county", "county-city"},
}
RELATIVE_PREFIX = {
    "province": "省",
    "autonomous-region": "自治区",
    "municipality": "市",
    "prefecture": "市",
    "autonomous-prefecture": "州",
    "district": "区",
    "county": "县",
    "county-city": "市",
}


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    code: str
    label: str
    short: str
    kind: str
    parent: str | None
    extra: tuple[str, ...]
    area: bool = False  # listed in districts.tsv: only template rows whose scope names "area"

    def placeholders(self) -> dict[str, str]:
        """Values for the {P} {S} {R} {W} {WF} {RW} placeholders of template patterns."""
        rel = RELATIVE_PREFIX.get(self.kind, "")
        if self.kind == "autonomous-region":
            w, wf, rw = self.label + "党委", self.label + "委员会", "自治区党委"
        elif self.kind == "autonomous-prefecture":
            w, wf, rw = self.short + "委", self.label + "委员会", "州委"
        else:
            w, wf, rw = self.label + "委", self.label + "委", rel + "委"
        return {"P": self.label, "S": self.short, "R": rel, "W": w, "WF": wf, "RW": rw}


@dataclass(slots=True)
class Entry:
    id: str
    pref: str
    alts: set[str] = field(default_factory=set)
    kind: str = "department"
    level: str = "national"
    jurisdiction: str = "cn"
    parent: str | None = None


def rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a table, comments and blank lines skipped, short rows padded."""
    out: list[list[str]] = []
    for raw in (HERE / name).read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        out.append([c.strip() for c in raw.split("\t")])
    return out


def cell(row: list[str], i: int) -> str:
    return row[i] if i < len(row) else ""


def split(value: str) -> list[str]:
    return [x for x in value.split("|") if x]


def compact_jurisdictions(name: str, by_code: dict[str, Jurisdiction]) -> list[Jurisdiction]:
    """prefectures.tsv / districts.tsv: ``parent<TAB>pinyin:label[:short] …`` rows.

    A city is labelled by its own name and also printed after its province (湖南省株洲市).  A 区
    or 县 carries its city in its label (北京市朝阳区, as in its government's official name) and
    its bare name as the short form; a county-level 市 is labelled by its own name.
    """
    out: list[Jurisdiction] = []
    for r in rows(name):
        parent = by_code[r[0]]
        for item in r[1].split():
            pinyin, label, *rest = item.split(":")
            code = f"{parent.code}-{pinyin}"
            if label.endswith("自治州"):
                kind, short = "autonomous-prefecture", rest[0] if rest else label
            elif name.startswith("prefecture"):
                kind, short = "prefecture", rest[0] if rest else label.removesuffix("市")
            elif label.endswith("市"):
                kind, short = "county-city", rest[0] if rest else label
            else:
                kind, short = ("district" if label.endswith("区") else "county"), rest[0] if rest else label
            if kind in ("prefecture", "autonomous-prefecture", "county-city"):
                extra = (parent.label + label,)
                out.append(Jurisdiction(code, label, short, kind, parent.code, extra))
            else:
                extra = tuple(dict.fromkeys((label, short)))
                out.append(Jurisdiction(code, parent.label + label, short, kind, parent.code, extra, True))
    return out


def load_jurisdictions() -> dict[str, Jurisdiction]:
    out: dict[str, Jurisdiction] = {}
    listed = [
        Jurisdiction(r[0], r[1], r[2], r[3], cell(r, 4) or None, tuple(split(cell(r, 5))))
        for r in rows("jurisdictions.tsv")
    ]
    by_code = {j.code: j for j in listed}
    listed += compact_jurisdictions("prefectures.tsv", by_code)
    by_code.update({j.code: j for j in listed})
    listed += compact_jurisdictions("districts.tsv", by_code)
    for j in listed:
        if j.code in out:
            raise SystemExit(f"duplicate jurisdiction {j.code}")
        if j.kind not in LEVEL_OF_KIND:
            raise SystemExit(f"unknown jurisdiction kind {j.kind} for {j.code}")
        out[j.code] = j
    return out


def expand(pattern: str, j: Jurisdiction) -> list[str]:
    """A body (no '{') becomes {P}body and {R}body; a pattern with '{' is filled in as written.

    A pattern starting with '=' is a complete name, taken as it is.
    """
    if pattern.startswith("="):
        return [pattern[1:]]
    values = j.placeholders()
    if "{" not in pattern:
        forms = [values["P"] + pattern]
        if values["R"]:
            forms.append(values["R"] + pattern)
        return forms
    text = pattern
    for key in sorted(values, key=len, reverse=True):
        text = text.replace("{" + key + "}", values[key])
    return [text]


def parent_id(spec: str, j: Jurisdiction) -> str:
    """A template parent spec: ^key (parent jurisdiction's body), a national id, or a local key."""
    if spec.startswith("^"):
        return f"{j.parent}-{spec[1:]}" if j.parent else ""
    if spec.startswith("cn-") or spec == "cn":
        return spec
    return f"{j.code}-{spec}"


ZONE_PATTERNS = {
    "gxq": (
        "{S}高新技术产业开发区管理委员会",
        "{S}高新区管委会|{S}高新区|{S}高新技术产业开发区|{S}高新区管理委员会",
    ),
    "jkq": ("{S}经济技术开发区管理委员会", "{S}经开区管委会|{S}经开区|{S}经济技术开发区|{S}经开区管理委员会"),
}


def zone_entries(juris: dict[str, Jurisdiction]) -> list[Entry]:
    """zones.tsv: development zones' management committees, standard names from ZONE_PATTERNS."""
    out: list[Entry] = []
    for r in rows("zones.tsv"):
        code, zone, name, alts, kind, parent = (cell(r, i) for i in range(6))
        j = juris[code]
        if not name:
            name, alts = ZONE_PATTERNS[zone]
        entry = Entry(
            f"{code}-{zone}",
            expand(name if "{" in name else "=" + name, j)[0],
            kind=kind or "government",
            level=LEVEL_OF_KIND[j.kind],
            jurisdiction=code,
            parent=parent or f"{code}-gov",
        )
        for a in split(alts):
            entry.alts.update(expand("=" + a if "{" not in a else a, j))
        out.append(entry)
    return out


def template_entries(juris: dict[str, Jurisdiction]) -> list[Entry]:
    """Apply template.tsv (with overrides.tsv) to every sub-national jurisdiction."""
    template: list[list[str]] = rows("template.tsv")
    overrides: dict[tuple[str, str], list[str]] = {}
    for r in rows("overrides.tsv"):
        overrides[(r[0], r[1])] = r
    out: list[Entry] = []
    for j in juris.values():
        chosen: dict[str, tuple[str, list[str], str, str]] = {}
        for r in template:
            key, scope, name, alts, kind, parent = (cell(r, i) for i in range(6))
            scopes = scope.split("|")
            if j.area and "area" not in scopes:
                continue
            if not any(j.kind in SCOPE_KINDS[s] for s in scopes if s != "area"):
                continue
            if key in chosen:
                raise SystemExit(f"template key {key} matches {j.code} twice")
            chosen[key] = (name, split(alts), kind, parent)
        for (code, key), r in overrides.items():
            if code != j.code:
                continue
            name, alts, kind, parent = cell(r, 2), split(cell(r, 3)), cell(r, 4), cell(r, 5)
            # '-pattern' in alts drops a template alt the jurisdiction's body does not bear
            dropped = {a[1:] for a in alts if a.startswith("-")}
            alts = [a for a in alts if not a.startswith("-")]
            if key in chosen:
                old_name, old_alts, old_kind, old_parent = chosen[key]
                if name == "-":
                    del chosen[key]
                    continue
                extra = [old_name] if name and name != old_name else []
                chosen[key] = (
                    name or old_name,
                    [a for a in old_alts if a not in dropped] + alts + extra,
                    kind or old_kind,
                    parent or old_parent,
                )
            else:
                if not (name and kind):
                    raise SystemExit(f"override {code}/{key} adds a body but gives no name or kind")
                chosen[key] = (name, alts, kind, parent)
        for key, (name, alts, kind, parent) in chosen.items():
            forms = expand(name, j)
            entry = Entry(
                f"{j.code}-{key}", forms[0], kind=kind, level=LEVEL_OF_KIND[j.kind], jurisdiction=j.code
            )
            entry.alts.update(forms[1:])
            for a in alts:
                entry.alts.update(expand(a, j))
            # '^a/^b': the first of these that exists (resolved in build())
            entry.parent = "/".join(parent_id(p, j) for p in parent.split("/")) if parent else None
            out.append(entry)
    return out


def table_entries(juris: dict[str, Jurisdiction]) -> list[Entry]:
    """national.tsv, local.tsv and customs.tsv."""
    out: list[Entry] = []
    for r in rows("national.tsv"):
        e = Entry(r[0], r[1], set(split(cell(r, 2))), cell(r, 3), "national", "cn", cell(r, 4) or None)
        out.append(e)
    for r in rows("local.tsv"):
        code = r[4]
        level = cell(r, 6) or LEVEL_OF_KIND[juris[code].kind]
        out.append(Entry(r[0], r[1], set(split(r[2])), r[3], level, code, cell(r, 5) or None))
    for short, pinyin, code in rows("customs.tsv"):
        out.append(
            Entry(
                f"{code}-customs-{pinyin}",
                f"中华人民共和国{short}海关",
                {f"{short}海关"},
                "central-vertical",
                LEVEL_OF_KIND[juris[code].kind],
                code,
                "cn-gacc",
            )
        )
    return out


def build() -> tuple[dict[str, Jurisdiction], dict[str, Entry]]:
    juris = load_jurisdictions()
    entries: dict[str, Entry] = {}
    for e in table_entries(juris) + template_entries(juris) + zone_entries(juris):
        if e.id in entries:
            raise SystemExit(f"duplicate agency id {e.id}")
        if e.jurisdiction not in juris:
            raise SystemExit(f"{e.id}: unknown jurisdiction {e.jurisdiction}")
        e.alts.discard(e.pref)
        entries[e.id] = e
    for e in entries.values():
        if e.parent and "/" in e.parent:
            e.parent = next((p for p in e.parent.split("/") if p in entries), e.parent)
        if e.parent and e.parent not in entries:
            raise SystemExit(f"{e.id}: unknown parent {e.parent}")
    return juris, entries


def literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@zh'


def render(juris: dict[str, Jurisdiction], entries: dict[str, Entry]) -> str:
    lines = [
        "# Generated by ontology/register_src/generate.py from the tables beside it. Do not edit.",
        "@prefix pkg:  <https://w3id.org/policy-kg/ontology#> .",
        "@prefix org:  <http://www.w3.org/ns/org#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        f"@prefix ag:   <{BASE}agency/> .",
        f"@prefix ju:   <{BASE}jurisdiction/> .",
        "",
    ]
    for code in sorted(juris):
        j = juris[code]
        alts = sorted({j.short, *j.extra} - {j.label, ""})
        parts = [f"ju:{code} a pkg:Jurisdiction", f"skos:prefLabel {literal(j.label)}"]
        if alts:
            parts.append("skos:altLabel " + " , ".join(literal(a) for a in alts))
        parts.append(f'skos:notation "{code}"')
        if j.parent:
            parts.append(f"skos:broader ju:{j.parent}")
        lines.append(" ;\n    ".join(parts) + " .")
    lines.append("")
    for eid in sorted(entries):
        e = entries[eid]
        parts = [f"ag:{eid} a pkg:Agency , org:Organization", f"skos:prefLabel {literal(e.pref)}"]
        if e.alts:
            parts.append("skos:altLabel " + " , ".join(literal(a) for a in sorted(e.alts)))
        parts.append(f"pkg:jurisdiction ju:{e.jurisdiction}")
        parts.append(f'pkg:agencyKind "{e.kind}"')
        parts.append(f'pkg:agencyLevel "{e.level}"')
        if e.parent:
            parts.append(f"org:subOrganizationOf ag:{e.parent}")
        lines.append(" ;\n    ".join(parts) + " .")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if agencies.ttl is out of date")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    juris, entries = build()
    text = render(juris, entries)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is stale: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {len(juris)} jurisdictions, {len(entries)} agencies")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

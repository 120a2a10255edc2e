"""Write ontology/agencies.ttl from the compact tables beside this script.

The register is data, not code: jurisdictions.tsv lists the jurisdictions, template.tsv the
department types every province (or city, or district) has, overrides.tsv the per-jurisdiction
exceptions, national.tsv the central bodies, local.tsv and customs.tsv the one-off bodies.
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
    "sar": "provincial",
}
SCOPE_KINDS = {
    "pl": {"province", "autonomous-region", "municipality"},
    "prov": {"province", "autonomous-region"},
    "muni": {"municipality"},
    "pref": {"prefecture", "autonomous-prefecture"},
    "dist": {"district", "county"},
}
RELATIVE_PREFIX = {
    "province": "省",
    "autonomous-region": "自治区",
    "municipality": "市",
    "prefecture": "市",
    "autonomous-prefecture": "州",
    "district": "区",
    "county": "县",
}


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    code: str
    label: str
    short: str
    kind: str
    parent: str | None
    extra: tuple[str, ...]

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


def load_jurisdictions() -> dict[str, Jurisdiction]:
    out: dict[str, Jurisdiction] = {}
    for r in rows("jurisdictions.tsv"):
        j = Jurisdiction(r[0], r[1], r[2], r[3], cell(r, 4) or None, tuple(split(cell(r, 5))))
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
            if not any(j.kind in SCOPE_KINDS[s] for s in scope.split("|")):
                continue
            if key in chosen:
                raise SystemExit(f"template key {key} matches {j.code} twice")
            chosen[key] = (name, split(alts), kind, parent)
        for (code, key), r in overrides.items():
            if code != j.code:
                continue
            name, alts, kind, parent = cell(r, 2), split(cell(r, 3)), cell(r, 4), cell(r, 5)
            if key in chosen:
                old_name, old_alts, old_kind, old_parent = chosen[key]
                if name == "-":
                    del chosen[key]
                    continue
                extra = [old_name] if name and name != old_name else []
                chosen[key] = (
                    name or old_name,
                    old_alts + alts + extra,
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
            if parent.startswith("^"):
                entry.parent = f"{j.parent}-{parent[1:]}" if j.parent else None
            elif parent.startswith("cn-") or parent == "cn":
                entry.parent = parent
            elif parent:
                entry.parent = f"{j.code}-{parent}"
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
    for e in table_entries(juris) + template_entries(juris):
        if e.id in entries:
            raise SystemExit(f"duplicate agency id {e.id}")
        if e.jurisdiction not in juris:
            raise SystemExit(f"{e.id}: unknown jurisdiction {e.jurisdiction}")
        e.alts.discard(e.pref)
        entries[e.id] = e
    for e in entries.values():
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
        "@prefix id:   <https://w3id.org/policy-kg/id/> .",
        "",
    ]
    for code in sorted(juris):
        j = juris[code]
        alts = sorted({j.short, *j.extra} - {j.label, ""})
        parts = [f"<{BASE}jurisdiction/{code}> a pkg:Jurisdiction", f"skos:prefLabel {literal(j.label)}"]
        if alts:
            parts.append("skos:altLabel " + " , ".join(literal(a) for a in alts))
        parts.append(f'skos:notation "{code}"')
        if j.parent:
            parts.append(f"skos:broader <{BASE}jurisdiction/{j.parent}>")
        lines.append(" ;\n    ".join(parts) + " .")
    lines.append("")
    for eid in sorted(entries):
        e = entries[eid]
        parts = [f"<{BASE}agency/{eid}> a pkg:Agency , org:Organization", f"skos:prefLabel {literal(e.pref)}"]
        if e.alts:
            parts.append("skos:altLabel " + " , ".join(literal(a) for a in sorted(e.alts)))
        parts.append(f"pkg:jurisdiction <{BASE}jurisdiction/{e.jurisdiction}>")
        parts.append(f'pkg:agencyKind "{e.kind}"')
        parts.append(f'pkg:agencyLevel "{e.level}"')
        if e.parent:
            parts.append(f"org:subOrganizationOf <{BASE}agency/{e.parent}>")
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

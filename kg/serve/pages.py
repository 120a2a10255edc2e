"""HTML pages of `kg serve`: a query page, one page per agency and one per document.

Pages are self-contained (inline CSS and JS, no network) and every value from the graph goes
through :func:`html.escape`; the query page's script only ever writes results with
``textContent``.  Each page function takes the rows it shows, so it can be tested without a server.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

import pyoxigraph as ox

from kg.rdf.iris import BASE, PREFIXES

AGENCY_BASE = BASE + "agency/"
DOC_BASE = BASE + "doc/"
ROLES = ("lead", "support", "responsible")
ROLE_NAMES = {"lead": "牵头 lead", "support": "配合 support", "responsible": "负责 responsible"}
RELATION_NAMES = {
    "issues": "印发 issues",
    "basis": "依据 basis",
    "implements": "贯彻落实 implements",
    "repeals": "废止 repeals",
    "mentions": "提及 mentions",
}
_PREFIX_DECL = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))

Select = Callable[[str], list[dict[str, str]]]


def h(value: object) -> str:
    return html.escape(str(value), quote=True)


def agency_path(iri: str) -> str | None:
    """The local page of an agency IRI (``/agency/<id>``), None for other IRIs."""
    if iri.startswith(AGENCY_BASE) and "/" not in iri[len(AGENCY_BASE) :]:
        return "/agency/" + quote(iri[len(AGENCY_BASE) :], safe="")
    return None


def doc_path(iri: str) -> str | None:
    """The local page of a document IRI (``/doc/<id>``), None for other IRIs."""
    if iri.startswith(DOC_BASE) and iri[len(DOC_BASE) :] and "/" not in iri[len(DOC_BASE) :]:
        return "/doc/" + quote(iri[len(DOC_BASE) :], safe="")
    return None


def link(iri: str, text: str) -> str:
    path = agency_path(iri) or doc_path(iri)
    return f'<a href="{h(path)}">{h(text)}</a>' if path else h(text)


def select_rows(store: ox.Store, query: str) -> list[dict[str, str]]:
    """Run a SELECT over all graphs and return rows as {var: lexical value} (unbound vars omitted)."""
    result = store.query(_PREFIX_DECL + query, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    rows = []
    for sol in result:
        rows.append({n: sol[n].value for n in names if sol[n] is not None})
    return rows


# ------------------------------------------------------------------ layout

CSS = """
:root { --fg:#1d2733; --muted:#5b6b7c; --line:#d8dee6; --accent:#0b5cad; --bg:#f7f9fb; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",system-ui,sans-serif;
       color: var(--fg); background: var(--bg); margin: 0; line-height: 1.5; }
header { background: #12324f; color: #fff; padding: .6rem 1.2rem; }
header a { color: #fff; text-decoration: none; font-weight: 600; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
h1 { font-size: 1.4rem; margin: .6rem 0; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; }
textarea { width: 100%; min-height: 12rem; font-family: ui-monospace, monospace; font-size: .85rem; }
button, select { font-size: .95rem; padding: .3rem .8rem; }
.muted { color: var(--muted); } .error { color: #a40000; white-space: pre-wrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { color: var(--muted); }
.outline .section { font-weight: 600; margin-top: .6rem; }
.outline .task { margin: .3rem 0 .3rem 1rem; background: #fff; border: 1px solid var(--line); padding: .4rem .6rem; }
.role { font-size: .8rem; color: var(--muted); }
pre:empty, .error:empty { display: none; }
pre { background: #fff; border: 1px solid var(--line); padding: .6rem; overflow: auto; }
"""


def page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        f"<title>{h(title)} · policy-kg</title><style>{CSS}</style></head>"
        f'<body><header><a href="/">policy-kg</a> <span class="muted">SPARQL · agencies · documents</span>'
        f"</header><main>{body}</main></body></html>\n"
    )


def not_found(what: str) -> str:
    return page("not found", f"<h1>Not found</h1><p>{h(what)}</p>")


# ------------------------------------------------------------------ home / query page

QUERY_JS = """
const $ = (id) => document.getElementById(id);
const LOCAL = [["AGENCY_BASE", "/agency/"], ["DOC_BASE", "/doc/"]];
function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    for (const [base, path] of LOCAL) {
      const rest = term.value.startsWith(base) ? term.value.slice(base.length) : null;
      if (rest && !rest.includes("/")) {
        const a = document.createElement("a");
        a.href = path + encodeURIComponent(rest);
        a.textContent = term.value;
        td.appendChild(a);
        return td;
      }
    }
  }
  td.textContent = term.value;
  if (term["xml:lang"]) td.title = "@" + term["xml:lang"];
  else if (term.datatype) td.title = term.datatype;
  return td;
}
async function runQuery() {
  $("error").textContent = ""; $("status").textContent = "running…";
  $("results").replaceChildren(); $("graph").textContent = "";
  let resp;
  try {
    resp = await fetch("/sparql", {method: "POST",
      headers: {"Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
      body: $("query").value});
  } catch (e) { $("status").textContent = ""; $("error").textContent = String(e); return; }
  const text = await resp.text();
  if (!resp.ok) { $("status").textContent = "HTTP " + resp.status; $("error").textContent = text; return; }
  const truncated = resp.headers.get("X-Result-Truncated") === "true";
  const limit = resp.headers.get("X-Result-Limit");
  const note = truncated ? " (truncated at " + limit + " rows)" : "";
  if ((resp.headers.get("Content-Type") || "").startsWith("text/turtle")) {
    $("graph").textContent = text; $("status").textContent = "graph result" + note; return;
  }
  const data = JSON.parse(text);
  if ("boolean" in data) { $("status").textContent = "ASK → " + data.boolean; return; }
  const vars = data.head.vars, rows = data.results.bindings;
  const thead = document.createElement("thead"), tr = document.createElement("tr");
  for (const v of vars) { const th = document.createElement("th"); th.textContent = v; tr.appendChild(th); }
  thead.appendChild(tr);
  const tbody = document.createElement("tbody");
  for (const row of rows) {
    const r = document.createElement("tr");
    for (const v of vars) r.appendChild(cell(row[v]));
    tbody.appendChild(r);
  }
  $("results").replaceChildren(thead, tbody);
  $("status").textContent = rows.length + " row" + (rows.length === 1 ? "" : "s") + note;
}
$("run").addEventListener("click", runQuery);
$("examples").addEventListener("change", (e) => {
  const opt = e.target.selectedOptions[0];
  if (opt && opt.dataset.query) $("query").value = opt.dataset.query;
});
$("query").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) runQuery(); });
""".replace("AGENCY_BASE", AGENCY_BASE).replace("DOC_BASE", DOC_BASE)

DEFAULT_QUERY = """PREFIX pkg: <https://w3id.org/policy-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?doc ?number ?title WHERE {
  ?doc a pkg:PolicyDocument ; dcterms:title ?title .
  OPTIONAL { ?doc pkg:docNumber ?number }
  FILTER NOT EXISTS { ?doc a pkg:ExternalDocument }
}
ORDER BY ?number ?title
"""


def home_page(examples: Iterable[tuple[str, str]], documents: list[dict[str, str]], limit_note: str) -> str:
    """The query box, the named queries as examples, the result table and a list of documents."""
    options = "".join(
        f'<option value="{h(name)}" data-query="{h(text)}">{h(name)}</option>' for name, text in examples
    )
    docs = "".join(
        f"<li>{link(d['doc'], d.get('number') or d.get('title', d['doc']))}"
        f' <span class="muted">{h(d.get("title", "")) if d.get("number") else ""}</span></li>'
        for d in documents
    )
    body = f"""
<h1>SPARQL</h1>
<p class="muted">Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol, read-only). {h(limit_note)}</p>
<p><label for="examples">Named queries:</label>
<select id="examples"><option value="">— choose an example —</option>{options}</select></p>
<textarea id="query" spellcheck="false" aria-label="SPARQL query">{h(DEFAULT_QUERY)}</textarea>
<p><button id="run" type="button">Run query</button> <span id="status" class="muted"></span></p>
<div id="error" class="error"></div>
<table id="results"></table>
<pre id="graph"></pre>
<h2>Documents</h2>
<ul>{docs or '<li class="muted">no documents in the store</li>'}</ul>
<script>{QUERY_JS}</script>
"""
    return page("SPARQL", body)


# ------------------------------------------------------------------ agency page


@dataclass(slots=True)
class TaskRow:
    task: str
    label: str
    text: str
    line: str
    doc: str
    doc_name: str
    doc_title: str = ""
    roles: dict[str, list[str]] = field(default_factory=dict)  # role -> agency IRIs (doc page)


def agency_page(iri: str, select: Select) -> str | None:
    """Tasks the agency leads, supports or is responsible for, grouped by role, with their documents."""
    node = f"<{iri}>"
    facts = select(
        f"""SELECT ?cls ?pref ?alt ?jur ?kind ?level WHERE {{
          {{ {node} a ?cls }} UNION {{ {node} skos:prefLabel ?pref }} UNION {{ {node} skos:altLabel ?alt }}
          UNION {{ {node} pkg:jurisdiction/skos:prefLabel ?jur }} UNION {{ {node} pkg:agencyKind ?kind }}
          UNION {{ {node} pkg:agencyLevel ?level }} UNION {{ ?r pkg:agency {node} }} }}"""
    )
    if not facts:
        return None
    values: dict[str, list[str]] = defaultdict(list)
    for row in facts:
        for k, v in row.items():
            v = v.rsplit("#", 1)[-1] if k == "cls" else v
            if v not in values[k]:
                values[k].append(v)
    name = sorted(values.get("pref", []))[0] if values.get("pref") else iri.rsplit("/", 1)[-1]
    rows = select(
        f"""SELECT DISTINCT ?role ?task ?label ?text ?line ?doc ?title ?num WHERE {{
          {{ ?r pkg:agency {node} ; pkg:task ?task ; pkg:role ?roleIri .
             BIND(LCASE(STRAFTER(STR(?roleIri), "#")) AS ?role) }}
          UNION {{ ?task pkg:leadAgency {node} BIND("lead" AS ?role) }}
          UNION {{ ?task pkg:supportAgency {node} BIND("support" AS ?role) }}
          UNION {{ ?task pkg:responsibleAgency {node} BIND("responsible" AS ?role) }}
          OPTIONAL {{ ?task pkg:label ?label }} OPTIONAL {{ ?task pkg:text ?text }}
          OPTIONAL {{ ?task pkg:line ?line }}
          OPTIONAL {{ ?task pkg:document ?doc OPTIONAL {{ ?doc dcterms:title ?title }}
                      OPTIONAL {{ ?doc pkg:docNumber ?num }} }} }}"""
    )
    by_role: dict[str, dict[str, TaskRow]] = defaultdict(dict)
    for r in rows:
        by_role[r["role"]].setdefault(
            r["task"],
            TaskRow(
                task=r["task"],
                label=r.get("label", ""),
                text=r.get("text", ""),
                line=r.get("line", ""),
                doc=r.get("doc", ""),
                doc_name=r.get("num") or r.get("title", ""),
                doc_title=r.get("title", ""),
            ),
        )
    facts_html = "".join(
        f"<dt>{h(label)}</dt><dd>{h(' · '.join(sorted(values[key])))}</dd>"
        for key, label in (
            ("pref", "name"),
            ("alt", "also printed as"),
            ("jur", "jurisdiction"),
            ("kind", "kind"),
            ("level", "level"),
            ("cls", "class"),
        )
        if values.get(key)
    )
    sections = []
    for role in ROLES:
        tasks = sorted(
            by_role.get(role, {}).values(),
            key=lambda t: (t.doc_name, t.doc, int(t.line) if t.line.isdigit() else 0, t.task),
        )
        trs = "".join(
            f"<tr><td>{link(t.doc, t.doc_name or t.doc)}</td><td>{h(t.doc_title)}</td><td>{h(t.label)}</td>"
            f"<td>{h(t.text)}</td><td>{h(t.line)}</td></tr>"
            for t in tasks
        )
        table = (
            f'<table class="tasks" data-role="{role}"><thead><tr><th>document</th><th>title</th><th>no.</th><th>task</th>'
            f"<th>line</th></tr></thead><tbody>{trs}</tbody></table>"
            if tasks
            else '<p class="muted">none</p>'
        )
        sections.append(f"<h2>{h(ROLE_NAMES[role])} ({len(tasks)})</h2>{table}")
    body = (
        f'<h1>{h(name)}</h1><p class="muted"><code>{h(iri)}</code></p>'
        f'<dl class="facts">{facts_html}</dl>{"".join(sections)}'
    )
    return page(name, body)


# ------------------------------------------------------------------ document page


def _agency_names(select: Select, agencies: Iterable[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    wanted = sorted(set(agencies))
    for start in range(0, len(wanted), 200):
        chunk = " ".join(f"<{a}>" for a in wanted[start : start + 200])
        for r in select(f"SELECT ?a ?l WHERE {{ VALUES ?a {{ {chunk} }} ?a skos:prefLabel ?l }}"):
            if r["a"] not in names or r["l"] < names[r["a"]]:
                names[r["a"]] = r["l"]
    return names


def document_page(iri: str, select: Select) -> str | None:
    """The document's facts, its outline (sections with their tasks and agencies) and citations."""
    node = f"<{iri}>"
    facts = select(
        f"""SELECT ?p ?o ?olabel WHERE {{ {node} ?p ?o
          OPTIONAL {{ ?o skos:prefLabel ?olabel }} }}"""
    )
    if not facts:
        return None
    by_pred: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in facts:
        by_pred[r["p"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]].append(r)

    def first(key: str) -> str:
        vals = sorted(r["o"] for r in by_pred.get(key, []))
        return vals[0] if vals else ""

    title = first("title") or first("docNumber") or iri.rsplit("/", 1)[-1]
    occurrences = select(
        f"""SELECT ?file ?line ?end WHERE {{ {node} pkg:occurrence ?occ .
          OPTIONAL {{ ?occ pkg:sourceFile/pkg:fileName ?file }} OPTIONAL {{ ?occ pkg:line ?line }}
          OPTIONAL {{ ?occ pkg:endLine ?end }} }}"""
    )
    creators = sorted(
        {(r.get("olabel") or r["o"], r["o"]) for r in by_pred.get("creator", [])},
    )
    fact_rows = [
        ("文号 number", h(first("docNumber"))),
        ("成文日期 date", h(first("date") or first("issued"))),
        ("发文机关 issuers", " · ".join(link(a, n) for n, a in creators) or h(first("issuerNames"))),
        ("文种 genre", h(" · ".join(sorted({r.get("olabel", "") for r in by_pred.get("genre", [])})))),
        ("印发 attachment", h(first("attachmentTitle"))),
        (
            "出处 printed in",
            h(
                " · ".join(
                    sorted(
                        f"{o.get('file', '?')}:{o.get('line', '?')}"
                        + (f"–{o['end']}" if o.get("end") else "")
                        for o in occurrences
                    )
                )
            ),
        ),
        ("placeholder", "cited document not in the corpus" if first("placeholder") == "true" else ""),
    ]
    facts_html = "".join(f"<dt>{h(k)}</dt><dd>{v}</dd>" for k, v in fact_rows if v)

    sections = select(
        f"""SELECT ?s ?label ?level ?title ?line ?parent WHERE {{ ?s a pkg:Section ; pkg:document {node} .
          OPTIONAL {{ ?s pkg:label ?label }} OPTIONAL {{ ?s pkg:level ?level }}
          OPTIONAL {{ ?s dcterms:title ?title }} OPTIONAL {{ ?s pkg:line ?line }}
          OPTIONAL {{ ?s pkg:section ?parent }} }}"""
    )
    task_rows = select(
        f"""SELECT ?t ?label ?text ?line ?section WHERE {{ ?t a pkg:Task ; pkg:document {node} .
          OPTIONAL {{ ?t pkg:label ?label }} OPTIONAL {{ ?t pkg:text ?text }}
          OPTIONAL {{ ?t pkg:line ?line }} OPTIONAL {{ ?t pkg:section ?section }} }}"""
    )
    role_rows = select(
        f"""SELECT DISTINCT ?t ?a ?role WHERE {{ ?t pkg:document {node} .
          {{ ?r pkg:task ?t ; pkg:agency ?a ; pkg:role ?roleIri . BIND(LCASE(STRAFTER(STR(?roleIri), "#")) AS ?role) }}
          UNION {{ ?t pkg:leadAgency ?a BIND("lead" AS ?role) }}
          UNION {{ ?t pkg:supportAgency ?a BIND("support" AS ?role) }}
          UNION {{ ?t pkg:responsibleAgency ?a BIND("responsible" AS ?role) }} }}"""
    )
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in role_rows:
        roles[r["t"]][r["role"]].add(r["a"])
    names = _agency_names(select, (r["a"] for r in role_rows))

    def line_of(r: dict[str, str]) -> int:
        return int(r["line"]) if r.get("line", "").isdigit() else 0

    items: list[tuple[int, int, str, str]] = []
    seen: set[str] = set()
    for s in sections:
        if s["s"] in seen:
            continue
        seen.add(s["s"])
        level = int(s["level"]) if s.get("level", "").isdigit() else 1
        items.append(
            (
                line_of(s),
                0,
                s["s"],
                f'<div class="section" style="margin-left:{(level - 1) * 1.2:.1f}rem">'
                f'{h(s.get("label", ""))}　{h(s.get("title", ""))} <span class="muted">l.{h(s.get("line", "?"))}</span></div>',
            )
        )
    for t in task_rows:
        if t["t"] in seen:
            continue
        seen.add(t["t"])
        agency_html = "".join(
            f'<div class="role" data-role="{role}">{h(ROLE_NAMES[role])}: '
            + "、".join(link(a, names.get(a, a.rsplit("/", 1)[-1])) for a in sorted(roles[t["t"]][role]))
            + "</div>"
            for role in ROLES
            if roles.get(t["t"], {}).get(role)
        )
        items.append(
            (
                line_of(t),
                1,
                t["t"],
                f'<div class="task"><b>{h(t.get("label", ""))}</b> {h(t.get("text", ""))}'
                f' <span class="muted">l.{h(t.get("line", "?"))}</span>{agency_html}</div>',
            )
        )
    outline = "".join(html_ for _, _, _, html_ in sorted(items))

    cites_out = select(
        f"""SELECT ?c ?rel ?cited ?ctitle ?cnum ?line ?title ?num WHERE {{ ?c pkg:citingDocument {node} .
          OPTIONAL {{ ?c pkg:relation ?rel }} OPTIONAL {{ ?c pkg:citedDocument ?cited
            OPTIONAL {{ ?cited dcterms:title ?title }} OPTIONAL {{ ?cited pkg:docNumber ?num }} }}
          OPTIONAL {{ ?c pkg:citedTitle ?ctitle }} OPTIONAL {{ ?c pkg:citedDocNumber ?cnum }}
          OPTIONAL {{ ?c pkg:line ?line }} }}"""
    )
    cites_in = select(
        f"""SELECT DISTINCT ?from ?rel ?title ?num WHERE {{ ?c pkg:citedDocument {node} ; pkg:citingDocument ?from .
          OPTIONAL {{ ?c pkg:relation ?rel }} OPTIONAL {{ ?from dcterms:title ?title }}
          OPTIONAL {{ ?from pkg:docNumber ?num }} }}"""
    )
    out_rows = "".join(
        f"<tr><td>{h(RELATION_NAMES.get(c.get('rel', ''), c.get('rel', '')))}</td>"
        f"<td>{link(c.get('cited', ''), c.get('ctitle') or c.get('title') or c.get('cited', ''))}</td>"
        f"<td>{h(c.get('cnum') or c.get('num', ''))}</td><td>{h(c.get('line', ''))}</td></tr>"
        for c in sorted({c["c"]: c for c in cites_out}.values(), key=lambda c: (line_of(c), c["c"]))
    )
    in_rows = "".join(
        f"<tr><td>{link(c['from'], c.get('num') or c.get('title') or c['from'])}</td>"
        f"<td>{h(c.get('title', ''))}</td><td>{h(RELATION_NAMES.get(c.get('rel', ''), c.get('rel', '')))}</td></tr>"
        for c in sorted(cites_in, key=lambda c: (c.get("num", ""), c["from"], c.get("rel", "")))
    )
    body = (
        f'<h1>{h(title)}</h1><p class="muted"><code>{h(iri)}</code></p><dl class="facts">{facts_html}</dl>'
        f"<h2>Outline ({len({s['s'] for s in sections})} sections, {len({t['t'] for t in task_rows})} tasks)</h2>"
        f'<div class="outline">{outline or "<p class=muted>no outline</p>"}</div>'
        f"<h2>Citations ({len(cites_out)})</h2>"
        + (
            f'<table id="citations"><thead><tr><th>relation</th><th>cited</th><th>number</th><th>line</th></tr></thead>'
            f"<tbody>{out_rows}</tbody></table>"
            if out_rows
            else '<p class="muted">none</p>'
        )
        + f"<h2>Cited by ({len(cites_in)})</h2>"
        + (
            f'<table id="cited-by"><thead><tr><th>document</th><th>title</th><th>relation</th></tr></thead>'
            f"<tbody>{in_rows}</tbody></table>"
            if in_rows
            else '<p class="muted">none</p>'
        )
    )
    return page(title, body)

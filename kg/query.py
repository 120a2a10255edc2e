"""Run SPARQL over the store and shape results as plain rows (dicts of strings/ints)."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources

import pyoxigraph as ox

from kg.errors import InputError

_XSD = "http://www.w3.org/2001/XMLSchema#"


def named_queries() -> dict[str, str]:
    """Named queries shipped as .rq files in kg/queries/."""
    out: dict[str, str] = {}
    for entry in resources.files("kg.queries").iterdir():
        if entry.name.endswith(".rq"):
            out[entry.name[:-3]] = entry.read_text(encoding="utf-8")
    return dict(sorted(out.items()))


def named_query(name: str) -> str:
    queries = named_queries()
    if name not in queries:
        raise InputError(name, f"no named query of that name (have: {', '.join(queries)})")
    return queries[name]


def _value(term: object) -> object:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt == _XSD + "integer":
            try:
                return int(term.value)
            except ValueError:
                return term.value
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def select(store: ox.Store, sparql: str) -> tuple[list[str], list[dict[str, object]]]:
    """Run a SELECT; (variables, rows). Unbound values become ''."""
    try:
        result = store.query(sparql)
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError("query", f"SPARQL error: {str(exc).splitlines()[0]}") from None
    if not isinstance(result, ox.QuerySolutions):
        raise InputError("query", "only SELECT queries can be printed as rows; use `kg export` for graphs")
    variables = [v.value for v in result.variables]
    rows = [{v: _value(sol[v]) for v in variables} for sol in result]
    return variables, rows


def format_rows(variables: list[str], rows: list[dict[str, object]], fmt: str, max_width: int = 40) -> str:
    """Render rows as an aligned table, CSV or a JSON list of objects."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=variables, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue().rstrip("\n")
    return table(variables, [[r[v] for v in variables] for r in rows], max_width)


def _cell_width(s: str) -> int:
    return sum(2 if ord(c) >= 0x1100 else 1 for c in s)


def _clip(s: str, width: int) -> str:
    out, used = [], 0
    for c in s:
        w = 2 if ord(c) >= 0x1100 else 1
        if used + w > width:
            break
        out.append(c)
        used += w
    text = "".join(out)
    return text if text == s else text[: max(0, len(text) - 1)] + "…"


def table(headers: list[str], rows: list[list[object]], max_width: int = 40) -> str:
    """A plain-text table aligned for CJK (wide characters count two columns)."""
    cells = [[_clip(str(c), max_width) for c in row] for row in rows]
    widths = [_cell_width(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], _cell_width(c))

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (widths[i] - _cell_width(v)) for i, v in enumerate(values)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    out.append(f"({len(rows)} rows)")
    return "\n".join(out)

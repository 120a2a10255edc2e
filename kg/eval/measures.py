"""Score indicators, inline targets and citations against gold.

Predicted rows are the rows of the named queries (``indicators``, ``targets``, ``citations``);
``source_file`` is the file name and ``doc_number`` ties a row to its gold document.  Gold for
targets and citations is partial: targets are exhaustive only for the listed files (precision is
measured there alone), and citations are annotated for some documents only (we score the
documents gold annotates).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from kg.documents.segment import segment_file
from kg.eval.common import field_accuracy, nows, prf
from kg.extract.citations import extract_citations
from kg.extract.indicators import extract_indicators
from kg.extract.targets import extract_targets, plan_end_year
from kg.model import Document
from kg.read.decode import read_source
from kg.read.normalize import normalise, running_headers

_LINE_TOLERANCE = 3


def norm_value(v: object) -> str:
    """Printed numbers compare as printed, modulo whitespace, full-width forms and dash styles."""
    s = nows(v).replace("．", ".").replace("％", "%")
    return re.sub(r"[–\-~～－至]", "—", s)


def norm_title(v: object) -> str:
    s = nows(v)
    s = re.sub(r"[《》〈〉<>“”‘’\"'「」『』]", "", s)
    return s.replace("(", "（").replace(")", "）")


def norm_number(v: object) -> str:
    s = nows(v)
    return re.sub(r"[\[［【(（](\d{4})[\]］】)）]", r"〔\1〕", s)


def _int(v: object) -> int | None:
    try:
        return int(str(v)[:4]) if v not in (None, "") else None
    except ValueError:
        return None


def _line(row: dict) -> int:
    try:
        return int(row.get("line") or 0)
    except (TypeError, ValueError):
        return 0


def _pair(
    pred: list[dict], gold: list[dict], key_p: Callable[[dict], tuple], key_g: Callable[[dict], tuple], tolerance: int | None
) -> list[tuple[dict, dict]]:
    """Greedy one-to-one pairing on equal keys, nearest line first (within ``tolerance`` if given)."""
    by_key: dict[tuple, list[int]] = {}
    for i, p in enumerate(pred):
        by_key.setdefault(key_p(p), []).append(i)
    candidates: list[tuple[int, int, int]] = []
    for j, g in enumerate(gold):
        for i in by_key.get(key_g(g), []):
            d = abs(_line(pred[i]) - _line(g))
            if tolerance is None or d <= tolerance:
                candidates.append((d, j, i))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[dict, dict]] = []
    for _, j, i in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((pred[i], gold[j]))
    return pairs


def _accuracy(pairs: Iterable[tuple[dict, dict]], checks: dict[str, Callable[[dict, dict], bool]]) -> tuple[dict, dict]:
    return field_accuracy(pairs, checks)


def _responsible(v: object) -> list[str]:
    if isinstance(v, list):
        return [nows(x) for x in v]
    return [nows(x) for x in str(v or "").split("|") if x]


def score_indicators(pred_rows: list[dict], gold_rows: list[dict]) -> dict:
    """Row P/R/F1 (same file, same name, line within 3) and per-field accuracy on matched rows."""
    pairs = _pair(
        pred_rows,
        gold_rows,
        lambda p: (p.get("source_file"), nows(p.get("name"))),
        lambda g: (g.get("file"), nows(g.get("name"))),
        _LINE_TOLERANCE,
    )
    checks: dict[str, Callable[[dict, dict], bool]] = {
        "baseline_value": lambda p, g: norm_value(p.get("baseline_value")) == norm_value(g.get("baseline_value")),
        "target_value": lambda p, g: norm_value(p.get("target_value")) == norm_value(g.get("target_value")),
        "target_comparator": lambda p, g: (p.get("target_comparator") or None) == g.get("target_comparator"),
        "nature": lambda p, g: (p.get("nature") or None) == g.get("nature"),
        "unit": lambda p, g: nows(p.get("unit")) == nows(g.get("unit")),
        "category": lambda p, g: nows(p.get("category")) == nows(g.get("category")),
        "baseline_year": lambda p, g: _int(p.get("baseline_year")) == g.get("baseline_year"),
        "target_year": lambda p, g: _int(p.get("target_year")) == g.get("target_year"),
        "doc_number": lambda p, g: nows(p.get("doc_number")) == nows(g.get("doc_number")),
        "responsible": lambda p, g: _responsible(p.get("responsible")) == _responsible(g.get("responsible", [])),
    }
    acc, errors = _accuracy(pairs, checks)
    values_ok = sum(1 for p, g in pairs if all(checks[k](p, g) for k in ("baseline_value", "target_value")))
    return {
        "rows": prf(len(pairs), len(pred_rows), len(gold_rows)),
        "field_accuracy": acc,
        "values_right": round(values_ok / len(pairs), 4) if pairs else 0.0,
        "errors": errors,
    }


def _target_key(row: dict, file_field: str) -> tuple:
    return (row.get(file_field), nows(row.get("doc_number")), _int(row.get("year")), norm_value(row.get("value")))


def score_targets(pred_rows: list[dict], gold_rows: list[dict], exhaustive_files: list[str]) -> dict:
    """Recall over all gold (same file, document, year and value); precision on exhaustive files only."""
    pairs = _pair(pred_rows, gold_rows, lambda p: _target_key(p, "source_file"), lambda g: _target_key(g, "file"), None)
    exhaustive = set(exhaustive_files)
    pred_ex = [p for p in pred_rows if p.get("source_file") in exhaustive]
    gold_ex = [g for g in gold_rows if g.get("file") in exhaustive]
    tp_ex = sum(1 for p, g in pairs if g.get("file") in exhaustive)
    matched_pred = {id(p) for p, _ in pairs}
    checks: dict[str, Callable[[dict, dict], bool]] = {
        "comparator": lambda p, g: (p.get("comparator") or None) == g.get("comparator"),
        "unit": lambda p, g: nows(p.get("unit")) == nows(g.get("unit")),
    }
    acc, errors = _accuracy(pairs, checks)
    missed = [
        {"file": g["file"], "line": g.get("line"), "year": g.get("year"), "value": g.get("value"), "quote": g.get("quote")}
        for g in gold_rows
        if all(g is not gg for _, gg in pairs)
    ]
    spurious = [
        {"file": p.get("source_file"), "line": p.get("line"), "year": p.get("year"), "value": p.get("value"), "quote": p.get("quote")}
        for p in pred_ex
        if id(p) not in matched_pred
    ]
    return {
        "recall": round(len(pairs) / len(gold_rows), 4) if gold_rows else 0.0,
        "exhaustive": prf(tp_ex, len(pred_ex), len(gold_ex)),
        "field_accuracy": acc,
        "missed": missed,
        "spurious": spurious,
        "errors": errors,
    }


def _citation_key(row: dict, file_field: str) -> tuple:
    title = norm_title(row.get("cited_title"))
    return (row.get(file_field), nows(row.get("doc_number") if file_field == "file" else row.get("citing_doc_number")),
            title or norm_number(row.get("cited_doc_number")))


def score_citations(pred_rows: list[dict], gold_rows: list[dict]) -> dict:
    """P/R/F1 over the documents gold annotates (same file, citing 文号, cited title or 文号, line within 3),
    plus relation accuracy and 文号 accuracy on matched citations."""
    annotated = {(g.get("file"), nows(g.get("doc_number"))) for g in gold_rows}
    pred = [p for p in pred_rows if (p.get("source_file"), nows(p.get("citing_doc_number"))) in annotated]
    pairs = _pair(pred, gold_rows, lambda p: _citation_key(p, "source_file"), lambda g: _citation_key(g, "file"), _LINE_TOLERANCE)
    checks: dict[str, Callable[[dict, dict], bool]] = {
        "relation": lambda p, g: p.get("relation") == g.get("relation"),
        "cited_doc_number": lambda p, g: norm_number(p.get("cited_doc_number")) == norm_number(g.get("cited_doc_number")),
    }
    acc, errors = _accuracy(pairs, checks)
    matched_pred = {id(p) for p, _ in pairs}
    return {
        **prf(len(pairs), len(pred), len(gold_rows)),
        "relation_accuracy": acc["relation"],
        "field_accuracy": acc,
        "missed": [g for g in gold_rows if all(g is not gg for _, gg in pairs)],
        "spurious": [p for p in pred if id(p) not in matched_pred],
        "errors": errors,
    }


def measure_rows(paths: list[Path]) -> tuple[list[dict], list[dict], list[dict]]:
    """(indicator, target, citation) rows in the named queries' shape, straight from the extractors.

    Runs segmentation and the extractors per document without building a store, so gold-bar
    tests and the dev benchmark stay fast.
    """
    ind_rows: list[dict] = []
    tgt_rows: list[dict] = []
    cit_rows: list[dict] = []
    for path in paths:
        source = read_source(path)
        headers = running_headers(source.raw_lines)
        docs, _ = segment_file(source)
        for doc in docs:
            span = list(source.raw_lines[doc.start_line - 1 : doc.end_line])
            text, lines = normalise(span, doc.start_line, headers)
            ind_rows += _indicator_rows(doc, extract_indicators(lines))
            end = plan_end_year(doc.attachment_title or doc.title, text)
            tgt_rows += [
                {"source_file": doc.source, "doc_number": doc.doc_number, "subject": t.subject, "year": t.year,
                 "value": t.value, "unit": t.unit, "comparator": t.comparator, "quote": t.quote, "line": t.line}
                for t in extract_targets(text, end)
            ]
            cit_rows += [
                {"source_file": doc.source, "citing_doc_number": doc.doc_number, "cited_title": c.cited_title,
                 "cited_doc_number": c.cited_doc_number, "relation": c.relation, "line": c.line}
                for c in extract_citations(text, doc.title, doc.doc_number, doc.attachment_titles)
            ]
    return ind_rows, tgt_rows, cit_rows


def _indicator_rows(doc: Document, indicators: list) -> list[dict]:
    return [
        {"source_file": doc.source, "doc_number": doc.doc_number, "table": i.table, "category": i.category,
         "name": i.name, "unit": i.unit, "baseline_year": i.baseline_year, "baseline_value": i.baseline_value,
         "target_year": i.target_year, "target_value": i.target_value, "target_comparator": i.target_comparator,
         "nature": i.nature, "responsible": "|".join(i.responsible), "line": i.line}
        for i in indicators
    ]

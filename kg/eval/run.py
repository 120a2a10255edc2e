"""`kg eval`: score the built store against a gold folder, kind by kind."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pyoxigraph as ox

from kg.eval.common import load_jsonl, nows
from kg.eval.documents import score_documents
from kg.query import named_queries, named_query, select


def _rows(store: ox.Store, name: str) -> list[dict]:
    return select(store, named_query(name))[1]


def score_agencies(resp_rows: list[dict], gold_agencies: list[dict]) -> dict:
    """Canonical-name accuracy for gold surfaces the build found (collectives excluded)."""
    predicted: dict[str, set[str]] = {}
    for r in resp_rows:
        predicted.setdefault(nows(r.get("agency_label")), set()).add(nows(r.get("agency_canonical")))
    scored = right = 0
    wrong: list[dict] = []
    for g in gold_agencies:
        if g.get("level") == "collective" or not g.get("canonical"):
            continue
        surface = nows(g["surface"])
        if surface not in predicted:
            continue
        scored += 1
        if nows(g["canonical"]) in predicted[surface]:
            right += 1
        else:
            wrong.append({"surface": g["surface"], "gold": g["canonical"], "pred": sorted(predicted[surface])})
    return {"canonical_accuracy": round(right / scored, 4) if scored else 0.0, "scored": scored, "errors": wrong}


def _optional(module: str, func: str):
    try:
        return getattr(importlib.import_module(module), func)
    except (ImportError, AttributeError):
        return None


def evaluate(store: ox.Store, gold_dir: Path) -> dict:
    """Scores for every kind the gold folder has a file for."""
    results: dict[str, dict] = {}
    docs_gold = load_jsonl(gold_dir / "documents.jsonl")
    if docs_gold:
        results["documents"] = score_documents(_rows(store, "documents"), docs_gold)
    resp_gold = load_jsonl(gold_dir / "responsibilities.jsonl")
    scorer = _optional("kg.eval.responsibility", "score_responsibilities")
    available = named_queries()
    if resp_gold and scorer and "responsibilities" in available:
        rows = _rows(store, "responsibilities")
        results["responsibilities"] = scorer(rows, resp_gold)
        agencies_gold = load_jsonl(gold_dir / "agencies.jsonl")
        if agencies_gold:
            results["agencies"] = score_agencies(rows, agencies_gold)
    measures = [
        ("indicators", "indicators.jsonl", "score_indicators"),
        ("targets", "targets.jsonl", "score_targets"),
        ("citations", "citations.jsonl", "score_citations"),
    ]
    for kind, fname, func in measures:
        gold = load_jsonl(gold_dir / fname)
        scorer = _optional("kg.eval.measures", func)
        if gold and scorer and kind in available:
            rows = _rows(store, kind)
            if kind == "targets":
                ex_path = gold_dir / "targets_exhaustive.json"
                exhaustive = json.loads(ex_path.read_text(encoding="utf-8")) if ex_path.exists() else []
                results[kind] = scorer(rows, gold, exhaustive)
            else:
                results[kind] = scorer(rows, gold)
    return results


def summary_lines(results: dict) -> list[list[str]]:
    """Flatten nested scores into (kind, metric, value) rows for printing."""
    rows: list[list[str]] = []

    def walk(kind: str, prefix: str, value: object) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                if k in ("errors", "tp", "pred", "gold") or k.startswith("_"):
                    continue
                walk(kind, f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(value, float | int) and not isinstance(value, bool):
            rows.append([kind, prefix, f"{value:.4f}" if isinstance(value, float) else str(value)])

    for kind, scores in results.items():
        walk(kind, "", scores)
    return rows

"""Shared scoring helpers: gold loading, whitespace-free comparison, P/R/F1."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

_WS = re.compile(r"[\s\u3000]+")


def nows(s: object) -> str:
    """Gold strings have all whitespace removed; compare the same way."""
    return _WS.sub("", str(s)) if s is not None else ""


def load_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def field_accuracy(
    pairs: Iterable[tuple[dict, dict]],
    checks: dict[str, Callable[[dict, dict], bool]],
    gold_line: str = "line",
    pred_field: dict[str, str] | None = None,
) -> tuple[dict[str, float], dict[str, list]]:
    """Share of matched (pred, gold) pairs each check accepts, and the mismatches per field.

    ``pred_field`` names the predicted column when it differs from the gold field
    (documents: gold ``start_line`` vs the query's ``line``).
    """
    pairs = list(pairs)
    rename = pred_field or {}
    acc: dict[str, float] = {}
    errors: dict[str, list] = {}
    for name, ok in checks.items():
        good = 0
        for p, g in pairs:
            if ok(p, g):
                good += 1
            else:
                errors.setdefault(name, []).append(
                    {"file": g.get("file"), "line": g.get(gold_line), "gold": g.get(name), "pred": p.get(rename.get(name, name))}
                )
        acc[name] = round(good / len(pairs), 4) if pairs else 0.0
    return acc, errors

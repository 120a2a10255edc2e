"""Shared scoring helpers: gold loading, whitespace-free comparison, P/R/F1."""

from __future__ import annotations

import json
import re
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

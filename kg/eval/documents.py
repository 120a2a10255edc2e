"""Document-level scoring: detection P/R/F1 and per-field accuracy on matched documents."""

from __future__ import annotations

from kg.eval.common import field_accuracy, nows, prf

_LINE_TOLERANCE = 3


def _match(pred: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Pair predicted and gold documents of the same file: by 文号 or title, else by start line."""
    pairs: list[tuple[dict, dict]] = []
    free = list(range(len(pred)))
    for g in gold:
        best = None
        for i in free:
            p = pred[i]
            if p["source_file"] != g["file"]:
                continue
            same_number = g.get("doc_number") and nows(p.get("doc_number")) == nows(g["doc_number"])
            same_title = nows(p.get("title")) == nows(g["title"])
            near = abs(int(p.get("line") or 0) - int(g["start_line"])) <= _LINE_TOLERANCE
            if (same_number or same_title) and (near or best is None):
                best = i
                if near:
                    break
            elif near and best is None:
                best = i
        if best is not None:
            free.remove(best)
            pairs.append((pred[best], g))
    return pairs


def score_documents(pred_rows: list[dict], gold_rows: list[dict]) -> dict:
    """Rows of the `documents` named query vs gold documents.jsonl."""
    pairs = _match(pred_rows, gold_rows)
    out: dict = {"detection": prf(len(pairs), len(pred_rows), len(gold_rows))}
    fields = {
        "title": lambda p, g: nows(p.get("title")) == nows(g["title"]),
        "doc_number": lambda p, g: nows(p.get("doc_number")) == nows(g.get("doc_number")),
        "date": lambda p, g: (p.get("date") or None) == g.get("date"),
        "issuers": lambda p, g: [nows(x) for x in (p.get("issuers") or "").split("|") if x] == [nows(x) for x in g["issuers"]],
        "doc_type": lambda p, g: (p.get("doc_type") or None) == g.get("doc_type"),
        "attachment_title": lambda p, g: nows(p.get("attachment_title")) == nows(g.get("attachment_title")),
        "part_of": lambda p, g: nows(p.get("part_of")) == nows(g.get("part_of")),
        "start_line": lambda p, g: int(p.get("line") or 0) == int(g["start_line"]),
    }
    acc, errors = field_accuracy(pairs, fields, gold_line="start_line", pred_field={"start_line": "line"})
    out["field_accuracy"] = acc
    out["errors"] = errors
    return out

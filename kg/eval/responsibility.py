"""Score (task, role, agency) responsibilities against gold.

Predicted rows are rows of the named query ``responsibilities`` (source_file, line, task_label,
task_text, role, agency_label …); gold rows are ``responsibilities.jsonl`` records, one per task
with lead / support / responsible lists.  We count micro precision, recall and F1 over
(file, task, role, agency as printed) and, role-agnostic, over (file, task, agency).

Identifying the task.  A predicted row names the same task as a gold record when the file is the
same and either (a) its line equals the gold line (the line of the task's label), or (b) its task
text, with the printed label and all whitespace removed, starts with the gold
``task_text_prefix`` (the first 12+ characters of the task after its label) — if several gold
tasks of the file share that prefix, the one nearest in line wins.  (b) only forgives a row whose
line is the clause's line instead of the label's; the text still has to identify the same task.
Agencies are compared as printed, whitespace removed; nothing else is normalised.
"""

from __future__ import annotations

import re

from kg.eval.common import nows, prf

ROLES = ("lead", "support", "responsible")
_LABEL_RE = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[章节条]|[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]+[）)]"
    r"|\d{1,3}(?:[．、.](?!\d))?|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"
)


def _line(v: object) -> int:
    try:
        return int(v or 0)
    except (TypeError, ValueError):
        return 0


def _body(task_text: object) -> str:
    """Task text without its printed label, whitespace removed."""
    return _LABEL_RE.sub("", nows(task_text), count=1)


def _gold_tuples(gold_rows: list[dict]) -> tuple[set[tuple], dict[str, list[dict]]]:
    tuples: set[tuple] = set()
    by_file: dict[str, list[dict]] = {}
    for g in gold_rows:
        by_file.setdefault(g["file"], []).append(g)
        for role in ROLES:
            for agency in g.get(role) or []:
                tuples.add((g["file"], int(g["line"]), role, nows(agency)))
    return tuples, by_file


def _task_key(row: dict, gold_by_file: dict[str, list[dict]], cache: dict[tuple, int]) -> tuple[str, int]:
    """(file, gold task line) for the gold task this row names, else (file, own line)."""
    file = str(row.get("source_file") or "")
    line = _line(row.get("line"))
    text = _body(row.get("task_text"))
    ck = (file, line, text)
    if ck in cache:
        return file, cache[ck]
    golds = gold_by_file.get(file, [])
    hit = line
    if not any(int(g["line"]) == line for g in golds) and text:
        same = [
            g
            for g in golds
            if nows(g.get("task_text_prefix")) and text.startswith(nows(g["task_text_prefix"]))
        ]
        if same:
            hit = int(min(same, key=lambda g: abs(int(g["line"]) - line))["line"])
    cache[ck] = hit
    return file, hit


def score_responsibilities(pred_rows: list[dict], gold_rows: list[dict]) -> dict:
    """Role-aware and role-agnostic micro P/R/F1, plus the missed and spurious tuples."""
    gold, gold_by_file = _gold_tuples(gold_rows)
    cache: dict[tuple, int] = {}
    pred: set[tuple] = set()
    for r in pred_rows:
        agency = nows(r.get("agency_label") or r.get("agency"))
        role = str(r.get("role") or "")
        if not agency or role not in ROLES:
            continue
        file, line = _task_key(r, gold_by_file, cache)
        pred.add((file, line, role, agency))
    gold_na = {(f, ln, a) for f, ln, _, a in gold}
    pred_na = {(f, ln, a) for f, ln, _, a in pred}
    gold_tasks = {(g["file"], int(g["line"])) for g in gold_rows}
    pred_tasks = {(f, ln) for f, ln, _, _ in pred}
    return {
        "role_aware": prf(len(pred & gold), len(pred), len(gold)),
        "role_agnostic": prf(len(pred_na & gold_na), len(pred_na), len(gold_na)),
        "tasks": prf(len(pred_tasks & gold_tasks), len(pred_tasks), len(gold_tasks)),
        "errors": {
            "missed": [list(t) for t in sorted(gold - pred)],
            "spurious": [list(t) for t in sorted(pred - gold)],
        },
    }

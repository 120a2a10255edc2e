"""Development loop for issue 3: run outline + responsibility extraction on the seed files and score.

    .venv/bin/python benchmarks/dev_responsibility.py [--whole-file] [--variant V] [--show-errors N]

Per document (kg.documents.segment) by default; ``--whole-file`` runs on each file's whole text.
Prints role-aware and role-agnostic P/R/F1 from kg.eval.responsibility against the seed gold.

``--variant`` rewrites the seed text before reading it, to see how the extractors fare on the
kinds of input the unseen test set has (gold is rewritten the same way where needed):
``halfwidth`` (web-copied punctuation), ``spaces`` (random spaces inside lines, as PDF
extraction leaves them), ``traditional`` (zh-hant via zhconv, a dev-only dependency).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import replace
from pathlib import Path

from kg.eval.common import load_jsonl
from kg.eval.responsibility import score_responsibilities
from kg.extract.outline import extract_outline
from kg.extract.responsibility import extract_responsibilities
from kg.read.decode import read_source
from kg.read.normalize import normalise, running_headers

SEEDS = Path("/work/shared/seeds")
GOLD = Path("/work/shared/gold/seeds/responsibilities.jsonl")
_JUR_RE = re.compile(r"^(.{2,8}?(?:省|自治区|市))")


def jurisdictions_of(issuers: list[str]) -> list[str]:
    out: list[str] = []
    for name in issuers:
        m = _JUR_RE.match(name)
        if m and m.group(1) not in out:
            out.append(m.group(1))
    return out


def rows_for(
    name: str, body, lines, jurisdictions: list[str], doc_number: str | None
) -> tuple[list[dict], int]:
    _, tasks = extract_outline(body, lines)
    clauses, warnings = extract_responsibilities(body, tasks, jurisdictions)
    by_id = {t.id: t for t in tasks}
    rows: list[dict] = []
    for c in clauses:
        task = by_id.get(c.task_id) if c.task_id else None
        for m in c.mentions:
            rows.append(
                {
                    "source_file": name,
                    "doc_number": doc_number,
                    "line": task.line if task else c.line,
                    "task_label": task.label if task else "",
                    "task_text": task.text if task else "",
                    "role": m.role,
                    "agency_label": m.surface,
                }
            )
    return rows, len(warnings)


def rewrite(line: str, variant: str, rng: random.Random) -> str:
    if variant == "halfwidth":
        return line.translate(str.maketrans("（）：；，", "():;,"))
    if variant == "spaces":
        chars = list(line)
        for _ in range(len(chars) // 15):
            at = rng.randrange(len(chars) + 1)
            if 0 < at < len(chars) and chars[at - 1].isascii() and chars[at].isascii():
                continue  # PDF spacing does not split a number or a word
            chars.insert(at, " ")
        return "".join(chars)
    if variant == "traditional":
        import zhconv

        return zhconv.convert(line, "zh-hant")
    return line


def gold_for(variant: str) -> list[dict]:
    gold = load_jsonl(GOLD)
    if variant == "traditional":
        import zhconv

        for g in gold:
            for k in ("lead", "support", "responsible"):
                g[k] = [zhconv.convert(a, "zh-hant") for a in g[k]]
            g["task_text_prefix"] = zhconv.convert(g["task_text_prefix"], "zh-hant")
    return gold


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--whole-file", action="store_true")
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--variant", choices=["none", "halfwidth", "spaces", "traditional"], default="none")
    args = ap.parse_args()
    pred: list[dict] = []
    n_warn = 0
    for path in sorted(SEEDS.glob("*.txt")):
        source = read_source(path)
        if args.variant != "none":
            rng = random.Random(path.name)
            source = replace(source, raw_lines=tuple(rewrite(x, args.variant, rng) for x in source.raw_lines))
        headers = running_headers(list(source.raw_lines))
        if args.whole_file:
            body, lines = normalise(list(source.raw_lines), 1, headers)
            rows, w = rows_for(source.name, body, lines, ["重庆市"], None)
            pred += rows
            n_warn += w
            continue
        from kg.documents.segment import segment_file

        docs, _ = segment_file(source)
        for d in docs:
            raw = list(source.raw_lines[d.start_line - 1 : d.end_line])
            body, lines = normalise(raw, d.start_line, headers)
            rows, w = rows_for(source.name, body, lines, jurisdictions_of(d.issuers), d.doc_number)
            pred += rows
            n_warn += w
    scores = score_responsibilities(pred, gold_for(args.variant))
    errors = scores.pop("errors")
    print(json.dumps(scores, ensure_ascii=False, indent=1))
    print("unattached-clause warnings:", n_warn)
    if args.show_errors:
        for k in ("missed", "spurious"):
            print(f"--- {k} ({len(errors[k])})")
            for t in errors[k][: args.show_errors]:
                print("  ", t)


if __name__ == "__main__":
    main()

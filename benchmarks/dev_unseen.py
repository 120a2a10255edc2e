"""Development loop on the unseen-style dev set: build tests/unseen/texts and score it per document.

    .venv/bin/python benchmarks/dev_unseen.py [--show-errors N] [--out DIR] [--texts DIR] [--gold DIR]

Runs the real pipeline (``kg build`` without renders or validation), reads the ``responsibilities``
named query from the store and scores it against tests/unseen/gold with kg.eval.responsibility:
one line per source file, then the overall role-aware / role-agnostic / task figures.  With
``--show-errors`` it lists the missed and spurious (file, line, role, agency) tuples.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from kg.build import run_build
from kg.eval.common import load_jsonl
from kg.eval.responsibility import score_responsibilities
from kg.eval.run import score_agencies
from kg.query import named_query, select
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "tests" / "unseen" / "texts"
GOLD = ROOT / "tests" / "unseen" / "gold"


def responsibility_rows(texts: Path, out: Path) -> list[dict]:
    """Build ``texts`` into ``out`` and return the rows of the responsibilities query."""
    run_build([texts], out, render=False, validate=False)
    store = open_store(out)
    return select(store, named_query("responsibilities"))[1]


def per_file(rows: list[dict], gold: list[dict]) -> dict[str, dict]:
    files = sorted({g["file"] for g in gold} | {str(r.get("source_file")) for r in rows})
    return {
        f: score_responsibilities(
            [r for r in rows if r.get("source_file") == f], [g for g in gold if g["file"] == f]
        )
        for f in files
    }


def _fmt(s: dict) -> str:
    return f"P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} ({s['tp']}/{s['pred']}/{s['gold']})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--texts", type=Path, default=TEXTS)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--show-errors", type=int, default=0)
    args = ap.parse_args()
    gold = load_jsonl(args.gold / "responsibilities.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        rows = responsibility_rows(args.texts, args.out or Path(tmp) / "build")
    print(f"{'file':34} {'role-aware':42} role-agnostic")
    for f, s in per_file(rows, gold).items():
        print(f"{f:34} {_fmt(s['role_aware']):42} {_fmt(s['role_agnostic'])}")
    total = score_responsibilities(rows, gold)
    print(f"{'ALL':34} {_fmt(total['role_aware']):42} {_fmt(total['role_agnostic'])}")
    print(f"{'tasks':34} {_fmt(total['tasks'])}")
    agencies = score_agencies(rows, load_jsonl(args.gold / "agencies.jsonl"))
    print(
        f"agency canonical accuracy {agencies['canonical_accuracy']:.3f} over {agencies['scored']} surfaces"
    )
    if args.show_errors:
        for k in ("missed", "spurious"):
            errs = total["errors"][k]
            print(f"--- {k} ({len(errs)})")
            for t in errs[: args.show_errors]:
                print("  ", t)


if __name__ == "__main__":
    main()

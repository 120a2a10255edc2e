"""Dev benchmark: run the indicator, target and citation extractors per document (no store) and
score them against gold with kg.eval.measures.

    .venv/bin/python benchmarks/dev_measures.py [--raw DIR] [--gold DIR] [--show missed|spurious|errors]

Rows are built in the shape of the named queries so the same scorers serve `kg eval`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.eval.common import load_jsonl  # noqa: E402
from kg.eval.measures import measure_rows, score_citations, score_indicators, score_targets  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, default=ROOT / "raw_texts")
    ap.add_argument("--gold", type=Path, default=Path("/work/shared/gold/seeds"))
    ap.add_argument("--show", choices=["missed", "spurious", "errors"], action="append", default=[])
    args = ap.parse_args()
    ind, tgt, cit = measure_rows(sorted(args.raw.glob("*.txt")))
    exhaustive = json.loads((args.gold / "targets_exhaustive.json").read_text(encoding="utf-8"))
    results = {
        "indicators": score_indicators(ind, load_jsonl(args.gold / "indicators.jsonl")),
        "targets": score_targets(tgt, load_jsonl(args.gold / "targets.jsonl"), exhaustive),
        "citations": score_citations(cit, load_jsonl(args.gold / "citations.jsonl")),
    }
    for kind, res in results.items():
        summary = {k: v for k, v in res.items() if k not in ("missed", "spurious", "errors")}
        print(kind, json.dumps(summary, ensure_ascii=False))
        for what in args.show:
            for item in res.get(what, []) if what != "errors" else [res.get("errors", {})]:
                print(f"  {what}:", json.dumps(item, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

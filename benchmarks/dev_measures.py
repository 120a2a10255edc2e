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

from kg.documents.segment import segment_file  # noqa: E402
from kg.eval.common import load_jsonl  # noqa: E402
from kg.eval.measures import score_citations, score_indicators, score_targets  # noqa: E402
from kg.extract.citations import extract_citations  # noqa: E402
from kg.extract.indicators import extract_indicators  # noqa: E402
from kg.extract.targets import extract_targets, plan_end_year  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.read.decode import read_source  # noqa: E402
from kg.read.normalize import normalise, running_headers  # noqa: E402


def document_rows(raw_dir: Path) -> tuple[list[dict], list[dict], list[dict]]:
    """(indicator rows, target rows, citation rows) for every document of every file."""
    ind_rows: list[dict] = []
    tgt_rows: list[dict] = []
    cit_rows: list[dict] = []
    for path in sorted(raw_dir.glob("*.txt")):
        source = read_source(path)
        headers = running_headers(source.raw_lines)
        docs, _ = segment_file(source)
        for doc in docs:
            span = list(source.raw_lines[doc.start_line - 1 : doc.end_line])
            text, lines = normalise(span, doc.start_line, headers)
            ind_rows += indicator_rows(doc, extract_indicators(lines))
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


def indicator_rows(doc: Document, indicators: list) -> list[dict]:
    return [
        {"source_file": doc.source, "doc_number": doc.doc_number, "table": i.table, "category": i.category,
         "name": i.name, "unit": i.unit, "baseline_year": i.baseline_year, "baseline_value": i.baseline_value,
         "target_year": i.target_year, "target_value": i.target_value, "target_comparator": i.target_comparator,
         "nature": i.nature, "responsible": "|".join(i.responsible), "line": i.line}
        for i in indicators
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, default=ROOT / "raw_texts")
    ap.add_argument("--gold", type=Path, default=Path("/work/shared/gold/seeds"))
    ap.add_argument("--show", choices=["missed", "spurious", "errors"], action="append", default=[])
    args = ap.parse_args()
    ind, tgt, cit = document_rows(args.raw)
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

"""`kg build`: run the pipeline, write graph.ttl, the store and report.json atomically.

The output folder is assembled in a sibling temporary folder and swapped in only when every
file is written, so a failed build never leaves a half-written graph next to an old report.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import stages
from kg.pipeline import Corpus, build_corpus, collect_inputs
from kg.rdf.turtle import to_turtle

GRAPH_FILE = "graph.ttl"
REPORT_FILE = "report.json"


@dataclass(slots=True)
class BuildResult:
    out: Path
    corpus: Corpus
    triples: int
    report: dict
    renders: list[Path] = field(default_factory=list)


def _atomic_swap(tmp: Path, out: Path) -> None:
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    if out.exists():
        out.rename(old)
    try:
        tmp.rename(out)
    except OSError:
        if old.exists():
            old.rename(out)
        raise
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def run_build(
    inputs: list[str | Path],
    out: Path,
    progress: Callable[[Path], None] | None = None,
    render: bool = True,
    validate: bool = True,
) -> BuildResult:
    """Build the graph of ``inputs`` into ``out`` (replaced atomically)."""
    files = collect_inputs(inputs)
    context = stages.BuildContext.create()
    corpus = build_corpus(files, stages.extractors(context), progress, context.known)
    sink, link_report = stages.corpus_to_rdf(corpus, context)
    ttl = to_turtle(sink)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    try:
        (tmp / GRAPH_FILE).write_text(ttl, encoding="utf-8")
        store = ox.Store(str(tmp / "store"))
        store.bulk_load(ttl.encode("utf-8"), ox.RdfFormat.TURTLE)
        store.flush()
        renders: list[Path] = []
        report = stages.build_report(corpus, context, link_report, len(sink))
        if validate:
            report["validation"] = stages.validate(tmp / GRAPH_FILE)
        if render:
            renders = [tmp / p for p in stages.render(store, tmp)]
            report["renders"] = sorted(p.name for p in renders)
        del store
        (tmp / REPORT_FILE).write_text(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
        _atomic_swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BuildResult(out=out, corpus=corpus, triples=len(sink), report=report, renders=[out / p.name for p in renders])

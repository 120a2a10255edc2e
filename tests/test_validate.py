"""SHACL validation: the fixture graph conforms, each kind of breakage is reported on its node."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from kg.commands.validate import validate
from kg.validate import validate_graph

FIXTURE = Path(__file__).parent / "fixtures" / "mini_graph.ttl"
PKG = rdflib.Namespace("https://w3id.org/policy-kg/ontology#")
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
ID = "https://w3id.org/policy-kg/id/"
DOC1 = ID + "doc/a070553199be"
DOC2 = ID + "doc/923f9b4d9c3f"
TASK = DOC2 + "/task/t7"
LEAD = TASK + "/resp/lead-cq-jw"
CITE = DOC2 + "/cite/1"
OBS = DOC2 + "/table/1/ind/2/target"


def _fixture() -> rdflib.Graph:
    return rdflib.Graph().parse(FIXTURE, format="turtle")


def test_fixture_graph_conforms() -> None:
    result = validate_graph(FIXTURE)
    assert result.violations == []
    assert result.conforms


def test_store_input_conforms() -> None:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    assert validate_graph(store).conforms


def _drop(s: str, p: rdflib.URIRef):
    return lambda g: g.remove((rdflib.URIRef(s), p, None))


def _set(s: str, p: rdflib.URIRef, o: rdflib.term.Node):
    return lambda g: g.set((rdflib.URIRef(s), p, o))


def _add(s: str, p: rdflib.URIRef, o: rdflib.term.Node):
    return lambda g: g.add((rdflib.URIRef(s), p, o))


BREAKAGES = [
    # (id, edit, focus node, path or "" for node-level constraints)
    ("task-without-label", _drop(TASK, PKG.label), TASK, PKG.label),
    ("task-without-text", _drop(TASK, PKG.text), TASK, PKG.text),
    ("task-without-document", _drop(TASK, PKG.document), TASK, PKG.document),
    ("task-without-source-file", _drop(TASK, PKG.sourceFile), TASK, PKG.sourceFile),
    ("task-line-zero", _set(TASK, PKG.line, rdflib.Literal(0)), TASK, PKG.line),
    ("task-line-as-string", _set(TASK, PKG.line, rdflib.Literal("661")), TASK, PKG.line),
    ("role-outside-code-list", _set(LEAD, PKG.role, PKG.Chair), LEAD, PKG.role),
    ("two-roles", _add(LEAD, PKG.role, PKG.Support), LEAD, PKG.role),
    ("responsibility-without-agency-label", _drop(LEAD, PKG.agencyLabel), LEAD, PKG.agencyLabel),
    ("responsibility-without-agency", _drop(LEAD, PKG.agency), LEAD, PKG.agency),
    ("responsibility-task-not-a-task", _set(LEAD, PKG.task, rdflib.URIRef(DOC1)), LEAD, PKG.task),
    (
        "agency-without-preflabel",
        _drop(ID + "agency/cq-jw", SKOS.prefLabel),
        ID + "agency/cq-jw",
        SKOS.prefLabel,
    ),
    ("citation-relation-unknown", _set(CITE, PKG.relation, rdflib.Literal("likes")), CITE, PKG.relation),
    ("citation-without-cited", _drop(CITE, PKG.citedDocument), CITE, PKG.citedDocument),
    ("document-without-occurrence", _drop(DOC2, PKG.occurrence), DOC2, None),
    ("document-without-title", _drop(DOC2, DCT.title), DOC2, None),
    ("document-date-not-a-date", _set(DOC2, DCT.date, rdflib.Literal("2021年11月10日")), DOC2, DCT.date),
    (
        "occurrence-without-file",
        _drop(DOC2 + "/occ/ad39cd85-1", PKG.sourceFile),
        DOC2 + "/occ/ad39cd85-1",
        PKG.sourceFile,
    ),
    (
        "observation-kind-unknown",
        _set(OBS, PKG.observationKind, rdflib.Literal("forecast")),
        OBS,
        PKG.observationKind,
    ),
    ("comparator-unknown", _set(OBS, PKG.comparator, rdflib.Literal("≥")), OBS, PKG.comparator),
    ("target-without-quote", _drop(DOC2 + "/target/1", PKG.quote), DOC2 + "/target/1", PKG.quote),
]


@pytest.mark.parametrize(("edit", "focus", "path"), [b[1:] for b in BREAKAGES], ids=[b[0] for b in BREAKAGES])
def test_breakage_is_reported_on_its_node(edit, focus: str, path: rdflib.URIRef | None) -> None:
    graph = _fixture()
    edit(graph)
    result = validate_graph(graph)
    assert not result.conforms
    hits = [v for v in result.violations if v["focus"] == focus]
    assert hits, result.violations
    if path is not None:
        assert any(v["path"] == str(path) for v in hits), hits
    assert all(v["message"] and v["severity"] == "Violation" for v in hits)


def test_violations_are_sorted_and_unique() -> None:
    graph = _fixture()
    for _, edit, *_ in BREAKAGES[:6]:
        edit(graph)
    violations = validate_graph(graph).violations
    keys = [(v["focus"], v["path"], v["message"], v["severity"]) for v in violations]
    assert keys == sorted(set(keys))


def test_cli_passes_on_fixture() -> None:
    result = CliRunner().invoke(validate, ["--file", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_cli_exits_1_and_prints_table_on_broken_graph(tmp_path: Path) -> None:
    graph = _fixture()
    graph.remove((rdflib.URIRef(TASK), PKG.label, None))
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    result = CliRunner().invoke(validate, ["--file", str(broken)])
    assert result.exit_code == 1
    assert "id:doc/923f9b4d9c3f/task/t7" in result.output
    assert "pkg:label" in result.output
    as_json = CliRunner().invoke(validate, ["--file", str(broken), "--format", "json"])
    assert as_json.exit_code == 1
    assert json.loads(as_json.output)["violations"][0]["focus"] == TASK


def test_cli_reads_build_store(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store
    result = CliRunner().invoke(validate, ["--store", str(tmp_path)])
    assert result.exit_code == 0, result.output


def test_cli_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(validate, ["--file", str(tmp_path / "nope.ttl")])
    assert result.exit_code != 0
    assert "no such file" in str(result.exception) + result.output

"""End-to-end through the `kg` command line: build, query, eval, determinism, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import RAW


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_build_query_documents_json(built) -> None:
    result = run("query", "--store", str(built.out), "--named", "documents", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) >= 60
    first = rows[0]
    assert set(first) == {"doc", "title", "doc_number", "issuers", "date", "doc_type", "attachment_title", "part_of", "source_file", "line"}
    joint = [r for r in rows if r["doc_number"] == "渝府办发〔2022〕126号"]
    assert {r["source_file"] for r in joint} == {"000_606fabfb2d0a1440.txt", "003_8347960fc090b4a6.txt"}
    assert len({r["doc"] for r in joint}) == 1, "the same document in two files is one node"
    assert joint[0]["issuers"] == "重庆市人民政府办公厅|四川省人民政府办公厅"


def test_query_formats(built) -> None:
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/policy-kg/ontology#PolicyDocument> }"
    csv_out = run("query", "--store", str(built.out), q, "--format", "csv").output.splitlines()
    assert csv_out[0] == "n" and int(csv_out[1]) >= 60
    table = run("query", "--store", str(built.out), q).output
    assert "(1 rows)" in table


def test_eval_meets_every_issue_bar_through_the_store(built, gold_dir) -> None:
    """The issue bars, measured the way users see them: built store → named queries → kg eval."""
    result = run("eval", "--gold", str(gold_dir), "--store", str(built.out), "--format", "json")
    assert result.exit_code == 0, result.output
    s = json.loads(result.output)
    docs = s["documents"]
    assert docs["detection"]["f1"] >= 0.95
    assert min(docs["field_accuracy"][k] for k in ("title", "doc_number", "date")) >= 0.95
    assert docs["field_accuracy"]["issuers"] >= 0.90
    assert s["responsibilities"]["role_aware"]["f1"] >= 0.95
    assert s["responsibilities"]["role_agnostic"]["f1"] >= 0.97
    assert s["agencies"]["canonical_accuracy"] >= 0.95
    ind = s["indicators"]
    assert ind["rows"]["f1"] >= 0.95
    assert min(ind["field_accuracy"].values()) >= 0.95, ind["field_accuracy"]
    assert s["targets"]["recall"] >= 0.85 and s["targets"]["exhaustive"]["precision"] >= 0.85
    assert s["citations"]["f1"] >= 0.90 and s["citations"]["relation_accuracy"] >= 0.85


def test_build_is_byte_identical(tmp_path: Path, built) -> None:
    again = tmp_path / "again"
    result = run("build", str(RAW), "--out", str(again), "--no-render", "--no-validate", "-q")
    assert result.exit_code == 0, result.output
    assert (again / "graph.ttl").read_bytes() == (built.out / "graph.ttl").read_bytes()


def test_graph_loads_in_rdflib(built) -> None:
    import rdflib

    g = rdflib.Graph()
    g.parse(built.out / "graph.ttl", format="turtle")
    assert len(g) == built.triples


def test_report_lists_every_file(built) -> None:
    report = json.loads((built.out / "report.json").read_text(encoding="utf-8"))
    assert sorted(f["file"] for f in report["files"]) == sorted(p.name for p in RAW.glob("*.txt"))
    assert all(f["encoding"] == "utf-8" for f in report["files"])


def _bad(tmp_path: Path, kind: str) -> Path:
    if kind == "binary":
        p = tmp_path / "bin.txt"
        p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    elif kind == "empty":
        p = tmp_path / "empty.txt"
        p.write_bytes(b"")
    elif kind == "undecodable":
        p = tmp_path / "latin.txt"
        p.write_bytes(bytes(range(0x80, 0x100)) * 8)
    elif kind == "empty-folder":
        p = tmp_path / "nothing"
        p.mkdir()
    else:
        p = tmp_path / "missing.txt"
    return p


@pytest.mark.parametrize("kind", ["binary", "empty", "undecodable", "empty-folder", "missing"])
def test_bad_input_one_line_error_and_no_output(tmp_path: Path, kind: str) -> None:
    bad = _bad(tmp_path, kind)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(bad), "--out", str(out)])
    assert result.exit_code == 2
    message = result.output.strip()
    assert message.count("\n") == 0, message
    assert message.startswith("kg: error: ") and bad.name in message
    assert "Traceback" not in result.output
    assert not out.exists()
    assert not any(p.name.startswith(".out.tmp") for p in tmp_path.iterdir())


def test_failed_build_keeps_previous_output(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(RAW / "003_8347960fc090b4a6.txt", src)
    out = tmp_path / "out"
    assert run("build", str(src), "--out", str(out), "--no-render", "--no-validate", "-q").exit_code == 0
    before = (out / "graph.ttl").read_bytes()
    (src / "zz_bad.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(out)])
    assert result.exit_code == 2
    assert (out / "graph.ttl").read_bytes() == before


def test_gbk_file_builds(tmp_path: Path) -> None:
    src = tmp_path / "gbk"
    src.mkdir()
    text = (RAW / "003_8347960fc090b4a6.txt").read_text(encoding="utf-8")
    (src / "gbk.txt").write_bytes(text.encode("gb18030"))
    out = tmp_path / "out"
    assert run("build", str(src), "--out", str(out), "--no-render", "--no-validate", "-q").exit_code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["files"][0]["encoding"] == "gb18030"
    assert report["documents"] == 1


def test_query_without_store_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["query", "--store", str(tmp_path), "--named", "documents"])
    assert result.exit_code == 2 and "run `kg build` first" in result.output


def test_traditional_characters_read_as_simplified_printed_as_traditional(tmp_path: Path) -> None:
    import zhconv

    src = tmp_path / "trad"
    src.mkdir()
    text = (RAW / "003_8347960fc090b4a6.txt").read_text(encoding="utf-8")
    (src / "trad.txt").write_text(zhconv.convert(text, "zh-hant"), encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", str(src), "--out", str(out), "--no-render", "--no-validate", "-q").exit_code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["files"][0]["script"] == "traditional"
    docs = json.loads(run("query", "--store", str(out), "--named", "documents", "--format", "json").output)
    assert docs[0]["doc_number"] == "渝府辦發〔2022〕126號"
    assert docs[0]["title"] == "關於印發成渝共建西部金融中心規劃聯合實施細則的通知"
    rows = json.loads(run("query", "--store", str(out), "--named", "responsibilities", "--format", "json").output)
    first = [r for r in rows if r["task_label"] == "1"]
    labels = {r["agency_label"]: r["agency_canonical"] for r in first}
    assert labels["省財政廳"] == "四川省财政厅"
    assert labels["市財政局"] == "重庆市财政局"


def test_shipped_corpus_builds_without_extractor_errors(built) -> None:
    """Extractor failures are reported, not fatal; on the shipped corpus there must be none."""
    errors = [w for f in built.report["files"] for w in f["warnings"] if w["kind"] == "extractor-error"]
    assert errors == []


def test_web_copies_field_block_and_bare_plan(tmp_path: Path) -> None:
    """A gov.cn page copy (标题：/发文字号： fields) and a plan copied without its notice."""
    src = tmp_path / "web"
    src.mkdir()
    fixtures = Path(__file__).parent / "fixtures"
    for name in ("web_field_block.txt", "bare_plan.txt"):
        shutil.copy(fixtures / name, src)
    out = tmp_path / "out"
    assert run("build", str(src), "--out", str(out), "--no-render", "--no-validate", "-q").exit_code == 0
    docs = {r["source_file"]: r for r in json.loads(run("query", "--store", str(out), "--named", "documents", "--format", "json").output)}
    web = docs["web_field_block.txt"]
    assert (web["doc_number"], web["issuers"], web["date"]) == ("国办发〔2023〕10号", "国务院办公厅", "2023-03-15")
    assert web["title"] == "关于进一步优化支付服务提升支付便利性的意见"
    assert docs["bare_plan.txt"]["title"] == "四川省推动制造业高质量发展实施方案"
    rows = json.loads(run("query", "--store", str(out), "--named", "responsibilities", "--format", "json").output)
    plan = {(r["role"], r["agency_canonical"]) for r in rows if r["source_file"] == "bare_plan.txt"}
    assert ("lead", "四川省经济和信息化厅") in plan and ("support", "四川省财政厅") in plan
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    kinds = {w["kind"] for f in report["files"] for w in f["warnings"]}
    assert "no-document-header" in kinds


ORPHANS = """重庆市人民政府办公厅关于做好某项工作的通知
渝府办发〔2023〕99号
各区县（自治县）人民政府，市政府各部门，有关单位：
经市政府同意，现将有关事项通知如下。（责任单位：市发展改革委、市财政局）
一、加强组织领导
（一）完善工作机制。建立联席会议制度。（牵头单位：市发展改革委；配合单位：市未知协调中心）
重庆市人民政府办公厅
2023年5月6日"""


def test_report_keeps_unattached_clauses_and_unknown_agencies(tmp_path: Path) -> None:
    """Nothing recognised is silently dropped: both land in report.json with file and line."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "orphans.txt").write_text(ORPHANS, encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", str(src), "--out", str(out), "--no-render", "--no-validate", "-q").exit_code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    unattached = report["unattached_clauses"]
    assert [(u["file"], u["line"]) for u in unattached] == [("orphans.txt", 4)]
    assert "市发展改革委" in unattached[0]["message"]
    unknown = {u["surface"]: u for u in report["unknown_agencies"]}
    assert unknown["市未知协调中心"]["jurisdiction"] == "重庆市"
    assert unknown["市未知协调中心"]["where"] == [{"file": "orphans.txt", "line": 6}]
    rows = json.loads(run("query", "--store", str(out), "--named", "responsibilities", "--format", "json").output)
    kept = {(r["role"], r["agency_label"], r["agency_canonical"]) for r in rows}
    assert kept == {("lead", "市发展改革委", "重庆市发展和改革委员会"), ("support", "市未知协调中心", "")}

"""Citations: typing, own-title and abbreviation handling, 文号 forms, resolution, RDF and queries."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.eval.common import load_jsonl
from kg.eval.measures import measure_rows, score_citations
from kg.extract.citations import extract_citations, normalise_doc_number
from kg.link.citations import resolve_citations
from kg.model import Citation, Document, Indicator, Target, Task
from kg.query import named_query, select
from kg.rdf import iris
from kg.rdf.emit import TripleSink
from kg.rdf.measures import citations_to_rdf, deadline_to_rdf, indicators_to_rdf, targets_to_rdf
from kg.text import Text

RAW = Path(__file__).resolve().parents[1] / "raw_texts"
GOLD = Path("/work/shared/gold/seeds")


def _text(*paragraphs: str, first: int = 1) -> Text:
    return Text.from_pieces((p, first + i) for i, p in enumerate(paragraphs))


def _cites(text: Text, own_title: str = "关于印发某某办法的通知", own_number: str | None = "渝府办发〔2022〕1号",
           attachments: list[str] | None = None) -> list[tuple]:
    return [(c.cited_title, c.cited_doc_number, c.relation) for c in
            extract_citations(text, own_title, own_number, attachments or [])]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("《重庆市小水电站生态流量监管办法》已经市政府同意，现印发给你们，请认真贯彻执行。",
         [("重庆市小水电站生态流量监管办法", None, "issues")]),
        ("为深入贯彻党中央、国务院决策部署，认真落实《成渝地区双城经济圈建设规划纲要》《成渝共建西部金融中心规划》，助力发展。",
         [("成渝地区双城经济圈建设规划纲要", None, "implements"), ("成渝共建西部金融中心规划", None, "implements")]),
        ("根据《中华人民共和国水法》《中华人民共和国长江保护法》及《水利部生态环境部关于加强长江经济带小水电站生态流量监管的通知》（水电〔2019〕241号）要求，制定本办法。",
         [("中华人民共和国水法", None, "basis"), ("中华人民共和国长江保护法", None, "basis"),
          ("水利部生态环境部关于加强长江经济带小水电站生态流量监管的通知", "水电〔2019〕241号", "basis")]),
        ("本办法自印发之日起施行。《重庆市最低生活保障条件认定办法（修订）》（渝府办发〔2017〕33号）同时废止。",
         [("重庆市最低生活保障条件认定办法（修订）", "渝府办发〔2017〕33号", "repeals")]),
        ("全面实施《中华人民共和国外商投资法》和相关配套法规，积极参与修订《鼓励外商投资产业目录》。",
         [("中华人民共和国外商投资法", None, "mentions"), ("鼓励外商投资产业目录", None, "mentions")]),
        ("为贯彻落实《国务院办公厅关于转发教育部等部门“十四五”特殊教育发展提升行动计划的通知》（国办发[2021]60号）精神。",
         [("国务院办公厅关于转发教育部等部门“十四五”特殊教育发展提升行动计划的通知", "国办发[2021]60号", "implements")]),
        ("不再适用渝府发〔2008〕26号文件。", [(None, "渝府发〔2008〕26号", "mentions")]),
        ("按照重庆市人民政府令第344号文件确定征地补偿安置方案。", [(None, "重庆市人民政府令第344号", "implements")]),
    ],
)
def test_typed_citations(sentence: str, expected: list[tuple]) -> None:
    assert _cites(_text(sentence)) == expected


def test_own_title_abbreviations_and_back_references_are_not_citations() -> None:
    text = _text(
        "重庆市城市道路照明管理办法",
        "《重庆市城市道路照明管理办法》已经市政府常务会议审议通过，现予公布。",
        "根据《重庆市市政设施管理条例》（以下简称《条例》），制定本办法。",
        "依照《条例》第二十条处理。按照《重庆市集体土地征收补偿安置办法》（重庆市人民政府令第344号）执行。",
        "按照重庆市人民政府令第344号文件确定。",
    )
    got = _cites(text, own_title="重庆市城市道路照明管理办法", own_number="重庆市人民政府令第346号")
    assert got == [("重庆市市政设施管理条例", None, "basis"),
                   ("重庆市集体土地征收补偿安置办法", "重庆市人民政府令第344号", "implements")]


def test_citation_lines_come_from_the_source() -> None:
    text = _text("前言。", "为贯彻落实《中小学德育指南》，制定本方案。", first=40)
    [c] = extract_citations(text, "某方案", None, [])
    assert c.line == 41


def test_normalise_doc_number() -> None:
    assert normalise_doc_number("国办发[2021] 16号") == "国办发〔2021〕16号"
    assert normalise_doc_number("渝府发（2022）34号") == "渝府发〔2022〕34号"


def _doc(title: str, number: str | None, attachments: list[str] | None = None) -> Document:
    atts = attachments or []
    return Document(source="a.txt", start_line=1, end_line=9, title=title, doc_number=number,
                    attachment_title=atts[0] if atts else None, attachment_titles=atts)


def test_resolve_by_number_title_and_wrapper() -> None:
    corpus = [
        _doc("关于印发重庆市燃气油气行业安全专项整治方案的通知", "渝府办发〔2021〕64号", ["重庆市燃气油气行业安全专项整治方案"]),
        _doc("关于加强数字政府建设的指导意见", "国发〔2022〕14号"),
    ]
    cits = [
        Citation("重庆市人民政府办公厅关于印发重庆市燃气油气行业安全专项整治方案的通知", None, "basis", 3),
        Citation(None, "国发[2022]14号", "mentions", 4),
        Citation("国务院关于加强数字政府建设的指导意见", None, "implements", 5),
        Citation("重庆市燃气油气行业安全专项整治方案", None, "implements", 6),
        Citation("中华人民共和国安全生产法", None, "basis", 7),
    ]
    resolve_citations(cits, corpus)
    assert [c.resolved_key for c in cits] == ["渝府办发〔2021〕64号", "国发〔2022〕14号", "国发〔2022〕14号", "渝府办发〔2021〕64号", None]


def _store(sink: TripleSink) -> ox.Store:
    store = ox.Store()
    for t in sink:
        store.add(ox.Quad(t.subject, t.predicate, t.object))
    return store


def test_rdf_and_named_queries_round_trip() -> None:
    sink = TripleSink()
    doc = iris.document("渝府办发〔2021〕90号")
    other = iris.document("国办发〔2020〕52号")
    sink.add_type(doc, "pkg:PolicyDocument")
    sink.add(doc, "pkg:docNumber", "渝府办发〔2021〕90号")
    sink.add(iris.source_file("f.txt"), "pkg:fileName", "f.txt")
    indicators_to_rdf(sink, doc, "f.txt", [
        Indicator("附件1　主要指标", None, "老年人健康管理率", "%", 2020, "65.78", 2025, "70", ">", "约束性",
                  ["市卫生健康委", "市民政局"], 904),
    ])
    targets_to_rdf(sink, doc, "f.txt", [Target(2025, "护理型床位占比", "60", "%", ">=", "护理型床位占比达到60%", 830, "t3")])
    citations_to_rdf(sink, doc, "f.txt", [
        Citation("国务院办公厅关于促进养老托育服务健康发展的意见", "国办发〔2020〕52号", "basis", 826, "国办发〔2020〕52号"),
        Citation("中华人民共和国社会保险法", None, "mentions", 827),
    ], iris.document)
    task = Task(id="t3", label="三", text="年底前完成", line=830, deadline="2022-12-31", deadline_quote="年底前")
    task_iri = iris.task(doc, task.id)
    sink.add_type(task_iri, "pkg:Task")
    sink.add(task_iri, "pkg:document", ox.NamedNode(doc))
    sink.add(task_iri, "pkg:label", task.label)
    deadline_to_rdf(sink, task_iri, task)
    store = _store(sink)

    [ind] = select(store, named_query("indicators"))[1]
    assert (ind["name"], ind["baseline_year"], ind["baseline_value"], ind["target_value"], ind["target_comparator"],
            ind["responsible"], ind["source_file"], ind["line"]) == (
        "老年人健康管理率", "2020", "65.78", "70", ">", "|".join(sorted(["市卫生健康委", "市民政局"])), "f.txt", 904)
    [tg] = select(store, named_query("targets"))[1]
    assert (tg["year"], tg["value"], tg["comparator"], tg["task"]) == ("2025", "60", ">=", task_iri)
    cits = select(store, named_query("citations"))[1]
    assert [(c["relation"], c["resolved"], c["cited_doc"] == other) for c in cits] == [
        ("basis", "true", True), ("mentions", "false", False)]
    ask = f"ASK {{ <{doc}> <http://data.europa.eu/eli/ontology#based_on> <{other}> }}"
    assert store.query(ask)
    [dl] = select(store, named_query("deadlines"))[1]
    assert (dl["deadline"], dl["quote"], dl["task_label"]) == ("2022-12-31", "年底前", "三")


@pytest.mark.skipif(not GOLD.exists(), reason="gold annotations not available")
def test_citation_gold_bar() -> None:
    gold = load_jsonl(GOLD / "citations.jsonl")
    files = sorted({g["file"] for g in gold})
    _, _, rows = measure_rows([RAW / f for f in files])
    res = score_citations(rows, gold)
    assert res["f1"] >= 0.90
    assert res["relation_accuracy"] >= 0.85

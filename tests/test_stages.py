"""Pipeline glue: issuers resolved and split with the register, NER mentions, unknown agencies reported."""

from __future__ import annotations

from kg.documents import metadata as md
from kg.model import DocumentExtraction, SourceFile
from kg.stages import BuildContext, extractors
from tests.test_documents import _source

PKG = "https://w3id.org/policy-kg/ontology#"


def test_register_guides_issuer_splitting() -> None:
    context = BuildContext.create()
    assert md.split_issuers("重庆市人民政府办公厅四川省人民政府办公厅", context.known) == ["重庆市人民政府办公厅", "四川省人民政府办公厅"]
    assert md.split_issuers("国家税务总局重庆市税务局", context.known) == ["国家税务总局重庆市税务局"]
    assert md.split_issuers("国家乡村振兴局综合司（代章）", context.known) == ["国家乡村振兴局综合司"]
    assert md.split_issuers("中共中央办公厅国务院办公厅", context.known) == ["中共中央办公厅", "国务院办公厅"]


SICHUAN = """四川省人民政府办公厅关于印发四川省促进中小企业发展若干措施的通知
川办发〔2023〕12号
各市（州）人民政府，省政府各部门、各直属机构：
《四川省促进中小企业发展若干措施》已经省政府同意，现印发给你们，请认真贯彻执行。
四川省人民政府办公厅
2023年3月1日
四川省促进中小企业发展若干措施
一、加大财税支持
（一）落实减税降费政策。由省财政厅会同国家税务总局四川省税务局做好政策宣传。（牵头单位：省财政厅；配合单位：省经济和信息化厅、四川省未知促进中心）
（二）加强融资服务。（省地方金融监管局牵头，人行成都分行等按职责分工负责）"""


def test_other_province_end_to_end_through_the_stages() -> None:
    context = BuildContext.create()
    from kg.documents.segment import segment_file

    docs, _ = segment_file(_source(SICHUAN, "sc.txt"), context.known)
    (doc,) = docs
    assert doc.doc_number == "川办发〔2023〕12号"
    ex = DocumentExtraction(document=doc)
    source = SourceFile("sc.txt", "sc.txt", "utf-8", "0", tuple(SICHUAN.split("\n")))
    warnings: list = []
    for extract in extractors(context):
        extract(ex, source, warnings)
    edges = {(r.role, r.agency.surface, r.agency.canonical) for r in ex.responsibilities}
    assert ("lead", "省财政厅", "四川省财政厅") in edges
    assert ("support", "省经济和信息化厅", "四川省经济和信息化厅") in edges
    assert ("lead", "省地方金融监管局", "四川省地方金融监督管理局") in edges
    assert ("support", "人行成都分行", "中国人民银行成都分行") in edges
    unknown = [r for r in ex.responsibilities if r.agency.canonical is None]
    assert [r.agency.surface for r in unknown] == ["四川省未知促进中心"]
    assert ("四川省未知促进中心", "四川省") in context.unknown_agencies
    mentioned = {ref.canonical for _task, ref in ex.mentions}
    assert "国家税务总局四川省税务局" in mentioned


def test_bare_division_is_read_under_the_single_issuing_department() -> None:
    context = BuildContext.create()
    ref = context.resolve("科技处", "重庆市", issuer="重庆市经济和信息化委员会")
    assert ref.canonical == "重庆市经济和信息化委员会科技处" and ref.surface == "科技处"
    alone = context.resolve("科技处", "重庆市")
    assert alone.canonical is None, "without an issuing department a bare division stays unknown"
    assert context.resolve("科技处", "重庆市", issuer=None).canonical is None
    office = context.resolve("市未知协调中心", "重庆市", issuer=None)
    assert office.canonical is None
    assert not context.is_department("重庆市人民政府办公厅")
    assert context.is_department("重庆市经济和信息化委员会")

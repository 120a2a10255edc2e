"""Document segmentation and metadata, on real snippets and against the gold."""

from __future__ import annotations

import pytest

from kg.documents import metadata as md
from kg.documents.segment import segment_file
from kg.eval.common import load_jsonl
from kg.eval.documents import score_documents
from kg.model import SourceFile
from tests.conftest import RAW


def _source(text: str, name: str = "snippet.txt") -> SourceFile:
    return SourceFile(path=name, name=name, encoding="utf-8", sha256="0", raw_lines=tuple(text.split("\n")))


JOINT_NOTICE = """ 重庆市人民政府办公厅
四川省人民政府办公厅

关于印发成渝共建西部金融中心规划
联合实施细则的通知

渝府办发〔2022〕126号

重庆市各区县（自治县）、四川省各市（州）人民政府，重庆市政府和四川省政府各部门、各直属

机构，有关单位：

《成渝共建西部金融中心规划联合实施细则》已经重庆市政府和四川省政府同意，现印发给你们，

请结合实际认真贯彻落实。

　　　　　　　　　　　　　　　　　　重庆市人民政府办公厅   四川省人民政府办公厅

　　　　　　　　　　　　　　　　　　　　　　　　2022 年 12 月 14 日

成渝共建西部金融中心规划联合实施细则

一、加快形成具有竞争力的金融机构组织体系"""


def test_joint_notice_metadata() -> None:
    docs, warnings = segment_file(_source(JOINT_NOTICE))
    assert not warnings
    (doc,) = docs
    assert doc.start_line == 1
    assert doc.title == "关于印发成渝共建西部金融中心规划联合实施细则的通知"
    assert doc.doc_number == "渝府办发〔2022〕126号"
    assert doc.issuers == ["重庆市人民政府办公厅", "四川省人民政府办公厅"]
    assert doc.date == "2022-12-14"
    assert doc.doc_type == "通知"
    assert doc.attachment_title == "成渝共建西部金融中心规划联合实施细则"


WEB_COPY = """国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见
国办发[2022]27号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构:
行政裁量权基准是行政机关结合本地区本部门行政管理实际,按照裁量涉及的不同事实和情节,对法律、法规、规章中的原则性规定进行细化量化。
一、总体要求
国务院办公厅
二〇二二年七月二十九日"""


def test_web_copy_with_half_width_brackets_and_chinese_date() -> None:
    docs, _ = segment_file(_source(WEB_COPY))
    (doc,) = docs
    assert doc.doc_number == "国办发〔2022〕27号"
    assert doc.title == "关于进一步规范行政裁量权基准制定和管理工作的意见"
    assert doc.issuers == ["国务院办公厅"]
    assert doc.date == "2022-07-29"
    assert doc.doc_type == "意见"
    assert doc.attachment_title is None


NEWS = """中共中央办公厅 国务院办公厅印发《“十四五”文化发展规划》

新华社北京 8 月 16 日电 近日，中共中央办公厅、国务院办公厅印发了《“十四五”文化发展规划》，并发出通知，要求各地区各部门结合实际认真贯彻落实。"""


def test_news_item() -> None:
    (doc,) = segment_file(_source(NEWS))[0]
    assert doc.title == "中共中央办公厅国务院办公厅印发《“十四五”文化发展规划》"
    assert doc.issuers == ["中共中央办公厅", "国务院办公厅"]
    assert doc.attachment_title == "“十四五”文化发展规划"
    assert doc.doc_type == "规划"
    assert doc.date is None


def test_text_without_documents_is_reported() -> None:
    docs, warnings = segment_file(_source("这是一段没有文号的普通文字。\n第二行。"))
    assert docs == []
    assert warnings and warnings[0].kind == "no-document"


@pytest.mark.parametrize(
    ("text", "iso"),
    [("2022 年 12 月 14 日", "2022-12-14"), ("二〇二一年九月二十五日", "2021-09-25"), ("2022年13月1日", None), ("2022年12月", None)],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert md.parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "issuers"),
    [
        ("教育部 中共中央宣传部 中共中央网络安全和信息化委员会办公室", ["教育部", "中共中央宣传部", "中共中央网络安全和信息化委员会办公室"]),
        ("重庆市人民政府办公厅四川省人民政府办公厅", ["重庆市人民政府办公厅", "四川省人民政府办公厅"]),
        ("国家乡村振兴局综合司（代章）", ["国家乡村振兴局综合司"]),
    ],
)
def test_split_issuers(text: str, issuers: list[str]) -> None:
    assert md.split_issuers(text) == issuers


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("关于印发重庆市教育事业发展“十四五”规划（2021—2025年）的通知", "通知"),
        ("中共中央印发《中国共产党政治协商工作条例》", "条例"),
        ("关于加强数字政府建设的指导意见", "意见"),
        ("重庆市城市道路照明管理办法", "办法"),
    ],
)
def test_doc_type(title: str, genre: str) -> None:
    assert md.doc_type_of(title) == genre


def test_gold_documents_bar(gold_dir) -> None:
    """Issue 2 bar: detection F1 ≥ 0.95; title, 文号 and date ≥ 0.95; issuers ≥ 0.90."""
    from kg.read.decode import read_source

    rows = []
    for path in sorted(RAW.glob("*.txt")):
        for d in segment_file(read_source(path))[0]:
            rows.append(
                {"source_file": d.source, "line": d.start_line, "title": d.title, "doc_number": d.doc_number,
                 "issuers": "|".join(d.issuers), "date": d.date, "doc_type": d.doc_type,
                 "attachment_title": d.attachment_title, "part_of": d.part_of}
            )
    scores = score_documents(rows, load_jsonl(gold_dir / "documents.jsonl"))
    assert scores["detection"]["f1"] >= 0.95
    acc = scores["field_accuracy"]
    assert acc["title"] >= 0.95 and acc["doc_number"] >= 0.95 and acc["date"] >= 0.95
    assert acc["issuers"] >= 0.90


@pytest.mark.parametrize(
    ("title", "notice", "expected"),
    [
        (
            "关于印发重庆市行政许可事项清单（2022年版）的通知",
            "《重庆市行政许可事项清单（2022年版）》〔以下简称《事项清单（2022年版）》〕已经市政府同意，现印发给你们",
            ["重庆市行政许可事项清单（2022年版）"],
        ),
        (
            "关于印发重庆市高质量实施《区域全面经济伙伴关系协定》（RCEP）行动计划的通知",
            "现将《重庆市高质量实施〈区域全面经济伙伴关系协定〉（RCEP）行动计划》印发给你们",
            ["重庆市高质量实施《区域全面经济伙伴关系协定》（RCEP）行动计划"],
        ),
        (
            "关于印发《审计专业技术资格规定》和《审计专业技术资格考试实施办法》的通知",
            "为贯彻落实《关于深化审计专业人员职称制度改革的指导意见》，现将《审计专业技术资格规定》和《审计专业技术资格考试实施办法》印发给你们",
            ["审计专业技术资格规定", "审计专业技术资格考试实施办法"],
        ),
        ("关于公布“大思政课”实践教学基地名单的通知", "现将名单予以公布。", []),
    ],
)
def test_attachment_titles(title: str, notice: str, expected: list[str]) -> None:
    assert md.attachment_titles(title, notice) == expected


ANNOUNCEMENT = """广东省人民代表大会常务委员会公告
（第12号）
《广东省数据要素市场促进条例》已由广东省第十四届人民代表大会常务委员会第五次会议于2023年9月28日通过，现予公布，自2024年1月1日起施行。
广东省人民代表大会常务委员会
2023年9月28日
广东省数据要素市场促进条例
第一章 总则"""


def test_regulation_promulgated_by_announcement() -> None:
    (doc,) = segment_file(_source(ANNOUNCEMENT))[0]
    assert doc.doc_number == "广东省人民代表大会常务委员会公告（第12号）"
    assert doc.title == "广东省数据要素市场促进条例"
    assert doc.issuers == ["广东省人民代表大会常务委员会"]
    assert doc.date == "2023-09-28"
    assert doc.doc_type == "条例"


NUMBER_FIRST = """川府发〔2023〕5号
四川省人民政府关于印发四川省碳达峰实施方案的通知
各市（州）人民政府，省政府各部门、各直属机构：
现将《四川省碳达峰实施方案》印发给你们，请认真贯彻执行。
四川省人民政府
2023年1月10日
四川省碳达峰实施方案
一、总体要求"""


def test_doc_number_printed_above_the_title() -> None:
    (doc,) = segment_file(_source(NUMBER_FIRST))[0]
    assert (doc.start_line, doc.doc_number, doc.title) == (1, "川府发〔2023〕5号", "关于印发四川省碳达峰实施方案的通知")
    assert doc.issuers == ["四川省人民政府"] and doc.date == "2023-01-10"
    assert doc.attachment_title == "四川省碳达峰实施方案"


RED_HEADER_PDF = """内蒙古自治区人民政府办公厅文件

内政办发〔2023〕20号

内蒙古自治区人民政府办公厅
关于加快推进现代化牧场建设的实施意见

各盟行政公署、市人民政府，自治区各委、办、厅、局：
（五）推动适度规模养殖。支持农牧民合作社发展。（自治区农牧厅牵头，自治区林草局配合

— 1 —

内政办发〔2023〕20号

，各盟市落实）
内蒙古自治区人民政府办公厅
2023年4月3日"""


def test_red_header_opens_the_document_and_page_header_is_dropped() -> None:
    (doc,) = segment_file(_source(RED_HEADER_PDF))[0]
    assert doc.start_line == 1
    assert doc.doc_number == "内政办发〔2023〕20号"
    assert doc.title == "关于加快推进现代化牧场建设的实施意见"
    assert doc.date == "2023-04-03"
    clause_line = next(ln.text for ln in doc.body if "农牧厅牵头" in ln.text)
    assert clause_line.endswith("（自治区农牧厅牵头，自治区林草局配合，各盟市落实）")


WEB_PAGE = """首页 > 政务公开 > 政策文件
云南省人民政府关于推进健康云南行动的实施意见
来源：云南省人民政府办公厅　　发布时间：2023-08-21 10:15
索引号：000014349/2023-00156　　发文机关：云南省人民政府
发文字号：云政发〔2023〕27号　　成文日期：2023年08月14日
云南省人民政府关于推进健康云南行动的实施意见
云政发〔2023〕27号
各州、市人民政府，省直各委、办、厅、局：
　　一、总体目标"""


def test_web_page_heading_above_the_field_block() -> None:
    (doc,) = segment_file(_source(WEB_PAGE))[0]
    assert (doc.start_line, doc.doc_number, doc.date) == (2, "云政发〔2023〕27号", "2023-08-14")
    assert doc.title == "关于推进健康云南行动的实施意见" and doc.issuers == ["云南省人民政府"]


HALF_WIDTH_NO_NUMBER = """人力资源社会保障部办公厅关于进一步做好人力资源服务
许可告知承诺制工作的通知
各省、自治区、直辖市及新疆生产建设兵团人力资源社会保障厅(局):
近年来,各级人力资源社会保障部门持续推行人力资源服务许可告知承诺制。
国家乡村振兴局综合司(代章) 人力资源社会保障部办公厅
2022 年 9 月 23 日"""


def test_half_width_addressee_and_seal_note() -> None:
    (doc,) = segment_file(_source(HALF_WIDTH_NO_NUMBER))[0]
    assert doc.title == "关于进一步做好人力资源服务许可告知承诺制工作的通知"
    assert doc.doc_number is None
    assert doc.issuers == ["国家乡村振兴局综合司", "人力资源社会保障部办公厅"]
    assert doc.date == "2022-09-23"

"""Agency NER on sentences from the corpus (signature blocks, responsibility clauses, running text)."""

from __future__ import annotations

import itertools
import json
import logging
from pathlib import Path

import pytest

from kg.agencies import Register
from kg.agencies.ner import AgencyNER


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.load()


@pytest.fixture(scope="module")
def ner(register: Register) -> AgencyNER:
    return AgencyNER.from_register(register)


def surfaces(ner: AgencyNER, text: str) -> list[str]:
    return [s for _, _, s in ner.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # signature block of a joint notice (000_606fabfb2d0a1440.txt)
        ("重庆市人民政府办公厅　　　四川省人民政府办公厅", ["重庆市人民政府办公厅", "四川省人民政府办公厅"]),
        # joint 川渝 responsibility clause
        (
            "（责任单位：重庆市金融监管局、重庆银保监局、重庆证监局、市财政局、人行重庆营管部；"
            "四川省地方金融监管局、四川银保监局、四川证监局、省财政厅、人行成都分行，成都市政府）",
            [
                "重庆市金融监管局",
                "重庆银保监局",
                "重庆证监局",
                "市财政局",
                "人行重庆营管部",
                "四川省地方金融监管局",
                "四川银保监局",
                "四川证监局",
                "省财政厅",
                "人行成都分行",
                "成都市政府",
            ],
        ),
        # running text with a lead agency and collectives (004_e3497b368b2c2b83.txt)
        (
            "建立由市人力社保局牵头，市发展改革委、市科技局、市经济信息委、市公安局、市财政局、市商务委、"
            "市市场监管局、市统计局、市金融监管局、重庆市税务局、人行重庆营管部等市级有关部门为成员的联席会议机制",
            [
                "市人力社保局",
                "市发展改革委",
                "市科技局",
                "市经济信息委",
                "市公安局",
                "市财政局",
                "市商务委",
                "市市场监管局",
                "市统计局",
                "市金融监管局",
                "重庆市税务局",
                "人行重庆营管部",
                "市级有关部门",
            ],
        ),
        ("由工业和信息化部牵头会同财政部对试点中小企业数字化改造情况进行审核", ["工业和信息化部", "财政部"]),
        ("认证规则由市场监管总局牵头制定。", ["市场监管总局"]),
        (
            "（责任单位：市乡村振兴局、市财政局、市医保局、重庆银保监局，各区县政府）",
            ["市乡村振兴局", "市财政局", "市医保局", "重庆银保监局", "各区县政府"],
        ),
        ("各区县（自治县）政府和市级有关部门要进一步提高政治站位", ["各区县（自治县）政府", "市级有关部门"]),
        (
            "牵头单位：市经济信息委、市科技局；配合单位：市发展改革委、市农业农村委",
            ["市经济信息委", "市科技局", "市发展改革委", "市农业农村委"],
        ),
    ],
)
def test_corpus_sentences(ner: AgencyNER, text: str, expected: list[str]) -> None:
    assert surfaces(ner, text) == expected


def test_spans_are_char_offsets_into_the_input(ner: AgencyNER) -> None:
    text = "建立由市人力社保局牵头的机制"
    spans = ner.find(text)
    assert spans == [(3, 9, "市人力社保局")]
    assert all(text[a:b] == s for a, b, s in spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("由昆山市数据局牵头", ["昆山市数据局"]),  # a city the register does not hold
        ("国家某某管理局负责", ["国家某某管理局"]),
        ("重庆市城市更新促进中心负责", ["重庆市城市更新促进中心"]),
    ],
)
def test_unregistered_agencies_by_shape(ner: AgencyNER, text: str, expected: list[str]) -> None:
    assert surfaces(ner, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "加快构建新发展格局，推动成渝地区双城经济圈建设，打造国际消费中心城市。",
        "重庆整体营商环境位居中西部前列。",
        "按照党中央、国务院决策部署，全国通办事项进一步扩大。",
        "领导小组联合办公室要认真履行综合协调、督促推动、计划制定等职责",
    ],
)
def test_no_agencies_in_ordinary_text(ner: AgencyNER, text: str) -> None:
    found = surfaces(ner, text)
    assert all(s in {"党中央", "国务院"} for s in found), found


def test_longest_match_non_overlapping(ner: AgencyNER) -> None:
    spans = ner.find("重庆市人民政府办公厅印发")
    assert spans == [(0, 10, "重庆市人民政府办公厅")]
    spans = ner.find("中共重庆市委组织部、市委宣传部")
    assert [s for _, _, s in spans] == ["中共重庆市委组织部", "市委宣传部"]
    for (_, end, _), (start, _, _) in itertools.pairwise(spans):
        assert end <= start


def test_traditional_text_returns_printed_surfaces(ner: AgencyNER, register: Register) -> None:
    found = ner.find("重慶市教育委員會與四川省教育廳聯合印發")
    assert [s for _, _, s in found] == ["重慶市教育委員會", "四川省教育廳"]
    assert [register.resolve(s).canonical for _, _, s in found] == ["重庆市教育委员会", "四川省教育厅"]


def test_every_found_register_surface_resolves(ner: AgencyNER, register: Register) -> None:
    text = "市教委、市财政局、市发展改革委、市经济信息委、市住房城乡建委、市规划自然资源局、市农业农村委"
    refs = [register.resolve(s, "重庆市") for _, _, s in ner.find(text)]
    assert len(refs) == 7
    assert all(r.canonical for r in refs)


def test_empty_text(ner: AgencyNER) -> None:
    assert ner.find("") == []


def test_private_segmenter_and_quiet_jieba(ner: AgencyNER) -> None:
    """The register's words go into the NER's own jieba tokenizer, not jieba's process-wide one."""
    import jieba

    assert "市人力社保局" not in list(jieba.cut("建立由市人力社保局牵头"))
    assert logging.getLogger("jieba").level >= logging.WARNING


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("由市经济信息委经济运行局负责", ["市经济信息委经济运行局"]),  # a unit of a register body
        ("教育部办公厅国家文物局办公室", ["教育部办公厅", "国家文物局办公室"]),  # joint issuers, no separator
        ("市应急局分管负责人任办公室主任", ["市应急局"]),
        ("市供销合作社委托集团公司", ["市供销合作社"]),
        ("各级人力资源社会保障部门要", ["各级人力资源社会保障部门"]),  # 部门, not the ministry
        ("项目承担单位和项目管理部门", ["项目承担单位", "项目管理部门"]),
        ("成渝共建西部金融中心工作领导小组各成员单位", ["成渝共建西部金融中心工作领导小组各成员单位"]),
        ("中心城区各区政府", ["中心城区各区政府"]),
        ("国务院相关部门和各地区", ["国务院相关部门", "各地区"]),
    ],
)
def test_units_and_collectives(ner: AgencyNER, text: str, expected: list[str]) -> None:
    assert surfaces(ner, text) == expected


def test_gold_clause_agencies(ner: AgencyNER) -> None:
    """Agencies the gold lists for each responsibility clause are the spans NER finds in it."""
    path = (
        Path(__file__).resolve().parent.parent.parent / "shared" / "gold" / "seeds" / "responsibilities.jsonl"
    )
    if not path.exists():
        path = Path("/work/shared/gold/seeds/responsibilities.jsonl")
    if not path.exists():
        pytest.skip("gold annotations not available")
    tp = fp = fn = 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        row = json.loads(raw)
        gold = set(row["lead"]) | set(row["support"]) | set(row["responsible"])
        found = {s for _, _, s in ner.find(row["clause"])}
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"agency NER on gold clauses: P={precision:.3f} R={recall:.3f} ({tp} tp, {fp} fp, {fn} fn)")
    assert precision >= 0.95
    assert recall >= 0.95

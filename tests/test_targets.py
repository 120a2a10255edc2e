"""Inline targets: plan period, comparators and years on real sentences, and the issue-6 gold bar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.eval.common import load_jsonl
from kg.eval.measures import measure_rows, score_targets
from kg.extract.targets import extract_targets, plan_end_year
from kg.text import Text

RAW = Path(__file__).resolve().parents[1] / "raw_texts"
GOLD = Path("/work/shared/gold/seeds")


def _text(*paragraphs: str, first: int = 10) -> Text:
    return Text.from_pieces((p, first + 2 * i) for i, p in enumerate(paragraphs))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("重庆市教育事业发展“十四五”规划（2021—2025年）", 2025),
        ("重庆市推动外贸高质量发展三年行动计划（2022—2024年）", 2024),
        ("信息通信行业绿色低碳发展行动计划（2022-2025年）", 2025),
        ("“十四五”新型城镇化实施方案", 2025),
        ("关于加强数字政府建设的指导意见", None),
    ],
)
def test_plan_end_year(title: str, expected: int | None) -> None:
    assert plan_end_year(title, None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("到2026年，重庆对RCEP成员国出口额突破1100亿元。", [(2026, "1100", "亿元", ">")]),
        ("到2023年，全市农机装备产业规模突破150亿元，农机总动力达到1600万千瓦。",
         [(2023, "150", "亿元", ">"), (2023, "1600", "万千瓦", ">=")]),
        ("到2024年，全市进口在外贸进出口总值中的占比提升至40%以上。", [(2024, "40", "%", ">=")]),
        ("到2026年，重庆承接RCEP成员国离岸外包执行额占全市18%左右。", [(2026, "18", "%", "about")]),
        ("2022—2024年，全市实际使用外资年均增长10%以上。", [(2024, "10", "%", ">=")]),
        ("到2025年，产业结构绿色转型取得显著成效，力争规模以上工业单位增加值能耗、用水量较2020年分别下降14.5%和15%。",
         [(2025, "14.5", "%", "="), (2025, "15", "%", "=")]),
    ],
)
def test_targets_in_sentences(sentence: str, expected: list[tuple]) -> None:
    got = [(t.year, t.value, t.unit, t.comparator) for t in extract_targets(_text(sentence), None)]
    assert got == expected


def test_plan_year_fills_in_and_lists_share_the_verb() -> None:
    text = _text("3．实施普通高中发展促进计划。普通高中优质教育资源覆盖率达到75%。建设50个课程创新基地、100门精品选修课程。")
    got = [(t.year, t.value, t.unit, t.comparator) for t in extract_targets(text, 2025)]
    assert got == [(2025, "75", "%", ">="), (2025, "50", "个", "="), (2025, "100", "门", "=")]


def test_ranges_keep_the_printed_value_without_comparator() -> None:
    text = _text("力争新增2—3所博士学位授予单位。")
    [t] = extract_targets(text, 2025)
    assert (t.value, t.unit, t.comparator) == ("2—3", "所", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "对符合条件的企业给予最高50万元补贴。",  # subsidy rule
        "在征收土地公告当月年满16周岁的人员。",  # age
        "城市道路照明设施完好率应当不低于95%。",  # standing standard, not a plan target
        "截至2021年底，全市已建成5G基站7.3万个。",  # already done
    ],
)
def test_non_targets(sentence: str) -> None:
    assert extract_targets(_text(sentence), None) == []


def test_review_section_is_skipped() -> None:
    text = _text(
        "一、发展基础",
        "教育普及水平显著提高，学前三年教育毛入园率达到90.3%、九年义务教育巩固率达到95.5%。",
        "二、主要目标",
        "到2025年，建成国家级科研平台50个。",
    )
    assert [(t.value, t.line) for t in extract_targets(text, 2025)] == [("50", 16)]


@given(st.integers(min_value=2021, max_value=2035), st.integers(min_value=1, max_value=99999),
       st.sampled_from([("突破", ">"), ("超过", ">"), ("达到", ">="), ("不低于", ">="), ("控制在", "<=")]))
def test_year_value_comparator_property(year: int, value: int, verb: tuple[str, str]) -> None:
    word, comparator = verb
    [t] = extract_targets(_text(f"到{year}年，全市软件业务收入{word}{value}亿元。"), None)
    assert (t.year, t.value, t.unit, t.comparator) == (year, str(value), "亿元", comparator)


@pytest.mark.skipif(not GOLD.exists(), reason="gold annotations not available")
def test_target_gold_bar() -> None:
    gold = load_jsonl(GOLD / "targets.jsonl")
    exhaustive = json.loads((GOLD / "targets_exhaustive.json").read_text(encoding="utf-8"))
    files = sorted({g["file"] for g in gold} | set(exhaustive))
    _, rows, _ = measure_rows([RAW / f for f in files])
    res = score_targets(rows, gold, exhaustive)
    assert res["recall"] >= 0.85
    assert res["exhaustive"]["precision"] >= 0.85
    assert res["exhaustive"]["recall"] >= 0.85

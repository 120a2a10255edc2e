"""Indicator tables: cell parsing, header roles, real table snippets, and the issue-6 gold bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.eval.common import load_jsonl
from kg.eval.measures import measure_rows, score_indicators
from kg.extract.indicators import extract_indicators, parse_header, parse_value_cell, split_name_unit
from kg.read.normalize import CleanLine

RAW = Path(__file__).resolve().parents[1] / "raw_texts"
GOLD = Path("/work/shared/gold/seeds")


@pytest.mark.parametrize(
    ("cell", "value", "comparator", "unit"),
    [
        ("＞93", "93", ">", None),
        ("≥4.5", "4.5", ">=", None),
        ("≤5", "5", "<=", None),
        ("＜1", "1", "<", None),
        ("2700左右", "2700", "about", None),
        (">【500】", "500", ">", None),
        ("【135】", "135", "=", None),
        ("65.78%", "65.78", "=", "%"),
        ("1.6万", "1.6", "=", "万"),
        ("115.0", "115.0", "=", None),
        ("2—3", "2—3", None, None),
        ("—", None, None, None),
    ],
)
def test_parse_value_cell(cell: str, value: str | None, comparator: str | None, unit: str | None) -> None:
    cv = parse_value_cell(cell)
    assert cv is not None
    assert (cv.value, cv.comparator, cv.unit) == (value, comparator, unit)


@pytest.mark.parametrize("cell", ["市民政局", "预期性", "学前教育", "毛入园率（%）"])
def test_non_value_cells(cell: str) -> None:
    assert parse_value_cell(cell) is None


_COMPARATORS = {"": "=", "＞": ">", ">": ">", "≥": ">=", "≤": "<=", "＜": "<", "<": "<"}


@given(
    st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(sorted(_COMPARATORS)),
    st.sampled_from(["", "%"]),
)
def test_value_cell_round_trip(number, prefix: str, suffix: str) -> None:
    printed = str(number)
    cv = parse_value_cell(f"{prefix}{printed}{suffix}")
    assert cv is not None
    assert cv.value == printed
    assert cv.comparator == _COMPARATORS[prefix]
    assert cv.unit == ("%" if suffix else None)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("毛入园率（%）", ("毛入园率", "%")), ("在园幼儿数（万人）", ("在园幼儿数", "万人")),
     ("外商直接投资（FDI）", ("外商直接投资（FDI）", None)), ("养老服务护理人员培训数量（每年）", ("养老服务护理人员培训数量（每年）", None))],
)
def test_split_name_unit(name: str, expected: tuple[str, str | None]) -> None:
    assert split_name_unit(name) == expected


def test_header_roles() -> None:
    h = parse_header("序号 指标名称 2020年 2025年 指标属性 责任部门")
    assert h is not None
    assert h.roles == ["seq", "name", "baseline", "target", "nature", "responsible"]
    assert (h.baseline_year, h.target_year) == (2020, 2025)
    spaced = parse_header("分  类 指    标 2020年 2025年 属性")
    assert spaced is not None and spaced.roles[:2] == ["category", "name"]
    assert parse_header("到2025年，主要指标达到全国先进水平，教育总体发展水平显著提高。") is None


def _lines(*texts: str, first: int = 100) -> list[CleanLine]:
    return [CleanLine(first + i, t) for i, t in enumerate(texts)]


def test_pdf_table_with_category_lines_and_sub_rows() -> None:
    lines = _lines(
        "专栏 1　重庆教育事业“十四五”规划主要指标",
        "分  类 指    标 2020年 2025年 属性",
        "义务教育",
        "在校学生数（万人） 317.4 328 预期性",
        "其中：普通小学 202.5 210 预期性",
        "普通初中 115.0 118 预期性",
        "九年义务教育巩固率（%） 95.5 ＞96 约束性",
        "三、主要任务",
    )
    rows = extract_indicators(lines)
    assert [(r.category, r.name, r.unit, r.baseline_value, r.target_value, r.target_comparator, r.nature) for r in rows] == [
        ("义务教育", "在校学生数", "万人", "317.4", "328", "=", "预期性"),
        ("义务教育", "普通小学", "万人", "202.5", "210", "=", "预期性"),
        ("义务教育", "普通初中", "万人", "115.0", "118", "=", "预期性"),
        ("义务教育", "九年义务教育巩固率", "%", "95.5", "96", ">", "约束性"),
    ]
    assert rows[0].table == "专栏1　重庆教育事业“十四五”规划主要指标"
    assert rows[0].line == 103


def test_web_table_with_responsible_column_and_carried_category() -> None:
    lines = _lines(
        "附件1",
        "养老托育服务健康发展主要指标",
        "序号 指标名称 2020年 2025年 指标属性 责任部门",
        "8 老年人健康管理率 65.78% >70% 约束性 市卫生健康委",
        "14 乡镇（街道）普惠性托育点覆盖率 — 60% 预期性 市卫生健康委",
        "23 职业院校养老服务相关专业招生数量 — 10万 预期性 市教委",
    )
    rows = extract_indicators(lines)
    assert rows[0].table == "附件1　养老托育服务健康发展主要指标"
    assert (rows[0].target_value, rows[0].target_comparator, rows[0].unit, rows[0].responsible) == ("70", ">", "%", ["市卫生健康委"])
    assert (rows[1].name, rows[1].baseline_value, rows[1].target_value) == ("乡镇（街道）普惠性托育点覆盖率", None, "60")
    assert rows[2].unit == "万"


def test_unit_column_and_category_column() -> None:
    lines = _lines(
        "序号 一级指标 二级指标 单位 2020年 2025年",
        "1 开放通道和平台 正式开放口岸数量 个 2 3",
        "2 港口货物吞吐量 亿吨 1.65 2.3",
        "14 共建“一带一路” 对“一带一路”沿线国家进出口额 亿元 1752.1 2700左右",
    )
    rows = extract_indicators(lines)
    assert [(r.category, r.name, r.unit) for r in rows] == [
        ("开放通道和平台", "正式开放口岸数量", "个"),
        ("开放通道和平台", "港口货物吞吐量", "亿吨"),
        ("共建“一带一路”", "对“一带一路”沿线国家进出口额", "亿元"),
    ]
    assert (rows[2].target_value, rows[2].target_comparator) == ("2700", "about")


@pytest.mark.skipif(not GOLD.exists(), reason="gold annotations not available")
def test_indicator_gold_bar() -> None:
    gold = load_jsonl(GOLD / "indicators.jsonl")
    files = sorted({g["file"] for g in gold})
    rows, _, _ = measure_rows([RAW / f for f in files])
    res = score_indicators(rows, gold)
    assert res["rows"]["f1"] >= 0.95
    for field in ("baseline_value", "target_value", "target_comparator", "nature"):
        assert res["field_accuracy"][field] >= 0.95, field

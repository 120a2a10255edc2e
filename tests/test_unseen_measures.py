"""The issue-6 bars on held-out documents: tests/unseen_measures (广东, 浙江, 江苏, 山东, 湖北, 湖南 and a
国家发展改革委 web copy; tab- and space-laid tables, two-line headers, wrapped names, worded targets,
a PDF-wrapped and a half-width copy), scored with kg.eval.measures against hand-made gold
(tests/unseen_measures/make_gold.py).  Failure messages carry the scorer's error lists.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.eval.common import load_jsonl
from kg.eval.measures import measure_rows, score_citations, score_indicators, score_targets
from kg.extract.deadlines import extract_deadline
from kg.extract.indicators import parse_header, parse_value_cell

HERE = Path(__file__).resolve().parent / "unseen_measures"
TEXTS = HERE / "texts"
GOLD = HERE / "gold"


@pytest.fixture(scope="module")
def rows() -> tuple[list[dict], list[dict], list[dict]]:
    return measure_rows(sorted(TEXTS.glob("*.txt")))


def test_gold_lines_print_their_records() -> None:
    """Every gold record's line prints what the record says (catches stale gold)."""
    for g in load_jsonl(GOLD / "targets.jsonl"):
        line = "".join((TEXTS / g["file"]).read_text(encoding="utf-8").splitlines()[g["line"] - 1].split())
        assert g["value"].split("—")[0] in line, (g["file"], g["line"])
    for g in load_jsonl(GOLD / "indicators.jsonl"):
        line = "".join((TEXTS / g["file"]).read_text(encoding="utf-8").splitlines()[g["line"] - 1].split())
        assert g["name"][:3] in line, (g["file"], g["line"])


def test_indicator_bar(rows: tuple[list[dict], list[dict], list[dict]]) -> None:
    score = score_indicators(rows[0], load_jsonl(GOLD / "indicators.jsonl"))
    assert score["rows"]["f1"] >= 0.95, (score["rows"], score["errors"])
    assert min(score["field_accuracy"].values()) >= 0.95, (score["field_accuracy"], score["errors"])


def test_target_bar(rows: tuple[list[dict], list[dict], list[dict]]) -> None:
    exhaustive = json.loads((GOLD / "targets_exhaustive.json").read_text(encoding="utf-8"))
    score = score_targets(rows[1], load_jsonl(GOLD / "targets.jsonl"), exhaustive)
    assert score["recall"] >= 0.90, score["missed"]
    assert score["exhaustive"]["precision"] >= 0.95, score["spurious"]
    assert min(score["field_accuracy"].values()) >= 0.95, score["errors"]


def test_citation_bar(rows: tuple[list[dict], list[dict], list[dict]]) -> None:
    score = score_citations(rows[2], load_jsonl(GOLD / "citations.jsonl"))
    assert score["f1"] >= 0.95, (score["missed"], score["spurious"])
    assert score["relation_accuracy"] >= 0.95, score["errors"]


@pytest.mark.parametrize(
    ("header", "roles", "years"),
    [
        ("类别 指标名称 单位 基期值（2020年） 目标值（2025年） 指标属性",
         ["category", "name", "unit", "baseline", "target", "nature"], (2020, 2025)),
        ("序号 指标 单位 2020年 2025年 属性 责任单位",
         ["seq", "name", "unit", "baseline", "target", "nature", "responsible"], (2020, 2025)),
    ],
)
def test_header_years_label_their_columns(header: str, roles: list[str], years: tuple[int, int]) -> None:
    h = parse_header(header)
    assert h is not None
    assert (h.roles, (h.baseline_year, h.target_year)) == (roles, years)


@pytest.mark.parametrize(
    ("cell", "value", "comparator", "unit"),
    [("累计下降13.5%", "13.5", "=", "%"), ("[0.5]", "0.5", "=", None), ("30以上", "30", ">=", None)],
)
def test_printed_change_cells(cell: str, value: str, comparator: str, unit: str | None) -> None:
    cv = parse_value_cell(cell)
    assert cv is not None
    assert (cv.value, cv.comparator, cv.unit) == (value, comparator, unit)


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("（省发展改革委牵头，省交通运输厅配合；2024年6月底前完成）", ("2024-06-30", "2024年6月底前")),
        ("（省交通运输厅牵头；2025年第三季度完成）", ("2025-09-30", "2025年第三季度")),
        ("（省商务厅牵头；年底前完成年度任务）", ("2023-12-31", "年底前")),
        ("（省交通运输厅、省财政厅负责；2023年12月31日前）", ("2023-12-31", "2023年12月31日前")),
        ("（省商务厅、省市场监管局按职责分工负责；长期坚持）", None),
    ],
)
def test_deadlines_of_held_out_tasks(clause: str, expected: tuple[str, str] | None) -> None:
    assert extract_deadline(clause, 2023) == expected

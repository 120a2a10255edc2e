"""Task deadlines: printed forms to ISO end dates."""

from __future__ import annotations

import calendar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.deadlines import extract_deadline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("加快推进燃气管道老化更新改造。（2022年10月底前完成）", ("2022-10-31", "2022年10月底前")),
        ("各区县制定工作方案，年底前完成。", ("2022-12-31", "年底前")),
        ("上半年完成摸底排查", ("2022-06-30", "上半年")),
        ("三季度末前完成验收", ("2022-09-30", "三季度末前")),
        ("2023年6月30日前完成整改", ("2023-06-30", "2023年6月30日前")),
        ("动员部署（即日起至2021年12月底）。", ("2021-12-31", "2021年12月底")),
        ("2022年底前启动，2023年6月底前全面完成", ("2023-06-30", "2023年6月底前")),
        ("2022—2025年持续推进", ("2025-12-31", "2022—2025年")),
        ("２０２２年１１月底前", ("2022-11-30", "２０２２年１１月底前")),
    ],
)
def test_deadlines(text: str, expected: tuple[str, str]) -> None:
    assert extract_deadline(text, 2022) == expected


@pytest.mark.parametrize(
    "text",
    ["长期坚持", "本办法自2022年1月1日起施行", "2022年全市实现燃气安全装置全覆盖", "按职责分工负责"],
)
def test_no_deadline(text: str) -> None:
    assert extract_deadline(text, 2022) is None


def test_relative_dates_need_the_document_year() -> None:
    assert extract_deadline("年底前完成", None) is None


@given(st.integers(min_value=2000, max_value=2040), st.integers(min_value=1, max_value=12), st.data())
def test_printed_day_round_trips(year: int, month: int, data: st.DataObject) -> None:
    day = data.draw(st.integers(min_value=1, max_value=calendar.monthrange(year, month)[1]))
    iso, quote = extract_deadline(f"{year}年{month}月{day}日前完成", None)  # type: ignore[misc]
    assert iso == f"{year:04d}-{month:02d}-{day:02d}"
    assert quote == f"{year}年{month}月{day}日前"


@given(st.integers(min_value=2000, max_value=2040), st.integers(min_value=1, max_value=12))
def test_month_end(year: int, month: int) -> None:
    result = extract_deadline(f"{year}年{month}月底前", None)
    assert result is not None
    assert result[0] == f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"

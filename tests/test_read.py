"""Reading raw files: encodings, bad input, normalisation with provenance."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.read.decode import decode_bytes, read_source
from kg.read.normalize import (
    clean_lines,
    compact,
    fullwidth_punct,
    is_page_number,
    join_lines,
    normalise,
    running_headers,
)

SAMPLE = "关于印发成渝共建西部金融中心规划联合实施细则的通知\n渝府办发〔2022〕126号\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("gb18030"), "gb18030"),
    ],
)
def test_decodes_common_encodings(data: bytes, encoding: str) -> None:
    text, enc = decode_bytes(data, "x.txt")
    assert enc == encoding
    assert text.startswith("关于印发")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (bytes(range(128, 256)) * 4, "undecodable"),
    ],
)
def test_bad_bytes_give_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as err:
        decode_bytes(data, "bad.txt")
    assert reason in str(err.value)
    assert str(err.value).startswith("bad.txt: ")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "nope.txt")


def test_compact_removes_spaces_inside_chinese_only() -> None:
    assert compact("2022 年 12 月 14 日") == "2022年12月14日"
    assert compact("（责任单位 ：重庆市金融") == "（责任单位：重庆市金融"
    assert compact("Belt and Road 倡议") == "Belt and Road倡议"


def test_fullwidth_punct_in_chinese_context() -> None:
    assert fullwidth_punct("(牵头单位:市发展改革委;配合单位:市财政局)") == "（牵头单位：市发展改革委；配合单位：市财政局）"
    assert fullwidth_punct("(1)加强组织领导") == "（1）加强组织领导"
    assert fullwidth_punct("see (2) above") == "see (2) above"
    assert fullwidth_punct("增长1,000亿元") == "增长1,000亿元"


@pytest.mark.parametrize("line", ["12", "- 12 -", "— 3 —", "第 3 页", "3/40"])
def test_page_numbers(line: str) -> None:
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["2022年", "1．支持符合条件的主体", "（一）加快培育"])
def test_not_page_numbers(line: str) -> None:
    assert not is_page_number(line)


# Real lines from raw_texts/000 (PDF-wrapped at ~45 characters, double spaced, with a page break).
WRAPPED = [
    "1．支持符合条件的主体在成渝地区依法依规发起设立证券公司、理财公司、保险资产管理公司、",
    "",
    "公募基金管理公司、消费金融公司、金融租赁公司、汽车金融公司等法人金融机构。支持符合条件",
    "",
    "12",
    "",
    "重庆市人民政府公报 2022 年第 21 期",
    "",
    "的大型金融机构、企业集团、科技创新企业等申请设立金融控股集团。（责任单位 ：重庆市金融",
    "",
    "监管局、重庆银保监局）",
    "",
    "（二）引进境内外金融机构。",
    "",
    "2．推动重庆、成都打造西部金融中心核心承载区，完善金融机构落户激励政策，加快引进境内",
]


def test_join_lines_keeps_provenance_and_drops_debris() -> None:
    headers = running_headers(WRAPPED * 2)
    text, _cleaned = normalise(WRAPPED, 100, headers)
    lines = text.lines()
    assert [ln.line for ln in lines] == [100, 112, 114]
    first = lines[0].text
    assert "支持符合条件的大型金融机构" in first
    assert "12" not in first and "公报" not in first
    assert first.endswith("（责任单位：重庆市金融监管局、重庆银保监局）")
    at = first.index("监管局、重庆银保监局")
    assert text.line_at(lines[0].start + at) == 110
    assert lines[1].text == "（二）引进境内外金融机构。"


def test_single_spaced_file_uses_blank_lines_as_paragraph_breaks() -> None:
    raw = ["第一段第一行没有句号", "", "第二段"]
    text, _ = normalise(raw, 1, set())
    assert [ln.text for ln in text.lines()] == ["第一段第一行没有句号", "第二段"]


@given(st.text(alphabet="政府关于印发通知 　\u3000，。12ab", max_size=60))
def test_compact_is_idempotent(s: str) -> None:
    once = compact(s.replace("\u3000", " "))
    assert compact(once) == once


@given(st.lists(st.text(alphabet="市教委财政局，。、（）12 ", min_size=1, max_size=30), min_size=1, max_size=12))
def test_join_never_loses_characters(raw: list[str]) -> None:
    cleaned = clean_lines(raw, 1, set())
    text = join_lines(cleaned)
    kept = "".join(compact(c.text) for c in cleaned)
    assert text.text.replace("\n", "") == fullwidth_punct(kept) or len(text.text.replace("\n", "")) == len(kept)


def test_html_entities_from_web_copies_are_decoded() -> None:
    from kg.read.normalize import clean_line

    assert clean_line("&nbsp;&nbsp;（一）支持企业开拓国际市场。") == "（一）支持企业开拓国际市场。"
    assert clean_line("&#12288;&#12288;第一条 为了") == "第一条 为了"
    assert clean_line("R&D投入") == "R&D投入"

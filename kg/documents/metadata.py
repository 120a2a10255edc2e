"""Read a document's metadata off its printed form: 文号, title, issuers, date, genre, attachment.

Rules follow the national standard layout of official documents (GB/T 9704): the title block
(issuer + 关于 … 的通知) above the 发文字号, the signature block (issuers, then the date) after the
notice text, and 《…》 naming the plan a 印发/转发 notice issues.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.read.normalize import compact

DOC_NUMBER_RE = re.compile(
    r"^(?P<num>[\u4e00-\u9fff]{1,16}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号)$"
)
INLINE_DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,16}[〔\[［【(（](?:19|20)\d{2}[〕\]］】)）]第?\d{1,5}号")
# Rules and regulations are promulgated by a decree (XX人民政府令 / 第346号) or an announcement
# (XX人民代表大会常务委员会公告 / （第12号））; the pair is the document's number.
DECREE_RE = re.compile(
    r"^(?P<issuer>[\u4e00-\u9fff]{2,30}(?:人民政府|政府|部|委员会|常务委员会|局|总署|署|办公厅))(?P<kind>令|公告)$"
)
DECREE_NO_RE = re.compile(r"^[（(]?第\s*(?P<no>\d{1,5})\s*号[）)]?$")

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
DATE_LINE_RE = re.compile(
    r"^(?P<y>(?:19|20)\d{2}|[二][〇○零ＯO][一二三四五六七八九〇○零ＯO]{2})年(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})日$"
)
DATE_ANY_RE = re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")

GENRES = (
    "细则", "通知", "意见", "办法", "规划", "方案", "条例", "决定", "规定", "规则", "函", "措施", "计划",
    "纲要", "清单", "指南", "批复", "公告", "通告", "决议", "报告", "要点", "标准", "制度", "通报", "命令", "令", "议案",
    "纪要", "规程", "守则", "准则", "章程", "目录",
)
_GENRE_RE = re.compile("(" + "|".join(sorted(GENRES, key=len, reverse=True)) + r")[》」』”\"]*(?:[（(][^（）()]*[）)])?$")

ISSUER_SUFFIX = r"(?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|办公厅|办公室|综合司|委员会|总局|政府|部|委|局|署|厅|院|办|行|会|中心|总队|中央|军委)"
_ISSUER_LINE_RE = re.compile(rf"^(?:[\u4e00-\u9fff（）()]{{2,30}}{ISSUER_SUFFIX}(?:[（(]代章[）)])?\s*)+$")
_TOP_BODIES = ("中共中央办公厅", "国务院办公厅", "中共中央", "国务院", "中央军委", "全国人大常委会", "中央军事委员会")
_NAME_END_RE = re.compile(ISSUER_SUFFIX + r"(?:[（(]代章[）)])?$")
# Names that begin with a place or a national prefix: a run of two such names is two issuers.
_PLACE_START_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区|市|特别行政区)|国家|中国|中共|国务院|全国|中央)")
_BAD_START = ("员会", "会", "公室", "公厅", "办公", "厅", "局", "部", "委", "署", "室")


def _looks_like_name(piece: str) -> bool:
    return len(piece) >= 2 and bool(_NAME_END_RE.search(piece)) and not piece.startswith(_BAD_START)


def cn_number(s: str) -> int:
    """Parse 1–99 in Arabic digits or Chinese numerals (十二, 二十一)."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(s, 0)


def parse_date(text: str) -> str | None:
    """ISO date of a standalone date line (2022年12月14日, 二〇二二年十二月十四日)."""
    m = DATE_LINE_RE.match(compact(text))
    if not m:
        return None
    y = m.group("y")
    year = int(y) if y.isdigit() else int("".join(str(_CN_DIGITS[c]) for c in y))
    month, day = cn_number(m.group("m")), cn_number(m.group("d"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def normalise_doc_number(num: str) -> str:
    """Whitespace out, brackets in the official 〔〕 form: 渝府办发〔2022〕126号."""
    s = compact(num).replace(" ", "")
    return re.sub(r"[\[［【(（]((?:19|20)\d{2})[\]］】)）]", r"〔\1〕", s)


def doc_type_of(title: str) -> str | None:
    """The genre is the last genre word of the title (关于印发…方案的通知 → 通知)."""
    m = _GENRE_RE.search(title)
    if m:
        return m.group(1)
    if re.search(r"印发|转发", title):
        return "通知"
    return None


def is_issuer_line(text: str) -> bool:
    """A line that only names issuing bodies (signature block or the issuer line above a title)."""
    t = text.strip()
    if not t or len(compact(t)) > 80:
        return False
    return bool(_ISSUER_LINE_RE.match(t)) and not re.search(r"关于|印发|转发|[。，；：]", t)


def split_run_together(part: str, known: Callable[[str], int] | None = None) -> list[str]:
    """Split names printed without separators (中共中央国务院, 教育部办公厅财政部办公厅).

    ``known`` grades a name: 2 a registered body, 1 an internal unit of one, 0 unknown.  A name
    the register knows whole is never split.  Otherwise dynamic programming over cut points:
    registered pieces score high, other well-formed names score nothing, and ties go to fewer
    pieces — so without a register we never break 中共中央宣传部 into 中共中央 + 宣传部.
    """
    n = len(part)
    is_known = known or (lambda x: 0)
    if n > 120 or is_known(part):
        return [part]
    best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0, [])
    for end in range(1, n + 1):
        for start in range(max(0, end - 40), end):
            prev = best[start]
            if prev is None:
                continue
            piece = part[start:end]
            if is_known(piece) == 2:
                gain = 3
            elif _looks_like_name(piece) or piece in _TOP_BODIES:
                gain = 1 if _PLACE_START_RE.match(piece) else 0
            else:
                continue
            cand = (prev[0] + gain, prev[1] - 1, [*prev[2], piece])
            if best[end] is None or cand[:2] > best[end][:2]:
                best[end] = cand
    result = best[n]
    return result[2] if result else [part]


def split_issuers(text: str, known: Callable[[str], int] | None = None) -> list[str]:
    """Split issuer names printed side by side (spaces, 、) or run together."""
    out: list[str] = []
    for part in re.split(r"[\s、，,]+", text.strip()):
        part = re.sub(r"[（(]代章[）)]", "", part).strip()
        if part:
            out.extend(split_run_together(part, known))
    return out


def title_issuer_prefix(title: str) -> tuple[str, str]:
    """Split ``X关于…`` into (issuer prefix, title from 关于); titles without 关于 stay whole.

    Gold and users expect ``关于印发…的通知`` without the issuer, but ``X印发…``/``X转发…`` kept whole
    because there the issuer is grammatically part of the title.
    """
    i = title.find("关于")
    if i > 0:
        prefix = title[:i]
        names_issuer = re.search(ISSUER_SUFFIX + r"(?:等\s*[\d一二三四五六七八九十]+\s*个?(?:部门|单位))?$", prefix) or re.search(
            r"等[\d一二三四五六七八九十]*个?(?:部门|单位)$", prefix
        )
        if names_issuer and not re.search(r"印发|转发", prefix):
            return prefix, title[i:]
    return "", title


def prefix_issuers(prefix: str, known: Callable[[str], int] | None = None) -> list[str]:
    """Issuers named in a title prefix, without the ``等N部门`` tail."""
    prefix = re.sub(r"等\s*[\d一二三四五六七八九十]+\s*个?(?:部门|单位)$|等(?:部门|单位)$", "", prefix)
    return split_issuers(prefix, known) if prefix else []


_ATTACH_RE = re.compile(r"《(?P<t>[^《》]+)》")
_ISSUED_RUN_RE = re.compile(
    r"(?P<run>《[^《》]+》(?:（[^（）]*）)?(?:[和、及与]《[^《》]+》(?:（[^（）]*）)?)*)[^《》。；]{0,25}?(?:印发给|转发给|印发|转发|已经|已由|现予)"
)


def _title_attachment(title: str) -> str | None:
    """What the title says is issued: 关于印发X的通知 → X (X's own 《》 kept unless they wrap it all)."""
    m2 = re.search(r"(?:印发|转发)(?P<t>.+?)(?:的通知|的函)?$", title)
    if m2:
        t = m2.group("t")
        whole = re.fullmatch(r"《([^《》]+)》", t)
        if whole:
            return whole.group(1)
        if "《" not in t or not t.startswith("《"):
            return re.sub(rf"^[\u4e00-\u9fff]{{2,20}}?{ISSUER_SUFFIX}等(?:部门|单位)?(?=[\u4e00-\u9fff“])", "", t)
    m = _ATTACH_RE.search(title)
    return m.group("t") if m else None


def attachment_titles(title: str, notice_text: str) -> list[str]:
    """Titles of what a 印发/转发 notice issues: the 《…》 just before 印发给你们, else from the title."""
    if not re.search(r"印发|转发", title):
        return []
    from_title = _title_attachment(title)
    # 〔以下简称《事项清单》〕 names an abbreviation, not a second issued document.
    notice_text = re.sub(r"[（〔(\[]\s*以下简称[^）〕)\]]*[）〕)\]]", "", notice_text)
    found: list[str] = []
    m = _ISSUED_RUN_RE.search(notice_text)
    if m:
        found = [x.group("t") for x in _ATTACH_RE.finditer(m.group("run"))]
    if not found and from_title:
        found = [from_title]
    out: list[str] = []
    for t in found:
        t = compact(t)
        # Prefer the title's spelling when it differs only by nested-quote style (〈〉 vs 《》).
        if from_title and t.replace("〈", "《").replace("〉", "》") == compact(from_title):
            t = compact(from_title)
        if t and t not in out:
            out.append(t)
    return out

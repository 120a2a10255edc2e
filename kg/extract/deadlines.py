"""Read a task's completion deadline (完成时限) as an ISO end date.

Task lists print deadlines as 2022年10月底前, 年底前, 上半年, 三季度末, 2023年6月30日前,
2022—2025年 …  A period means its last day; a bare month or season without a year belongs
to the document's year.  When a task names several dates, the latest is the deadline: earlier
ones are milestones (2022年底前启动, 2023年6月底前完成).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_QUARTER = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}

_YEAR = r"(?:(?P<y>(?:19|20)\d{2})(?:\s*[—–\-~～至到]\s*(?P<y2>(?:19|20)\d{2}))?\s*年|(?P<rel>今年|当年|本年|年))"
_MONTH = r"(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月"
_DEADLINE_RE = re.compile(
    r"(?:" + _YEAR + r")?\s*(?:"
    r"(?:" + _MONTH + r"\s*(?:(?P<d>\d{1,2})\s*[日号]|(?P<mend>底|末|份|中旬|上旬|下旬))?)"
    r"|(?P<half>上半年|下半年)"
    r"|第?(?P<q>[一二三四1-4])\s*季度(?:末|底)?"
    r"|(?P<yend>底|末|内)"
    r")?"
    r"(?P<tail>之?前|以前|完成|为止|起)?"
)


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _month(s: str) -> int:
    return int(s) if s.isdigit() else _CN_MONTH.get(s, 0)


def _resolve(m: re.Match[str], doc_year: int | None) -> date | None:
    g = m.groupdict()
    year: int | None
    if g["y2"]:
        year = int(g["y2"])
    elif g["y"]:
        year = int(g["y"])
    else:
        year = doc_year
    has_year = bool(g["y"] or g["rel"])
    if g["m"]:
        mo = _month(g["m"])
        if not 1 <= mo <= 12 or year is None:
            return None
        if g["d"]:
            d = int(g["d"])
            if not 1 <= d <= _last_day(year, mo):
                return None
            return date(year, mo, d)
        if not g["mend"] and not g["tail"] and not has_year:
            return None  # a bare "6月" in prose is not a deadline
        if g["mend"] in ("上旬",):
            return date(year, mo, 10)
        if g["mend"] in ("中旬",):
            return date(year, mo, 20)
        return date(year, mo, _last_day(year, mo))
    if year is None:
        return None
    if g["half"]:
        return date(year, 6, 30) if g["half"] == "上半年" else date(year, 12, 31)
    if g["q"]:
        mo = _QUARTER[g["q"]]
        return date(year, mo, _last_day(year, mo))
    if g["yend"] or (g["y"] and g["tail"] in ("前", "之前", "以前", "完成", "为止")) or g["y2"]:
        if not has_year:
            return None
        if g["rel"] == "年" and not g["yend"]:
            return None
        return date(year, 12, 31)
    return None


def extract_deadline(task_text: str, doc_year: int | None) -> tuple[str, str] | None:
    """(ISO end date, quote as printed) of the latest deadline named in ``task_text``, else None."""
    text = task_text.translate(_FW_DIGITS)
    best: tuple[date, str] | None = None
    for m in _DEADLINE_RE.finditer(text):
        if not m.group(0).strip():
            continue
        g = m.groupdict()
        if not (g["y"] or g["rel"] or g["m"] or g["half"] or g["q"]):
            continue
        if g["rel"] == "年" and not (g["yend"] or g["m"] or g["half"] or g["q"]):
            continue
        if g["tail"] == "起" and not g["y2"]:
            continue  # 自2022年1月1日起 is a start, not a deadline
        if g["y"] and not (g["m"] or g["half"] or g["q"] or g["yend"] or g["tail"] or g["y2"]):
            continue  # a bare year ("2022年全市…") is context, not a deadline
        when = _resolve(m, doc_year)
        if when is None:
            continue
        quote = re.sub(r"(?:完成|为止)$", "", task_text[m.start() : m.end()].strip())
        if best is None or when > best[0]:
            best = (when, quote)
    if best is None:
        return None
    return best[0].isoformat(), best[1]

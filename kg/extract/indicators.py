"""Read indicator tables (专栏 / 附件 / 表 …主要指标) into one Indicator per row.

Plans print their headline numbers as small tables: a header naming the columns (分类 | 指标 |
单位 | 2020年 | 2025年 | 属性 | 责任部门), then one row per indicator.  After PDF extraction or
web copying a row is a line of cells separated by single spaces (tabs collapse, so empty cells
vanish).  We therefore read the header into an ordered list of column roles and peel each row
from the right — responsible agency, nature, target, baseline, unit — because those cells have
recognisable shapes, and leave whatever text remains on the left as (sequence number,)
category and name.  A line holding only a short label is a category heading carried down to
the following rows (and to their 其中： sub-rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.model import Indicator
from kg.read.normalize import CleanLine, compact

# ------------------------------------------------------------------ header

_HEADER_TOKEN_RE = re.compile(
    r"(?P<seq>序号|编号)"
    r"|(?P<category>一级指标|指标类别|指标分类|分类|类别|领域|维度|方面)"
    r"|(?P<nature>指标属性|指标性质|属性|性质)"
    r"|(?P<name>二级指标|三级指标|指标名称|具体指标|指标内容|指标)"
    r"|(?P<unit>计量单位|单位)"
    r"|(?P<year>(?:19|20)\d{2}年(?:目标值?|基期值?|现状值?|预期值?)?)"
    r"|(?P<baseline>基期值?|基准值|现状值?|基数)"
    r"|(?P<target>目标值|预期值|目标)"
    r"|(?P<responsible>责任(?:部门|单位)|牵头(?:部门|单位)|负责(?:部门|单位))"
    r"|(?P<other>年均增长率?|累计增长|增幅|备注)"
)
_TABLE_LABEL_RE = re.compile(r"^(?P<label>(?:专栏|附件|附表|表)\s*[0-9０-９一二三四五六七八九十]*)\s*(?P<rest>.*)$")
_END_RE = re.compile(r"^(?:备注|注|说明|资料来源|数据来源)\s*[：:0-9１-９]")
_SECTION_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+[章节条])")

NATURES = ("预期性", "约束性")

# ------------------------------------------------------------------ values and units

_NUM = r"\d+(?:[.．]\d+)?(?:\s*[—–\-~～至]\s*\d+(?:[.．]\d+)?)?"
_UNIT_WORDS = (
    "人次", "人", "元", "美元", "吨", "标准煤", "个", "所", "家", "件", "项", "张", "列", "条", "辆", "亩", "公顷",
    "公里", "千米", "米", "千瓦时", "千瓦", "瓦", "平方米", "平方公里", "立方米", "年", "岁", "天", "小时", "次", "台",
    "套", "部", "座", "处", "户", "床", "门", "种", "只", "头", "本", "册", "篇", "名", "位", "倍", "分", "元/人",
    "标箱", "架次", "艘", "片", "GB", "Mbps", "G", "个百分点", "百分点", "斤", "公斤", "克", "微克", "毫克",
)
_UNIT_CORE = r"(?:%|％|‰|℃|[十百千万亿]*(?:" + "|".join(
    re.escape(u) for u in sorted(_UNIT_WORDS, key=len, reverse=True)
) + r")(?:/[\u4e00-\u9fff]{1,4})?|[十百千万亿]+)"
UNIT_RE = re.compile(rf"^{_UNIT_CORE}$")
_NAME_UNIT_RE = re.compile(rf"[（(](?P<unit>{_UNIT_CORE})[）)]$")
_EMPTY = {"—", "——", "-", "--", "－", "/", "／", "无", "…", "─", "一"}
_VALUE_RE = re.compile(
    r"^(?P<change>(?:累计|年均|五年)?(?:下降|降低|减少|增长|提高|提升))?"
    r"(?P<pre>[＞>≥≧＜<≤≦＝=]=?|不低于|不少于|不高于|不超过|超过|大于|小于|高于|低于)?"
    r"[【\[［(（]?(?P<num>" + _NUM + r")[】\]］)）]?"
    r"(?P<unit>%|％|‰|(?!左右|以上|以下|以内)(?:[十百千万亿]+[\u4e00-\u9fff]{0,2}?|[\u4e00-\u9fff]{1,2}?)(?=以上|以下|以内|左右|$))?"
    r"(?P<post>左右|以上|以下|以内|及以上|及以下)?$"
)

_COMPARATORS = {
    ">": ">", "＞": ">", "超过": ">", "大于": ">", "高于": ">",
    ">=": ">=", "≥": ">=", "≧": ">=", "不低于": ">=", "不少于": ">=", "以上": ">=", "及以上": ">=",
    "<": "<", "＜": "<", "小于": "<", "低于": "<",
    "<=": "<=", "≤": "<=", "≦": "<=", "不高于": "<=", "不超过": "<=", "以下": "<=", "以内": "<=", "及以下": "<=",
    "=": "=", "＝": "=", "左右": "about",
}


@dataclass(frozen=True, slots=True)
class CellValue:
    """A parsed value cell: the number as printed, its comparator and any unit glued to it."""

    value: str | None
    comparator: str | None
    unit: str | None


def parse_value_cell(cell: str) -> CellValue | None:
    """Parse ``＞93`` / ``≥4.5`` / ``2700左右`` / ``>【500】`` / ``1.6万`` / ``—``; None if not a value.

    Empty markers (—, /, 无) give a CellValue with no value, so column alignment survives them.
    """
    s = compact(cell).replace("＝", "=")
    if s in _EMPTY or (s and set(s) <= set("—－-─")):
        return CellValue(None, None, None)
    m = _VALUE_RE.match(s)
    if not m:
        return None
    num = m.group("num").replace("．", ".").replace(" ", "")
    num = re.sub(r"[–\-~～至]", "—", num)
    pre, post = m.group("pre"), m.group("post")
    if m.group("change") and not pre:
        pre = "="  # 累计下降13.5%: the printed change is the value itself
    if "—" in num:
        comparator = None
    elif pre:
        comparator = _COMPARATORS.get(pre, "=")
    elif post:
        comparator = _COMPARATORS.get(post, "=")
    else:
        comparator = "="
    unit = m.group("unit")
    if unit == "％":
        unit = "%"
    return CellValue(num, comparator, unit)


def is_value_cell(cell: str) -> bool:
    return parse_value_cell(cell) is not None


def split_name_unit(name: str) -> tuple[str, str | None]:
    """``毛入园率（%）`` → (``毛入园率``, ``%``); names whose brackets are not units stay whole."""
    m = _NAME_UNIT_RE.search(name)
    if not m or m.start() == 0:
        return name, None
    unit = m.group("unit").replace("％", "%")
    return name[: m.start()], unit


# ------------------------------------------------------------------ table reading


@dataclass(slots=True)
class _Header:
    roles: list[str]  # in printed order: seq/category/name/unit/baseline/target/nature/responsible/other
    baseline_year: int | None
    target_year: int | None


def parse_header(text: str) -> _Header | None:
    """Column roles of an indicator table header, or None when the line is not one."""
    s = compact(text)
    if len(s) > 70 or s.endswith(("。", "；", "，")):
        return None
    roles: list[str] = []
    years: list[int] = []
    column_years: dict[str, int] = {}  # 基期值（2020年） / 目标值（2025年）: the year labels that column
    pos = 0
    for m in _HEADER_TOKEN_RE.finditer(s):
        gap = s[pos : m.start()]
        if len(gap) > 4:  # header words are packed together; prose is not
            return None
        pos = m.end()
        kind = m.lastgroup or "other"
        if kind == "year" and roles and roles[-1] in ("baseline", "target") and re.fullmatch(r"[（(]?", gap) and m.group(0).endswith("年"):
            column_years.setdefault(roles[-1], int(m.group(0)[:4]))
            pos = m.end() + (1 if s[m.end() : m.end() + 1] in ("）", ")") else 0)
            continue
        if kind == "year":
            years.append(int(m.group(0)[:4]))
            roles.append("year")
        else:
            roles.append(kind)
    if len(s) - pos > 4:
        return None
    has_name = "name" in roles
    n_values = sum(1 for r in roles if r in ("year", "baseline", "target"))
    if not has_name or n_values == 0:
        return None
    # Resolve year columns: the last is the target, the first (if another) the baseline.
    year_idx = [i for i, r in enumerate(roles) if r == "year"]
    target_year = baseline_year = None
    if year_idx:
        for i in year_idx:
            roles[i] = "other_value"
        if "target" not in roles:
            roles[year_idx[-1]] = "target"
            target_year = years[-1]
        if len(year_idx) >= 2 and "baseline" not in roles:
            roles[year_idx[0]] = "baseline"
            baseline_year = years[0]
        elif "baseline" in roles:
            baseline_year = years[0] if years[0] != target_year else None
    if "target" not in roles:
        return None
    baseline_year = column_years.get("baseline", baseline_year)
    target_year = column_years.get("target", target_year)
    if roles.count("name") > 1:  # 一级指标 二级指标 both read as name when written 指标 … 指标
        roles[roles.index("name")] = "category"
    return _Header(roles, baseline_year, target_year)


def _tokens(text: str) -> list[str]:
    """Split a row into cells; glue lone comparators and trailing 左右 back onto their number."""
    raw = [t for t in text.split(" ") if t]
    out: list[str] = []
    for tok in raw:
        if (out and out[-1] in ("＞", ">", "≥", "≤", "＜", "<", ">=", "<=", "＝", "=")) or (out and tok in ("左右", "以上", "以下", "以内") and is_value_cell(out[-1] + tok)) or (out and tok in ("%", "％") and is_value_cell(out[-1] + tok)):
            out[-1] += tok
        else:
            out.append(tok)
    # A name glued to its first value (毛入园率（%）90.3): split off the value.
    if out:
        m = re.match(r"^(?P<name>.*[\u4e00-\u9fff）)])(?P<val>[＞>≥≤＜<]?\d+(?:\.\d+)?%?)$", out[0])
        if m and len(out) >= 1:
            out[0:1] = [m.group("name"), m.group("val")]
    return out


def _is_worded_value(toks: list[str]) -> bool:
    """The last cell is a target in words: short Chinese text right after a value cell (the baseline)."""
    return (
        len(toks) >= 3
        and re.fullmatch(r"[\u4e00-\u9fff]{2,12}", compact(toks[-1])) is not None
        and not _is_nature(toks[-1])
        and is_value_cell(toks[-2])
    )


def _is_nature(tok: str) -> bool:
    return tok in NATURES


@dataclass(slots=True)
class _Row:
    category: str | None
    name: str
    unit: str | None
    baseline: CellValue | None
    target: CellValue | None
    nature: str | None
    responsible: list[str]
    line: int
    sub: bool = False


def _split_agencies(cells: list[str]) -> list[str]:
    out: list[str] = []
    for cell in cells:
        for part in re.split(r"[、，,；;]", compact(cell)):
            part = re.sub(r"等$", "", part)
            if part:
                out.append(part)
    return out


def parse_row(text: str, header: _Header) -> tuple[list[str], dict[str, object]] | None:
    """Peel value-shaped cells from the right by the header's roles; return (left text cells, fields)."""
    toks = _tokens(text)
    if not toks:
        return None
    fields: dict[str, object] = {}
    right_roles = [r for r in header.roles if r not in ("seq", "category", "name")]
    # Only roles printed after the name column are peeled from the right.
    name_pos = max(i for i, r in enumerate(header.roles) if r in ("name", "category", "seq"))
    right_roles = [r for i, r in enumerate(header.roles) if i > name_pos]
    values_seen = 0
    for role in reversed(right_roles):
        if len(toks) <= 1:
            break
        tok = toks[-1]
        if role == "responsible":
            taken: list[str] = []
            while len(toks) > 1 and not _is_nature(toks[-1]) and not is_value_cell(toks[-1]):
                taken.insert(0, toks.pop())
            fields["responsible"] = _split_agencies(taken)
        elif role == "nature":
            if _is_nature(tok):
                fields["nature"] = toks.pop()
        elif role in ("target", "baseline", "other_value", "other"):
            cv = parse_value_cell(tok)
            if cv is not None:
                toks.pop()
                values_seen += 1
                if role in ("target", "baseline"):
                    fields[role] = cv
            elif role == "target" and _is_worded_value(toks):
                toks.pop()  # 完成国家下达任务 / 与经济增长基本同步: a target stated in words has no number
                fields[role] = CellValue(None, None, None)
        elif role == "unit" and UNIT_RE.match(compact(tok)) and not is_value_cell(tok):
            fields["unit"] = compact(toks.pop()).replace("％", "%")
    if values_seen == 0:
        return None
    return toks, fields


def _table_title(lines: list[CleanLine], header_at: int) -> str:
    """The title printed above the header: ``专栏1　标题`` or ``附件1`` + next line, as printed."""
    for back in range(1, 5):
        i = header_at - back
        if i < 0:
            break
        s = compact(lines[i].text)
        m = _TABLE_LABEL_RE.match(lines[i].text)
        if m and re.match(r"^(?:专栏|附件|附表|表)", s):
            label = compact(m.group("label"))
            rest = compact(m.group("rest")).lstrip("：:　 ")
            if not rest and back > 1:
                rest = compact(lines[i + 1].text)
            return f"{label}　{rest}" if rest else label
        if back == 1 and ("指标" in s or "目标" in s) and len(s) <= 50 and not s.endswith("。"):
            # an unlabelled title; keep looking for a label line right above it
            if i > 0:
                prev = compact(lines[i - 1].text)
                if re.fullmatch(r"(?:专栏|附件|附表|表)\s*[0-9０-９一二三四五六七八九十]*", prev):
                    return f"{prev}　{s}"
            return s
    return ""


def _is_category_line(text: str) -> bool:
    s = compact(text)
    return 1 < len(s) <= 16 and not any(c.isdigit() for c in s) and not s.endswith(("。", "；", "，", "："))


def extract_indicators(lines: list[CleanLine]) -> list[Indicator]:
    """One Indicator per row of every indicator table in ``lines`` (a document's cleaned lines)."""
    out: list[Indicator] = []
    i = 0
    n = len(lines)
    while i < n:
        header, used = _header_at(lines, i)
        if header is None:
            i += 1
            continue
        title = _table_title(lines, i)
        rows, i = _read_table(lines, i + used, header)
        for row in rows:
            out.append(
                Indicator(
                    table=title,
                    category=row.category,
                    name=row.name,
                    unit=row.unit,
                    baseline_year=header.baseline_year,
                    baseline_value=row.baseline.value if row.baseline else None,
                    target_year=header.target_year,
                    target_value=row.target.value if row.target else None,
                    target_comparator=row.target.comparator if row.target and row.target.value else None,
                    nature=row.nature,
                    responsible=row.responsible,
                    line=row.line,
                )
            )
    return out


_YEARS_ONLY_RE = re.compile(r"^(?:[（(]?(?:19|20)\d{2}年[）)]?){1,3}$")


def _merge_wrapped_header(first: str, second: str) -> _Header | None:
    """A header whose last cells wrap onto a second printed line (2020年/基期值, 指标/属性).

    The second line holds only header words, one per wrapped column, aligned with the last
    columns of the first line; the cells are rejoined pairwise and the result read as one header.
    """
    top = [c for c in first.split(" ") if c]
    low = [c for c in second.split(" ") if c]
    if not low or len(low) > len(top) or not all(_HEADER_TOKEN_RE.fullmatch(compact(c)) for c in low):
        return None
    k = len(top) - len(low)
    return parse_header(" ".join(top[:k] + [a + b for a, b in zip(top[k:], low, strict=True)]))


def _header_at(lines: list[CleanLine], i: int) -> tuple[_Header | None, int]:
    """The table header starting at line ``i`` and how many printed lines it takes (1 or 2).

    Headers split over two lines are common in PDF copies: either the wrapped cells continue on
    the next line, or the column years are printed under 基期值/目标值 as （2022年） （2025年）.
    """
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    if parse_header(nxt) is None:
        merged = _merge_wrapped_header(lines[i].text, nxt)
        if merged is not None:
            return merged, 2
    header = parse_header(lines[i].text)
    if header is None:
        return None, 1
    if _YEARS_ONLY_RE.match(compact(nxt)):
        years = [int(y) for y in re.findall(r"((?:19|20)\d{2})年", nxt)]
        if header.baseline_year is None and header.target_year is None:
            if len(years) >= 2 and "baseline" in header.roles:
                header.baseline_year = years[0]
            header.target_year = years[-1]
        return header, 2
    return header, 1


@dataclass(slots=True)
class _State:
    category: str | None = None
    pending: tuple[list[str], int] | None = None  # a row's name printed on the line above its values
    group_unit: str | None = None  # unit of the row a 其中 group hangs from
    in_group: bool = False
    rows: list[_Row] = field(default_factory=list)


def _read_table(lines: list[CleanLine], start: int, header: _Header) -> tuple[list[_Row], int]:
    """Rows from ``start`` until the table ends; returns the rows and the index after the table."""
    st = _State()
    has_category_col = "category" in header.roles
    misses = 0
    i = start
    while i < len(lines):
        text = lines[i].text
        s = compact(text)
        if parse_header(text) is not None:  # header repeated after a page break
            i += 1
            continue
        if _END_RE.match(s) or _SECTION_RE.match(s) or re.match(r"^(?:专栏|附件|附表)\s*\d", s):
            break
        parsed = parse_row(text, header)
        if parsed is None:
            nxt = lines[i + 1].text if i + 1 < len(lines) else ""
            starts_row = "seq" in header.roles and re.match(r"^\d{1,3}[.．、]?\s", text) is not None
            if starts_row and parse_row(nxt, header) is not None and len(s) <= 40:
                # 7 铁路和水路货运量占全社会货运 / 量比重 % 20.5 22: the name wraps before its values
                st.pending = ([t for t in text.split(" ") if t], lines[i].line)
                misses = 0
            elif lines[i].indented and st.rows and len(s) <= 30 and not s.endswith("。") and misses == 0:
                st.rows[-1].name += s  # an indented continuation of the previous row's name cell
            elif _is_category_line(text) and parse_row(nxt, header) is not None and (
                has_category_col or not st.rows or len(s) <= 10
            ):
                st.category = s
                st.in_group = False
                misses = 0
            elif st.rows and len(s) <= 30 and not s.endswith("。") and misses == 0:
                st.rows[-1].name += s  # a wrapped name cell
            else:
                misses += 1
                if misses >= 2 or s.endswith("。") or len(s) > 40:
                    break
            i += 1
            continue
        misses = 0
        left, fields = parsed
        line = lines[i].line
        if st.pending is not None:
            first, line = st.pending
            left = [*first[:-1], first[-1] + (left[0] if left else ""), *left[1:]]
            st.pending = None
        st.rows.append(_make_row(left, fields, header, st, line))
        i += 1
    return st.rows, i


def _make_row(left: list[str], fields: dict[str, object], header: _Header, st: _State, line: int) -> _Row:
    cells = list(left)
    if "seq" in header.roles and cells and re.fullmatch(r"\d{1,3}[.．、]?", cells[0]) and len(cells) > 1:
        cells.pop(0)
    has_category_col = "category" in header.roles
    if has_category_col and len(cells) >= 2:
        st.category = compact(cells[0])
        st.in_group = False
        cells = cells[1:]
    name = compact("".join(cells))
    sub = False
    m = re.match(r"^其中[：:]?", name)
    if m:
        name = name[m.end() :]
        sub = True
    name, name_unit = split_name_unit(name)
    unit = fields.get("unit") or name_unit
    baseline = fields.get("baseline")
    target = fields.get("target")
    if not unit:
        for cv in (target, baseline):
            if isinstance(cv, CellValue) and cv.unit:
                unit = cv.unit
                break
    if sub:
        st.in_group = True
    elif name_unit or fields.get("unit"):
        st.in_group = False
    if not unit and st.in_group:
        unit = st.group_unit
    if not sub and not st.in_group:
        st.group_unit = unit
    return _Row(
        category=st.category,
        name=name,
        unit=unit,  # type: ignore[arg-type]
        baseline=baseline,  # type: ignore[arg-type]
        target=target,  # type: ignore[arg-type]
        nature=fields.get("nature"),  # type: ignore[arg-type]
        responsible=list(fields.get("responsible", [])),  # type: ignore[arg-type]
        line=line,
        sub=sub,
    )

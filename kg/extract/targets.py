"""Find inline quantitative targets in running text (到2025年，…达到/突破/新增 N 单位).

A target is a number with a measure unit that a forward-looking clause commits to: the clause
or its sentence names a future year (到2025年, 2022年底前, 2022—2024年, “十四五”期间), says 力争,
or a verb of achievement governs the number (达到, 突破, 新增, 建成 …) inside a plan.  Numbers in
review sections (发展环境, “十三五”时期 …), sentences about what has already happened (已, 截至),
subsidy and fee rules (补贴, 给予, 最高, 按…%), ages, dates and ordinals are not targets.
The year is the clause's own year, else the nearest year stated in the same section, else the
plan period's end (GOLD_SCHEMA).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Target
from kg.text import Text

_FW = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

_UNITS = (
    "个百分点", "百分点", "%", "‰", "万亿元", "亿元", "万元", "元", "亿美元", "万美元", "美元", "万千瓦时", "千瓦时",
    "万千瓦", "千瓦", "万吨", "吨", "万人次", "人次", "万人", "人", "万个", "个", "所", "家", "项", "门", "名", "张",
    "间", "辆", "万辆", "片", "亩", "万亩", "公顷", "公里", "千米", "平方米", "万平方米", "平方公里", "条", "座", "种",
    "户", "万户", "套", "台", "部", "处", "篇", "支", "批", "类", "场", "届", "列", "艘", "架", "块", "只", "头", "册",
    "本", "期", "标箱", "千米", "立方米", "微克/立方米", "斤", "公斤",
)
_UNIT_RE = "|".join(re.escape(u) for u in sorted(set(_UNITS), key=len, reverse=True))
_NUM = r"\d+(?:\.\d+)?"
_QTY_RE = re.compile(
    rf"(?<![\d.年月第〔\[（(号])(?P<num>{_NUM}(?:\s*[—–\-~～至]\s*{_NUM})?)\s*"
    rf"(?P<unit>(?:%|‰|[十百千万亿]?(?:{_UNIT_RE}))(?:/(?:月|年|日|人|平方公里|亩|户))?)"
    r"(?P<post>以上|左右|以内|以下|及以上)?"
)
_YEAR_FWD_RE = re.compile(
    r"(?:到|至|截至|截止到?|力争到?|在)?\s*(?P<y>(?:19|20)\d{2})\s*年(?P<end>底|末|前|底前|以前|年底)?"
    r"|(?P<y1>(?:19|20)\d{2})\s*[—–\-~～至]\s*(?P<y2>(?:19|20)\d{2})\s*年"
    r"|“?(?P<fyp>十[一二三四五六七八九]五|十五)”?(?:期间|时期|末|内)"
)
_FYP_END = {"十五": 2005, "十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035}

_GT = ("突破", "超过", "高于", "大于", "多于")
_GE = ("达到", "达", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "扩大到", "扩大至",
       "不低于", "不少于", "至少", "保持在", "稳定在", "巩固在", "力争达到")
_LE = ("控制在", "不超过", "不高于", "低于", "压减到", "压减至", "降低到", "降低至", "降至", "下降到", "下降至")
_VERBS = _GT + _GE + _LE + (
    "新增", "建设", "建成", "建立", "培育", "打造", "创建", "引进", "入选", "选派", "开发", "支持", "培养", "认定",
    "发展", "建强", "建好", "评选", "获得", "设立", "下降", "降低", "减少", "增长", "提高", "提升", "覆盖", "实现",
    "办好", "布局", "招收", "完成", "开展", "累计", "投放", "形成", "新建", "改建", "改造",
)
_PAST_RE = re.compile(r"已经|已|截至|截止|“?十[一二三]五”?(?:期间|时期|以来)|过去|近年来|目前|现有|同比|比上年|较上年|增长了|位居|排名|其中|共有")
_POLICY_RE = re.compile(
    r"补贴|补助|奖励|资助|给予|贴息|减免|减按|免征|返还|(?<!消)费率|利率|缴费|缴纳|收费|报销|按照?\S{0,8}(?:比例|标准)|最高|每户|每人|每家|每名|"
    r"一次性|额度|上限|下限|工资|年满|周岁|岁以(?!下婴幼儿)|以下的|以上的|不超过\S{0,6}元|单笔|注册资本|担保费|保费|(?<![人口])拥有|套及以上"
)
_FORWARD_RE = re.compile(r"力争|目标|确保|预计|“?十[四五六]五”?(?:期间|时期|末)|年均|到\d{4}年")
# Review headings: 发展环境 / 发展基础 / 面临形势 …, not 优化营商环境 or 加强生态环境保护 (task headings).
_REVIEW_HEADING_RE = re.compile(r"(?:发展|面临的?|规划)(?:环境|基础)|成就|回顾|现状|形势|成效|进展|背景")
_TABLE_ROW_RE = re.compile(r"(?:预期性|约束性)$")
_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|第[一二三四五六七八九十]+[章节部分])")


def plan_end_year(title: str, text: Text | None) -> int | None:
    """End year of the plan period: （2022—2025年） → 2025, 十四五 → 2025, 2021—2023年 in the title …"""
    s = title.translate(_FW)
    m = re.search(r"((?:19|20)\d{2})\s*[—–\-~～至]\s*((?:19|20)\d{2})\s*年?", s)
    if m:
        return int(m.group(2))
    m = re.search(r"十[一二三四五六七八九]?五", s)
    if m and m.group(0) in _FYP_END:
        return _FYP_END[m.group(0)]
    m = re.search(r"(?:到|至)((?:19|20)\d{2})年", s)
    if m:
        return int(m.group(1))
    if text is not None:
        head = text.text[:3000].translate(_FW)
        m = re.search(r"[（(]((?:19|20)\d{2})\s*[—–\-~～至]\s*((?:19|20)\d{2})\s*年?[）)]", head)
        if m:
            return int(m.group(2))
        m = re.search(r"“(十[一二三四五六七八九]?五)”(?:规划|时期|期间)", head)
        if m and m.group(1) in _FYP_END and re.search(r"规划|计划|方案", title):
            return _FYP_END[m.group(1)]
    return None


@dataclass(slots=True)
class _Year:
    year: int
    forward: bool


def _years_in(s: str) -> list[tuple[int, _Year]]:
    out: list[tuple[int, _Year]] = []
    for m in _YEAR_FWD_RE.finditer(s):
        if re.search(r"(?:较|比|与|同)$", s[max(0, m.start() - 1) : m.start()]):
            continue  # 较2020年下降14.5%: a baseline, not the target's year
        if m.group("y2"):
            out.append((m.start(), _Year(int(m.group("y2")), True)))
        elif m.group("fyp"):
            key = m.group("fyp")
            if key in _FYP_END:
                fwd = key not in ("十五", "十一五", "十二五", "十三五")
                out.append((m.start(), _Year(_FYP_END[key], fwd)))
        else:
            y = int(m.group("y"))
            after = s[m.end() : m.end() + 2]
            if after.startswith(("月", "日")) or re.match(r"\d", after):
                # a full date: 2022年5月 … only forward when it is 到/前
                pass
            prefix = s[max(0, m.start() - 3) : m.start()] + m.group(0)
            if re.search(r"截至|截止", prefix):
                out.append((m.start(), _Year(y, False)))  # 截至2021年底: a stock-take, not a goal
                continue
            fwd = bool(re.search(r"到|力争|至", prefix)) or bool(m.group("end") and "前" in m.group("end"))
            fwd = fwd or (bool(m.group("end")) and not re.search(r"截至|截止", prefix))
            out.append((m.start(), _Year(y, fwd)))
    return out


def _comparator(before: str, post: str | None, num: str, unit: str) -> str | None:
    if re.search(r"[—–\-~～至]", num):
        return None
    if post in ("以上", "及以上"):
        return ">="
    if post == "左右":
        return "about"
    if post in ("以内", "以下"):
        return "<="
    tail = before[-8:]
    best: tuple[int, str] | None = None
    for words, comp in ((_GT, ">"), (_GE, ">="), (_LE, "<=")):
        for w in words:
            k = tail.rfind(w)
            if k >= 0 and (best is None or k + len(w) > best[0]):
                best = (k + len(w), comp)
    if best and len(tail) - best[0] <= 6:
        if best[1] == ">=" and unit == "%" and num == "100":
            return "="
        return best[1]
    return "="


_SUBJECT_STRIP_RE = re.compile(
    r"^(?:到|至)?(?:\d{4}年(?:底|末)?|“?十四五”?(?:期间|末|时期)?)[，,]?|^(?:力争|推动|支持|确保|实现|逐步|进一步|加快|全面|累计|其中)+"
)


def _subject(clause_before: str, after: str) -> str:
    s = clause_before
    for _ in range(3):
        s2 = _SUBJECT_STRIP_RE.sub("", s)
        if s2 == s:
            break
        s = s2
    s = re.sub(r"(?:分别|逐步|稳定|持续|每年|年均)?(?:" + "|".join(sorted(_VERBS, key=len, reverse=True)) + r")+$", "", s)
    if len(s) >= 2:
        return s
    noun = re.match(r"^(?:的)?([^，。；、,]{2,30}?)(?:[，。；、,]|和|$)", after)
    return noun.group(1) if noun else s


def _sections(text: Text) -> list[tuple[int, str]]:
    """(offset, heading) of level-1 headings, to know when we are in a review section."""
    return [(ln.start, ln.text) for ln in text.lines() if _HEADING_RE.match(ln.text) and len(ln.text) <= 40]


def extract_targets(text: Text, plan_end_year: int | None) -> list[Target]:
    """Inline quantitative targets of one document, in text order."""
    s = text.text.translate(_FW)
    heads = _sections(text)
    lines = text.lines()
    out: list[Target] = []
    for li, ln in enumerate(lines):
        body = s[ln.start : ln.end]
        if not body or (_HEADING_RE.match(body) and len(body) <= 40):
            continue
        if _TABLE_ROW_RE.search(body):
            continue  # an indicator-table row (…%—累计下降13.5%约束性) is read by the table reader
        section = ""
        for off, h in heads:
            if off <= ln.start:
                section = h
        if _REVIEW_HEADING_RE.search(section) and not re.search(r"目标|任务|举措|措施", section):
            continue
        goal_section = bool(re.search(r"目标", section))
        for sent_m in re.finditer(r"[^。；！？]+[。；！？]?", body):
            sent = sent_m.group(0)
            out.extend(
                _targets_in_sentence(text, ln.start + sent_m.start(), sent, lines, li, plan_end_year, goal_section)
            )
    return out


def _context_year(body: str, lines: list, li: int, text_s: str) -> _Year | None:
    """A forward year stated elsewhere in the paragraph or the neighbouring paragraphs of its section."""
    for pos, y in _years_in(body):
        if y.forward and re.search(r"到|至", body[max(0, pos - 2) : pos + 1]):
            return y
    for step in (1, 2, 3):
        j = li + step
        if j >= len(lines) or _HEADING_RE.match(lines[j].text):
            break
        for pos, y in _years_in(lines[j].text):
            if y.forward and pos <= 3:
                return y
    return None


def _list_continues(sent: str, prev_end: int, start: int) -> bool:
    """A quantity listed after an accepted one (…基地50个、专业群12个) shares its verb."""
    gap = sent[prev_end:start]
    return len(gap) <= 30 and not re.search(r"[。；]", gap) and bool(re.match(r"^(?:以上|左右)?[\u4e00-\u9fff“”（）]{0,3}[、，和及]", gap) or re.search(r"[、，]", gap))


def _targets_in_sentence(
    text: Text, offset: int, sent: str, lines: list, li: int, plan_end: int | None, goal_section: bool
) -> list[Target]:
    years = _years_in(sent)
    fwd_years = [(p, y) for p, y in years if y.forward]
    has_forward = bool(fwd_years) or bool(_FORWARD_RE.search(sent)) or goal_section
    past_years = [(p, y) for p, y in years if not y.forward]
    out: list[Target] = []
    prev_end = 0
    for m in _QTY_RE.finditer(sent):
        num, unit, post = m.group("num"), m.group("unit"), m.group("post")
        clause_start = max(sent.rfind(c, 0, m.start()) for c in "，,：:、") + 1
        clause_end_candidates = [k for k in (sent.find(c, m.end()) for c in "，,；。") if k >= 0]
        clause_end = min(clause_end_candidates) if clause_end_candidates else len(sent)
        before = sent[clause_start : m.start()]
        after = sent[m.end() : clause_end]
        clause = sent[clause_start:clause_end]
        if re.search(r"[年月日号]$", sent[: m.start()].rstrip()[-1:] or "") and not before:
            pass
        if re.match(r"^(?:年|月|日|岁|周岁|号|倍)", sent[m.end() : m.end() + 2]):
            continue
        if _POLICY_RE.search(clause) or _POLICY_RE.search(sent[max(0, clause_start - 12) : clause_start]):
            continue
        if re.search(r"比例为|占比为|为\s*$", before):
            continue
        if unit in ("元", "万元") and not re.search(r"规模|总量|投入|贷款|产值|营收|收入|总额|余额|投资|支出|消费", clause):
            continue
        if re.search(r"[A-Za-z]$", before) or re.match(r"^[A-Za-z]", sent[m.end() :]):
            continue
        own_year = [(p, y) for p, y in years if p < m.start()]
        year_info = own_year[-1][1] if own_year else (fwd_years[0][1] if fwd_years else None)
        if year_info is not None and not year_info.forward:
            continue
        if not fwd_years and _PAST_RE.search(sent) and not _FORWARD_RE.search(sent):
            continue
        if past_years and not fwd_years:
            continue
        listed = bool(out) and _list_continues(sent, prev_end, m.start())
        wide_start = max(sent.rfind(c, 0, m.start()) for c in "，,：:；") + 1
        comp = _comparator(before, post, num, unit)
        # a bare 不低于 binds a standard (应当不低于95%) unless the sentence looks forward
        verb_comp = comp not in ("=", None) and not post and not re.search(r"应当|应|须|原则上", clause)
        governed = listed or comp != "=" or re.search(
            "(?:" + "|".join(_VERBS) + r")[^，。；]{0,24}$", sent[wide_start : m.start()]
        ) or re.search(r"^\S{0,3}(?:规模|以上)", after) or re.search("(?:" + "|".join(_VERBS) + ")", after[:12])
        if not governed and not has_forward:
            continue
        if not (has_forward or verb_comp or plan_end is not None or re.search(r"规模|总量|力争|目标", clause)):
            continue
        year = year_info.year if year_info else None
        if year is None:
            ctx = _context_year(text.text[lines[li].start : lines[li].end], lines, li, text.text)
            year = ctx.year if ctx else plan_end
        value = re.sub(r"\s*[—–\-~～至]\s*", "—", num)
        prev_end = m.end()
        out.append(
            Target(
                year=year,
                subject=_subject(before, after),
                value=value,
                unit=unit,
                comparator=_comparator(before, post, num, unit),
                quote=clause.strip(),
                line=text.line_at(offset + m.start()),
            )
        )
    return out

"""Recognise responsibility clauses and split their agency lists.

Chinese policy texts name who does a measure in a small set of printed forms: a bracketed, labelled
list (``（责任单位：…）``, ``〔牵头单位：…；配合单位：…〕``), a bracketed sentence ending in a role verb
(``（X牵头，Y按职责分工负责）``, ``（X负责落实）``), or running text (``由X牵头，Y配合``).  This module
knows those forms and nothing about outlines: it finds clause spans in a string and parses one
clause into role-tagged agency groups.  Everything works on a whitespace-free projection of the
input, so spaces or line breaks left inside a clause by PDF extraction never change the result.

Keywords are matched on a copy folded from traditional to simplified characters (one character
for one, so offsets stay valid); agency strings are always cut from the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

# One-to-one traditional → simplified folding for the characters our keywords and agency heads use
# (generated once from OpenCC tables; kept literal so matching needs no converter at run time).
_FOLD = str.maketrans(
    "備內務勞區協參員單國團場宮實導屬廠廳強慶擔時會條業構機牽產發監稱節簡級組統縣總織聯職臺與舉處號衛衞設負財責費軍辦進鄉銀鎮門間關隊項頭館體點",
    "备内务劳区协参员单国团场宫实导属厂厅强庆担时会条业构机牵产发监称节简级组统县总织联职台与举处号卫卫设负财责费军办进乡银镇门间关队项头馆体点",
)

OPEN = "（(〔[【［"
CLOSE = "）)〕]】］"
_SEPARATORS = "、，,；;"
_WS_RE = re.compile(r"\s+")

# Labels that introduce an agency list: 责任单位 / 牵头部门 / 配合单位 / 参与处室 … (not 主办单位 /
# 主管单位, which name a gazette's publisher in its colophon).
_AGENCY_LABEL = (
    r"(?:主要|具体|其他)?(?:责任|牵头|配合|协同|协作|参与|协办|协助|落实|实施|主责)"
    r"(?:单位|部门|处室|主体|科室|机构|区县|司局)"
)
# The label is followed by a colon (责任单位：…) or printed in lenticular brackets (【责任单位】…).
_LABEL_RE = re.compile(rf"(?:[【［\[]({_AGENCY_LABEL})[】］\]][：:]?|({_AGENCY_LABEL})[：:])")
# Any short label (完成时限：…, 时间节点：…) ends the agency content before it.
# A time limit printed after the agencies (…按职责分工负责，2023年底前完成) is not an agency.
_DEADLINE_TAIL_RE = re.compile(
    r"^[，,；;]?(?:\d{4}年|\d{1,2}月|持续推进|长期坚持|长期|持续|每年|定期|年底|.{0,12}前完成)"
)
_ANY_LABEL_RE = re.compile(r"(?:^|(?<=[；;，,。]))([\u4e00-\u9fff]{2,6})[：:]")

# Role verbs at the end of a list, longest first so 按职责分工负责 wins over 负责.
_VERB_RE = re.compile(
    r"落实属地责任|履行属地责任|落实属地管理责任|按职责分工负责|按职责分工落实|按照职责分工负责|按职能分工负责|按职责负责|分工负责|共同负责|牵头负责|牵头落实|牵头组织|"
    r"负责落实|负责指导|负责实施|负责推进|具体负责|具体实施|具体落实|组织实施|负责|牵头|协同配合|配合|参与|协助|协同|协办|落实"
)
_LEAD_VERBS = ("牵头",)
_SUPPORT_VERBS = ("配合", "参与", "协助", "协同", "协办")

# Last characters of an agency name (委, 局, 政府 …) and the stronger heads after which
# 和/及 separates two agencies (工业和信息化部 must not split, 市场监管总局和各省级人民政府 must).
_AGENCY_END = set(
    "委局部厅办室处署会院府心行司队所社团联厂馆站台校区县市省门位业组庭科股军关盟协宫构镇道州旗乡村级"
)
_STRONG_HEADS = (
    "政府",
    "部门",
    "单位",
    "委员会",
    "管委会",
    "公司",
    "集团",
    "银行",
    "中心",
    "办公室",
    *"局厅委部办院署府会行司队",
)
# Collective agents that end in no organisational head noun (…，各地落实).
_COLLECTIVE_PLACES = {"各地", "各地方", "地方各级"}
_NOTE_START = ("以下", "注", "含", "不含", "下同", "其中")
_GENERIC_AFTER_DENG = {"", "部门", "单位", "部门单位", "部门和单位", "单位和部门", "机构", "部门等", "单位等"}
# A note after a list that names its first agency the lead: （排第一位的为牵头单位）, （列首位者牵头）.
_FIRST_LEADS_RE = re.compile(
    r"[（(][^（）()]{0,12}(?:第一|首位|第1|首个|首家)[^（）()]{0,8}牵头[^（）()]{0,4}[）)]$"
)
# A role note after one name: 市发展改革委（牵头）.
_LEAD_NOTE_RE = re.compile(r"[（(]牵头(?:单位|部门)?[）)]$")
# What may precede the agency list of a sentence-long running clause: 此项工作由X负责。
_SENTENCE_LEAD_IN_RE = re.compile(r"(?:(?:此项|该项|这项|以上|上述|本项)(?:工作|任务|措施))?由?")
_COLLECTIVE_RE = re.compile(r"各|有关|相关|成员单位|所属|市属|省属|区属|县属|(?:部门|单位)$")


@dataclass(frozen=True, slots=True)
class ClauseSpan:
    """Where a clause sits in a string: ``start``/``end`` include the brackets, ``inner_*`` do not."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    form: str  # labelled | verb | bare | running


@dataclass(slots=True)
class ParsedClause:
    """A clause split into role groups; each group is (role, part index, agency surfaces)."""

    clause: str  # as printed, whitespace removed, without outer brackets
    groups: list[tuple[str, int, list[str]]] = field(default_factory=list)

    def agencies(self) -> list[str]:
        return [a for _, _, names in self.groups for a in names]


def fold(s: str) -> str:
    """Traditional → simplified for keyword matching; same length as the input."""
    return s.translate(_FOLD)


def strip_ws(s: str) -> str:
    return _WS_RE.sub("", s)


def _match_close(s: str, i: int) -> int:
    """Index of the bracket closing the one opened at ``i`` (any bracket kind nests), or -1."""
    depth = 0
    for j in range(i, len(s)):
        c = s[j]
        if c in OPEN:
            depth += 1
        elif c in CLOSE:
            depth -= 1
            if depth == 0:
                return j
        elif c == "\n" and j - i > 400:
            return -1
        if j - i > 600:
            return -1
    return -1


def split_top(s: str, seps: str) -> list[str]:
    """Split on separator characters that are not inside any bracket."""
    out: list[str] = []
    depth = 0
    cur: list[str] = []
    for c in s:
        if c in OPEN:
            depth += 1
        elif c in CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and c in seps:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur))
    return out


def _base(name: str) -> str:
    """The name without trailing brackets: 各乡镇（街道） → 各乡镇."""
    while name and name[-1] in CLOSE:
        depth = 0
        for j in range(len(name) - 1, -1, -1):
            if name[j] in CLOSE:
                depth += 1
            elif name[j] in OPEN:
                depth -= 1
                if depth == 0:
                    name = name[:j]
                    break
        else:
            return name
    return name


def looks_like_agency(name: str) -> bool:
    """A plausible agency surface: short, ends in an organisational head noun."""
    b = fold(_base(name))
    if not b or len(b) > 40 or len(b) < 2:
        return False
    if any(c in b for c in "。：:！？"):
        return False
    return b[-1] in _AGENCY_END or b in _COLLECTIVE_PLACES


def _strong_left(left: str) -> bool:
    b = fold(_base(left))
    return len(b) >= 2 and b.endswith(_STRONG_HEADS)


def _split_conj(piece: str) -> list[str]:
    """Split 'A和B' / 'A及B' / 'A以及B' / 'A与B' when both sides are whole agencies."""
    f = fold(piece)
    for m in re.finditer(r"以及|及|和|与", f):
        left, right = piece[: m.start()], piece[m.end() :]
        head = re.split(r"以及|及|和|与", fold(right))[0]
        if (
            _strong_left(left)
            and len(_base(head)) >= 3
            and looks_like_agency(head)
            and _depth_at(piece, m.start()) == 0
        ):
            return [left, *_split_conj(right)]
    return [piece]


def _depth_at(s: str, pos: int) -> int:
    depth = 0
    for c in s[:pos]:
        if c in OPEN:
            depth += 1
        elif c in CLOSE:
            depth = max(0, depth - 1)
    return depth


def _split_deng(piece: str) -> list[str]:
    """'A等' → A; 'A等部门' → A; 'A等国务院相关部门' → A, 国务院相关部门."""
    f = fold(piece)
    for m in re.finditer("等", f):
        left, right = piece[: m.start()], piece[m.end() :]
        if _depth_at(piece, m.start()) != 0 or not looks_like_agency(left):
            continue
        if fold(right) in _GENERIC_AFTER_DENG:
            return [left]
        if looks_like_agency(right):
            return [left, *_split_deng(right)]
    return [piece]


def _drop_note(piece: str) -> str:
    """Drop a trailing bracketed note such as （以下统称区县政府） or 〔以下均需…不再列出〕."""
    p = piece
    while p and p[-1] in CLOSE:
        b = _base(p)
        note = fold(p[len(b) + 1 : -1])
        if note.startswith(_NOTE_START) and b:
            p = b
        else:
            break
    return p


# 各州、市人民政府 / 各市、县人民政府: a list of administrative levels shares one head noun, so
# the 、 is inside one collective name.  Left: 各/有关 + level characters only; right: level
# characters and the shared head.
_LEVELS_LEFT_RE = re.compile(r"^(?:各|有关|相关|沿海各)[州市县区盟旗地]{1,2}$")
_LEVELS_RIGHT_RE = re.compile(
    r"^[州市县区盟旗]{1,2}(?:[（(][^）)]*[）)])?(?:人民政府|政府|行政公署|党委|党委和政府|管委会)"
)


def _join_levels(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        if out and _LEVELS_LEFT_RE.match(fold(out[-1])) and _LEVELS_RIGHT_RE.match(fold(piece)):
            out[-1] = f"{out[-1]}、{piece}"
        else:
            out.append(piece)
    return out


def split_agencies(s: str) -> list[str]:
    """Split a printed agency list into single agencies, as printed (whitespace removed).

    Splits on 、，,；; outside brackets, on 和/及 between two whole agencies and on 等 before a
    collective (``国家发展改革委等国务院相关部门`` → two agencies); strips trailing 等/等部门 and
    bracketed notes (``（以下统称区县政府）``).
    """
    s = strip_ws(s)
    out: list[str] = []
    for raw in _join_levels(split_top(s, _SEPARATORS)):
        piece = _drop_note(raw.strip("。．.：:"))
        if not piece or fold(piece).startswith(_NOTE_START):
            continue
        if fold(piece).startswith("由") and len(piece) > 2:
            piece = piece[1:]
        for part in _split_deng(piece):
            for name in _split_conj(part):
                name = _drop_note(name.strip("。．.：:"))
                if fold(name).endswith("等") and len(name) > 1:
                    name = name[:-1]
                if name:
                    out.append(name)
    return out


def is_collective(name: str) -> bool:
    """Generic or collective agents (各区县政府, 有关部门, 项目承担单位)."""
    return bool(_COLLECTIVE_RE.search(fold(name)))


def _parts(content: str) -> list[str]:
    """Split a list on a top-level '；' into parts (jurisdiction halves); drop note parts."""
    parts = [
        p for p in split_top(content, "；;") if p and not fold(p).lstrip("，,、").startswith(_NOTE_START)
    ]
    return parts or [""]


def _label_of(m: re.Match[str]) -> str:
    return m.group(1) or m.group(2)


def _ranked(role: str, content: str) -> list[tuple[str, str]] | None:
    """(role, content) pieces when the list itself says who leads, else None.

    ``A、B、C（排第一位的为牵头单位）`` → A leads, B and C support; ``A（牵头）、B`` → A leads, B
    supports.  Only a list without a lead label can be ranked this way.
    """
    if role == "lead" or role == "support":
        return None
    f = fold(content)
    m = _FIRST_LEADS_RE.search(f)
    if m:
        names = split_agencies(content[: m.start()])
        if names:
            return [("lead", names[0]), *[("support", n) for n in names[1:]]]
    names = split_agencies(content)
    if any(_LEAD_NOTE_RE.search(fold(n)) for n in names):
        return [
            ("lead", n[: _LEAD_NOTE_RE.search(fold(n)).start()])
            if _LEAD_NOTE_RE.search(fold(n))
            else ("support", n)
            for n in names
        ]
    return None


def _labelled(inner: str) -> ParsedClause | None:
    f = fold(inner)
    m = _LABEL_RE.match(f)
    if not m:
        return None
    marks = list(_LABEL_RE.finditer(f))
    # Other labels (完成时限：…) end the preceding agency content.
    stops = sorted({x.start(1) for x in _ANY_LABEL_RE.finditer(f)} | {x.start() for x in marks})
    groups: list[tuple[str, int, list[str]]] = []
    labels: list[tuple[str, str]] = []
    for mk in marks:
        end = next((p for p in stops if p > mk.start()), len(inner))
        content = inner[mk.end() : end].rstrip("；;，,。")
        labels.append((_label_of(mk), content))
    has_lead = any("牵头" in lab or "主责" in lab for lab, _ in labels)
    has_support = any(_is_support_label(lab) for lab, _ in labels)
    for lab, content in labels:
        if "牵头" in lab or "主责" in lab:
            role = "lead"
        elif _is_support_label(lab):
            role = "support"
        else:
            # 责任单位 beside 牵头单位 names supporters; beside 配合单位 it names the lead.
            role = "support" if has_lead else "lead" if has_support else "responsible"
        for k, part in enumerate(_parts(content)):
            groups.extend(_role_groups(role, k, part))
    if not groups:
        return None
    return ParsedClause(inner, groups)


def _is_support_label(label: str) -> bool:
    return any(v in label for v in ("配合", "协同", "协作", "参与", "协办", "协助"))


def _role_groups(role: str, k: int, part: str) -> list[tuple[str, int, list[str]]]:
    """The groups of one list part, split into lead and support when the list ranks itself."""
    ranked = _ranked(role, part)
    if ranked:
        out = [(r, k, [n for rr, n in ranked if rr == r]) for r in ("lead", "support")]
        return [g for g in out if g[2]]
    names = split_agencies(part)
    return [(role, k, names)] if names else []


def _with_partner(text: str, verb: str) -> list[tuple[str, str]]:
    """'X会同Y' before a verb: X leads and Y supports (省财政厅会同省发展改革委负责)."""
    f = fold(text)
    at = f.find("会同")
    if at <= 0 or _depth_at(text, at) != 0 or not text[at + 2 :]:
        return [(text, verb)]
    return [(text[:at], "牵头"), (text[at + 2 :], "配合")]


def _verb_form(inner: str, strict: bool = True) -> ParsedClause | None:
    """Parse 'X牵头，Y按职责分工负责' / 'X负责落实' / 'X、Y按职责分工负责' (no label)."""
    s = inner.rstrip("。．.")
    f = fold(s)
    chunks: list[tuple[str, str]] = []
    pos = 0
    for m in _VERB_RE.finditer(f):
        if _depth_at(f, m.start()) > 0:
            continue  # a role note inside a name: 市发展改革委（牵头）
        text = s[pos : m.start()].strip("，,、；;")
        if not text:
            if chunks and m.start() == pos:  # 牵头负责 split oddly; merge into previous verb
                chunks[-1] = (chunks[-1][0], chunks[-1][1] + m.group(0))
                pos = m.end()
                continue
            return None
        chunks.append((text, m.group(0)))
        pos = m.end()
    tail = s[pos:].strip("，,、；;。")
    if not chunks or (tail and not _DEADLINE_TAIL_RE.match(tail)):
        return None
    chunks = [c for text, verb in chunks for c in _with_partner(text, verb)]
    verbs = [v for _, v in chunks]
    has_lead = any(v.startswith(_LEAD_VERBS) for v in verbs)
    has_support = any(v.startswith(_SUPPORT_VERBS) for v in verbs)
    groups: list[tuple[str, int, list[str]]] = []
    for text, verb in chunks:
        if verb.startswith(_LEAD_VERBS):
            role = "lead"
        elif verb.startswith(_SUPPORT_VERBS) or has_lead:
            role = "support"
        elif has_support:
            role = "lead"
        else:
            role = "responsible"
        for k, part in enumerate(_parts(text)):
            names = split_agencies(part)
            if strict and (not names or not all(looks_like_agency(n) for n in names)):
                return None
            groups.extend(_role_groups(role, k, part))
    if not groups:
        return None
    return ParsedClause(s, groups)


def parse_clause(inner: str) -> ParsedClause | None:
    """Parse the inside of a clause (no outer brackets); None when it is not a clause."""
    inner = strip_ws(inner)
    if not inner:
        return None
    return _labelled(inner) or _verb_form(inner) or _noted_list(inner)


def _noted_list(inner: str) -> ParsedClause | None:
    """A bare list that ranks itself: （市发展改革委（牵头）、市财政局、市商务局）.

    Without a label or verb, only the role note makes the list a clause, and every name must
    look like an agency.
    """
    ranked = _ranked("responsible", inner)
    if not ranked or not all(looks_like_agency(n) for _, n in ranked):
        return None
    groups = [(r, 0, [n for rr, n in ranked if rr == r]) for r in ("lead", "support")]
    return ParsedClause(inner, [g for g in groups if g[2]])


def parse_cell(cell: str, header: str = "") -> ParsedClause | None:
    """Parse a 责任单位 table cell: verb form, labelled form or a bare agency list."""
    cell = strip_ws(cell).rstrip("。．.")
    parsed = parse_clause(cell)
    if parsed:
        return parsed
    names = split_agencies(cell)
    if names and all(looks_like_agency(n) for n in names):
        h = fold(header)
        role = "lead" if "牵头" in h else "support" if any(v in h for v in _SUPPORT_VERBS) else "responsible"
        return ParsedClause(cell, [(role, 0, names)])
    return None


_BARE_START_RE = re.compile(
    rf"(?:^|(?<=[。；\n]))[ \t\u3000\xa0]*(?=[【［\[]?{_AGENCY_LABEL}(?:[：:]|[】］\]]))"
)
_LABEL_AHEAD_RE = re.compile(rf"[ \t\u3000\xa0\n]*[【［\[]?{_AGENCY_LABEL}(?:[：:]|[】］\]])")


def _bare_end(s: str, fs: str, a: int) -> int:
    """End of a bare labelled list starting at ``a``: the end of its line or sentence, extended
    over following lines or sentences that open with another agency label (牵头单位：… on one
    line, 配合单位：… on the next)."""
    b = a
    while True:
        while b < len(s) and s[b] not in "\n。":
            b += 1
        if b < len(s) and _LABEL_AHEAD_RE.match(fs, b + 1):
            b += 1
            continue
        return b


def _projection(s: str) -> tuple[str, list[int]]:
    """The string without whitespace and, per kept character, its index in ``s``."""
    keep = [i for i, c in enumerate(s) if not c.isspace()]
    return "".join(s[i] for i in keep), keep


def _sentence_clauses(
    p: str, f: str, taken: list[tuple[int, int]]
) -> list[tuple[int, int, int, int, str, ParsedClause]]:
    """Whole sentences that only name who does the work: 由省商务厅负责。 / 此项工作由X、Y负责。 /
    武汉海关负责。 / X牵头，Y配合。  Every name must look like an agency, so prose never matches."""
    out: list[tuple[int, int, int, int, str, ParsedClause]] = []
    start = 0
    for m in re.finditer(r"[。！？；]|$", f):
        a, b = start, m.start()
        start = m.end()
        if b - a < 3 or any(x <= a < y or x < b <= y for x, y in taken):
            continue
        a += _SENTENCE_LEAD_IN_RE.match(f, a, b).end() - a
        # 翻译工作由X负责 states who does a named piece of work, not who does this measure.
        if "由" in f[a:b] or not _VERB_RE.search(f, a, b):
            continue
        parsed = _verb_form(p[a:b])
        if parsed:
            out.append((a, b, a, b, "running", parsed))
    return out


def find_clauses(s: str, running: bool = True) -> list[tuple[ClauseSpan, ParsedClause]]:
    """All responsibility clauses in ``s`` in order, with spans in ``s`` coordinates.

    Bracketed clauses are found anywhere; running-text clauses (由X牵头，Y配合) only when
    ``running`` is set, because in regulations "由…负责" states a standing duty, not a task.
    """
    p, idx = _projection(s)
    f = fold(p)
    found: list[tuple[int, int, int, int, str, ParsedClause]] = []
    i = 0
    while i < len(p):
        c = p[i]
        if c in OPEN:
            j = _match_close(p, i)
            if j > i:
                parsed = parse_clause(p[i + 1 : j])
                if parsed:
                    form = "labelled" if _LABEL_RE.match(f[i + 1 : j]) else "verb"
                    found.append((i, j + 1, i + 1, j, form, parsed))
                    i = j + 1
                    continue
        i += 1
    # A labelled list printed without brackets at the start of a line or sentence
    # (责任单位：市发展改革委、市财政局) runs to the end of that line or sentence.
    fs = fold(s)
    for m in _BARE_START_RE.finditer(fs):
        a = m.end()
        b = _bare_end(s, fs, a)
        pa = bisect_left(idx, a)
        pb = bisect_left(idx, b)
        if pa >= pb or any(x <= pa < y for x, y, *_ in found):
            continue
        parsed = _labelled(p[pa:pb].rstrip("；;，,"))
        if parsed:
            found.append((pa, pb, pa, pb, "bare", parsed))
    if running:
        for m in re.finditer(r"由([^。；：（）]{2,60}?)牵头", f):
            if any(a <= m.start() < b for a, b, *_ in found):
                continue
            sentence_end = len(p)
            for k in range(m.end(), len(p)):
                if p[k] in "。；":
                    sentence_end = k
                    break
            best: ParsedClause | None = None
            best_end = m.end()
            for v in _VERB_RE.finditer(f, m.end(), sentence_end):
                if v.end() < sentence_end and p[v.end()] not in "，,。；;":
                    continue  # 由X牵头会同Y… is a sentence about procedure, not a clause
                cand = _verb_form(p[m.start(1) : v.end()])
                roles = {r for r, _, _ in cand.groups} if cand else set()
                if cand and "lead" in roles and len(roles) > 1:
                    best, best_end = cand, v.end()
            if best:
                found.append((m.start(), best_end, m.start(1), best_end, "running", best))
    if running:
        found.extend(_sentence_clauses(p, f, [(a, b) for a, b, *_ in found]))
    found.sort(key=lambda x: x[0])
    out: list[tuple[ClauseSpan, ParsedClause]] = []
    for a, b, ia, ib, form, parsed in found:
        span = ClauseSpan(
            idx[a],
            idx[b - 1] + 1,
            idx[ia] if ia < len(idx) else idx[-1],
            idx[ib - 1] + 1 if ib > ia else idx[ia],
            form,
        )
        out.append((span, parsed))
    return out

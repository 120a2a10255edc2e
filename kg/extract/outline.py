"""Outline headings and tasks (numbered measures) of one document body.

Policy documents number their structure with a handful of marker types: 一、 / （一） / 1． / （1） /
① and, in regulations, 第X章 / 第X节 / 第X条.  Which type is the chapter and which the measure
varies from document to document, and numbering restarts inside each parent, so nesting is
decided by a stack of marker types in the order they open: a marker type already open closes
everything below it, a new type opens a child level (unless it is conventionally above the open
ones: 一、 > （一） > 1． > （1） > ①, and 章 > 节 > 条 above all).

Tasks are decided by structure, not by keywords:

* every leaf heading (no numbered children) is a measure (kind ``item``);
* a heading with children whose own paragraph carries a responsibility clause
  (``（一）加强组织保障。…（牵头单位：…）``) is a task of kind ``section``;
* when only the last child of a heading carries a clause and the heading's siblings carry their
  own clauses, the children are definitions (1．设备费 2．业务费 3．劳务费) and the clause belongs
  to the heading, which becomes the task;
* a measure whose text carries several bracketed clauses is split after each clause: each
  sentence group is its own task with the parent's label and the line where it starts;
* numbered rows of 任务/责任单位 tables (see ``task_table``) are tasks of kind ``table-row``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.clauses import find_clauses, fold
from kg.extract.task_table import TableRow, extract_table_rows, render_row_text
from kg.model import Section, Task
from kg.read.normalize import CleanLine
from kg.text import Text

_CN = "一二三四五六七八九十百零〇"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEADING_RE = re.compile(
    rf"^(?:(?P<part>第(?P<part_n>[{_CN}\d]+)部分)"
    rf"|(?P<chapter>第(?P<chapter_n>[{_CN}\d]+)章)"
    rf"|(?P<jie>第(?P<jie_n>[{_CN}\d]+)节)"
    rf"|(?P<article>第(?P<article_n>[{_CN}\d]+)条)"
    rf"|(?P<cn>(?P<cn_n>[{_CN}]+)[、．.](?![\d{_CN}]))"
    rf"|(?P<pcn>[（(](?P<pcn_n>[{_CN}]+)[）)])"
    r"|(?P<num>(?P<num_n>\d{1,3})(?:[．、]|\.(?!\d)))"
    r"|(?P<pnum>[（(](?P<pnum_n>\d{1,3})[）)])"
    rf"|(?P<circ>(?P<circ_n>[{_CIRCLED}])))"
)
_KINDS = ("part", "chapter", "jie", "article", "cn", "pcn", "num", "pnum", "circ")
_ATTACHMENT_RE = re.compile(r"^附件\s*\d{0,2}[：:]?$|^附件\s*\d{0,2}[：:]?\S{0,40}$")
_INLINE_RE = re.compile(rf"(?<=[。！？])(?:\d{{1,3}}[．.](?!\d)|[（(][{_CN}]+[）)])")
_TRAILING = "。；，,;.、)）〕 \n"
# Web copies sometimes keep HTML space entities as text before a paragraph (&nbsp;&nbsp;（一）…).
_ENTITY_INDENT_RE = re.compile(
    r"(?:&(?:nbsp|ensp|emsp|#12288|#160|#x3000|#xa0)[;；]?|[\s\u3000\xa0])+", re.IGNORECASE
)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(slots=True)
class _Node:
    kind: str
    label: str
    marker: str
    title: str
    start: int  # offset of the marker in the body text
    line: int
    parent: int | None
    children: list[int] = field(default_factory=list)
    end: int = 0  # end of the heading's whole text (next heading at the same or higher level)
    own_end: int = 0  # end of its own paragraph(s): first child heading, or ``end``
    sid: str = ""


def _title_of(line_text: str, marker_len: int) -> str:
    rest = line_text[marker_len:].lstrip("　 ：:")
    m = re.search(r"[。！？；]", rest)
    title = rest[: m.start()] if m and m.start() <= 60 else rest[:60] if len(rest) > 60 else rest
    return title.strip()


def _cn_value(label: str) -> int:
    """Value of a numeral label: '12' → 12, '十二' → 12, '二十一' → 21, '①' → 1."""
    if label.isdigit():
        return int(label)
    if label in _CIRCLED:
        return _CIRCLED.index(label) + 1
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits["〇"] = 0
    total, cur = 0, 0
    for c in label:
        if c == "百":
            total += (cur or 1) * 100
            cur = 0
        elif c == "十":
            total += (cur or 1) * 10
            cur = 0
        else:
            cur = digits.get(c, 0)
    return total + cur


def _candidates(text: Text, skip_lines: set[int]) -> list[tuple[int, str, re.Match[str] | None]]:
    """Heading candidates (offset, text from there to the line end, match) plus attachment cuts.

    Headings start logical lines; a numbered heading printed after a full stop in the middle of
    a line (``…产业。1.构建…``, as some PDFs print it) counts too when the next line-start heading
    of its type carries the next number.
    """
    out: list[tuple[int, str, re.Match[str] | None]] = []
    for ln in text.lines():
        if not ln.text:
            continue
        if _ATTACHMENT_RE.match(ln.text) and len(ln.text) <= 50 and not ln.text.endswith("。"):
            out.append((ln.start, ln.text, None))
            continue
        if ln.line in skip_lines:
            continue
        indent = _ENTITY_INDENT_RE.match(ln.text)
        skip = indent.end() if indent else 0
        m = _HEADING_RE.match(fold(ln.text[skip:]))
        if m:
            out.append((ln.start + skip, ln.text[skip:], m))
    line_starts = [(off, m) for off, _, m in out if m]
    inline: list[tuple[int, str, re.Match[str] | None]] = []
    for ln in text.lines():
        if ln.line in skip_lines:
            continue
        for im in _INLINE_RE.finditer(ln.text):
            rest = ln.text[im.start() :]
            m = _HEADING_RE.match(fold(rest))
            if not m:
                continue
            kind = _kind(m)
            value = _cn_value(m.group(f"{kind}_n"))
            nxt = next(
                (x for off, x in line_starts if off > ln.start + im.start() and _kind(x) == kind), None
            )
            if nxt is not None and _cn_value(nxt.group(f"{kind}_n")) == value + 1:
                inline.append((ln.start + im.start(), rest, m))
    return sorted(out + inline, key=lambda x: x[0])


def _kind(m: re.Match[str]) -> str:
    return next(k for k in _KINDS if m.group(k))


def _find_headings(text: Text, skip_lines: set[int]) -> list[_Node]:
    nodes: list[_Node] = []
    stack: list[int] = []  # node indexes of open headings
    for start, rest, m in _candidates(text, skip_lines):
        if m is None:
            stack = []  # an attachment starts a fresh outline
            continue
        kind = _kind(m)
        label = m.group(f"{kind}_n").translate(_FULLWIDTH_DIGITS)
        marker = rest[: m.end()]  # as printed (the match ran on the folded text)
        # Same marker type already open → close down to it (sibling); otherwise open a child level.
        # A marker type conventionally above the open ones (三、 after 6．) closes them as well: a
        # stale level left open by a preamble or an earlier outline must not adopt it.
        kinds_open = [nodes[i].kind for i in stack]
        if kind in kinds_open:
            stack = stack[: kinds_open.index(kind)]
        else:
            while stack and _KINDS.index(nodes[stack[-1]].kind) > _KINDS.index(kind):
                stack.pop()
        parent = stack[-1] if stack else None
        node = _Node(kind, label, marker, _title_of(rest, len(marker)), start, text.line_at(start), parent)
        nodes.append(node)
        idx = len(nodes) - 1
        if parent is not None:
            nodes[parent].children.append(idx)
        stack.append(idx)
    # Ends: a heading's text runs to the next heading that is not its descendant.
    for i, node in enumerate(nodes):
        node.end = len(text.text)
        for j in range(i + 1, len(nodes)):
            if not _is_descendant(nodes, j, i):
                node.end = nodes[j].start
                break
        node.own_end = nodes[node.children[0]].start if node.children else node.end
    _attachment_cuts(text, nodes)
    return nodes


def _attachment_cuts(text: Text, nodes: list[_Node]) -> None:
    """An 附件 line ends every heading open before it."""
    cuts = [
        ln.start for ln in text.lines() if ln.text and _ATTACHMENT_RE.match(ln.text) and len(ln.text) <= 50
    ]
    for node in nodes:
        for c in cuts:
            if node.start < c < node.end:
                node.end = c
                node.own_end = min(node.own_end, c)
                break


def _is_descendant(nodes: list[_Node], j: int, i: int) -> bool:
    p = nodes[j].parent
    while p is not None:
        if p == i:
            return True
        p = nodes[p].parent
    return False


def _assign_ids(nodes: list[_Node]) -> None:
    counters: dict[int | None, int] = {}
    for node in nodes:
        counters[node.parent] = counters.get(node.parent, 0) + 1
        n = counters[node.parent]
        node.sid = f"s{n}" if node.parent is None else f"{nodes[node.parent].sid}.{n}"


def _bracket_clauses(s: str) -> list:
    return find_clauses(s, running=False)


def _joined(text: Text, start: int, end: int) -> str:
    return text.text[start:end].replace("\n", "")


def _segments(text: Text, start: int, end: int) -> list[tuple[int, int]]:
    """Split [start, end) after each bracketed clause when it holds more than one."""
    chunk = text.text[start:end]
    clauses = _bracket_clauses(chunk)
    if len(clauses) < 2:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    seg_start = start
    for k, (span, _) in enumerate(clauses):
        stop = start + span.end
        while stop < end and text.text[stop] in "。；;，,":
            stop += 1
        if k == len(clauses) - 1:
            stop = end
        if text.text[seg_start:stop].strip(_TRAILING):
            out.append((seg_start, stop))
        seg_start = stop
        while seg_start < end and text.text[seg_start] in _TRAILING:
            seg_start += 1
    return out


def _has_clause(text: Text, start: int, end: int, running: bool) -> bool:
    return bool(find_clauses(text.text[start:end], running=running))


def _tail_clause_only(text: Text, node: _Node) -> bool:
    """The node's clauses sit at the very end of its text (nothing but punctuation after)."""
    chunk = text.text[node.start : node.end]
    clauses = _bracket_clauses(chunk)
    return bool(clauses) and not chunk[clauses[-1][0].end :].strip(_TRAILING)


def extract_outline(text: Text, lines: list[CleanLine] | None = None) -> tuple[list[Section], list[Task]]:
    """Sections and tasks of one document body (see the module docstring for the rules)."""
    rows: list[TableRow] = extract_table_rows(lines) if lines else []
    table_lines = {n for r in rows for n in r.lines}
    nodes = _find_headings(text, table_lines)
    _assign_ids(nodes)
    sections = [
        Section(
            id=n.sid,
            level=_depth(nodes, i) + 1,
            label=n.label,
            marker=n.marker,
            title=n.title,
            line=n.line,
            parent=nodes[n.parent].sid if n.parent is not None else None,
        )
        for i, n in enumerate(nodes)
    ]
    regulation = any(n.kind == "article" for n in nodes)
    # Which headings are tasks.
    task_nodes: dict[int, str] = {}
    absorbed: set[int] = set()
    for i, n in enumerate(nodes):
        if not n.children:
            task_nodes[i] = "item"
        elif _has_clause(text, n.start, n.own_end, running=not regulation):
            task_nodes[i] = "section"
    for i, n in enumerate(nodes):
        if len(n.children) < 2 or i in task_nodes or any(nodes[c].children for c in n.children):
            continue
        with_clause = [
            c for c in n.children if _has_clause(text, nodes[c].start, nodes[c].end, running=False)
        ]
        if with_clause != [n.children[-1]] or not _tail_clause_only(text, nodes[n.children[-1]]):
            continue
        siblings = [j for j, m in enumerate(nodes) if m.parent == n.parent and j != i and m.kind == n.kind]
        if any(_has_clause(text, nodes[j].start, nodes[j].own_end, running=False) for j in siblings):
            task_nodes[i] = "section"
            absorbed.update(n.children)
    tasks: list[tuple[int, Task]] = []
    for i in sorted(task_nodes):
        if i in absorbed:
            continue
        n = nodes[i]
        kind = task_nodes[i]
        parent_sid = nodes[n.parent].sid if n.parent is not None else None
        if kind == "section" and n.children and not set(n.children) <= absorbed:
            segs = _segments(text, n.start, n.own_end)
            # The section's first segment keeps its whole text (children included).
            segs[0] = (n.start, n.end) if len(segs) == 1 else segs[0]
        else:
            segs = _segments(text, n.start, n.end)
        for s_start, s_end in segs:
            pos = s_start
            tasks.append(
                (
                    pos,
                    Task(
                        id="",
                        label=n.label,
                        text=_joined(text, s_start, s_end).strip(),
                        line=text.line_at(pos),
                        section=parent_sid,
                        kind=kind,
                    ),
                )
            )
    for r in rows:
        tasks.append(
            (
                10**12 + r.line,
                Task(id="", label=r.label, text=render_row_text(r), line=r.line, kind="table-row"),
            )
        )
    tasks.sort(key=lambda t: (t[1].line if t[1].kind == "table-row" else text.line_at(t[0]), t[0]))
    out: list[Task] = []
    for k, (_, t) in enumerate(tasks, start=1):
        t.id = f"t{k}"
        out.append(t)
    return sections, out


def _depth(nodes: list[_Node], i: int) -> int:
    d = 0
    p = nodes[i].parent
    while p is not None:
        d += 1
        p = nodes[p].parent
    return d

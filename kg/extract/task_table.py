"""Task tables: 附件 tables with 序号 | 重点任务 | 责任单位 columns, one task per row.

Such tables reach us as cleaned source lines whose cells are separated by single spaces (tabs and
space runs collapse to one space), and rows may wrap over several lines in PDF copies.  We find a
header line naming a 序号 column, a task column and a responsibility column, then read numbered
rows until the table ends.  Each row becomes a Task of kind ``table-row`` whose text is the task
cell followed by the responsibility cell in the bracketed form used in running text
(``…（市卫生健康委牵头，…参与）``), so the clause extractor reads table rows and paragraphs the
same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.clauses import fold, looks_like_agency, parse_cell, parse_clause, split_agencies, strip_ws
from kg.read.normalize import CleanLine

_HEADER_TASK = re.compile(r"任务|事项|措施|内容|工作|举措|项目")
_HEADER_RESP = re.compile(
    r"责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门|责任主体|承办单位|参与单位|协同单位|责任处室|牵头处室"
)
_HEADER_TIME = re.compile(r"时限|时间|进度|节点|期限")
_TIME_CELL = re.compile(r"\d{4}年|\d{1,2}月|年底|年内|每年|长期|持续|常态|前$|底$")
_ROW_RE = re.compile(r"^(\d{1,3})(?:[．.、]\s*|\s+|(?=[\u4e00-\u9fff“（]))(.*)$")
_END_OF_ROW = ("。", "负责", "参与", "配合", "牵头", "落实", "政府", "委", "局", "厅", "部", "办")
# A continuation piece that opens a new agency (stacked names in one cell), not the rest of a
# name wrapped inside the cell: it starts with a jurisdiction or a collective word.
_NEW_AGENCY_RE = re.compile(
    r"^(?:省|市|区|县|自治区|国家|国务院|中共|中央|人民银行|各|有关|相关|[\u4e00-\u9fff]{2,4}(?:省|市|州|盟|海关|局))"
)
# An outline heading or a new part of the document ends a layout table.
_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|附件|附表)")


@dataclass(slots=True)
class TableRow:
    """One numbered row: its label, source line, task cell and rendered clause."""

    label: str
    line: int
    lines: list[int]
    task_text: str
    clause: str  # clause as it would be printed in brackets, without the brackets


def _is_header(text: str) -> bool:
    f = fold(strip_ws(text))
    return f.startswith("序号") and bool(_HEADER_TASK.search(f)) and bool(_HEADER_RESP.search(f))


def _header_columns(text: str) -> list[str]:
    return [c for c in text.split(" ") if c]


def _aligned(cells: list[str], header: list[str]) -> list[str]:
    """Cells padded to the header's width when an empty cell was lost.

    Source lines reach us with runs of tabs and spaces collapsed, so an empty 配合单位 cell
    disappears and the row is one cell short.  When the header ends with a time column and the
    row's last cell reads as a time, that cell goes to the time column and the others fill the
    columns from the left; the lost cell is the one before the time column (an optional role
    column: a row always names its lead, not always its supporters).
    """
    missing = len(header) - len(cells)
    if not 0 < missing <= 2 or len(cells) < 3:
        return cells
    if not _HEADER_TIME.search(fold(header[-1])) or not _TIME_CELL.search(fold(cells[-1])):
        return cells
    return [*cells[:-1], *[""] * missing, cells[-1]]


def _render(cells: list[str], header: list[str]) -> tuple[str, str] | None:
    """Split a row's cells into (task text, clause) using the header's column names."""
    cells = [c for c in cells if c]
    if not cells:
        return None
    cells = _aligned(cells, header)
    resp_cols = [i for i, h in enumerate(header) if _HEADER_RESP.search(fold(h))]
    if len(cells) == len(header) and resp_cols:
        first_resp = resp_cols[0]
        task = "".join(cells[1:first_resp]) if first_resp > 1 else ""
        parts: list[str] = []
        for i in resp_cols:
            cell = strip_ws(cells[i]).rstrip("。")
            if cell and cell not in ("—", "-", "/"):
                parts.append((cell, header[i]))  # type: ignore[arg-type]
        if not parts:
            return task, ""
        if len(parts) == 1 and parse_clause(parts[0][0]):
            return task, parts[0][0]
        return task, "；".join(f"{h}：{c}" for c, h in parts)
    # Wrapped or irregular row: the responsibility is the last sentence that parses as a clause.
    text = strip_ws("".join(cells[1:]) if len(cells) > 1 else cells[0])
    body = text.rstrip("。")
    for cut in [*[m.end() for m in re.finditer("。", body)][::-1], 0]:
        tail = body[cut:]
        if tail and parse_cell(tail, header[-1] if header else ""):
            if parse_clause(tail):
                return body[:cut], tail
            return body[:cut], f"{header[resp_cols[-1]] if resp_cols else '责任单位'}：{tail}"
    return text, ""


def _open(cell: str, header: str) -> bool:
    """Whether a cell of a layout row reads as cut off at the line end (its rest wraps below)."""
    h = fold(header)
    c = strip_ws(cell)
    if not c or _HEADER_TIME.search(h) or h.startswith("序号"):
        return False
    if _HEADER_RESP.search(h):
        if c.endswith("。") or parse_clause(c):
            return False
        names = split_agencies(c)
        return c.endswith(("、", "，", ",", "；")) or not names or not looks_like_agency(names[-1])
    return not c.endswith(("。", "；", ";", "！"))


def _join(cell: str, piece: str, header: str) -> str:
    """Append a wrapped piece to a cell: a stacked agency gets a 、, a cut-off name is rejoined."""
    if not cell:
        return piece
    if _HEADER_RESP.search(fold(header)) and not _open(cell, header) and _NEW_AGENCY_RE.match(fold(piece)):
        return f"{cell}、{piece}"
    return cell + piece


def _spread(cols: list[str], extra: list[str], header: list[str]) -> list[str]:
    """Give each piece of a continuation line of a layout table to its column.

    Source lines reach us with space runs collapsed, so column positions are lost; a full row
    (one cell per header column) wraps its cells onto the next lines, each piece under its own
    column.  Pieces go to the columns left open on the line above, in order; when there are more
    pieces than open columns, to the content columns in order (time columns last, as they
    rarely wrap).
    """
    content = list(range(1, len(header)))
    opened = [i for i in content if _open(cols[i], header[i])]
    if len(extra) == len(opened):
        targets = opened
    elif len(extra) == len(content):
        targets = content
    else:
        untimed = [i for i in content if not _HEADER_TIME.search(fold(header[i]))]
        start = opened[0] if opened else content[0]
        pool = (
            [i for i in untimed if i >= start]
            if len(extra) <= len([i for i in untimed if i >= start])
            else content
        )
        targets = pool[: len(extra)]
    out = list(cols)
    for i, piece in zip(targets, extra, strict=False):
        out[i] = _join(out[i], piece, header[i])
    return out


def _complete(cols: list[str], header: list[str]) -> bool:
    return not any(_open(c, h) for c, h in zip(cols[1:], header[1:], strict=False))


def _starts_row(n: int, cur: dict | None) -> bool:
    """A numbered line opens a row: the next number, or a later one once the current row is complete.

    A wrapped cell may start with a number (``10万人次…``), so an unfinished row only yields to
    the very next number.
    """
    if cur is None:
        return True
    k = int(cur["label"])
    complete = cur["complete"]()
    return n == k + 1 or (complete and k < n <= k + 10)


def _new_row(label: str, line: int, cells: list[str], header: list[str]) -> dict:
    """A row being read; ``cols`` holds one cell per header column when the first line is full."""
    aligned = _aligned(cells, header)
    cols = aligned if len(aligned) == len(header) and len(header) >= 3 else None
    row: dict = {"label": label, "line": line, "lines": [line], "cells": cols or cells, "cols": cols}
    if cols is not None:
        row["complete"] = lambda: _complete(row["cols"], header)
    else:
        row["complete"] = lambda: strip_ws("".join(row["cells"])).endswith(_END_OF_ROW)
    return row


def extract_table_rows(lines: list[CleanLine]) -> list[TableRow]:
    """Every numbered row of every task table in ``lines``."""
    rows: list[TableRow] = []
    header: list[str] | None = None
    cur: dict | None = None

    def flush() -> None:
        nonlocal cur
        if cur is None or header is None:
            cur = None
            return
        rendered = _render(cur["cells"], header)
        if rendered and rendered[1]:
            rows.append(TableRow(cur["label"], cur["line"], cur["lines"], rendered[0], rendered[1]))
        cur = None

    for cl in lines:
        text = cl.text.strip()
        if _is_header(text):
            flush()
            header = _header_columns(text)
            continue
        if header is None:
            continue
        m = _ROW_RE.match(text)
        if m and _starts_row(int(m.group(1)), cur):
            flush()
            cells = [m.group(1), *[c for c in m.group(2).split(" ") if c]]
            cur = _new_row(m.group(1), cl.line, cells, header)
            continue
        if cur is not None and cur["cols"] is not None and not _HEADING_RE.match(text):
            # A layout row: every cell wraps under its own column.
            extra = [c for c in text.split(" ") if c]
            if extra and not _complete(cur["cols"], header):
                cur["cols"] = _spread(cur["cols"], extra, header)
                cur["cells"] = cur["cols"]
                cur["lines"].append(cl.line)
                continue
        elif (
            cur is not None
            and cur["cols"] is None
            and not strip_ws("".join(cur["cells"])).endswith(_END_OF_ROW)
        ):
            # A wrapped continuation of the current row.
            extra = [c for c in text.split(" ") if c]
            if extra:
                cur["cells"][-1] = cur["cells"][-1] + extra[0]
                cur["cells"].extend(extra[1:])
                cur["lines"].append(cl.line)
            continue
        flush()
        if not m:
            header = None
    flush()
    return rows


def render_row_text(row: TableRow) -> str:
    """The Task text of a row: the task cell and its clause in brackets."""
    return f"{row.task_text}（{row.clause}）" if row.clause else row.task_text

"""Responsibility clauses of one document: who leads, supports or is responsible for each task.

The clause grammar lives in ``clauses``; this module attaches clauses to the tasks found by
``outline`` and turns each named agency into an ``AgencyMention`` with its role and a
jurisdiction hint.  Agencies are not resolved here: the register does that from the surface and
the hint (``市财政局`` in a Chongqing document → 重庆市财政局).

Jurisdiction hints: in a joint two-jurisdiction document (issuers of 重庆市 and 四川省) a clause
list printed in two halves separated by '；' names the first issuer's bodies first and the
second's after; every other mention gets the first issuer's jurisdiction, if any.

A clause found in the body that belongs to no task is still reported, with ``task_id=None`` and
an ``unattached-clause`` warning: a recognised clause is never dropped silently.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.extract.clauses import ParsedClause, find_clauses, fold, is_collective, strip_ws
from kg.model import Task, Warning_
from kg.text import Text

_ARTICLE_RE = re.compile(r"^第[一二三四五六七八九十百零〇\d]+条")


@dataclass(slots=True)
class AgencyMention:
    """One agency as printed in a clause, with its role and a jurisdiction hint for the resolver."""

    surface: str  # as printed, whitespace removed
    role: str  # lead | support | responsible
    jurisdiction: str | None
    collective_hint: bool


@dataclass(slots=True)
class ResponsibilityClause:
    """A clause and the agencies it names.

    ``line`` is the line of the task the clause belongs to (the line a reader cites for the
    measure), or the clause's own line when it belongs to no task; ``clause_line`` is always
    the source line where the clause itself starts.
    """

    task_id: str | None
    clause: str  # as printed, whitespace removed, without outer brackets
    line: int
    mentions: list[AgencyMention]
    clause_line: int = 0


def _mentions(parsed: ParsedClause, jurisdictions: list[str]) -> list[AgencyMention]:
    split = len(jurisdictions) >= 2 and any(part > 0 for _, part, _ in parsed.groups)
    out: list[AgencyMention] = []
    seen: set[tuple[str, str]] = set()
    for role, part, names in parsed.groups:
        if split:
            jur: str | None = jurisdictions[min(part, len(jurisdictions) - 1)]
        else:
            jur = jurisdictions[0] if jurisdictions else None
        for name in names:
            if (name, role) in seen:
                continue
            seen.add((name, role))
            out.append(AgencyMention(name, role, jur, is_collective(name)))
    return out


def _masked(task: Task, later: list[Task]) -> str:
    """A section task's own text: its text with the texts of the tasks it contains blanked out."""
    text = task.text
    if task.kind != "section":
        return text
    chars = list(text)
    pos = 0
    for u in later:
        at = text.find(u.text, pos) if u.text else -1
        if at < 0:
            break
        for k in range(at, at + len(u.text)):
            chars[k] = "\n"
        pos = at + len(u.text)
    return "".join(chars)


def _task_clauses(task: Task, own: str) -> list[ParsedClause]:
    bracketed = find_clauses(own, running=False)
    if bracketed:
        return [p for _, p in bracketed]
    if task.kind == "table-row" or _ARTICLE_RE.match(task.text):
        return []
    return [p for _, p in find_clauses(own, running=True)]


class _BodyIndex:
    """Whitespace-free projection of the body, to find where a clause string is printed."""

    def __init__(self, text: Text) -> None:
        keep = [i for i, c in enumerate(text.text) if not c.isspace()]
        self.proj = "".join(text.text[i] for i in keep)
        self.fold = fold(self.proj)
        self.keep = keep
        self.text = text

    def line_of(self, clause: str, from_line: int) -> int:
        needle = fold(strip_ws(clause))
        pos = 0
        first = -1
        while needle:
            at = self.fold.find(needle, pos)
            if at < 0:
                break
            if first < 0:
                first = at
            line = self.text.line_at(self.keep[at])
            if line >= from_line:
                return line
            pos = at + 1
        return self.text.line_at(self.keep[first]) if first >= 0 else from_line


def extract_responsibilities(
    text: Text, tasks: list[Task], jurisdictions: list[str]
) -> tuple[list[ResponsibilityClause], list[Warning_]]:
    """Clauses of every task, plus clauses of the body that no task holds (with warnings)."""
    index = _BodyIndex(text)
    out: list[ResponsibilityClause] = []
    attached: Counter[str] = Counter()
    for k, task in enumerate(tasks):
        own = _masked(task, tasks[k + 1 :])
        for parsed in _task_clauses(task, own):
            if task.kind != "table-row":
                attached[fold(parsed.clause)] += 1
            clause_line = task.line if task.kind == "table-row" else index.line_of(parsed.clause, task.line)
            out.append(
                ResponsibilityClause(
                    task.id, parsed.clause, task.line, _mentions(parsed, jurisdictions), clause_line
                )
            )
    warnings: list[Warning_] = []
    for span, parsed in find_clauses(text.text, running=False):
        key = fold(parsed.clause)
        if attached[key] > 0:
            attached[key] -= 1
            continue
        line = text.line_at(span.start)
        out.append(ResponsibilityClause(None, parsed.clause, line, _mentions(parsed, jurisdictions), line))
        warnings.append(
            Warning_(
                "",
                line,
                "unattached-clause",
                f"responsibility clause not inside any task: （{parsed.clause[:60]}）",
            )
        )
    return out, warnings

"""Undo what PDF extraction and web copying do to policy text, keeping provenance.

PDF-extracted files break sentences at the page width, insert page numbers and running headers
(``重庆市人民政府公报 2022 年第 21 期``), double-space lines, and scatter ASCII and full-width
spaces inside words (``2022 年 12 月``, ``（责任单位 ：``).  Web copies use half-width
punctuation.  We rebuild logical lines (paragraphs, headings, table rows) so extractors can use
plain regular expressions, while every character keeps the source line it came from.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from kg.text import Text

# Sentence-final punctuation: a line ending in one of these ends a paragraph.
_TERMINAL = set("。！？；：!?;:")
_CLOSERS = set("”’」』")

# Outline markers that always start a new logical line.
HEADING_RE = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、．.]"
    r"|[（(][一二三四五六七八九十百]+[）)]"
    r"|\d{1,3}[．.、](?!\d)"
    r"|[（(]\d{1,3}[）)]"
    r"|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"
    r"|第[一二三四五六七八九十百零〇\d]+[章节条篇部分]"
    r"|专栏\s*\d*|附件\s*\d*|附表|表\s*\d)"
)

_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–－~～]\s*)?\d{1,4}(?:\s*[-—–－~～])?$|^第\s*\d{1,4}\s*页(?:\s*[/／共]\s*\d+\s*页?)?$|^\d{1,4}\s*/\s*\d{1,4}$"
)
GAZETTE_HEADER_RE = re.compile(r"^(?P<name>\S{2,30}?(?:公报|汇编|政报))\s*(?P<year>\d{4})\s*年?\s*第\s*(?P<no>\d{1,3})\s*期")

_CJKISH = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026]")
_ASCII_WORD = re.compile(r"[A-Za-z0-9.%]")
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200b\ufeff]+")
_HALF_PAREN_PAIR = re.compile(r"\(([^()\n]{0,80})\)")


_ENTITY_RE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#[xX][0-9a-fA-F]{2,6});")


def clean_line(raw: str) -> str:
    """Unicode-normalise spacing, collapse space runs to one ASCII space, strip the ends.

    Text copied from web pages keeps HTML entities (``&nbsp;``, ``&#12288;``); they are decoded
    first so that an indented ``&nbsp;&nbsp;（一）`` still starts with its outline marker.
    """
    s = unicodedata.normalize("NFC", raw)
    if "&" in s:
        s = _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), s)
    s = _SPACES.sub(" ", s)
    return s.strip()


def compact(s: str) -> str:
    """Drop spaces inside Chinese text but keep one between two ASCII words.

    ``2022 年 12 月`` → ``2022年12月``; ``Belt and Road`` stays; ``RCEP 成员国`` → ``RCEP成员国``.
    """
    if " " not in s:
        return s
    out: list[str] = []
    parts = s.split(" ")
    for i, part in enumerate(parts):
        if not part:
            continue
        if out and i > 0:
            prev = out[-1][-1]
            nxt = part[0]
            if _ASCII_WORD.match(prev) and _ASCII_WORD.match(nxt):
                out.append(" ")
        out.append(part)
    return "".join(out)


def fullwidth_punct(s: str) -> str:
    """Turn half-width punctuation inside Chinese text into the full-width forms printed officially.

    Web copies write ``(牵头单位:市发展改革委;配合单位:…)``; extractors then need one form only.
    A bracket pair is converted only when it touches or holds Chinese text, so ``(2)`` in an
    English line is left alone but ``(1)`` as an outline marker becomes ``（1）``.
    """
    if not any(c in s for c in "():;,"):
        return s

    def pair(m: re.Match[str]) -> str:
        inner = m.group(1)
        before = s[m.start() - 1] if m.start() > 0 else ""
        after = s[m.end()] if m.end() < len(s) else ""
        if _CJKISH.search(inner) or _CJKISH.match(before or "a") or _CJKISH.match(after or "a") or m.start() == 0:
            return f"（{inner}）"
        return m.group(0)

    s = _HALF_PAREN_PAIR.sub(pair, s)
    chars = list(s)
    for i, c in enumerate(chars):
        if c in ":;,":
            before = chars[i - 1] if i > 0 else ""
            after = chars[i + 1] if i + 1 < len(chars) else ""
            if (before and _CJKISH.match(before)) or (after and _CJKISH.match(after)):
                if c == "," and before.isdigit() and after.isdigit():
                    continue
                chars[i] = {":": "：", ";": "；", ",": "，"}[c]
    return "".join(chars)


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER_RE.match(line.strip()))


def display_width(s: str) -> float:
    """Width in Chinese character cells (ASCII counts half)."""
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in s)


@dataclass(frozen=True, slots=True)
class CleanLine:
    """A non-blank source line after cleaning; ``text`` keeps single spaces, for tables."""

    line: int  # 1-based source line
    text: str
    indented: bool = False  # printed with a paragraph indent (　　 or 4+ spaces): starts a paragraph


def running_headers(lines: list[str]) -> set[str]:
    """Lines that repeat as page headers (gazette name and issue, publication names).

    Only the gazette/compilation header pattern counts: a generic "repeated short line" rule
    would also eat issuer lines and signature blocks, which repeat in compilations.
    """
    counts = Counter(compact(clean_line(x)) for x in lines)
    headers: set[str] = set()
    for text, n in counts.items():
        if not text:
            continue
        if GAZETTE_HEADER_RE.match(text) and n >= 2:
            headers.add(text)
    return headers


_RUNNING_HEADER_SHAPE = re.compile(
    r"^[\u4e00-\u9fff]{1,16}[〔\[［【(（](?:19|20)\d{2}[〕\]］】)）]第?\d{1,5}号$|^\S{2,30}(?:文件|公报|简报|政报)$"
)


def _page_running_headers(cleaned: list[str]) -> set[int]:
    """Positions of a running header printed at a page break: a 文号 or "…文件" line that sits
    next to a page number and is printed elsewhere in the text too.  Only those positions are
    dropped, so the same 文号 under the title stays."""
    counts = Counter(compact(t) for t in cleaned if t)
    nonblank = [i for i, t in enumerate(cleaned) if t]
    out: set[int] = set()
    for k, i in enumerate(nonblank):
        text = compact(cleaned[i])
        if counts[text] < 2 or not _RUNNING_HEADER_SHAPE.match(text):
            continue
        neighbours = [cleaned[nonblank[j]] for j in (k - 1, k + 1) if 0 <= j < len(nonblank)]
        if any(is_page_number(x) for x in neighbours):
            out.add(i)
    return out


_INDENT_RE = re.compile(r"^(?:\u3000{2}|[ \u00a0]{4}|\t|(?:&nbsp;){2}|(?:&#12288;){2})")


def clean_lines(raw_lines: tuple[str, ...] | list[str], first_line: int = 1, headers: set[str] | None = None) -> list[CleanLine]:
    """Drop blank lines, page numbers and running headers; keep source line numbers."""
    headers = headers or set()
    cleaned = [clean_line(raw) for raw in raw_lines]
    page_header = _page_running_headers(cleaned)
    out: list[CleanLine] = []
    for i, raw in enumerate(raw_lines):
        text = cleaned[i]
        if not text or is_page_number(text) or compact(text) in headers or i in page_header:
            continue
        out.append(CleanLine(first_line + i, text, _INDENT_RE.match(raw) is not None))
    return out


def _local_widths(widths: list[float], radius: int = 30) -> list[float]:
    """Typical full-line width around each line (90th percentile of its neighbourhood)."""
    out: list[float] = []
    n = len(widths)
    for i in range(n):
        window = sorted(widths[max(0, i - radius) : min(n, i + radius + 1)])
        out.append(window[int(0.9 * (len(window) - 1))])
    return out


def _bracket_depth(s: str) -> int:
    return s.count("（") + s.count("〔") - s.count("）") - s.count("〕")


def _is_tableish(text: str) -> bool:
    return "\t" in text or "  " in text


def join_lines(lines: list[CleanLine], blank_separates: bool = False, blank_after: set[int] | None = None) -> Text:
    """Rebuild logical lines from PDF-wrapped lines.

    A line continues into the next when it fills the local page width and does not end a
    sentence, or when it leaves a bracket open; never when the next line starts an outline
    heading.  With ``blank_separates`` (single-spaced files), a blank line always ends a paragraph.
    """
    if not lines:
        return Text("", __import__("array").array("I"))
    blank_after = blank_after or set()
    texts = [fullwidth_punct(compact(x.text)) for x in lines]
    widths = [display_width(t) for t in texts]
    local = _local_widths(widths)
    pieces: list[tuple[str, list[int]]] = []
    cur: list[str] = []
    cur_origin: list[int] = []
    depth = 0
    for i, (cl, t) in enumerate(zip(lines, texts, strict=True)):
        cur.append(t)
        cur_origin.extend([cl.line] * len(t))
        depth = max(0, depth + _bracket_depth(t))
        nxt = texts[i + 1] if i + 1 < len(texts) else None
        if nxt is None:
            break
        last = t.rstrip("".join(_CLOSERS))[-1:] or t[-1:]
        full = widths[i] >= 0.8 * local[i] and local[i] >= 12
        cont = False
        if HEADING_RE.match(nxt) or lines[i + 1].indented or _is_tableish(lines[i].text) or (blank_separates and cl.line in blank_after):
            cont = False
        elif ((last not in _TERMINAL or (depth > 0 and last in "：:；;")) and full) or (depth > 0 and last not in _TERMINAL and widths[i] >= 0.5 * local[i] and len(t) > 8):
            cont = True
        if not cont:
            pieces.append(("".join(cur), cur_origin))
            cur, cur_origin, depth = [], [], 0
    if cur:
        pieces.append(("".join(cur), cur_origin))
    return Text.from_pieces(pieces)


def blank_is_separator(raw_lines: tuple[str, ...] | list[str]) -> bool:
    """Double-spaced files (a blank after most lines) carry no paragraph information in blanks."""
    nonblank = sum(1 for x in raw_lines if x.strip())
    blank = len(raw_lines) - nonblank
    return blank < 0.3 * max(nonblank, 1)


def normalise(raw_lines: list[str], first_line: int = 1, headers: set[str] | None = None) -> tuple[Text, list[CleanLine]]:
    """Clean and join a span of raw lines; returns the joined Text and the cleaned lines."""
    cleaned = clean_lines(raw_lines, first_line, headers)
    blank_after: set[int] = set()
    sep = blank_is_separator(raw_lines)
    if sep:
        for i, raw in enumerate(raw_lines[:-1]):
            if raw.strip() and not raw_lines[i + 1].strip():
                blank_after.add(first_line + i)
    return join_lines(cleaned, sep, blank_after), cleaned

"""Find every document a file holds: single notices, gazettes (公报), compilations (汇编).

A document is recognised by what official documents always print: a 发文字号 line under a title
block, a government decree header (XX人民政府令 / 第N号), a news-agency item (…印发《…》 followed by
a 新华社…电 dateline), or a title block followed by an addressee line (各区县…：) when no 文号 is
printed.  Tables of contents, covers and running headers are not documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.documents import metadata as md
from kg.model import Document, SourceFile, Warning_
from kg.read.normalize import (
    GAZETTE_HEADER_RE,
    HEADING_RE,
    CleanLine,
    clean_lines,
    compact,
    fullwidth_punct,
    normalise,
    running_headers,
)

_PART_RE = re.compile(r"^第[一二三四五六七八九十\d]+部分\s*\S{2,20}$")
_NEWS_RE = re.compile(r"^新华社\S{0,10}?\d{1,2}月\d{1,2}日电")
_ADDRESSEE_RE = re.compile(r"^[^。；]{2,200}(?:人民政府|部门|单位|机构|各部委|直属机构|厅（局）|委（局）|党委|局|委|厅|办)[^。；]{0,30}：$")
_TERMINAL_END = tuple("。；：，、！？")
_MAX_TITLE_LINES = 6
Known = Callable[[str], int] | None
_RED_HEADER_RE = re.compile(rf"^(?!第[一二三四五六七八九十\d]+部分)[\u4e00-\u9fff]{{2,40}}{md.ISSUER_SUFFIX}文件$")
_TOC_RE = re.compile(r"[.…·]{3,}|（\d+）$|\(\d+\)$")


@dataclass(slots=True)
class _Anchor:
    kind: str  # number | decree | news | addressee | fields | whole-file
    index: int  # index in the clean-line list of the anchor line
    title_start: int  # index of the first title-block line
    title_end: int  # index after the last title-block line
    doc_number: str | None = None
    fields: dict[str, str] | None = None  # a web page's field block (标题, 发文机关, 成文日期 …)

    @property
    def first(self) -> int:
        """Index of the document's first line (the 文号 when it is printed above the title)."""
        return self.index if self.kind == "number-first" else self.title_start


_FIELD_RE = re.compile(r"^(?P<key>索引号|主题分类|发文机关|发布机构|成文日期|发文日期|标题|名称|发文字号|文号|发布日期|发布时间|主题词|有效性|时效性|来源|信息来源|字号|浏览次数|点击数|作者)[：:](?P<value>.*)$")
_FIELD_NUMBER_RE = re.compile(r"^(?:发文字号|文号)[：:](?P<num>[\u4e00-\u9fff]{1,16}[〔\[［【(（](?:19|20)\d{2}[〕\]］】)）]第?\d{1,5}号)")


@dataclass(slots=True)
class _Fields:
    start: int
    end: int
    fields: dict[str, str]


def _field_block(lines: list[CleanLine], i: int) -> _Fields:
    """The run of ``key：value`` lines around line ``i`` (several fields may share a line)."""
    def parse(k: int) -> dict[str, str]:
        found: dict[str, str] = {}
        text = compact(lines[k].text).replace(":", "：")
        for m in re.finditer(r"(索引号|主题分类|发文机关|发布机构|成文日期|发文日期|标题|名称|发文字号|文号|发布日期|发布时间|主题词|有效性|时效性|来源|信息来源|字号|浏览次数|点击数|作者)：(.*?)(?=(?:索引号|主题分类|发文机关|发布机构|成文日期|发文日期|标题|名称|发文字号|文号|发布日期|发布时间|主题词|有效性|时效性|来源|信息来源|字号|浏览次数|点击数|作者)：|$)", text):
            found[m.group(1)] = m.group(2).strip()
        return found

    start = end = i
    while start > 0 and _FIELD_RE.match(compact(lines[start - 1].text).replace(":", "：")):
        start -= 1
    while end + 1 < len(lines) and _FIELD_RE.match(compact(lines[end + 1].text).replace(":", "：")):
        end += 1
    fields: dict[str, str] = {}
    for k in range(start, end + 1):
        for key, value in parse(k).items():
            fields.setdefault("标题" if key == "名称" else key, value)
    return _Fields(start, end + 1, fields)



def _is_titleish(text: str) -> bool:
    t = fullwidth_punct(compact(text))
    if not t or len(t) > 60 or t.endswith(_TERMINAL_END):
        return False
    if HEADING_RE.match(t) or _PART_RE.match(t) or md.DATE_LINE_RE.match(t) or _TOC_RE.search(t):
        return False
    if md.DOC_NUMBER_RE.match(t) or GAZETTE_HEADER_RE.match(t) or t.startswith(("（此件", "(此件")):
        return False
    return bool(re.search(r"[\u4e00-\u9fff]", t))


def _title_group_start(lines: list[CleanLine], end: int) -> int | None:
    """Index of the first line of the title block ending just above ``end`` (exclusive)."""
    cand: list[int] = []
    i = end - 1
    while i >= 0 and len(cand) < _MAX_TITLE_LINES and _is_titleish(lines[i].text):
        cand.append(i)
        i -= 1
    if not cand:
        return None
    cand.reverse()  # top → bottom
    texts = [compact(lines[k].text) for k in cand]
    # The title proper: from the lowest line holding 关于/印发/转发 (or the last line) down.
    key_positions = [n for n, t in enumerate(texts) if re.search(r"关于|印发|转发|发布", t)]
    if key_positions:
        first = key_positions[-1]
        # Lines above that are continuations of the same title printed before (titles printed twice).
        while first > 0 and not md.is_issuer_line(lines[cand[first - 1]].text) and first - 1 in key_positions:
            first -= 1
        block = "".join(texts[first:])
        # The same title printed twice, the first copy wrapped differently.
        for k in range(first - 1, -1, -1):
            if "".join(texts[k:first]) == block:
                first = k
                block = "".join(texts[first:])
                break
        k = first - 1
        while k >= 0:
            if md.is_issuer_line(lines[cand[k]].text):
                k -= 1
                continue
            joined = "".join(texts[k:first])
            # The same title printed twice: the lines above spell the same text.
            if block.startswith(joined) or joined == block:
                first = k
                k -= 1
                continue
            if texts[k] and re.search(r"关于|印发|转发", texts[k]) and not texts[k].endswith(md.GENRES):
                first = k
                k -= 1
                continue
            break
        top = k + 1
        # Keep only issuer lines directly above the title.
        while top < first and not md.is_issuer_line(lines[cand[top]].text):
            top += 1
        return cand[top]
    # No 关于: the title is the last line or lines that end with a genre word.
    bottom = len(cand) - 1
    start = bottom
    while start > 0 and not texts[start - 1].endswith(md.GENRES) and len(texts[start - 1]) >= 8 and bottom - start < 2:
        start -= 1
    return cand[start]


def _find_anchors(lines: list[CleanLine]) -> list[_Anchor]:
    anchors: list[_Anchor] = []
    used: set[int] = set()
    n = len(lines)
    for i, cl in enumerate(lines):
        t = fullwidth_punct(compact(cl.text))
        m = md.DOC_NUMBER_RE.match(t)
        if m:
            start = _title_group_start(lines, i) if i > 0 else None
            if start is not None and start not in used and any(re.search(r"关于|印发|转发|" + "|".join(md.GENRES), compact(lines[k].text)) for k in range(start, i)):
                anchors.append(_Anchor("number", i, start, i, md.normalise_doc_number(m.group("num"))))
                used.update(range(start, i + 1))
            else:
                # Some portals print the 文号 first and the title under it.
                end = i + 1
                while end < min(n, i + 5) and _is_titleish(lines[end].text) and not _ADDRESSEE_RE.match(compact(lines[end].text)):
                    end += 1
                below = "".join(compact(lines[k].text) for k in range(i + 1, end))
                if below and re.search(r"关于|印发|转发", below) and below.endswith(md.GENRES):
                    anchors.append(_Anchor("number-first", i, i + 1, end, md.normalise_doc_number(m.group("num"))))
                    used.update(range(i, end))
            continue
        m = md.DECREE_RE.match(t)
        if m and i + 1 < n:
            number_line = compact(lines[i + 1].text)
            m2 = md.DECREE_NO_RE.match(number_line)
            if m2:
                printed = number_line.replace("(", "（").replace(")", "）")
                anchors.append(_Anchor("decree", i, i, i + 2, f"{t}{printed}"))
                used.update(range(i, i + 2))
            continue
        if _NEWS_RE.match(t):
            start = _title_group_start(lines, i)
            if start is not None and start not in used:
                anchors.append(_Anchor("news", i, start, i))
                used.update(range(start, i))
    # Web copies (gov.cn and provincial portals) print a field block: 标题：… 发文字号：… 成文日期：…
    for i, cl in enumerate(lines):
        m = _FIELD_NUMBER_RE.match(compact(cl.text))
        if not m or i in used:
            continue
        block = _field_block(lines, i)
        if "标题" not in block.fields and block.start > 0:
            # The page's own heading, printed just above the field block.
            above = compact(lines[block.start - 1].text)
            if _is_titleish(above) and above.endswith(md.GENRES):
                block.fields["标题"] = above
                block.start -= 1
        if "标题" in block.fields:
            first, last = block.start, block.end
            anchors.append(_Anchor("fields", i, first, last, md.normalise_doc_number(m.group("num")), block.fields))
            used.update(range(first, last))
            # The same title and 文号 printed again under the field block belong to this document.
            for k in range(last, min(last + 6, n)):
                t = compact(lines[k].text)
                if t == compact(block.fields["标题"]) or md.DOC_NUMBER_RE.match(t):
                    used.add(k)
                    drop = [x for x in anchors if x.index == k and x.kind == "number"]
                    for x in drop:
                        anchors.remove(x)
    # Documents without a printed 文号: a title block ending in a genre word, then an addressee line.
    for i, cl in enumerate(lines):
        if i in used or i == 0:
            continue
        t = fullwidth_punct(compact(cl.text))
        if _ADDRESSEE_RE.match(t) and i - 1 not in used:
            start = _title_group_start(lines, i)
            if start is None:
                continue
            title = "".join(compact(lines[k].text) for k in range(start, i))
            if title.endswith(md.GENRES) and re.search(r"关于", title) and not any(k in used for k in range(start, i)):
                anchors.append(_Anchor("addressee", i, start, i))
                used.update(range(start, i))
    anchors.sort(key=lambda a: a.first)
    return anchors


def _title_text(lines: list[CleanLine], a: _Anchor, known: Known = None) -> tuple[str, list[str]]:
    """(title with any issuer prefix, issuers printed on their own lines) for an anchor.

    Lines are joined before splitting off the issuer because issuer names wrap mid-word
    (…国家知识产权局办 / 公室关于…).
    """
    texts = [compact(lines[k].text) for k in range(a.title_start, a.title_end)]
    issuer_lines = []
    for k in range(a.title_start, a.title_end):
        if md.is_issuer_line(lines[k].text):
            issuer_lines.append(lines[k].text)
        else:
            break
    title = "".join(texts)
    # Titles printed twice (possibly wrapped differently): keep one copy.
    for k in range(1, len(texts)):
        head, rest = "".join(texts[:k]), "".join(texts[k:])
        if head == rest or (rest and head.endswith(rest) and len(rest) > 6) or (head and rest.endswith(head) and len(head) > 6):
            title = max(head, rest, key=len)
            break
    issuers = [x for line in issuer_lines for x in md.split_issuers(line, known)]
    return title, issuers


def _signature(lines: list[CleanLine], begin: int, end: int, known: Known = None) -> tuple[str | None, list[str], int | None]:
    """First standalone date in [begin, end) and the issuer lines just above it."""
    for k in range(begin, end):
        date = md.parse_date(lines[k].text)
        if date:
            issuers: list[str] = []
            j = k - 1
            block: list[str] = []
            while j >= begin and md.is_issuer_line(lines[j].text) and len(block) < 24:
                block.insert(0, lines[j].text)
                j -= 1
            for text in block:
                issuers.extend(md.split_issuers(text, known))
            return date, issuers, k
    return None, [], None


_PUBLISHED_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日[^（）\d]{0,16}?(?:发布|印发|公布)")


def _news_date(text: str) -> str | None:
    """Latest 发布 date in a regulation's 题注 (…2022年6月13日中共中央发布)."""
    found = [f"{int(y):04d}-{int(m):02d}-{int(d):02d}" for y, m, d in _PUBLISHED_RE.findall(text)]
    return max(found) if found else None


def _gazette_name(source: SourceFile) -> str | None:
    """The gazette/compilation issue a file belongs to, from its running header or cover."""
    for raw in source.raw_lines:
        m = GAZETTE_HEADER_RE.match(compact(raw.strip()))
        if m:
            return f"{m.group('name')}{m.group('year')}年第{m.group('no')}期"
    # A cover: name line, then year and issue lines.
    head = [compact(x) for x in source.raw_lines[:30] if x.strip()]
    for i, t in enumerate(head[:10]):
        if re.fullmatch(r"\S{2,30}(?:公报|政报)", t):
            rest = "".join(head[i + 1 : i + 4])
            m = re.search(r"((?:19|20)\d{2})\D{0,40}?第(\d{1,3})期", rest)
            if m:
                return f"{t}{m.group(1)}年第{m.group(2)}期"
    return None


def segment_file(source: SourceFile, known: Known = None) -> tuple[list[Document], list[Warning_]]:
    """Split one file into documents with metadata and normalised bodies.

    ``known`` tells whether a name is a registered agency; with it, issuer names printed run
    together (重庆市人民政府办公厅四川省人民政府办公厅) are split where the register says.
    """
    headers = running_headers(source.raw_lines)
    lines = clean_lines(source.raw_lines, 1, headers)
    warnings: list[Warning_] = []
    anchors = _find_anchors(lines)
    gazette = _gazette_name(source)
    parts: list[tuple[int, str]] = [(i, compact(cl.text)) for i, cl in enumerate(lines) if _PART_RE.match(compact(cl.text))]
    docs: list[Document] = []
    if not anchors:
        first = next((k for k in range(min(len(lines), 8)) if _is_titleish(lines[k].text)), None)
        if first is None:
            warnings.append(Warning_(source.name, 1, "no-document", "no document recognised (no 文号, decree, dateline, addressee line or title)"))
            return docs, warnings
        # A bare text (a plan copied without its notice): one document titled by its first title-like line(s).
        end = first + 1
        while end < min(len(lines), first + 3) and _is_titleish(lines[end].text) and not compact(lines[first].text).endswith(md.GENRES):
            end += 1
        anchors = [_Anchor("whole-file", first, first, end)]
        warnings.append(Warning_(source.name, lines[first].line, "no-document-header", "no 文号, signature or addressee found: the file is read as one document titled by its first line"))
    for n, a in enumerate(anchors):
        end_idx = anchors[n + 1].first if n + 1 < len(anchors) else len(lines)
        later_parts = [i for i, _ in parts if a.index < i < end_idx]
        if later_parts:
            end_idx = later_parts[0]
        title, title_issuers = _title_text(lines, a, known)
        if a.kind == "decree":
            # The rule's title is printed after the signature; the preamble names it in 《》.
            pre = "".join(compact(lines[k].text) for k in range(a.title_end, min(end_idx, a.title_end + 4)))
            m = re.search(r"《([^《》]+)》", pre)
            title = m.group(1) if m else title
            title_issuers = [md.DECREE_RE.match(compact(lines[a.index].text)).group("issuer")]
        if a.fields:
            title = compact(a.fields["标题"])
            title_issuers = md.split_issuers(a.fields.get("发文机关") or a.fields.get("发布机构") or "", known)
        prefix, title = md.title_issuer_prefix(title)
        body_start = a.title_end if a.kind != "number" else a.index + 1
        title_line = a.first
        if title_line > 0 and _RED_HEADER_RE.match(compact(lines[title_line - 1].text)):
            title_line -= 1  # the red header (XX人民政府办公厅文件) opens the document
        notice_end = end_idx
        date, sig_issuers, date_idx = _signature(lines, body_start, end_idx, known)
        notice_text = "".join(compact(lines[k].text) for k in range(body_start, date_idx if date_idx is not None else min(end_idx, body_start + 12)))
        issuers = sig_issuers or title_issuers or md.prefix_issuers(prefix, known)
        if a.kind == "news":
            issuers = title_issuers or md.split_issuers(re.split(r"联合印发|印发|转发", title)[0], known)
            date = _news_date("".join(compact(lines[k].text) for k in range(a.index, min(end_idx, a.index + 60))))
            notice_text = title
        elif a.kind == "decree" and sig_issuers and not any(x.endswith(("政府", "部", "委", "局")) for x in sig_issuers):
            issuers = title_issuers
        if a.kind == "decree":
            issuers = title_issuers
        if a.fields:
            issuers = sig_issuers or title_issuers
            field_date = md.parse_date(a.fields.get("成文日期") or a.fields.get("发文日期") or "")
            date = field_date or date
        attachments = md.attachment_titles(title, notice_text)
        part_of = None
        earlier_parts = [p for i, p in parts if i < a.title_start]
        if earlier_parts:
            part_of = earlier_parts[-1]
        elif gazette:
            part_of = gazette
        start_line = lines[title_line].line
        end_line = lines[notice_end - 1].line if notice_end > 0 else start_line
        raw_span = list(source.raw_lines[start_line - 1 : end_line])
        body, span_lines = normalise(raw_span, start_line, headers)
        docs.append(
            Document(
                source=source.name,
                start_line=start_line,
                end_line=end_line,
                title=title,
                doc_number=a.doc_number if a.kind in ("number", "number-first", "decree", "fields") else None,
                issuers=issuers,
                date=date,
                doc_type=md.doc_type_of(title) or (md.doc_type_of(attachments[0]) if attachments else None),
                attachment_title=attachments[0] if attachments else None,
                attachment_titles=attachments,
                part_of=part_of,
                body=body,
                lines=span_lines,
            )
        )
        if not issuers:
            warnings.append(Warning_(source.name, start_line, "no-issuer", f"no issuer found for 《{title}》"))
    return docs, warnings

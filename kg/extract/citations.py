"""Find references to other documents (《title》 and printed 文号) and type them.

Chinese official documents cite each other in a few fixed registers: a notice 印发/转发 its
plan (issues); 根据/依据《…》 gives the legal basis; 贯彻/落实/按照《…》 implements; 《…》同时废止
repeals; anything else mentions.  A run of titles joined by 、/和/及 (《A》《B》和《C》) shares the verb
that precedes it.  A title immediately followed by （文号） is one citation carrying both.  The
document's own title and abbreviations defined with （以下简称《…》） are not citations of another
document; a bare 文号 repeating one already cited is a back-reference, not a new citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Citation
from kg.text import Text

_OPEN, _CLOSE = "《", "》"
DOC_NUMBER_CORE = (
    r"(?:[\u4e00-\u9fff]{1,16}[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号"
    r"|[\u4e00-\u9fff]{2,24}令(?:〔(?:19|20)\d{2}〕|（(?:19|20)\d{2}）|(?:19|20)\d{2}年)?第\s*\d{1,5}\s*号)"
)
DOC_NUMBER_RE = re.compile(DOC_NUMBER_CORE)
# Words that run into a bare 文号 from the sentence: 不再适用渝府发〔2008〕26号 → 渝府发〔2008〕26号.
# Single characters that occur in issuer abbreviations (发, 办, 经, 府 …) are deliberately absent.
_LEAD_WORDS_RE = re.compile(
    r"(?:不再|继续|同时|详见|参见|按照|参照|依照|根据|依据|执行|落实|贯彻|适用|印发|转发|废止|以及|或者|通知|意见|"
    r"办法|文件|规定|决定|方案|精神|要求|的|了|已|和|或|与|及|即|对|将|把|按|照|据|在|是|为|由|原)"
)
_ABBREV_RE = re.compile(r"(?:以下简称|下称|简称)$")
_CONNECTOR_RE = re.compile(r"^(?:[、，,]|和|及|与|以及|或|或者|、以及|及其)?$")
_CLAUSE_BREAK = "。；;！？!?\n：:，,"
_BASIS = ("根据", "依据", "依照", "遵循")
_IMPLEMENTS = ("贯彻落实", "贯彻", "落实", "按照", "执行", "遵照", "参照", "对照")
_REPEAL_AFTER_RE = re.compile(r"^[^。；;，,]{0,6}?(?:同时|一并|予以)?(?:废止|停止执行|不再执行|停止施行)")
_ISSUE_AFTER_RE = re.compile(r"(?:印发|转发|下发|发布|公布)给|现(?:予)?(?:印发|转发|发布|公布)|予以(?:印发|公布|发布)")
_ISSUE_VERB_RE = re.compile(r"印发|转发|发布|公布|下发")
# 按照中共X省委办公厅 X省人民政府办公厅《…》要求: issuer names between the verb and the title.
_ISSUERS_RE = re.compile(
    r"(?:[\u4e00-\u9fff]{1,20}(?:办公厅|办公室|人民政府|委员会|省委|市委|党中央|中共中央|国务院|部|厅|局|委|署|院)\s*)+"
)
# Certificates and forms printed in 《》 are not documents.
_NOT_DOCUMENT_RE = re.compile(r"(?:证书|合格证|许可证|执照|委托书|证|卡)$")


def normalise_title(title: str) -> str:
    """Comparable form of a title: no whitespace, quote marks or angle brackets; one bracket style."""
    s = re.sub(r"\s+", "", title)
    s = re.sub(r"[《》〈〉<>“”‘’\"'「」『』]", "", s)
    s = s.replace("(", "（").replace(")", "）").replace("-", "—").replace("–", "—").replace("－", "—")
    return s


def normalise_doc_number(number: str) -> str:
    """Comparable form of a 文号: ``国办发[2021]16号`` → ``国办发〔2021〕16号``."""
    s = re.sub(r"\s+", "", number)
    s = re.sub(r"[\[［【(（](\d{4})[\]］】)）]", r"〔\1〕", s)
    return s


@dataclass(slots=True)
class _Mention:
    start: int  # offset of 《 (or of the 文号)
    end: int  # offset after 》 and any attached （文号）
    title_end: int  # offset after 》
    title: str | None
    number: str | None


def _scan_titles(s: str) -> list[tuple[int, int]]:
    """Spans of outermost 《…》 pairs (nested 《》 inside a title stay part of it)."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = -1
    for i, c in enumerate(s):
        if c == _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif c == _CLOSE and depth > 0:
            depth -= 1
            if depth == 0:
                if 1 <= i - start - 1 <= 150 and "\n" not in s[start:i]:
                    spans.append((start, i + 1))
                start = -1
    return spans


_PAREN_RE = re.compile(r"^[（(]([^（）()]{1,60})[）)]")


def _own_title_spans(s: str, own_title: str) -> list[tuple[int, int]]:
    """Where the document's own title is printed (title lines are not running text)."""
    if not own_title:
        return []
    flat_chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(s):
        if c in " \n\u3000":
            continue
        flat_chars.append(c)
        index.append(i)
    flat = "".join(flat_chars)
    target = re.sub(r"\s+", "", own_title)
    spans = []
    pos = flat.find(target)
    while pos >= 0 and target:
        spans.append((index[pos], index[pos + len(target) - 1] + 1))
        pos = flat.find(target, pos + 1)
    return spans


def _find_mentions(s: str, own_title: str, own_doc_number: str | None) -> list[_Mention]:
    own_spans = _own_title_spans(s, own_title)
    own_norm = normalise_title(own_title) if own_title else ""
    abbreviations: set[str] = set()
    mentions: list[_Mention] = []
    covered: list[tuple[int, int]] = []
    for start, end in _scan_titles(s):
        title = s[start + 1 : end - 1]
        covered.append((start, end))
        before = s[max(0, start - 6) : start]
        if _ABBREV_RE.search(before):
            abbreviations.add(normalise_title(title))
            continue
        number = None
        m_end = end
        pm = _PAREN_RE.match(s[end:])
        if pm:
            inner = pm.group(1)
            dn = DOC_NUMBER_RE.search(inner)
            if dn:
                number = re.sub(r"\s+", "", dn.group(0))
                m_end = end + pm.end()
                covered.append((end, m_end))
            if "简称" in inner:
                for ab in re.findall(r"《([^《》]+)》", inner):
                    abbreviations.add(normalise_title(ab))
                covered.append((end, end + pm.end()))
        norm = normalise_title(title)
        if norm in abbreviations and not number:
            continue
        if any(a <= start < b for a, b in own_spans) or (own_norm and norm == own_norm):
            continue
        if _NOT_DOCUMENT_RE.search(norm):
            continue
        mentions.append(_Mention(start, m_end, end, title, number))
    seen_numbers = {normalise_doc_number(m.number) for m in mentions if m.number}
    if own_doc_number:
        seen_numbers.add(normalise_doc_number(own_doc_number))
    for m in DOC_NUMBER_RE.finditer(s):
        if any(a <= m.start() < b for a, b in covered):
            continue
        raw = m.group(0)
        bracket = re.search(r"[〔\[［【(（]|令", raw)
        cut = 0
        for lead in _LEAD_WORDS_RE.finditer(raw[: bracket.start() if bracket else 0]):
            cut = lead.end()
        offset = cut
        number = re.sub(r"\s+", "", raw[offset:])
        prefix_len = len(re.match(r"^[\u4e00-\u9fff]*", number).group(0))  # type: ignore[union-attr]
        if prefix_len == 0:
            continue
        key = normalise_doc_number(number)
        line_start = s.rfind("\n", 0, m.start()) + 1
        line_end = s.find("\n", m.end())
        if re.sub(r"\s+", "", s[line_start : line_end if line_end >= 0 else len(s)]) == re.sub(r"\s+", "", raw):
            continue  # a 文号 on its own line is a header, not a reference
        if key in seen_numbers:
            continue
        seen_numbers.add(key)
        mentions.append(_Mention(m.start() + offset, m.end(), m.end(), None, number))
    mentions.sort(key=lambda x: x.start)
    return mentions


def _chains(s: str, mentions: list[_Mention]) -> list[list[_Mention]]:
    """Group mentions joined only by 、/和/及 into runs that share one governing verb."""
    chains: list[list[_Mention]] = []
    for m in mentions:
        if chains:
            prev = chains[-1][-1]
            gap = s[prev.end : m.start]
            if m.start >= prev.end and _CONNECTOR_RE.match(gap):
                chains[-1].append(m)
                continue
        chains.append([m])
    return chains


def _clause_before(s: str, pos: int, limit: int = 40) -> str:
    i = pos
    while i > 0 and pos - i < limit and s[i - 1] not in _CLAUSE_BREAK:
        i -= 1
    return s[i:pos]


def _sentence_around(s: str, start: int, end: int) -> tuple[str, str]:
    i = start
    while i > 0 and s[i - 1] not in "。！？\n":
        i -= 1
    j = end
    while j < len(s) and s[j] not in "。！？\n":
        j += 1
    return s[i:start], s[end:j]


def _mask_titles(s: str) -> str:
    return re.sub(r"《[^《》]*》", "《》", s)


def classify(s: str, chain: list[_Mention], attachment_norms: set[str]) -> str:
    """Relation of a run of citations from the words around it."""
    first, last = chain[0], chain[-1]
    after = s[last.end : last.end + 30]
    if _REPEAL_AFTER_RE.match(after):
        return "repeals"
    before_sent, after_sent = _sentence_around(s, first.start, last.end)
    before_sent, after_sent = _mask_titles(before_sent), _mask_titles(after_sent)
    is_attachment = any(m.title and normalise_title(m.title) in attachment_norms for m in chain)
    # 落实《A》，现将《B》印发给你们: the 印发 after a later 现将 belongs to that later title
    own_after = re.split(r"现[将把]", after_sent)[0]
    if _ISSUE_AFTER_RE.search(own_after) or (before_sent.endswith(("现将", "现把"))):
        return "issues"
    if is_attachment and (_ISSUE_VERB_RE.search(before_sent) or _ISSUE_VERB_RE.search(after_sent[:20])):
        return "issues"
    clause = _mask_titles(_clause_before(s, first.start))
    best: tuple[int, str] | None = None
    for words, rel in ((_BASIS, "basis"), (_IMPLEMENTS, "implements"), (("废止",), "repeals")):
        for w in words:
            k = clause.rfind(w)
            gap = clause[k + len(w) :]
            near = len(gap) <= 12 or _ISSUERS_RE.fullmatch(gap) is not None
            if k >= 0 and near and (best is None or k > best[0]):
                best = (k, rel)
    if best:
        return best[1]
    return "mentions"


def extract_citations(
    text: Text, own_title: str, own_doc_number: str | None, attachment_titles: list[str]
) -> list[Citation]:
    """Every reference in a document's body to another document, typed, in text order."""
    s = text.text
    mentions = _find_mentions(s, own_title, own_doc_number)
    attachment_norms = {normalise_title(t) for t in attachment_titles if t}
    out: list[Citation] = []
    for chain in _chains(s, mentions):
        relation = classify(s, chain, attachment_norms)
        for m in chain:
            out.append(
                Citation(cited_title=m.title, cited_doc_number=m.number, relation=relation, line=text.line_at(m.start))
            )
    return out

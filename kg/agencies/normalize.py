"""Bring a printed agency name to the one form the register is keyed on.

Agency names reach the resolver as PDF debris (``重庆市发展\n12\n改革委``), web copies with
half-width brackets (``各区县(自治县)政府``), Hong Kong/Taiwan or older traditional-character
texts (``重慶市教育委員會``) and compatibility code points from PDF fonts (⼈ for 人).  Matching
on one normal form keeps the register free of spelling variants.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Traditional → simplified for the characters agency names use; only needed when the optional
# zhconv package (full OpenCC-style tables) is not installed.
_FALLBACK_T2S_PAIRS = (
    "備备傳传僑侨儲储內内兩两別别劃划務务匯汇區区協协參参員员國国園园團团場场墊垫壩坝壯壮壽寿婦妇學学寧宁審审寫写專专對对導导屬属島岛幹干庫库廈厦廠厂廣广廳厅態态慶庆"
    "應应戰战戶户擔担據据數数於于晉晋書书會会東东條条業业榮荣構构樂乐標标機机檔档檢检權权歲岁歸归殘残氣气涼凉準准滬沪滿满漢汉濟济濱滨瀘泸灣湾災灾為为烏乌煙烟營营爾尔"
    "獄狱獻献環环瓊琼產产療疗發发監监碼码礦矿稅税節节範范粵粤糧粮紀纪紅红級级紹绍組组絡络統统經经綠绿維维網网綿绵線线緝缉編编縣县總总織织義义聞闻聯联肅肃臺台與与興兴"
    "莊庄華华萬万薩萨藝艺藥药蘇苏蘭兰處处術术衛卫衞卫裏里裡里規规視视計计訊讯訪访設设詢询認认調调諮咨諾诺證证識识議议護护豐丰財财貢贡貧贫責责貴贵貿贸資资賓宾賣卖質质"
    "贛赣車车軍军輸输辦办農农連连進进遊游運运達达遼辽邊边郵邮鄉乡鄭郑鄰邻醫医銀银銅铜銷销鎮镇鐵铁長长門门開开閩闽關关陝陕陸陆陽阳隊队際际險险隴陇雲云電电項项預预領领"
    "頭头風风驗验體体魯鲁黃黄點点黨党齊齐龍龙"
)
_FALLBACK_T2S = str.maketrans(
    {_FALLBACK_T2S_PAIRS[i]: _FALLBACK_T2S_PAIRS[i + 1] for i in range(0, len(_FALLBACK_T2S_PAIRS), 2)}
)

# CJK radical-supplement code points that PDF fonts emit for ordinary characters (NFKC misses them).
_RADICALS = str.maketrans("⺠⻓⻔⻅⻋⻚⻛⻜⻢⻄⻩⻬⻘⻙⻝⻥⻆⺟⺠", "民长门见车页风飞马西黄齐青韦食鱼角母民")
_HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "[": "〔", "]": "〕"})
_SPACE_RE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_HAN = r"\u3400-\u9fff"
# Page numbers and running-page debris that PDF extraction leaves inside a wrapped name.
_PAGE_DEBRIS_RE = re.compile(rf"(?<=[{_HAN}])(?:[-—–－]?\d{{1,4}}[-—–－]?|第\d{{1,4}}页)(?=[{_HAN}])")
_EDGE_PUNCT = "、，。；：,.;:!！?？·•●○■□◆◇★☆“”‘’\"'《》〈〉…—-_ "


def _zhconv_t2s() -> Callable[[str], str] | None:
    try:
        import zhconv
    except ImportError:  # optional: the fallback table covers register vocabulary
        return None
    return lambda s: zhconv.convert(s, "zh-hans")


_T2S = _zhconv_t2s()


def to_simplified(text: str) -> str:
    """Traditional characters → simplified (zhconv when installed, else a built-in table)."""
    if _T2S is not None:
        return _T2S(text)
    return text.translate(_FALLBACK_T2S)


def simplify_chars(text: str) -> str:
    """Character-for-character simplified text: same length, so offsets still point into ``text``."""
    cache: dict[str, str] = {}
    out: list[str] = []
    for ch in text:
        if ord(ch) < 0x2E80:
            out.append(ch)
            continue
        if ch not in cache:
            conv = to_simplified(ch.translate(_RADICALS))
            cache[ch] = conv if len(conv) == 1 else ch
        out.append(cache[ch])
    return "".join(out)


def strip_debris(surface: str) -> str:
    """Whitespace, line breaks and page numbers removed; enclosing punctuation trimmed.

    Keeps the printed characters otherwise, so the result can serve as the surface "as printed".
    """
    s = _SPACE_RE.sub("", surface)
    s = _PAGE_DEBRIS_RE.sub("", s)
    s = s.strip(_EDGE_PUNCT)
    # an unbalanced bracket at either end is the rest of a surrounding clause: drop it
    while s and s[0] in "（(" and s.count("）") + s.count(")") < s.count("（") + s.count("("):
        s = s[1:]
    while s and s[-1] in "）)" and s.count("（") + s.count("(") < s.count("）") + s.count(")"):
        s = s[:-1]
    return s.strip(_EDGE_PUNCT)


def normalise_surface(surface: str) -> str:
    """The matching form: debris stripped, NFKC, simplified characters, full-width brackets."""
    s = unicodedata.normalize("NFKC", strip_debris(surface))
    s = to_simplified(s.translate(_RADICALS))
    return s.translate(_HALF_TO_FULL)


_LOOSE_DROP = str.maketrans("", "", "和与及、·")


def loose_key(name: str) -> str:
    """A forgiving key for a second matching pass: drops conjunctions and formal prefixes.

    ``重庆市发展改革委员会`` and ``重庆市发展和改革委员会`` share a loose key; so do
    ``中国共产党重庆市委员会`` and ``中共重庆市委员会``, ``X人民政府`` and ``X政府``.
    """
    s = name.removeprefix("中华人民共和国")
    s = s.replace("中国共产党", "中共").replace("人民政府", "政府")
    return s.translate(_LOOSE_DROP)

"""Find agency names in running text and signature blocks.

A blank spaCy Chinese pipeline segments with jieba; the segmenter gets every register label as a
user word, so 市发展改革委 or 重庆市人民政府办公厅 come out as one token, and an entity ruler
marks them.  Agencies missing from the register are caught by token patterns built from the shape
of agency names: a place (重庆市, 某某 + 市, 国家) followed by a few content words and an agency
head word (…局/委/厅/办/部/署/总局/政府/中心/管委会/委员会/办公室/办公厅).  Stop lists keep
ordinary words with the same endings (格局, 部署, 西部, 举办) and clauses (由…牵头) out.

Building the pipeline loads jieba's dictionary and thousands of patterns, so build one
``AgencyNER`` per run and keep it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import jieba
import spacy
from spacy.language import Language

from kg.agencies.normalize import normalise_surface, simplify_chars
from kg.agencies.register import NATIONAL, Register

LABEL = "AGENCY"
_HAN_RE = "^[\u4e00-\u9fff]+$"
_HAN_BRACKET_RE = "^[\u4e00-\u9fff（）]+$"  # collectives print asides: 各区县（自治县）政府


def _words(text: str) -> list[str]:
    """A word list written as whitespace-separated text (long stop lists stay readable)."""
    return text.split()


# Head words: the last token of an agency name.
_HEAD_RE = r"(?:局|委|厅|署|办|部|政府|中心|管委会|委员会|办公室|办公厅|总局|总队|总站|分行|分局|监管局)$"
# Ordinary words that share an agency ending (a shape match ending in one is dropped).
_NOT_HEADS = _words("""
    格局 布局 大局 全局 开局 结局 变局 当局 胜局 残局 新局
    部署 签署 公署 举办 承办 主办 创办 兴办 开办 督办 交办 代办 试办 合办 协办 筹办 帮办 查办 包办
    照办 申办 民办 公办 通办
    西部 东部 中部 南部 北部 内部 外部 全部 局部 干部 总部 基部 底部 顶部 前部 后部 上部 下部 腹部
    头部 俱乐部 大部
    大厅 展厅 餐厅 客厅 门厅 前厅 政务大厅 服务大厅
    市中心 城市中心 数据中心 展示中心 消费中心 数字政府 非政府
""")
_NOT_HEADS_TUPLE = tuple(_NOT_HEADS)
# Head words too vague on their own in a shape match (国家 + 中心 in 国家中心城市).
_BARE_HEADS = ["中心", "部", "办", "委"]
# Words that never sit inside an agency name: verbs that introduce one, function words.
_NOT_INSIDE = _words("""
    由 和 与 及 或 的 等 将 把 为 是 有 对 向 在 从 以 并 且 各 有关 相关 其他 会同 牵头 配合 负责
    联合 指导 督促 协调 制定 印发 出台 打造 提升 加快 深化 优化 强化 做好 按照 根据 依托 通过 构建
    推动 推进 加强 实施 开展 落实 建立 完善 支持 鼓励 引导 组织 建设 参与 统筹 研究 报送 报请 经 请
    同意 要求 明确 积极 全面 进一步 共同 分别 以及 其中 关于 发布 非 获得 参加 完成 设在 征得 审查
    企业 位居 分管 负责人 主要负责人 任 担任 主任 委托 授权
""")
# Clause words that end a group name to the left (looser than _NOT_INSIDE: group names hold verbs).
_NOT_IN_NAME = _words("由 会同 牵头 配合 负责 请 要求 组织 指导 督促 各 有关 相关 的 等 对 向 在 将 经")
# A bare 中心 heads an office name only after one of these (促进中心, 交易中心 …).
_CENTRE_KINDS = _words("""
    服务 促进 管理 发展 交易 研究 指导 监测 信息 评估 指挥 调度 保障 咨询 培训 检测 认证 运营
    预防控制 疾病预防控制 应急 结算
""")
# An internal unit after a register body: 市经济信息委 + 经济运行局 / 中小企业处 / 办公室 (not 公司).
_UNIT_HEAD_RE = "^(?:处|处室|司|科|局|室|办公室|办公厅)$|^[\u4e00-\u9fff]*[^公\u0000-\u00ff](?:处|司)$"
_QUANTIFIERS = ["各", "有关", "相关", "其他", "其它"]
_GROUP_OWNER_RE = "^(?:市级|省级|区级|县级|区县|国务院|中央|市|省)$"
_GROUP_HEAD_RE = _HEAD_RE[:-2] + "|部门|单位|机构)$"
_PLACE_MARKERS = ["市", "省", "区", "县", "州", "自治区", "自治州", "自治县"]
_NATIONAL_MARKERS = ["国家", "国务院", "中共中央", "中央", "全国", "中华人民共和国", "中国"]


def _word(max_n: int, regex: str = _HAN_RE) -> dict:
    """A content token inside an agency name (Chinese characters, not a stop word)."""
    return {"TEXT": {"REGEX": regex, "NOT_IN": _NOT_INSIDE}, "OP": f"{{0,{max_n}}}"}


def _head() -> dict:
    return {"TEXT": {"REGEX": _HEAD_RE, "NOT_IN": [*_NOT_HEADS, *_BARE_HEADS]}}


def _quantifier() -> dict:
    # jieba may glue the quantifier to the next word (各区 + 县政府), so match it as a token prefix
    return {"TEXT": {"REGEX": "^(?:" + "|".join(_QUANTIFIERS) + ")"}}


def _group_head() -> dict:
    return {"TEXT": {"REGEX": _GROUP_HEAD_RE, "NOT_IN": _NOT_HEADS}}


def jieba_place_words() -> list[str]:
    """Words jieba's own dictionary tags as place names (ns): unregistered 昆山 + 市 + …."""
    out: set[str] = set()
    with jieba.get_dict_file() as f:
        for raw in f:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3 and parts[2] == "ns" and 2 <= len(parts[0]) <= 4:
                out.add(parts[0])
    return sorted(out)


def group_patterns(surfaces: Iterable[str]) -> list[dict]:
    """Token patterns for collectives and for internal units of register bodies."""
    known = sorted(set(surfaces))
    name_word = {"TEXT": {"REGEX": _HAN_RE, "NOT_IN": _NOT_IN_NAME}, "OP": "{0,6}"}
    patterns: list[list[dict]] = [
        # 项目承担单位, 项目管理部门, 单位主管部门
        [
            {"TEXT": {"IN": ["项目", "项目管理", "单位", "行业", "业务"]}},
            {"TEXT": {"IN": ["承担", "管理", "主管", "实施", "申报", "建设"]}, "OP": "?"},
            {"TEXT": {"IN": ["单位", "部门", "主管部门"]}},
        ],
        # 相关部门和单位
        [
            _quantifier(),
            {"TEXT": {"IN": ["部门", "单位", "机构"]}},
            {"TEXT": {"IN": ["和", "及", "与"]}},
            {"TEXT": {"IN": ["单位", "部门", "机构"]}},
        ],
        # 各地区, 各部门
        [{"TEXT": "各"}, {"TEXT": {"IN": ["地区", "地方", "部门", "单位"]}}],
        # 中心城区各区政府
        [
            {"TEXT": {"IN": ["中心", "主"]}, "OP": "?"},
            {"TEXT": {"IN": ["城区", "中心城区", "主城区", "主城"]}},
            {"TEXT": "各"},
            _word(3),
            _group_head(),
        ],
        # 成渝共建西部金融中心工作领导小组各成员单位, 碳达峰碳中和工作领导小组办公室成员单位
        [
            name_word,
            {"TEXT": {"REGEX": "(?:小组|办公室|委员会)$"}},
            {"TEXT": "各", "OP": "?"},
            {"TEXT": {"REGEX": "^成员(?:单位)?$"}},
            {"TEXT": "单位", "OP": "?"},
        ],
        # 市经济信息委各行业处室, 各行业处室
        [
            {"TEXT": {"IN": known}, "OP": "?"},
            {"TEXT": "各"},
            _word(2),
            {"TEXT": {"IN": ["处室", "科室", "处", "司局", "部门", "单位"]}},
        ],
        # 市经济信息委经济运行局, 市经济信息委中小企业处 (a unit of a register body)
        [
            {"TEXT": {"IN": known}},
            {"TEXT": {"REGEX": _HAN_RE, "NOT_IN": _NOT_INSIDE + known}, "OP": "{0,3}"},
            {"TEXT": {"REGEX": _UNIT_HEAD_RE}},
        ],
    ]
    return [{"label": LABEL, "pattern": p, "id": "group"} for p in patterns]


def shape_patterns(place_names: Iterable[str], other_places: Iterable[str] = ()) -> list[dict]:
    """Token patterns for agency names the register does not hold."""
    places = sorted(set(place_names))
    name_token = {"TEXT": {"IN": sorted(set(other_places) - set(_NOT_INSIDE))}, "OP": "?"}
    return [
        # 重庆市 / 成都 / 四川省 + … + head
        {"label": LABEL, "pattern": [{"TEXT": {"IN": places}}, _word(4), _head()], "id": "shape"},
        # 某某 + 市 + … + head (a place the register does not know)
        {
            "label": LABEL,
            "pattern": [name_token, {"TEXT": {"IN": _PLACE_MARKERS}}, _word(4), _head()],
            "id": "shape",
        },
        # 昆山 + 市数据局 (the segmenter glued the marker to a register short name)
        {
            "label": LABEL,
            "pattern": [
                {"TEXT": {"IN": sorted(set(places) | set(other_places))}},
                {"TEXT": {"REGEX": "^(?:" + "|".join(_PLACE_MARKERS) + ")[\u4e00-\u9fff]*" + _HEAD_RE}},
            ],
            "id": "shape",
        },
        # 重庆市 + 城市更新 + 促进 + 中心: a bare 中心 only after a word that makes it an office
        {
            "label": LABEL,
            "pattern": [
                {"TEXT": {"IN": places}},
                _word(4),
                {"TEXT": {"IN": _CENTRE_KINDS}},
                {"TEXT": "中心"},
            ],
            "id": "shape",
        },
        # 国家 / 国务院 + … + head
        {"label": LABEL, "pattern": [{"TEXT": {"IN": _NATIONAL_MARKERS}}, _word(4), _head()], "id": "shape"},
        # collectives: 各区县政府, 有关市州政府, 市级有关部门, 国务院相关部门
        {
            "label": LABEL,
            "pattern": [_quantifier(), _word(5, _HAN_BRACKET_RE), _group_head()],
            "id": "collective",
        },
        {
            "label": LABEL,
            "pattern": [
                {"TEXT": {"REGEX": _GROUP_OWNER_RE}},
                _quantifier(),
                _word(5, _HAN_BRACKET_RE),
                _group_head(),
            ],
            "id": "collective",
        },
    ]


def ner_surfaces(register: Register) -> list[str]:
    """The register labels the segmenter and the phrase matcher get, sorted.

    Every label of a national, provincial or municipal (直辖市) body and of every government (jieba
    keeps 成都市政府 as one word, which no shape pattern splits), and every label of a city's or
    district's body that does not name its place (市财政局, 区政府: one word for all cities).  The
    named forms of the thousands of city and district departments (株洲市财政局) are left to the
    shape patterns (place + … + head word): as user words they would multiply the build time of
    the pipeline without finding more.
    """
    out: set[str] = set()
    for e in register.entries():
        j = register.jurisdiction(e.jurisdiction_code)
        labels = (e.pref_label, *e.alt_labels)
        if j is None or j.parent is None or j.parent == NATIONAL or e.kind == "government":
            out.update(labels)
            continue
        names = [n for n in (j.label, *j.alt_labels) if len(n) >= 2]
        out.update(s for s in labels if not any(n in s for n in names))
    return sorted(out)


class AgencyNER:
    """Character spans of agency names in a text; build once per register."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp

    @classmethod
    def from_register(cls, register: Register) -> AgencyNER:
        logging.getLogger("jieba").setLevel(logging.WARNING)
        jieba.setLogLevel(logging.WARNING)
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        # a private jieba tokenizer: user words must not leak into the process-wide default one
        segmenter = jieba.Tokenizer()
        surfaces = ner_surfaces(register)
        for s in surfaces:
            segmenter.add_word(s)
        # 教育部 is a body but 教育部门 is "the education departments": keep the longer word whole
        for s in surfaces:
            if s.endswith("部"):
                segmenter.add_word(s + "门")
        nlp.tokenizer.jieba_seg = segmenter
        places = {j.label for j in register.jurisdictions()} | {
            a for j in register.jurisdictions() for a in j.alt_labels if len(a) >= 2
        }
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
        phrase = [{"label": LABEL, "pattern": s, "id": "register"} for s in surfaces if len(s) >= 2]
        ruler.add_patterns(phrase + shape_patterns(places, jieba_place_words()) + group_patterns(surfaces))
        return cls(nlp)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, surface) character spans, longest match first, non-overlapping, in order.

        Traditional characters are matched through their simplified forms; the surface returned is
        the text as given.
        """
        if not text:
            return []
        doc = self._nlp(simplify_chars(text))
        spans = [
            (e.start_char, e.end_char, text[e.start_char : e.end_char])
            for e in doc.ents
            if e.label_ == LABEL and (e.ent_id_ == "register" or not e.text.endswith(_NOT_HEADS_TUPLE))
        ]
        return sorted(s for s in spans if normalise_surface(s[2]))

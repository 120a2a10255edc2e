"""Responsibility clauses: every printed form, list splitting, attachment to tasks, and the gold bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.eval.responsibility import score_responsibilities
from kg.extract.clauses import find_clauses, parse_clause, split_agencies
from kg.extract.outline import extract_outline
from kg.extract.responsibility import extract_responsibilities
from kg.model import Task
from kg.text import Text

SEEDS = Path("/work/shared/seeds")
GOLD = Path("/work/shared/gold/seeds/responsibilities.jsonl")


def roles(inner: str) -> dict[str, list[str]]:
    parsed = parse_clause(inner)
    assert parsed is not None, inner
    out: dict[str, list[str]] = {}
    for role, _, names in parsed.groups:
        out.setdefault(role, []).extend(names)
    return out


# Real clauses from the seed corpus (outer brackets removed), with the gold reading.
CASES = [
    (
        "责任单位：市经济信息委、市交通局、市应急局、市市场监管局",
        {"responsible": ["市经济信息委", "市交通局", "市应急局", "市市场监管局"]},
    ),
    (
        "责任单位：市国资委、市经济信息委、市财政局、市商务委、市工商联，各区县（自治县）政府",
        {
            "responsible": [
                "市国资委",
                "市经济信息委",
                "市财政局",
                "市商务委",
                "市工商联",
                "各区县（自治县）政府",
            ]
        },
    ),
    (
        "责任单位：市民政局，各区县（自治县，以下简称区县）政府",
        {"responsible": ["市民政局", "各区县（自治县，以下简称区县）政府"]},
    ),
    (
        "责任单位：农发行市分行、市金融监管局，各区县（自治县）政府和两江新区、重庆高新区、万盛经开区管委会（以下统称区县政府）",
        {
            "responsible": [
                "农发行市分行",
                "市金融监管局",
                "各区县（自治县）政府",
                "两江新区",
                "重庆高新区",
                "万盛经开区管委会",
            ]
        },
    ),
    (
        "责任单位：市经济信息委、市应急局，各区县政府〔以下均需各区县政府负责，不再列出〕",
        {"responsible": ["市经济信息委", "市应急局", "各区县政府"]},
    ),
    (
        "责任单位：市商务委、市发展改革委，各区县政府；以下均需各区县政府负责，不再列出",
        {"responsible": ["市商务委", "市发展改革委", "各区县政府"]},
    ),
    (
        "牵头单位：市经济信息委、市科技局；配合单位：市发展改革委、市农业农村委",
        {"lead": ["市经济信息委", "市科技局"], "support": ["市发展改革委", "市农业农村委"]},
    ),
    (
        "牵头单位:市经济信息委、市农业农村委;配合单位:市发展改革委、市财政局、有关区县",
        {"lead": ["市经济信息委", "市农业农村委"], "support": ["市发展改革委", "市财政局", "有关区县"]},
    ),
    (
        "牵头部门：市经济信息委经济运行局；配合部门：市经济信息委规划投资处、各行业处室",
        {"lead": ["市经济信息委经济运行局"], "support": ["市经济信息委规划投资处", "各行业处室"]},
    ),
    (
        "国家发展改革委、商务部牵头，国务院相关部门及各地区按职责分工负责",
        {"lead": ["国家发展改革委", "商务部"], "support": ["国务院相关部门", "各地区"]},
    ),
    (
        "市场监管总局牵头，工业和信息化部等国务院相关部门及各地区按职责分工负责",
        {"lead": ["市场监管总局"], "support": ["工业和信息化部", "国务院相关部门", "各地区"]},
    ),
    (
        "国家发展改革委、财政部、市场监管总局等国务院相关部门及各地区按职责分工负责",
        {"responsible": ["国家发展改革委", "财政部", "市场监管总局", "国务院相关部门", "各地区"]},
    ),
    (
        "国家发展改革委、国家能源局、国家电网有限公司等相关部门和单位及各地区按职责分工负责",
        {"responsible": ["国家发展改革委", "国家能源局", "国家电网有限公司", "相关部门和单位", "各地区"]},
    ),
    (
        "国家发展改革委、生态环境部、市场监管总局和各省级人民政府按职责分工负责",
        {"responsible": ["国家发展改革委", "生态环境部", "市场监管总局", "各省级人民政府"]},
    ),
    (
        "市经济信息委牵头，市发展改革委、市大数据发展局、市能源局等配合",
        {"lead": ["市经济信息委"], "support": ["市发展改革委", "市大数据发展局", "市能源局"]},
    ),
    (
        "市发展改革委牵头、市民政局、市住房城乡建设委参与",
        {"lead": ["市发展改革委"], "support": ["市民政局", "市住房城乡建设委"]},
    ),
    ("工业和信息化部负责", {"responsible": ["工业和信息化部"]}),
    ("各地区、各部门负责", {"responsible": ["各地区", "各部门"]}),
    ("项目管理部门负责落实", {"responsible": ["项目管理部门"]}),
    (
        "市科技局、市人力社保局、市财政局等部门负责落实",
        {"responsible": ["市科技局", "市人力社保局", "市财政局"]},
    ),
    ("市科技局、市财政局负责指导", {"responsible": ["市科技局", "市财政局"]}),
    (
        "市教委牵头、市民政局、市委老干部局按职责分工负责",
        {"lead": ["市教委"], "support": ["市民政局", "市委老干部局"]},
    ),
    # Traditional characters (web copies from Hong Kong / Taiwan mirrors).
    (
        "牽頭單位：市商務委；配合單位：市發展改革委、重慶海關",
        {"lead": ["市商務委"], "support": ["市發展改革委", "重慶海關"]},
    ),
    # Forms of other provinces and ministries (tests/unseen).
    (
        "责任单位：省经信厅、省财政厅、省科技厅（排第一位的为牵头单位）",
        {"lead": ["省经信厅"], "support": ["省财政厅", "省科技厅"]},
    ),
    (
        "责任单位：市发展改革委（牵头）、市财政局、市商务局",
        {"lead": ["市发展改革委"], "support": ["市财政局", "市商务局"]},
    ),
    ("省财政厅会同省发展改革委负责", {"lead": ["省财政厅"], "support": ["省发展改革委"]}),
    (
        "市发展改革委（牵头）、市财政局按职责分工负责",
        {"lead": ["市发展改革委"], "support": ["市财政局"]},
    ),
    ("责任单位：省发展改革委，配合单位：省财政厅", {"lead": ["省发展改革委"], "support": ["省财政厅"]}),
    (
        "教育部、人力资源社会保障部等按职责分工负责，各地落实",
        {"responsible": ["教育部", "人力资源社会保障部", "各地"]},
    ),
    ("省农业农村厅负责，各市州人民政府落实", {"responsible": ["省农业农村厅", "各市州人民政府"]}),
    (
        "市应急管理局、市市场监管局按职责分工负责，各区政府落实属地责任",
        {"responsible": ["市应急管理局", "市市场监管局", "各区政府"]},
    ),
    (
        "牵头单位：市商务局；配合单位：市经信局、市市场监管局；完成时限：2023年12月底",
        {"lead": ["市商务局"], "support": ["市经信局", "市市场监管局"]},
    ),
    (
        "牵头单位：市商务局、市文广旅局；责任单位：锦江区政府、青羊区政府等相关区（市）县政府",
        {"lead": ["市商务局", "市文广旅局"], "support": ["锦江区政府", "青羊区政府", "相关区（市）县政府"]},
    ),
    (
        "商务部牵头，国家发展改革委等国务院相关部门及各省级人民政府按职责分工负责",
        {"lead": ["商务部"], "support": ["国家发展改革委", "国务院相关部门", "各省级人民政府"]},
    ),
    # tests/unseen2: a list of levels sharing one head is one collective agent.
    (
        "责任单位：省卫生健康委、省医保局，各州、市人民政府",
        {"responsible": ["省卫生健康委", "省医保局", "各州、市人民政府"]},
    ),
    ("各市、县（市、区）人民政府负责", {"responsible": ["各市、县（市、区）人民政府"]}),
    ("伊犁州、博州人民政府负责", {"responsible": ["伊犁州", "博州人民政府"]}),
    # A bare list ranked by a role note, no label and no verb.
    (
        "自治区发展改革委（牵头）、自治区交通运输厅、中国铁路乌鲁木齐局集团有限公司",
        {"lead": ["自治区发展改革委"], "support": ["自治区交通运输厅", "中国铁路乌鲁木齐局集团有限公司"]},
    ),
    # 具体实施 as the implementing role beside a lead.
    (
        "省海洋渔业局牵头，省发展改革委、省财政厅等按职责分工负责，沿海各设区市人民政府具体实施",
        {"lead": ["省海洋渔业局"], "support": ["省发展改革委", "省财政厅", "沿海各设区市人民政府"]},
    ),
]


@pytest.mark.parametrize(("inner", "expected"), CASES)
def test_clause_forms(inner: str, expected: dict[str, list[str]]) -> None:
    assert roles(inner) == expected


@pytest.mark.parametrize(
    "inner",
    [
        "见附件1",
        "以下简称市发展改革委",
        "2021—2025年",
        "含区县",
        "详见专栏3",
        "由市政府负责解释",
        "试点（牵头）、推广",
    ],
)
def test_not_clauses(inner: str) -> None:
    assert parse_clause(inner) is None


def test_brackets_of_every_kind_and_half_width() -> None:
    s = (
        "推动政策聚焦。(牵头单位:市经济信息委;配合单位:市财政局)"
        "减免房屋租金。〔责任单位：市国资委，各区县（自治县）政府〕"
        "缓缴税款。（责任单位：重庆市税务局）"
    )
    found = find_clauses(s)
    assert [p.agencies() for _, p in found] == [
        ["市经济信息委", "市财政局"],
        ["市国资委", "各区县（自治县）政府"],
        ["重庆市税务局"],
    ]
    assert s[found[1][0].start] == "〔"


def test_running_text_clause_needs_lead_and_support() -> None:
    ok = find_clauses("建立协调机制，由市发展改革委牵头，市财政局、市商务委配合，按季度调度。")
    assert [(r, n) for _, p in ok for r, _, n in p.groups] == [
        ("lead", ["市发展改革委"]),
        ("support", ["市财政局", "市商务委"]),
    ]
    # Procedure, not a responsibility clause (由X牵头会同Y…; 由X牵头…为成员的联席会议).
    assert find_clauses("实施期满后，由工业和信息化部牵头会同财政部对试点情况进行审核。") == []
    assert (
        find_clauses("建立由市人力社保局牵头，市发展改革委等部门为成员的联席会议机制，负责组织协调。") == []
    )
    assert find_clauses("由市发展改革委牵头，市财政局配合。", running=False) == []


def test_joint_two_jurisdiction_split() -> None:
    body = Text.from_pieces(
        [
            ("1．支持符合条件的主体依法发起设立证券公司。", 37),
            ("（责任单位：重庆市金融监管局、市财政局；四川省地方金融监管局、省财政厅，成都市政府）", 40),
        ]
    )
    _, tasks = extract_outline(body)
    clauses, warnings = extract_responsibilities(body, tasks, ["重庆市", "四川省"])
    assert warnings == []
    [c] = clauses
    assert c.task_id == tasks[0].id and c.line == 37 and c.clause_line == 40
    assert [(m.surface, m.jurisdiction) for m in c.mentions] == [
        ("重庆市金融监管局", "重庆市"),
        ("市财政局", "重庆市"),
        ("四川省地方金融监管局", "四川省"),
        ("省财政厅", "四川省"),
        ("成都市政府", "四川省"),
    ]
    single, _ = extract_responsibilities(body, tasks, ["重庆市"])
    assert {m.jurisdiction for m in single[0].mentions} == {"重庆市"}
    national, _ = extract_responsibilities(body, tasks, [])
    assert {m.jurisdiction for m in national[0].mentions} == {None}


def test_collective_hint() -> None:
    body = Text.from_pieces(
        [("（一）实施临时救助。对困难群众给予救助。（责任单位：市民政局，各区县政府）", 5)]
    )
    _, tasks = extract_outline(body)
    clauses, _ = extract_responsibilities(body, tasks, ["重庆市"])
    assert [(m.surface, m.collective_hint) for m in clauses[0].mentions] == [
        ("市民政局", False),
        ("各区县政府", True),
    ]


def test_unattached_clause_is_reported_not_dropped() -> None:
    body = Text.from_pieces(
        [
            ("各区县要抓好落实（责任单位：市政府办公厅）。", 3),
            ("一、加强领导", 5),
            ("（一）建立机制。定期调度。（牵头单位：市发展改革委；配合单位：市财政局）", 6),
        ]
    )
    _, tasks = extract_outline(body)
    clauses, warnings = extract_responsibilities(body, tasks, ["重庆市"])
    unattached = [c for c in clauses if c.task_id is None]
    assert [(c.clause, c.line) for c in unattached] == [("责任单位：市政府办公厅", 3)]
    assert [(w.kind, w.line, w.file) for w in warnings] == [("unattached-clause", 3, "")]
    assert [c.task_id for c in clauses if c.task_id] == [tasks[-1].id]


def test_regulation_standing_duty_is_not_a_task_clause() -> None:
    body = Text.from_pieces(
        [
            ("第四条市城市道路照明主管部门负责本市城市道路照明标准制定、行业指导、监督管理。", 77),
            ("第十一条政府投资建设的城市道路照明设施由城市道路照明主管部门牵头，相关维护管理单位配合。", 107),
            ("第二十条本办法由市城市管理局负责解释。", 130),
        ]
    )
    _, tasks = extract_outline(body)
    assert [t.label for t in tasks] == ["四", "十一", "二十"]
    clauses, warnings = extract_responsibilities(body, tasks, ["重庆市"])
    assert clauses == [] and warnings == []


def test_table_row_task_clause() -> None:
    task = Task(
        id="t1",
        label="8",
        text="加强母婴设施配套。（市卫生健康委牵头，市交通局、市商务委参与）",
        line=936,
        kind="table-row",
    )
    clauses, _ = extract_responsibilities(Text.from_pieces([("", 1)]), [task], ["重庆市"])
    assert [(m.role, m.surface) for m in clauses[0].mentions] == [
        ("lead", "市卫生健康委"),
        ("support", "市交通局"),
        ("support", "市商务委"),
    ]


# --- properties -------------------------------------------------------------------------------

_HEADS = st.sampled_from(["局", "委", "厅", "部", "办", "政府", "管委会", "中心", "公司"])
_STEM = st.text(
    alphabet="市省国家发展改革财政商务卫生健康教育交通应急农业科技统计审计", min_size=1, max_size=6
)
_AGENCY = st.builds(lambda stem, head: stem + head, _STEM, _HEADS)


@settings(max_examples=150, deadline=None)
@given(st.lists(_AGENCY, min_size=1, max_size=8), st.lists(st.sampled_from("、，；"), min_size=8, max_size=8))
def test_splitter_never_loses_an_agency(names: list[str], seps: list[str]) -> None:
    printed = names[0] + "".join(sep + name for sep, name in zip(seps, names[1:], strict=False))
    assert split_agencies(printed) == names


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from([c for c, _ in CASES]),
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=200), st.sampled_from([" ", "\u3000", "\n", "  "])),
        max_size=6,
    ),
)
def test_whitespace_inside_a_clause_changes_nothing(inner: str, inserts: list[tuple[int, str]]) -> None:
    noisy = inner
    for pos, ws in inserts:
        at = pos % (len(noisy) + 1)
        noisy = noisy[:at] + ws + noisy[at:]
    assert roles(noisy) == roles(inner)
    found = find_clauses("推进工作。（" + noisy + "）")
    assert [p.groups for _, p in found] == [parse_clause(inner).groups]


# --- the gold bar (issue 3) -------------------------------------------------------------------


@pytest.mark.skipif(not GOLD.exists(), reason="seed gold not available")
def test_gold_bar() -> None:
    from kg.documents.segment import segment_file
    from kg.eval.common import load_jsonl
    from kg.read.decode import read_source
    from kg.read.normalize import normalise, running_headers

    pred: list[dict] = []
    for path in sorted(SEEDS.glob("*.txt")):
        source = read_source(path)
        headers = running_headers(list(source.raw_lines))
        docs, _ = segment_file(source)
        for d in docs:
            body, lines = normalise(
                list(source.raw_lines[d.start_line - 1 : d.end_line]), d.start_line, headers
            )
            _, tasks = extract_outline(body, lines)
            clauses, _ = extract_responsibilities(body, tasks, [])
            by_id = {t.id: t for t in tasks}
            for c in clauses:
                t = by_id.get(c.task_id or "")
                for m in c.mentions:
                    pred.append(
                        {
                            "source_file": source.name,
                            "line": t.line if t else c.line,
                            "task_text": t.text if t else "",
                            "role": m.role,
                            "agency_label": m.surface,
                        }
                    )
    scores = score_responsibilities(pred, load_jsonl(GOLD))
    assert scores["role_aware"]["f1"] >= 0.95, scores["role_aware"]
    assert scores["role_agnostic"]["f1"] >= 0.97, scores["role_agnostic"]


def test_bare_labelled_line_and_deadline_tail() -> None:
    bare = find_clauses("加强调度。\n责任单位：市发展改革委、市财政局\n1．下一项工作。")
    assert [p.agencies() for _, p in bare] == [["市发展改革委", "市财政局"]]
    tail = parse_clause("市发展改革委、市财政局按职责分工负责，2023年底前完成")
    assert tail is not None and tail.agencies() == ["市发展改革委", "市财政局"]
    # A gazette colophon names its publisher, not a responsible agency.
    assert find_clauses("主管单位：重庆市人民政府\n主办单位：重庆市人民政府办公厅\n") == []


def _found(s: str, running: bool = True) -> list[list[tuple[str, list[str]]]]:
    return [[(r, n) for r, _, n in p.groups] for _, p in find_clauses(s, running=running)]


def test_lenticular_bracket_labels() -> None:
    """【责任单位】 on the measure's next line or inline; 【牵头单位】…；【配合单位】… on one line."""
    assert _found("（一）加强科技攻关。支持新型研发机构。\n　　【责任单位】市科委、中关村管委会，市教委") == [
        [("responsible", ["市科委", "中关村管委会", "市教委"])]
    ]
    assert _found("拓展应用场景。【牵头单位】市人才局；【配合单位】市教委、市财政局") == [
        [("lead", ["市人才局"]), ("support", ["市教委", "市财政局"])]
    ]


def test_label_lines_continue_on_the_next_line() -> None:
    """牵头单位：… on one line and 配合单位：… on the next are one clause (one task, not two)."""
    s = "1.推进重点行业数字化改造。\n牵头单位：省经信厅\n配合单位：省发展改革委、省财政厅\n2.培育未来工厂。"
    assert _found(s) == [[("lead", ["省经信厅"]), ("support", ["省发展改革委", "省财政厅"])]]
    body = Text.from_pieces([(x, n) for n, x in enumerate(s.split("\n"), start=10)])
    _, tasks = extract_outline(body)
    assert [(t.label, t.line) for t in tasks] == [("1", 10), ("2", 13)]
    clauses, warnings = extract_responsibilities(body, tasks, ["浙江省"])
    assert [(c.task_id, c.clause_line) for c in clauses] == [("t1", 11)] and warnings == []


def test_sentence_long_running_clauses() -> None:
    """A whole sentence naming only who does the measure is a clause; prose around it is not."""
    assert _found("对新评为5A级的物流企业给予奖励。由省商务厅负责。") == [[("responsible", ["省商务厅"])]]
    assert _found("开通国际货运航线。此项工作由省交通运输厅、鄂州市人民政府负责。") == [
        [("responsible", ["省交通运输厅", "鄂州市人民政府"])]
    ]
    assert _found("深化通关一体化改革。武汉海关负责。") == [[("responsible", ["武汉海关"])]]
    # Not clauses: a named piece of work, an interpretation duty, a duty with an object, no running.
    assert _found("笔试一律用国家通用语言文字答题。翻译工作由省级招生考试机构负责。") == []
    assert _found("本措施自印发之日起施行。由市科技局负责解释。") == []
    assert _found("省发展改革委负责统筹协调全省物流枢纽建设。") == []
    assert _found("由省商务厅负责。", running=False) == []


def test_scorer_matches_tasks_by_line_or_text() -> None:
    gold = [
        {
            "file": "f.txt",
            "line": 37,
            "task_text_prefix": "支持符合条件的主体在成渝地区",
            "lead": ["市发展改革委"],
            "support": ["市财政局"],
            "responsible": [],
        }
    ]
    by_line = [
        {"source_file": "f.txt", "line": 37, "task_text": "", "role": "lead", "agency_label": "市发展改革委"},
        {"source_file": "f.txt", "line": 37, "task_text": "", "role": "lead", "agency_label": "市财政局"},
    ]
    s = score_responsibilities(by_line, gold)
    assert s["role_aware"]["tp"] == 1 and s["role_agnostic"]["tp"] == 2 and s["role_agnostic"]["f1"] == 1.0
    # Clause line instead of label line: the task text still identifies the task.
    by_text = [
        {
            "source_file": "f.txt",
            "line": 44,
            "task_text": "1．支持符合条件的主体在成渝地区依法依规发起设立证券公司。",
            "role": "support",
            "agency_label": "市财政局",
        }
    ]
    assert score_responsibilities(by_text, gold)["role_aware"]["tp"] == 1
    other = [dict(by_text[0], task_text="2．推动重庆、成都打造西部金融中心")]
    assert score_responsibilities(other, gold)["role_aware"]["tp"] == 0

"""Outline and task extraction on real snippets (line numbers as in the seed files)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.outline import extract_outline
from kg.extract.task_table import extract_table_rows
from kg.read.normalize import CleanLine
from kg.text import Text


def body(*pieces: tuple[int, str]) -> Text:
    return Text.from_pieces([(t, n) for n, t in pieces])


def joined(*parts: tuple[int, str]) -> tuple[str, list[int]]:
    """One logical line made of source lines joined by the normaliser."""
    return "".join(t for _, t in parts), [n for n, t in parts for _ in t]


def test_levels_and_restarting_numbers() -> None:
    # 001 (燃气安全专项整治): numbering restarts inside each （…） item.
    text = body(
        (1738, "二、主要任务"),
        (1740, "（一）进一步深化宣传教育。"),
        (1742, "1．加强公众宣传教育。进一步拓宽宣传渠道。（责任单位：市经济信息委、市应急局）"),
        (1750, "2．加强主要负责人教育。开展燃气企业主要负责人培训。（责任单位：市经济信息委）"),
        (1764, "（二）进一步深化挂牌公示。"),
        (1766, "1．落实公示牌动态管理。建立燃气公示牌制度。（责任单位：市经济信息委）"),
    )
    sections, tasks = extract_outline(text)
    assert [(s.id, s.level, s.label, s.marker, s.line) for s in sections] == [
        ("s1", 1, "二", "二、", 1738),
        ("s1.1", 2, "一", "（一）", 1740),
        ("s1.1.1", 3, "1", "1．", 1742),
        ("s1.1.2", 3, "2", "2．", 1750),
        ("s1.2", 2, "二", "（二）", 1764),
        ("s1.2.1", 3, "1", "1．", 1766),
    ]
    assert sections[1].title == "进一步深化宣传教育" and sections[1].parent == "s1"
    assert [(t.id, t.label, t.line, t.section, t.kind) for t in tasks] == [
        ("t1", "1", 1742, "s1.1", "item"),
        ("t2", "2", 1750, "s1.1", "item"),
        ("t3", "1", 1766, "s1.2", "item"),
    ]
    assert tasks[0].text == "1．加强公众宣传教育。进一步拓宽宣传渠道。（责任单位：市经济信息委、市应急局）"


def test_task_text_runs_to_next_heading_and_joins_lines() -> None:
    # 000 (西部金融中心): task 5 has a second paragraph before its clause.
    text = body(
        (104, "（五）推进金融市场一体化。"),
        (106, "5．支持全国性资产管理公司成渝分支机构依法开展跨区域不良资产收购。"),
        (
            108,
            "争取开展地方资产管理公司跨区域批量收购不良资产试点。（责任单位：重庆市金融监管局；四川省地方金融监管局）",
        ),
        (119, "6．探索建设西部数据资产交易场所。（责任单位：重庆市大数据发展局）"),
    )
    _, tasks = extract_outline(text)
    assert [(t.label, t.line) for t in tasks] == [("5", 106), ("6", 119)]
    assert "\n" not in tasks[0].text and tasks[0].text.endswith("四川省地方金融监管局）")


def test_section_heading_with_own_clause_is_a_task() -> None:
    # 002 (农机装备): 四、保障措施 items carry clauses in their own paragraph.
    text = body(
        (1074, "四、保障措施"),
        (1076, "（一）加强组织保障。充分发挥领导小组作用。（牵头单位：市经济信息委；配合单位：市财政局）"),
        (1078, "（二）推动政策聚焦。聚焦规划、土地等要素。"),
        (1079, "1．落实用地政策。优先保障项目用地。"),
    )
    _, tasks = extract_outline(text)
    assert [(t.label, t.line, t.kind) for t in tasks] == [("一", 1076, "item"), ("1", 1079, "item")]
    text2 = body(
        (1076, "（一）加强组织保障。充分发挥领导小组作用。（牵头单位：市经济信息委；配合单位：市财政局）"),
        (1077, "1．完善调度机制。每季度调度一次。"),
        (1078, "2．强化督查。开展专项督查。"),
    )
    _, tasks2 = extract_outline(text2)
    assert [(t.label, t.kind) for t in tasks2] == [("一", "section"), ("1", "item"), ("2", "item")]
    assert tasks2[0].text.startswith("（一）加强组织保障。") and "2．强化督查" in tasks2[0].text


def test_definitional_children_give_their_clause_to_the_parent() -> None:
    # 004 (科研经费): 1．设备费 2．业务费 3．劳务费 define （一）; the clause covers （一）.
    text = body(
        (28156, "一、改进经费预算编制和拨付机制"),
        (28158, "（一）精简科研项目经费预算编制。直接费用预算编制科目精简合并为三大类。"),
        (28162, "1．设备费。主要列支购置仪器设备的费用。"),
        (28170, "2．业务费。主要列支材料等费用。"),
        (28176, "3．劳务费。主要列支劳务性费用。（项目管理部门负责落实）"),
        (28183, "（二）科学开展预算评审（估）。合并项目评审和预算评审。（项目管理部门负责落实）"),
    )
    _, tasks = extract_outline(text)
    assert [(t.label, t.line, t.kind) for t in tasks] == [("一", 28158, "section"), ("二", 28183, "item")]


def test_several_clauses_split_one_item() -> None:
    # 004 (电子电器行业): item （二） carries two clauses; the second group starts at line 4793.
    text = Text.from_pieces(
        [
            ("（二）改革完善电信设备进网许可制度。动态调整电信设备目录。", 4776),
            joined(
                (4778, "将卫星互联网设备纳入进网许可管理。（工业和信息化部负责）"),
                (4793, "统一电信设备进网许可检测要求。（工业和信息化部、市场监管总局按职责分工负责）"),
            ),
        ]
    )
    _, tasks = extract_outline(text)
    assert [(t.label, t.line) for t in tasks] == [("二", 4776), ("二", 4793)]
    assert tasks[0].text.endswith("（工业和信息化部负责）")
    assert tasks[1].text.startswith("统一电信设备进网许可")


def test_heading_printed_after_a_full_stop() -> None:
    # 004 (工业领域碳达峰): "…产业。1.构建…" printed mid-line, next item at a line start.
    text = Text.from_pieces(
        [
            ("（四）深度调整产业结构。", 12587),
            joined(
                (12589, "推动产业结构优化升级。"), (12591, "1.构建有利于碳减排的产业布局。推进产业有序转移。")
            ),
            ("2.坚决遏制高耗能高排放低水平项目盲目发展。", 12606),
        ]
    )
    _, tasks = extract_outline(text)
    assert [(t.label, t.line) for t in tasks] == [("1", 12591), ("2", 12606)]
    # An enumeration run inside one paragraph is not an outline.
    _, flat = extract_outline(body((10, "（一）加强保障。做好以下工作。1.加强调度。2.加强督查。")))
    assert [t.label for t in flat] == ["一"]


def test_regulation_articles_and_chapters() -> None:
    text = body(
        (70, "第一章总则"),
        (72, "第一条为了加强城市道路照明管理，制定本办法。"),
        (75, "第二条本办法适用于本市行政区域。"),
        (80, "第二章规划建设"),
        (82, "第三条城市道路照明设施应当符合下列要求："),
        (83, "（一）符合规划；"),
        (84, "（二）节约能源。"),
    )
    sections, tasks = extract_outline(text)
    assert [(s.marker, s.level) for s in sections] == [
        ("第一章", 1),
        ("第一条", 2),
        ("第二条", 2),
        ("第二章", 1),
        ("第三条", 2),
        ("（一）", 3),
        ("（二）", 3),
    ]
    assert [t.label for t in tasks] == ["一", "二", "一", "二"]


def test_attachment_line_closes_the_outline() -> None:
    text = body(
        (10, "三、保障措施"),
        (12, "加强组织领导。"),
        (20, "附件2"),
        (22, "促进养老托育服务健康发展重点任务分工"),
    )
    _, tasks = extract_outline(text)
    assert [(t.label, t.text) for t in tasks] == [("三", "三、保障措施加强组织领导。")]


TABLE = [
    CleanLine(924, "附件2"),
    CleanLine(926, "促进养老托育服务健康发展重点任务分工"),
    CleanLine(928, "序号 重点任务 责任单位"),
    CleanLine(929, "1 增强家庭照护能力。 市民政局、市住房城乡建设委、市卫生健康委、市妇联按职责分工负责。"),
    CleanLine(
        936,
        "8 加强母婴设施配套，在具备条件的公共场所普遍设置母婴室。 市卫生健康委牵头，市住房城乡建设委、市交通局参与。",
    ),
    CleanLine(940, "12 支持公办和民办幼儿园利用富余教育资源。 市教委、市卫生健康委负责。"),
    CleanLine(942, "序号 重点任务 责任单位"),
    CleanLine(943, "13 推动培训疗养资源转型发展养老服务。 市发展改革委牵头，市民政局、市财政局、"),
    CleanLine(944, "市人力社保局参与。"),
    CleanLine(974, "重庆市人民政府办公厅关于印发重庆市加快丘陵山地特色农机装备产业高质量发展工作方案的通知"),
]


def test_task_table_rows() -> None:
    rows = extract_table_rows(TABLE)
    assert [(r.label, r.line) for r in rows] == [("1", 929), ("8", 936), ("12", 940), ("13", 943)]
    assert rows[0].clause == "市民政局、市住房城乡建设委、市卫生健康委、市妇联按职责分工负责"
    assert rows[3].clause == "市发展改革委牵头，市民政局、市财政局、市人力社保局参与"
    text = Text.from_pieces([(cl.text.replace(" ", ""), cl.line) for cl in TABLE])
    _, tasks = extract_outline(text, TABLE)
    assert [(t.label, t.line, t.kind) for t in tasks] == [
        ("1", 929, "table-row"),
        ("8", 936, "table-row"),
        ("12", 940, "table-row"),
        ("13", 943, "table-row"),
    ]
    assert (
        tasks[1].text
        == "加强母婴设施配套，在具备条件的公共场所普遍设置母婴室。（市卫生健康委牵头，市住房城乡建设委、市交通局参与）"
    )


def test_two_role_columns() -> None:
    lines = [
        CleanLine(1, "序号 工作任务 牵头单位 配合单位 完成时限"),
        CleanLine(2, "1 建立调度机制 市发展改革委 市财政局、市统计局 2023年底"),
    ]
    [row] = extract_table_rows(lines)
    assert row.clause == "牵头单位：市发展改革委；配合单位：市财政局、市统计局"


def test_empty_role_cell_before_the_time_column() -> None:
    """Space runs collapse, so an empty 配合单位 cell is lost; the time cell still goes last."""
    lines = [
        CleanLine(19, "序号 工作任务 牵头单位 配合单位 完成时限"),
        CleanLine(20, "11 推动大中小企业融通创新。 省经济和信息化厅 省国资委，各市（州）人民政府 持续推进"),
        CleanLine(21, "12 优化专精特新企业用地保障，支持建设标准厂房。 省自然资源厅 持续推进"),
    ]
    rows = extract_table_rows(lines)
    assert [r.clause for r in rows] == [
        "牵头单位：省经济和信息化厅；配合单位：省国资委，各市（州）人民政府",
        "牵头单位：省自然资源厅",
    ]


def test_html_space_entities_and_fullwidth_digits_before_a_marker() -> None:
    """Web copies keep &nbsp; (its ';' made full-width by normalisation) and full-width digits."""
    body = Text.from_pieces(
        [
            ("&nbsp;&nbsp；１．稳定加工贸易发展。（省商务厅牵头，省发展改革委配合）", 11),
            ("&#12288;&#12288;２．培育外贸转型升级基地。（省商务厅负责）", 12),
        ]
    )
    _, tasks = extract_outline(body)
    assert [(t.label, t.line, t.text[:2]) for t in tasks] == [("1", 11, "１．"), ("2", 12, "２．")]


# --- property: every leaf of a generated outline is a task, with its label and line ----------

_CN = "一二三四五六七八九十"


@st.composite
def outlines(draw: st.DrawFn) -> list[tuple[str, int]]:
    n_top = draw(st.integers(min_value=1, max_value=4))
    out: list[tuple[str, int]] = []
    for i in range(n_top):
        out.append((f"{_CN[i]}、", 1))
        for j in range(draw(st.integers(min_value=0, max_value=3))):
            out.append((f"（{_CN[j]}）", 2))
            for k in range(draw(st.integers(min_value=0, max_value=3))):
                out.append((f"{k + 1}．", 3))
    return out


@settings(max_examples=60, deadline=None)
@given(outlines())
def test_leaves_are_tasks(markers: list[tuple[str, int]]) -> None:
    pieces = [(f"{m}工作事项{n}。具体内容。", 10 * (n + 1)) for n, (m, _) in enumerate(markers)]
    sections, tasks = extract_outline(Text.from_pieces(pieces))
    assert [s.level for s in sections] == [lvl for _, lvl in markers]
    leaves = [
        10 * (n + 1)
        for n, (_, lvl) in enumerate(markers)
        if n + 1 == len(markers) or markers[n + 1][1] <= lvl
    ]
    assert [t.line for t in tasks] == leaves
    assert len({t.id for t in tasks}) == len(tasks)


# A pdftotext -layout table (tests/unseen2/texts/02_shandong_fengong.txt): space runs collapse to
# one space, and every cell wraps under its own column.
LAYOUT = [
    CleanLine(24, "序号 重点任务 牵头单位 参与单位 完成时限"),
    CleanLine(
        25, "1 实施制造业重点产业链高质量发展行动， 省工业和信息化厅 省发展改革委、省科技厅、 2024年12月底前"
    ),
    CleanLine(26, "培育10个左右国家级先进制造业集群。 省财政厅"),
    CleanLine(32, "4 强化企业科技创新主体地位，支持企业 省科技厅 省工业和信息化厅、省教育 持续推进"),
    CleanLine(33, "牵头组建创新联合体。 厅、省财政厅"),
    CleanLine(34, "5 加快培育专精特新中小企业，新培育省 省工业和信息化厅 2024年12月底前"),
    CleanLine(35, "级专精特新中小企业2000家以上。"),
    CleanLine(
        36, "6 推动绿色低碳转型，实施工业领域碳达 省工业和信息化厅 省生态环境厅、省住房城乡 2025年12月底前"
    ),
    CleanLine(37, "峰行动，创建一批绿色工厂。 省发展改革委 建设厅"),
    CleanLine(38, "7 加大制造业中长期贷款投放，推广“技改 省委金融办 人民银行山东省分行、国家 持续推进"),
    CleanLine(39, "专项贷”等金融产品。 金融监督管理总局山东监管"),
    CleanLine(40, "局"),
    CleanLine(48, "三、工作要求"),
]


def test_layout_table_cells_wrap_under_their_columns() -> None:
    rows = extract_table_rows(LAYOUT)
    assert [(r.label, r.lines) for r in rows] == [
        ("1", [25, 26]),
        ("4", [32, 33]),
        ("5", [34, 35]),
        ("6", [36, 37]),
        ("7", [38, 39, 40]),
    ]
    assert rows[0].task_text == "实施制造业重点产业链高质量发展行动，培育10个左右国家级先进制造业集群。"
    assert rows[0].clause == "牵头单位：省工业和信息化厅；参与单位：省发展改革委、省科技厅、省财政厅"
    assert rows[1].clause == "牵头单位：省科技厅；参与单位：省工业和信息化厅、省教育厅、省财政厅"
    assert rows[2].clause == "牵头单位：省工业和信息化厅"
    # Two leads stacked in one cell; a name cut inside the support cell.
    assert (
        rows[3].clause == "牵头单位：省工业和信息化厅、省发展改革委；参与单位：省生态环境厅、省住房城乡建设厅"
    )
    assert (
        rows[4].clause == "牵头单位：省委金融办；参与单位：人民银行山东省分行、国家金融监督管理总局山东监管局"
    )

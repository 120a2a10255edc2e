"""The three drawings: agencies working together, agencies on tasks, documents citing documents.

Each function turns one networkx graph from kg.analytics into a Page (a pyvis Network plus
title, legend and options).  Tooltips are plain text (vis shows them with innerText), one
fact per line, so task text and names are never interpreted as HTML.
"""

from __future__ import annotations

import networkx as nx
from pyvis.network import Network

from kg.analytics.records import ROLES
from kg.render.page import Page
from kg.render.style import (
    AGENCY_SHAPES,
    DOCUMENT_COLOUR,
    LEAD_EDGE,
    PLACEHOLDER_COLOUR,
    PLAIN_EDGE,
    RELATION_STYLE,
    ROLE_STYLE,
    TASK_COLOUR,
    LegendItem,
    colour_map,
    physics_options,
    short_label,
)

ROLE_ZH = {"lead": "牵头", "support": "配合", "responsible": "负责"}
CLASS_ZH = {
    "Agency": "机构",
    "CollectiveAgent": "集合主体",
    "UnregisteredAgency": "未登记机构",
    "Organization": "组织",
}


def _network() -> Network:
    # directed=True only stops pyvis scanning all edges for duplicates on each add (quadratic);
    # every edge below sets its own arrows.
    return Network(directed=True, cdn_resources="in_line")


def _agency_tooltip(d: dict, extra: list[str]) -> str:
    lines = [d["label"]]
    facts = [CLASS_ZH.get(d["agency_class"], d["agency_class"])]
    facts += [x for x in (d["jurisdiction"], d["level"], d["kind"]) if x]
    lines.append(" · ".join(facts))
    if d["aliases"]:
        lines.append(f"又称：{d['aliases']}")
    return "\n".join(lines + extra)


def _agency_legend(graph: nx.Graph) -> tuple[dict[str, str], list[tuple[str, list[LegendItem]]]]:
    colours, juris_legend = colour_map(
        (d["jurisdiction"] for _, d in graph.nodes(data=True)), "辖区未知 unknown"
    )
    classes = sorted({d["agency_class"] for _, d in graph.nodes(data=True)}, key=list(AGENCY_SHAPES).index)
    shape_legend = [LegendItem(AGENCY_SHAPES[c][1], "#555555", AGENCY_SHAPES[c][2]) for c in classes]
    return colours, [("辖区 jurisdiction（颜色）", juris_legend), ("主体类型（形状）", shape_legend)]


def agency_network_page(graph: nx.Graph, title: str = "机构协作网络 Inter-agency network") -> Page:
    """Agencies sized by tasks, coloured by jurisdiction, joined by shared tasks; arrows lead → support."""
    net = _network()
    colours, legend = _agency_legend(graph)
    for iri, d in graph.nodes(data=True):
        counts = f"任务 {d['tasks']} 项（牵头 {d['lead']}，配合 {d['support']}，负责 {d['responsible']}），涉及文件 {d['documents']} 份"
        net.add_node(
            iri,
            label=short_label(d["label"]),
            shape=AGENCY_SHAPES.get(d["agency_class"], AGENCY_SHAPES["Organization"])[0],
            color=colours[d["jurisdiction"]],
            value=d["tasks"],
            title=_agency_tooltip(d, [counts, f"协作机构 {graph.degree(iri)} 个"]),
        )
    for a, b, d in graph.edges(data=True):
        name = graph.nodes
        lines = [
            f"{name[a]['label']} — {name[b]['label']}",
            f"共同任务 {d['weight']} 项（{d['documents']} 份文件）",
        ]
        options: dict = {"value": d["weight"], "color": PLAIN_EDGE, "arrows": {"to": {"enabled": False}}}
        source, target = a, b
        if d["lead_source"]:
            source, target = d["lead_source"], d["lead_target"]
            lines.append(f"{name[source]['label']} 牵头、{name[target]['label']} 配合：{d['lead_count']} 项")
            if d["reverse_count"]:
                lines.append(
                    f"{name[target]['label']} 牵头、{name[source]['label']} 配合：{d['reverse_count']} 项"
                )
            options.update(color=LEAD_EDGE, arrows={"to": {"enabled": True, "scaleFactor": 0.6}})
        net.add_edge(source, target, title="\n".join(lines), **options)
    legend.append(
        (
            "连线 edges",
            [
                LegendItem("—", PLAIN_EDGE, "共同承担任务（粗细 = 任务数）"),
                LegendItem("→", LEAD_EDGE, "牵头 → 配合"),
            ],
        )
    )
    subtitle = (
        f"{graph.number_of_nodes()} 个机构 · {graph.number_of_edges()} 对协作关系 · 节点大小 = 承担任务数；"
        "悬停查看全称与任务数"
    )
    return Page(title, subtitle, net, physics_options(graph.number_of_nodes()), legend)


def agency_task_page(graph: nx.DiGraph, title: str) -> Page:
    """Agencies and the tasks they are named on; task text in the tooltip, edges coloured by role."""
    net = _network()
    agencies = graph.subgraph(n for n, d in graph.nodes(data=True) if d["node_type"] == "agency")
    colours, legend = _agency_legend(agencies)
    for iri, d in graph.nodes(data=True):
        if d["node_type"] == "agency":
            roles = [graph.edges[iri, t]["role"] for t in graph.successors(iri)]
            summary = "，".join(f"{ROLE_ZH[r]} {roles.count(r)}" for r in ROLES if r in roles)
            net.add_node(
                iri,
                label=short_label(d["label"]),
                shape=AGENCY_SHAPES.get(d["agency_class"], AGENCY_SHAPES["Organization"])[0],
                color=colours[d["jurisdiction"]],
                value=len(roles),
                title=_agency_tooltip(d, [f"本图任务 {len(roles)} 项（{summary}）"]),
            )
        else:
            where = f"第 {d['line']} 行" if d["line"] else ""
            if d["source_file"]:
                where = f"{d['source_file']} {where}".strip()
            head = f"任务 {d['label']}" + (f"（{where}）" if where else "")
            named = [
                f"{ROLE_ZH[graph.edges[a, iri]['role']]}：{graph.nodes[a]['label']}"
                for a in sorted(
                    graph.predecessors(iri), key=lambda a: (ROLES.index(graph.edges[a, iri]["role"]), a)
                )
            ]
            doc = " ".join(
                x
                for x in (
                    d["document_name"],
                    d["document_title"] if d["document_title"] != d["document_name"] else "",
                )
                if x
            )
            net.add_node(
                iri,
                label=short_label(f"任务{d['label']}", 10),
                shape="box",
                color=TASK_COLOUR,
                title="\n".join([*(x for x in (doc, head, d["text"]) if x), "", *named]),
                font={"size": 12},
            )
    for a, t, d in graph.edges(data=True):
        colour = ROLE_STYLE[d["role"]][0]
        net.add_edge(
            a,
            t,
            color=colour,
            width=3 if d["role"] == "lead" else 1.5,
            dashes=d["role"] == "support",
            arrows={"to": {"enabled": True, "scaleFactor": 0.5}},
            title=f"{graph.nodes[a]['label']} {ROLE_ZH[d['role']]} 任务 {graph.nodes[t]['label']}",
        )
    legend.append(("任务 task", [LegendItem("▭", TASK_COLOUR["border"], "任务（悬停查看全文）")]))
    legend.append(("角色 role", [LegendItem("→", c, text) for c, text in ROLE_STYLE.values()]))
    n_tasks = sum(1 for _, d in graph.nodes(data=True) if d["node_type"] == "task")
    subtitle = (
        f"{agencies.number_of_nodes()} 个机构 · {n_tasks} 项任务 · {graph.number_of_edges()} 条责任分工"
    )
    options = physics_options(graph.number_of_nodes())
    return Page(title, subtitle, net, options, legend)


def citation_page(graph: nx.DiGraph, title: str = "文件引用网络 Citation network") -> Page:
    """Documents and what they cite; edges coloured by relation, placeholders dashed and grey."""
    net = _network()
    for iri, d in graph.nodes(data=True):
        lines = [d["title"]]
        if d["doc_number"]:
            lines.append(d["doc_number"])
        lines.append("语料外文件（占位）" if d["placeholder"] else f"语料内文件 · 任务 {d['tasks']} 项")
        lines.append(f"被引 {graph.in_degree(iri)} · 引用 {graph.out_degree(iri)}")
        style: dict = (
            {"color": PLACEHOLDER_COLOUR, "shapeProperties": {"borderDashes": [4, 3]}}
            if d["placeholder"]
            else {"color": DOCUMENT_COLOUR}
        )
        net.add_node(
            iri,
            label=short_label(d["doc_number"] or d["title"], 20),
            shape="dot",
            value=1 + graph.in_degree(iri),
            title="\n".join(lines),
            borderWidth=2,
            **style,
        )
    for a, b, d in graph.edges(data=True):
        colour = RELATION_STYLE.get(d["relation"], RELATION_STYLE["mentions"])[0]
        kinds = "、".join(RELATION_STYLE.get(r, ("", r))[1] for r in d["relations"].split("|"))
        net.add_edge(
            a,
            b,
            color=colour,
            width=1 + min(d["count"], 5),
            arrows={"to": {"enabled": True, "scaleFactor": 0.7}},
            title=f"{graph.nodes[a]['label']} → {graph.nodes[b]['label']}\n{kinds}（{d['count']} 处）",
        )
    legend = [
        (
            "文件 documents",
            [
                LegendItem("●", DOCUMENT_COLOUR["border"], "语料内文件 in corpus"),
                LegendItem("◌", PLACEHOLDER_COLOUR["border"], "语料外文件（占位）placeholder"),
            ],
        ),
        ("引用类型 relation", [LegendItem("→", c, text) for c, text in RELATION_STYLE.values()]),
    ]
    placeholders = sum(1 for _, d in graph.nodes(data=True) if d["placeholder"])
    subtitle = (
        f"{graph.number_of_nodes() - placeholders} 份语料内文件 · {placeholders} 份语料外文件 · "
        f"{graph.number_of_edges()} 条引用关系 · 节点大小 = 被引次数"
    )
    return Page(title, subtitle, net, physics_options(graph.number_of_nodes()), legend)

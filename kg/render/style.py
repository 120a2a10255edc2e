"""Colours, shapes, fonts and wording shared by every render, so the legends agree with the drawings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

#: CJK fonts first: canvas text falls back glyph by glyph poorly, and a missing font shows boxes.
FONT_STACK = '"WenQuanYi Zen Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif'

#: Distinguishable on white and for most colour-blind readers (Okabe–Ito, then Tableau).
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#8C564B",
    "#17BECF",
    "#BCBD22",
    "#9467BD",
)
OTHER = "#B0B0B0"
UNKNOWN = "#9E9E9E"

AGENCY_SHAPES: dict[str, tuple[str, str, str]] = {
    # class → (vis shape, legend symbol, legend text)
    "Agency": ("dot", "●", "登记机构 agency"),
    "CollectiveAgent": ("diamond", "◆", "集合主体 collective agent"),
    "UnregisteredAgency": ("triangle", "▲", "未登记机构 unregistered"),
    "Organization": ("square", "■", "其他组织 organisation"),
}

ROLE_STYLE: dict[str, tuple[str, str]] = {
    "lead": ("#D62728", "牵头 lead"),
    "support": ("#1F77B4", "配合 support"),
    "responsible": ("#7F7F7F", "负责 responsible"),
}

RELATION_STYLE: dict[str, tuple[str, str]] = {
    "issues": ("#2CA02C", "印发/转发 issues"),
    "repeals": ("#D62728", "废止 repeals"),
    "basis": ("#1F77B4", "依据 basis"),
    "implements": ("#FF7F0E", "贯彻落实 implements"),
    "mentions": ("#9E9E9E", "提及 mentions"),
}

LEAD_EDGE = "#E07B00"
PLAIN_EDGE = "#C8C8C8"
TASK_COLOUR = {"background": "#FFF8DC", "border": "#B8A25E"}
DOCUMENT_COLOUR = {"background": "#9ECAE9", "border": "#2B6A99"}
PLACEHOLDER_COLOUR = {"background": "#F2F2F2", "border": "#8C8C8C"}

LABEL_MAX = 16


@dataclass(frozen=True, slots=True)
class LegendItem:
    """One line of the HTML legend: a coloured symbol (or line) and its meaning."""

    symbol: str  # "●", "◆", "—", "→" …
    colour: str
    text: str


def short_label(text: str, limit: int = LABEL_MAX) -> str:
    """Labels on the canvas stay short; the tooltip carries the full name."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def colour_map(values: Iterable[str], unknown_text: str = "未知") -> tuple[dict[str, str], list[LegendItem]]:
    """Colour per value, the most frequent first (ties by name); overflow shares one grey.

    Returns the mapping and the matching legend lines.  Empty values are "unknown".
    """
    counts = Counter(values)
    known = sorted((v for v in counts if v), key=lambda v: (-counts[v], v))
    mapping = {v: PALETTE[i] for i, v in enumerate(known[: len(PALETTE)])}
    legend = [LegendItem("●", mapping[v], v) for v in known[: len(PALETTE)]]
    if len(known) > len(PALETTE):
        mapping.update(dict.fromkeys(known[len(PALETTE) :], OTHER))
        legend.append(LegendItem("●", OTHER, f"其他 other ({len(known) - len(PALETTE)})"))
    if "" in counts:
        mapping[""] = UNKNOWN
        legend.append(LegendItem("●", UNKNOWN, unknown_text))
    return mapping, legend


def physics_options(node_count: int, iterations: int | None = None) -> dict:
    """Barnes–Hut with a bounded stabilisation; the page switches physics off once it is done.

    A fixed random seed makes the browser lay the graph out the same way every time; big graphs
    get fewer iterations (each costs more) so the page is usable within a few seconds.
    """
    large = node_count > 60
    if iterations is None:
        iterations = 200 if node_count <= 300 else 120
    return {
        "autoResize": True,
        "layout": {"randomSeed": 20240601, "improvedLayout": node_count <= 80},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -30000 if large else -4000,
                "centralGravity": 0.25,
                "springLength": 260 if large else 150,
                "springConstant": 0.008 if large else 0.03,
                "damping": 0.5,
                "avoidOverlap": 0.6 if large else 0.3,
            },
            "minVelocity": 1.5,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": node_count > 150},
        "nodes": {
            "font": {
                "face": FONT_STACK,
                "size": 14,
                "color": "#222222",
                "strokeWidth": 3,
                "strokeColor": "#FFFFFF",
            },
            # bigger nodes get bigger labels; the smallest labels appear only when zoomed in
            "scaling": {
                "min": 10,
                "max": 44,
                "label": {"enabled": True, "min": 12, "max": 28, "drawThreshold": 5},
            },
            "borderWidth": 1,
        },
        "edges": {
            "smooth": False,
            "font": {"face": FONT_STACK, "size": 11, "align": "middle"},
            "scaling": {"min": 1, "max": 10},
            "color": {"inherit": False},
        },
    }

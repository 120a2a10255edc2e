"""Turn a pyvis network into one self-contained HTML page: no request ever leaves the machine.

pyvis's own template links Bootstrap from a CDN even with ``cdn_resources='in_line'``, and its
'remote'/'local' modes fetch vis.js, which shows a blank page offline.  So the page is rendered
from our own small template: vis-network's JavaScript (shipped inside the pyvis wheel) is
inlined, the tooltip CSS is ours, all text is HTML-escaped by Jinja and the graph data is
embedded with ``tojson`` (which escapes ``<``, ``>``, ``&`` and quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyvis
from jinja2 import DictLoader, Environment, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from kg.render.style import FONT_STACK, LegendItem

VIS_JS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"

TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="policy-kg (pyvis {{ pyvis_version }}, vis-network 9.1.2)">
<title>{{ title }}</title>
<style>
  html, body { margin: 0; padding: 0; height: 100%; font-family: {{ font }}; color: #222; background: #fff; }
  header { padding: 10px 16px 6px; border-bottom: 1px solid #e4e4e4; }
  header h1 { font-size: 20px; margin: 0 0 4px; font-weight: 600; }
  header p { margin: 0; font-size: 13px; color: #555; }
  #network { position: absolute; top: {{ header_height }}px; left: 0; right: 0; bottom: 0; }
  #legend { position: absolute; top: {{ header_height + 10 }}px; right: 12px; z-index: 3; max-width: 300px;
            max-height: 70%; overflow-y: auto; background: rgba(255, 255, 255, 0.92); border: 1px solid #ddd;
            border-radius: 4px; padding: 8px 10px; font-size: 12px; line-height: 1.6; }
  #legend h2 { font-size: 12px; margin: 6px 0 2px; font-weight: 600; }
  #legend h2:first-child { margin-top: 0; }
  #legend .sym { display: inline-block; width: 1.4em; text-align: center; font-weight: bold; }
  #legend p { margin: 4px 0 0; color: #555; }
  .vis-tooltip { position: absolute; visibility: hidden; z-index: 5; pointer-events: none; padding: 6px 8px;
                 max-width: 460px; white-space: pre-wrap; word-break: break-all; font-family: {{ font }};
                 font-size: 13px; line-height: 1.5; color: #111; background: #fffdf3; border: 1px solid #a8a28a;
                 border-radius: 3px; box-shadow: 2px 2px 8px rgba(0, 0, 0, 0.2); }
</style>
</head>
<body data-stabilized="false">
<header>
  <h1>{{ title }}</h1>
  <p>{{ subtitle }}</p>
</header>
<div id="network" role="img" aria-label="{{ title }}"></div>
<aside id="legend">
{%- for section, items in legend %}
  <h2>{{ section }}</h2>
  {%- for item in items %}
  <div><span class="sym" style="color: {{ item.colour }}">{{ item.symbol }}</span>{{ item.text }}</div>
  {%- endfor %}
{%- endfor %}
{%- if note %}
  <p>{{ note }}</p>
{%- endif %}
</aside>
<script>{{ vis_js }}</script>
<script>
(function () {
  "use strict";
  var nodes = new vis.DataSet({{ nodes|tojson }});
  var edges = new vis.DataSet({{ edges|tojson }});
  var options = {{ options|tojson }};
  var container = document.getElementById("network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  window.network = network;
  var settled = false;
  function settle() {
    if (settled) { return; }
    settled = true;
    network.setOptions({physics: {enabled: false}});
    document.body.setAttribute("data-stabilized", "true");
  }
  network.once("stabilizationIterationsDone", settle);
  if (nodes.length === 0) { settle(); }
})();
</script>
</body>
</html>
"""


@dataclass(slots=True)
class Page:
    """What one render shows: heading, the network itself and its legend."""

    title: str
    subtitle: str
    network: Network
    options: dict
    legend: list[tuple[str, list[LegendItem]]] = field(default_factory=list)
    note: str = ""


@cache
def _environment() -> Environment:
    env = Environment(loader=DictLoader({"page.html": TEMPLATE}), autoescape=select_autoescape(default=True))
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


@cache
def _vis_js() -> str:
    script = VIS_JS.read_text(encoding="utf-8")
    if "</script" in script.lower():  # would end our inline <script> early
        raise RuntimeError(f"{VIS_JS} cannot be inlined")
    return script


def render_page(page: Page) -> str:
    """The page's HTML as a string (deterministic for the same page)."""
    nodes, edges = page.network.nodes, page.network.edges
    return (
        _environment()
        .get_template("page.html")
        .render(
            title=page.title,
            subtitle=page.subtitle,
            legend=page.legend,
            note=page.note,
            nodes=nodes,
            edges=edges,
            options=page.options,
            font=Markup(FONT_STACK),
            header_height=64,
            vis_js=Markup(_vis_js()),
            pyvis_version=pyvis.__version__,
        )
    )


def write_page(page: Page, path: Path) -> Path:
    html = render_page(page)
    problems = external_references(html)
    if problems:  # a guard for future template edits: a blank page offline is a silent failure
        raise RuntimeError(f"render would load remote resources: {problems[:3]}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


_EXTERNAL = re.compile(
    r"""<script[^>]*\ssrc\s*=|<link[^>]*\shref\s*=\s*["']?(?:https?:)?//|@import\s|url\(\s*["']?(?:https?:)?//"""
    r"""|<(?:img|iframe)[^>]*\ssrc\s*=\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def external_references(html: str) -> list[str]:
    """Every construct in ``html`` that would make the browser fetch something from elsewhere."""
    return [m.group(0) for m in _EXTERNAL.finditer(html)]

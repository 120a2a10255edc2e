"""Open a render in headless Chromium: count what vis drew, catch any request that leaves the machine.

Used by the browser tests and by the screenshot script.  Playwright is a dev dependency, so it is
imported only when a browser is actually wanted.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


FOCUS_JS = """(scale) => {
  const nodes = window.network.body.data.nodes.get();
  nodes.sort((a, b) => (b.value || 0) - (a.value || 0));
  const top = nodes.slice(0, 10).map((n) => n.id);
  const pos = window.network.getPositions(top);
  const xs = top.map((id) => pos[id].x), ys = top.map((id) => pos[id].y);
  const mean = (v) => v.reduce((s, x) => s + x, 0) / Math.max(v.length, 1);
  window.network.moveTo({position: {x: mean(xs), y: mean(ys)}, scale: scale, animation: false});
}"""


@dataclass(slots=True)
class Drawn:
    """What the page ended up showing."""

    nodes: int
    edges: int
    stabilized: bool
    title: str
    blocked: list[str] = field(default_factory=list)  # URLs of requests that tried to leave file://
    errors: list[str] = field(default_factory=list)  # uncaught page errors


def chromium_path() -> str | None:
    """The Chromium the tests use: Debian's, else one on PATH; None when there is none."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    return shutil.which("chromium") or shutil.which("chromium-browser")


def open_render(
    path: Path,
    screenshot: Path | None = None,
    size: tuple[int, int] = (1400, 900),
    timeout_ms: int = 60_000,
    zoom: float | None = None,
) -> Drawn:
    """Load ``path`` from file://, wait until physics has settled, report the counts.

    Every non-file request is aborted and recorded, so a render that still points at a CDN
    fails loudly instead of silently working only online.  With ``zoom``, the view is centred on
    the ten largest nodes at that scale before the screenshot, so labels are legible.
    """
    return open_renders([path], screenshot=screenshot, size=size, timeout_ms=timeout_ms, zoom=zoom)[0]


def open_renders(
    paths: list[Path],
    screenshot: Path | None = None,
    size: tuple[int, int] = (1400, 900),
    timeout_ms: int = 60_000,
    zoom: float | None = None,
) -> list[Drawn]:
    """``open_render`` for several pages in one browser (a launch costs about a second);
    ``screenshot`` and ``zoom`` apply to the last page."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("chromium not found; run `make browser`")
    drawn: list[Drawn] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS), headless=True)
        try:
            for n, path in enumerate(paths, start=1):
                last = n == len(paths)
                drawn.append(
                    _visit(
                        browser,
                        Path(path),
                        size,
                        timeout_ms,
                        screenshot if last else None,
                        zoom if last else None,
                    )
                )
        finally:
            browser.close()
    return drawn


def _visit(
    browser, path: Path, size: tuple[int, int], timeout_ms: int, screenshot: Path | None, zoom: float | None
) -> Drawn:
    blocked: list[str] = []
    errors: list[str] = []
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    try:

        def route(r) -> None:
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(path.resolve().as_uri())
        page.wait_for_function("document.body.dataset.stabilized === 'true'", timeout=timeout_ms)
        counts = page.evaluate(
            "() => ({nodes: window.network.body.data.nodes.length,"
            " edges: window.network.body.data.edges.length,"
            " stabilized: document.body.dataset.stabilized === 'true'})"
        )
        if zoom is not None:
            page.evaluate(FOCUS_JS, zoom)
        if screenshot is not None:
            Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
            page.wait_for_timeout(300)  # let the last frame paint after physics stops
            page.screenshot(path=str(screenshot), full_page=False)
        title = page.title()
    finally:
        page.close()
    return Drawn(counts["nodes"], counts["edges"], counts["stabilized"], title, blocked, errors)

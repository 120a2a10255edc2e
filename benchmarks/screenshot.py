"""Screenshot the inter-agency network of the shipped corpus into docs/network.png (run by hand).

    .venv/bin/python benchmarks/screenshot.py [--build build] [--out docs/network.png] [--zoom 0.6]

Uses build/ when it holds a store, else builds raw_texts/ into a temporary folder.  Needs
Chromium and the CJK font (`make browser`); look at the picture to check the labels are Chinese
characters, not boxes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.render import render_agency_network  # noqa: E402
from kg.render.browser import open_render  # noqa: E402
from kg.store import open_store  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, default=ROOT / "build")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "network.png")
    parser.add_argument("--zoom", type=float, default=0.6, help="view scale around the busiest agencies")
    parser.add_argument("--size", default="1600x1000", help="viewport WIDTHxHEIGHT")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="policy-kg-shot-") as tmp:
        build = args.build
        if not (build / "store").is_dir():
            from kg.build import run_build

            build = run_build([ROOT / "raw_texts"], Path(tmp) / "build", render=False, validate=False).out
        page = render_agency_network(open_store(build), Path(tmp) / "agencies.html")
        width, height = (int(x) for x in args.size.split("x"))
        drawn = open_render(page, screenshot=args.out, size=(width, height), zoom=args.zoom)
    print(f"{args.out}: {drawn.nodes} agencies, {drawn.edges} edges, blocked requests: {len(drawn.blocked)}")
    return 0 if not drawn.blocked and not drawn.errors else 1


if __name__ == "__main__":
    sys.exit(main())

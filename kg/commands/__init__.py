"""One module per `kg` command; shared options live here."""

from __future__ import annotations

from pathlib import Path

import click


def store_option(param: str = "store_dir"):
    """``--store DIR``: the build folder whose store/ a command reads (default build/)."""
    return click.option(
        "--store",
        param,
        default=Path("build"),
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Build folder holding store/.",
    )

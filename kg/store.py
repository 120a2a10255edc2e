"""The embedded SPARQL store (pyoxigraph) kept in the build folder."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError

STORE_DIR = "store"


def open_store(build_dir: Path | str, read_only: bool = True) -> ox.Store:
    """Open ``build_dir/store``; a clear error when the build has not been run."""
    path = Path(build_dir) / STORE_DIR
    if not path.is_dir():
        raise InputError(str(path), "no store here; run `kg build` first (or pass --store)")
    if read_only:
        return ox.Store.read_only(str(path))
    return ox.Store(str(path))

"""Shared fixtures: the shipped corpus built once per test session, and the gold folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw_texts"


def _gold_dir() -> Path:
    for candidate in (ROOT.parent / "shared" / "gold" / "seeds", ROOT / "shared" / "gold" / "seeds"):
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "gold" / "seeds"


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    path = _gold_dir()
    if not path.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"gold folder missing in CI: {path}")
        pytest.skip("shared/gold not beside the repo")
    return path


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory):
    """The shipped corpus, built once (renders and validation included)."""
    from kg.build import run_build

    out = tmp_path_factory.mktemp("build") / "build"
    return run_build([RAW], out)


@pytest.fixture(scope="session")
def store(built):
    from kg.store import open_store

    return open_store(built.out)

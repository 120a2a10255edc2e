"""The two notebooks run top to bottom on the shipped corpus (offline, kernel python3 from the venv)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def run(name: str, build_dir: Path, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    """Execute a notebook against ``build_dir``; any cell error fails the test with its traceback."""
    monkeypatch.setenv("KG_BUILD", str(build_dir))  # the kernel inherits the environment
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    NotebookClient(
        notebook,
        timeout=240,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    ).execute()
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> str:
    parts = []
    for cell in notebook.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            data = out.get("data", {})
            parts.append(data.get("text/plain", ""))
            parts.append(data.get("text/html", ""))
    return "\n".join(parts)


def test_notebooks_are_committed_without_outputs() -> None:
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), path.name
        assert notebook.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.slow
def test_who_leads_what_runs(built, monkeypatch: pytest.MonkeyPatch) -> None:
    text = outputs(run("01_who_leads_what.ipynb", built.out, monkeypatch))
    assert f"build: {built.out}" in text
    assert "agencies hold a role" in text


@pytest.mark.slow
def test_responsibility_network_runs_and_embeds_the_render(built, monkeypatch: pytest.MonkeyPatch) -> None:
    text = outputs(run("02_responsibility_network.ipynb", built.out, monkeypatch))
    assert "citation edges" in text
    assert "<iframe srcdoc=" in text and "vis.Network" in text  # the inline page, escaped into srcdoc
    assert "cdn.jsdelivr" not in text and "cdnjs" not in text

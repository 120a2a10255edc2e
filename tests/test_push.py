"""`kg push` against a real Oxigraph server (the `oxigraph` PyPI package), started on a free loopback port."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.commands.push import push_command
from kg.push import PushError, graph_store_url, push

FIXTURE = Path(__file__).parent / "fixtures" / "mini_graph.ttl"
GRAPH = "https://w3id.org/policy-kg/graph/test"
STARTUP_SECONDS = 30


def _oxigraph_binary() -> str | None:
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.exists() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _count(base: str, graph: str | None = None) -> int:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    query = urllib.parse.urlencode({"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"})
    req = urllib.request.Request(
        f"{base}/query?{query}", headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        return int(json.loads(resp.read())["results"]["bindings"][0]["n"]["value"])


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A fresh Oxigraph server; yields its base URL and always stops it."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.fail("the oxigraph server binary is missing: pip install oxigraph (it is in the dev extras)")
    port = _free_port()
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "oxi"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                _count(base)
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read().decode() if proc.stderr and proc.poll() is not None else ""
                    pytest.fail(f"oxigraph server did not start on port {port}: {err}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _local_store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    return store


def test_push_to_default_graph(oxigraph_server: str) -> None:
    store = _local_store()
    result = push(store, oxigraph_server + "/store")
    assert result.triples == len(store) == 261
    assert result.requests == 1
    assert _count(oxigraph_server) == len(store)


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_push_named_graph_in_batches_then_replace(oxigraph_server: str, fmt: str) -> None:
    store = _local_store()
    endpoint = oxigraph_server + "/store"
    extra = ox.Store()
    extra.add(ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:p"), ox.Literal("stale")))
    push(extra, endpoint, graph=GRAPH)
    result = push(store, endpoint, graph=GRAPH, replace=True, fmt=fmt, batch_size=100)
    assert result.requests == 3  # 261 triples in batches of 100: PUT then two POSTs
    assert _count(oxigraph_server, GRAPH) == len(store)
    assert _count(oxigraph_server) == 0  # nothing leaked into the default graph
    # without --replace a second push merges: RDF set semantics keep the count
    push(store, endpoint, graph=GRAPH, fmt=fmt)
    assert _count(oxigraph_server, GRAPH) == len(store)


def test_cli_push_from_build_folder(oxigraph_server: str, tmp_path: Path) -> None:
    (tmp_path / "build").mkdir()
    disk = ox.Store(str(tmp_path / "build" / "store"))
    disk.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    disk.flush()
    del disk
    result = CliRunner().invoke(
        push_command,
        ["--endpoint", oxigraph_server + "/store", "--store", str(tmp_path / "build"), "--replace"],
    )
    assert result.exit_code == 0, result.output
    assert "261 triples replaced" in result.output
    assert _count(oxigraph_server) == 261


def test_server_errors_are_reported(oxigraph_server: str) -> None:
    with pytest.raises(PushError, match="HTTP 4"):
        push(_local_store(), oxigraph_server + "/no-such-service")


def test_unreachable_server_is_a_clear_error() -> None:
    port = _free_port()  # nothing listens here
    with pytest.raises(PushError, match="cannot reach"):
        push(_local_store(), f"http://127.0.0.1:{port}/store", timeout=5)


@pytest.mark.parametrize(
    ("endpoint", "graph", "url"),
    [
        ("http://h:1/store", None, "http://h:1/store?default"),
        ("http://h:1/store", "https://e.org/g#1", "http://h:1/store?graph=https%3A%2F%2Fe.org%2Fg%231"),
        ("http://h/ds/data?x=1", None, "http://h/ds/data?x=1&default"),
    ],
)
def test_graph_store_url(endpoint: str, graph: str | None, url: str) -> None:
    assert graph_store_url(endpoint, graph) == url


def test_graph_store_url_rejects_non_http() -> None:
    with pytest.raises(PushError):
        graph_store_url("file:///etc/passwd", None)

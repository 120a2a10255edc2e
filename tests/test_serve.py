"""`kg serve` over real HTTP (urllib): SPARQL protocol, formats, read-only, limits, pages, browser."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.serve import ServeConfig, SparqlServer, make_server
from kg.serve.querytext import is_update, operation_keyword, uses_service
from kg.serve.results import choose_type

FIXTURE = Path(__file__).parent / "fixtures" / "mini_graph.ttl"
ID = "https://w3id.org/policy-kg/id/"
from kg.render.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (one launch recipe for all browser tests)

AGENCY_QUERY = "SELECT ?a ?name WHERE { ?a a pkg:Agency ; skos:prefLabel ?name } ORDER BY ?a"


def _fixture_store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    return store


def _start(store: ox.Store, **config: object) -> SparqlServer:
    server = make_server(
        store,
        config=ServeConfig(quiet=True, **config),  # type: ignore[arg-type]
        examples=[("agencies", AGENCY_QUERY), ("evil <b>", 'SELECT * WHERE { ?s ?p "</textarea><script>" }')],
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def server() -> Iterator[SparqlServer]:
    srv = _start(_fixture_store())
    yield srv
    srv.shutdown()
    srv.server_close()


def request(
    server: SparqlServer,
    path: str,
    *,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(server.url + path, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def get_query(
    server: SparqlServer, query: str, accept: str | None = None
) -> tuple[int, dict[str, str], bytes]:
    headers = {"Accept": accept} if accept else {}
    return request(server, "/sparql?" + urllib.parse.urlencode({"query": query}), headers=headers)


# ------------------------------------------------------------------ SELECT / ASK / CONSTRUCT


def test_select_json_is_the_default(server: SparqlServer) -> None:
    status, headers, body = get_query(server, AGENCY_QUERY)
    assert status == 200
    assert headers["content-type"].startswith("application/sparql-results+json")
    data = json.loads(body)
    assert data["head"]["vars"] == ["a", "name"]
    names = {b["name"]["value"] for b in data["results"]["bindings"]}
    assert {"重庆市教育委员会", "重庆市财政局"} <= names
    assert all(b["a"]["type"] == "uri" for b in data["results"]["bindings"])
    assert "x-result-truncated" not in headers


def test_select_csv(server: SparqlServer) -> None:
    status, headers, body = get_query(server, AGENCY_QUERY, accept="text/csv")
    assert status == 200
    assert headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["a", "name"]
    assert [ID + "agency/cq-jw", "重庆市教育委员会"] in rows
    assert body.endswith(b"\r\n")


def test_select_tsv_and_xml(server: SparqlServer) -> None:
    _, headers, body = get_query(server, AGENCY_QUERY, accept="text/tab-separated-values")
    assert headers["content-type"].startswith("text/tab-separated-values")
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "?a\t?name"
    assert f'<{ID}agency/cq-jw>\t"重庆市教育委员会"' in lines

    _, headers, body = get_query(server, AGENCY_QUERY, accept="application/sparql-results+xml")
    assert headers["content-type"].startswith("application/sparql-results+xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(body)
    literals = [e.text for e in root.findall(".//r:binding[@name='name']/r:literal", ns)]
    assert "重庆市教育委员会" in literals


def test_typed_and_language_literals_in_json(server: SparqlServer) -> None:
    query = f"SELECT ?line ?genre WHERE {{ <{ID}doc/923f9b4d9c3f/task/t7> pkg:line ?line . <{ID}genre/7a66c0d0> skos:prefLabel ?genre }}"
    binding = json.loads(get_query(server, query)[2])["results"]["bindings"][0]
    assert binding["line"] == {
        "type": "literal",
        "value": "661",
        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
    }
    assert binding["genre"] == {"type": "literal", "value": "通知", "xml:lang": "zh"}


def test_ask(server: SparqlServer) -> None:
    body = get_query(server, f"ASK {{ <{ID}agency/cq-jw> a pkg:Agency }}")[2]
    assert json.loads(body) == {"head": {}, "boolean": True}


def test_construct_returns_turtle(server: SparqlServer) -> None:
    query = f"CONSTRUCT WHERE {{ <{ID}agency/cq-jw> ?p ?o }}"
    status, headers, body = request(
        server,
        "/sparql",
        data=query.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/turtle"},
    )
    assert status == 200
    assert headers["content-type"].startswith("text/turtle")
    triples = {q.triple for q in ox.parse(body, format=ox.RdfFormat.TURTLE)}
    assert len(triples) == 6  # type, prefLabel, altLabel, kind, level, jurisdiction
    assert (
        ox.Triple(
            ox.NamedNode(ID + "agency/cq-jw"),
            ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
            ox.Literal("重庆市教育委员会"),
        )
        in triples
    )


def test_describe_defaults_to_turtle_for_browsers(server: SparqlServer) -> None:
    status, headers, body = get_query(server, f"DESCRIBE <{ID}agency/cq-jw>", accept="text/html,*/*;q=0.8")
    assert status == 200
    assert headers["content-type"].startswith("text/turtle")
    assert "重庆市教育委员会" in body.decode("utf-8")


def test_post_form_encoded_query(server: SparqlServer) -> None:
    data = urllib.parse.urlencode({"query": AGENCY_QUERY}).encode()
    status, _, body = request(
        server,
        "/sparql",
        data=data,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"},
    )
    assert status == 200
    assert "重庆市教育委员会" in body.decode("utf-8")


def test_format_parameter_overrides_accept(server: SparqlServer) -> None:
    query = urllib.parse.urlencode({"query": AGENCY_QUERY, "format": "csv"})
    status, headers, _ = request(
        server, "/sparql?" + query, headers={"Accept": "application/sparql-results+json"}
    )
    assert status == 200
    assert headers["content-type"].startswith("text/csv")


# ------------------------------------------------------------------ refusals and errors

UPDATES = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX pkg: <https://w3id.org/policy-kg/ontology#>\nDELETE WHERE { ?s pkg:label ?o }",
    "# a comment mentioning SELECT\nCLEAR ALL",
    "drop graph <urn:g>",
    "LOAD <http://example.org/data.ttl>",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_in_every_form(server: SparqlServer, update: str) -> None:
    attempts = [
        request(server, "/sparql?" + urllib.parse.urlencode({"update": update})),
        request(
            server, "/sparql", data=update.encode(), headers={"Content-Type": "application/sparql-update"}
        ),
        request(
            server,
            "/sparql",
            data=urllib.parse.urlencode({"update": update}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        ),
        request(
            server, "/sparql", data=update.encode(), headers={"Content-Type": "application/sparql-query"}
        ),
        get_query(server, update),
    ]
    for status, _, body in attempts:
        assert status == 403
        assert b"read-only" in body
    # and the store is untouched
    assert (
        json.loads(get_query(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[2])["results"]["bindings"][
            0
        ]["n"]["value"]
        == "261"
    )


def test_graph_store_methods_are_refused(server: SparqlServer) -> None:
    status, headers, _ = request(server, "/sparql", data=b"<urn:a> <urn:b> <urn:c> .", method="PUT")
    assert status == 405
    assert "POST" in headers["allow"]


def test_syntax_error_is_400_with_message(server: SparqlServer) -> None:
    status, _, body = get_query(server, "SELECT ?x WHERE { ?x")
    assert status == 400
    assert b"syntax error" in body


def test_service_is_refused(server: SparqlServer) -> None:
    status, _, body = get_query(server, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert status == 403
    assert b"SERVICE" in body


def test_missing_query_and_unacceptable_type(server: SparqlServer) -> None:
    assert request(server, "/sparql")[0] == 400
    assert get_query(server, AGENCY_QUERY, accept="image/png")[0] == 406
    status, _, _ = request(server, "/sparql", data=b"x", headers={"Content-Type": "text/plain"})
    assert status == 415


def test_row_limit_truncates_with_header() -> None:
    srv = _start(_fixture_store(), row_limit=3)
    try:
        status, headers, body = get_query(srv, AGENCY_QUERY)
        assert status == 200
        assert headers["x-result-truncated"] == "true"
        assert headers["x-result-limit"] == "3"
        assert len(json.loads(body)["results"]["bindings"]) == 3
        _, headers, body = get_query(srv, "CONSTRUCT WHERE { ?s ?p ?o }", accept="application/n-triples")
        assert headers["x-result-truncated"] == "true"
        assert len(body.decode().strip().splitlines()) == 3
        # exactly at the limit is not truncated
        _, headers, _ = get_query(srv, "SELECT ?x WHERE { VALUES ?x { 1 2 3 } }")
        assert "x-result-truncated" not in headers
    finally:
        srv.shutdown()
        srv.server_close()


def test_timeout_gives_503_and_the_server_keeps_serving() -> None:
    srv = _start(_fixture_store(), timeout=0.2, row_limit=10**12, workers=2)
    try:
        # 261^4 rows: never finishes; rows stream, so the worker stops once the request gives up.
        status, _, body = get_query(srv, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
        assert status == 503
        assert b"did not finish" in body
        assert get_query(srv, AGENCY_QUERY)[0] == 200
    finally:
        srv.shutdown()
        srv.server_close()


# ------------------------------------------------------------------ pages


def test_home_page_lists_examples_and_documents(server: SparqlServer) -> None:
    status, headers, body = request(server, "/")
    text = body.decode("utf-8")
    assert status == 200
    assert headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in headers["content-security-policy"]
    assert 'id="run"' in text and 'id="query"' in text
    assert ">agencies</option>" in text
    assert "evil &lt;b&gt;" in text and "&lt;/textarea&gt;&lt;script&gt;" in text
    assert "</textarea><script>" not in text
    assert 'href="/doc/923f9b4d9c3f"' in text
    assert "http://" not in text.replace("http://www.w3.org", "").replace("http://purl.org", "")


def test_agency_page_lists_tasks_by_role(server: SparqlServer) -> None:
    status, _, body = request(server, "/agency/cq-jw")
    text = body.decode("utf-8")
    assert status == 200
    assert "<h1>重庆市教育委员会</h1>" in text
    lead = text.split('data-role="lead"')[1].split("</table>")[0]
    assert "实施学前教育普惠优质发展计划" in lead
    assert "重庆市人民政府关于印发重庆市教育事业发展" in lead  # document title
    assert 'href="/doc/923f9b4d9c3f"' in lead
    support = request(server, "/agency/cq-fgw")[2].decode("utf-8")
    assert "实施学前教育普惠优质发展计划" in support.split('data-role="support"')[1]


def test_document_page_has_outline_tasks_agencies_and_citations(server: SparqlServer) -> None:
    status, _, body = request(server, "/doc/923f9b4d9c3f")
    text = body.decode("utf-8")
    assert status == 200
    assert "渝府发〔2021〕37号" in text
    assert "推进基础教育公平优质发展" in text  # section
    assert text.index("推进基础教育公平优质发展") < text.index("实施学前教育普惠优质发展计划")
    assert 'href="/agency/cq-jw">重庆市教育委员会</a>' in text
    assert "001_e2360f6c62a4c2d6.txt:1" in text
    assert "依据 basis" in text  # its citation
    assert 'id="cited-by"' in text and 'href="/doc/a070553199be"' in text


def test_unknown_pages_are_404(server: SparqlServer) -> None:
    assert request(server, "/doc/does-not-exist")[0] == 404
    assert request(server, "/agency/nobody")[0] == 404
    assert request(server, "/agency/%3Cscript%3E")[0] == 404
    assert request(server, "/nothing-here")[0] == 404


def test_pages_escape_values_from_the_graph() -> None:
    store = _fixture_store()
    evil = '<script>alert("x")</script>&'
    store.add(
        ox.Quad(
            ox.NamedNode(ID + "agency/cq-jw"),
            ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"),
            ox.Literal(evil),
        )
    )
    store.add(
        ox.Quad(
            ox.NamedNode(ID + "doc/923f9b4d9c3f/task/t7"),
            ox.NamedNode("https://w3id.org/policy-kg/ontology#label"),
            ox.Literal('"><img src=x onerror=alert(1)>'),
        )
    )
    srv = _start(store)
    try:
        for path in ("/agency/cq-jw", "/doc/923f9b4d9c3f"):
            text = request(srv, path)[2].decode("utf-8")
            assert "<script>alert" not in text
            assert "<img src=x" not in text
        assert (
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;"
            in request(srv, "/agency/cq-jw")[2].decode()
        )
    finally:
        srv.shutdown()
        srv.server_close()


# ------------------------------------------------------------------ query text checks and negotiation


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("PREFIX a: <http://a/>\nPREFIX b: <urn:b#>\nconstruct { ?s ?p ?o } where { ?s ?p ?o }", "CONSTRUCT"),
        ("BASE <http://x/> ASK {}", "ASK"),
        ('# INSERT in a comment\nSELECT ?x WHERE { ?x <urn:p> "DELETE" }', "SELECT"),
        ("  \n insert data { <urn:a> <urn:b> 1 }", "INSERT"),
    ],
)
def test_operation_keyword(text: str, keyword: str) -> None:
    assert operation_keyword(text) == keyword


@given(st.text(alphabet=st.characters(blacklist_characters='"\\\n\r', blacklist_categories=("Cs",))))
def test_literal_content_never_makes_a_query_an_update(content: str) -> None:
    query = f'SELECT * WHERE {{ ?s ?p "{content}" }}'
    assert not is_update(query)
    assert not uses_service(query)


def test_service_detection_ignores_strings_and_iris() -> None:
    assert uses_service("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }")
    assert not uses_service('SELECT * { ?s <http://x/SERVICE> "SERVICE" }')


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/sparql-results+json"),
        ("text/csv", "text/csv"),
        ("application/json", "application/sparql-results+json"),
        ("text/csv;q=0.5, text/tab-separated-values", "text/tab-separated-values"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),
        ("text/*", "text/csv"),
        ("image/png", None),
    ],
)
def test_choose_type(accept: str | None, expected: str | None) -> None:
    offered = (
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    )
    assert choose_type(accept, offered) == expected


# ------------------------------------------------------------------ the CLI command, as a process


def test_kg_serve_command_serves_a_build_folder_read_only(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from kg.commands.serve import serve; serve()",
            "--store",
            str(tmp_path),
            "--port",
            "0",
            "--quiet",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert "http://127.0.0.1:" in line, proc.stderr.read() if proc.stderr else line
        url = line.split(" at ", 1)[1].split("/ ", 1)[0]
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
        with urllib.request.urlopen(f"{url}/sparql?{query}", timeout=30) as resp:
            assert json.loads(resp.read())["results"]["bindings"][0]["n"]["value"] == "261"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# ------------------------------------------------------------------ the web page in headless Chromium


def _require_chromium() -> None:
    """Skip when Chromium is missing on a developer machine; fail in CI, where `make browser` installs it."""
    missing = None
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        missing = f"chromium not found at {CHROMIUM} (run `make browser`)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "playwright is not installed"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(missing)
        pytest.skip(missing)


@pytest.mark.browser
def test_web_page_runs_a_query_and_shows_rows(server: SparqlServer) -> None:
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
            args=list(CHROMIUM_ARGS),
        )
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(server.url + "/", timeout=30_000)
            assert page.title() == "SPARQL · policy-kg"
            page.select_option("#examples", "agencies")
            assert "pkg:Agency" in page.input_value("#query")
            page.click("#run")
            page.wait_for_selector("#results tbody tr", timeout=30_000)
            headers = page.locator("#results thead th").all_text_contents()
            assert headers == ["a", "name"]
            cells = page.locator("#results tbody td").all_text_contents()
            assert "重庆市教育委员会" in cells
            assert page.locator("#status").text_content() == "7 rows"
            # agency IRIs link to their local page
            page.click("a[href='/agency/cq-jw']")
            page.wait_for_selector("h1")
            assert page.locator("h1").text_content() == "重庆市教育委员会"
            assert errors == []
        finally:
            browser.close()

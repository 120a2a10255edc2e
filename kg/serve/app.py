"""The HTTP server behind `kg serve`: SPARQL 1.1 Protocol at /sparql plus browsable HTML pages.

Standard library only (ThreadingHTTPServer).  The endpoint is read-only twice over: update
requests are refused before they reach the store, and the CLI opens the store read-only.
Queries run on a small bounded worker pool with a time limit and a row limit, so one heavy query
cannot tie up the process.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from kg.rdf.iris import BASE, PREFIXES
from kg.serve import pages
from kg.serve.querytext import is_update, operation_keyword, uses_service
from kg.serve.results import (
    FORMAT_ALIASES,
    GRAPH_TYPES,
    SOLUTION_TYPES,
    SOLUTION_WRITERS,
    QueryOutcome,
    QueryTimeout,
    choose_type,
    graph_bytes,
    run_query,
)

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
READ_ONLY_MESSAGE = "this SPARQL endpoint is read-only: updates are not accepted (SPARQL Update is refused)"
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'"
)


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """Limits of the endpoint.  ``timeout`` in seconds; ``row_limit`` rows (or triples) per result."""

    timeout: float = 10.0
    row_limit: int = 10_000
    workers: int = 4
    max_body: int = 1_000_000
    page_row_limit: int = 100_000
    quiet: bool = False


def load_examples(folder: Path = QUERIES_DIR) -> list[tuple[str, str]]:
    """The named queries (``*.rq``) as (name, text), sorted by name."""
    if not folder.is_dir():
        return []
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))]


class HttpError(Exception):
    """An error the client caused or can act on; becomes a text/plain response."""

    def __init__(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


class SparqlServer(ThreadingHTTPServer):
    """Holds the store, the limits and the query worker pool for the request handlers."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        store: ox.Store,
        config: ServeConfig,
        examples: list[tuple[str, str]],
    ) -> None:
        self.store = store
        self.config = config
        self.examples = examples
        self.executor = ThreadPoolExecutor(max_workers=config.workers, thread_name_prefix="kg-query")
        super().__init__(address, SparqlHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def server_close(self) -> None:
        super().server_close()
        self.executor.shutdown(wait=False, cancel_futures=True)


def make_server(
    store: ox.Store,
    host: str = "127.0.0.1",
    port: int = 0,
    config: ServeConfig | None = None,
    examples: list[tuple[str, str]] | None = None,
) -> SparqlServer:
    """A bound (not yet serving) server; port 0 picks a free port (see ``server.url``)."""
    return SparqlServer(
        (host, port), store, config or ServeConfig(), load_examples() if examples is None else examples
    )


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "policy-kg"
    protocol_version = "HTTP/1.1"

    # ------------------------------------------------------------------ plumbing

    def log_message(self, format: str, *args: object) -> None:
        if not self.server.config.quiet:
            super().log_message(format, *args)

    def _send(
        self, status: HTTPStatus, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "X-Result-Truncated, X-Result-Limit")
        self.send_header("Cache-Control", "no-store")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_error(self, err: HttpError) -> None:
        self._send(err.status, (err.message + "\n").encode("utf-8"), "text/plain; charset=utf-8", err.headers)

    def _send_html(self, status: HTTPStatus, text: str) -> None:
        self._send(status, text.encode("utf-8"), "text/html; charset=utf-8", {"Content-Security-Policy": CSP})

    def _handle(self, action: Callable[[], None]) -> None:
        try:
            action()
        except HttpError as err:
            self._send_error(err)
        except BrokenPipeError:
            pass

    # ------------------------------------------------------------------ routing

    def do_GET(self) -> None:
        self._handle(self._route_get)

    def do_HEAD(self) -> None:
        self._handle(self._route_get)

    def do_POST(self) -> None:
        self._handle(self._route_post)

    def _refuse_method(self) -> None:
        allow = {"Allow": "GET, HEAD, POST"}
        self._handle(lambda: self._raise(HttpError(HTTPStatus.METHOD_NOT_ALLOWED, READ_ONLY_MESSAGE, allow)))

    do_PUT = do_DELETE = do_PATCH = _refuse_method

    @staticmethod
    def _raise(err: HttpError) -> None:
        raise err

    def _route_get(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        path = url.path
        if path == "/sparql":
            if "update" in params:
                raise HttpError(HTTPStatus.FORBIDDEN, READ_ONLY_MESSAGE)
            self._sparql(params)
        elif path in ("/", "/index.html"):
            self._home()
        elif path.startswith("/agency/"):
            self._agency(urllib.parse.unquote(path[len("/agency/") :]))
        elif path.startswith("/doc/"):
            self._document(urllib.parse.unquote(path[len("/doc/") :]))
        else:
            self._send_html(HTTPStatus.NOT_FOUND, pages.not_found(f"no page at {path}"))

    def _route_post(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if path != "/sparql":
            raise HttpError(HTTPStatus.NOT_FOUND, f"POST is only accepted at /sparql, not {path}")
        length = int(self.headers.get("Content-Length") or 0)
        if length > self.server.config.max_body:
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request body too large")
        body = self.rfile.read(length) if length else b""
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        url_params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
        if content_type == "application/sparql-update" or "update" in url_params:
            raise HttpError(HTTPStatus.FORBIDDEN, READ_ONLY_MESSAGE)
        if content_type == "application/sparql-query":
            params = {k: v for k, v in url_params.items() if k != "query"}
            params["query"] = [body.decode("utf-8", errors="replace")]
        elif content_type == "application/x-www-form-urlencoded":
            params = urllib.parse.parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
            if "update" in params:
                raise HttpError(HTTPStatus.FORBIDDEN, READ_ONLY_MESSAGE)
            for key, value in url_params.items():
                params.setdefault(key, value)
        else:
            raise HttpError(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "POST a query as application/sparql-query or as form field query= "
                "(application/x-www-form-urlencoded)",
            )
        self._sparql(params)

    # ------------------------------------------------------------------ SPARQL

    def _sparql(self, params: dict[str, list[str]]) -> None:
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise HttpError(HTTPStatus.BAD_REQUEST, "pass exactly one non-empty 'query' parameter")
        text = queries[0]
        if is_update(text):
            raise HttpError(HTTPStatus.FORBIDDEN, READ_ONLY_MESSAGE)
        if uses_service(text):
            raise HttpError(HTTPStatus.FORBIDDEN, "federated SERVICE calls are disabled on this endpoint")
        graph_result = operation_keyword(text) in ("CONSTRUCT", "DESCRIBE")
        offered = GRAPH_TYPES if graph_result else SOLUTION_TYPES
        fmt = params.get("format", [""])[0].lower()
        if fmt:
            media = FORMAT_ALIASES.get(fmt, fmt)
            if media not in offered:
                raise HttpError(
                    HTTPStatus.NOT_ACCEPTABLE, f"format {fmt!r} not available; use {', '.join(offered)}"
                )
        else:
            media = choose_type(self.headers.get("Accept"), offered)
            if media is None:
                raise HttpError(
                    HTTPStatus.NOT_ACCEPTABLE,
                    f"cannot answer in the Accept'ed types; use one of {', '.join(offered)}",
                )
        outcome = self._run(text, params)
        if outcome.kind == "graph":
            if media not in GRAPH_TYPES:  # keyword sniffing missed it (unusual prologue)
                media = GRAPH_TYPES[0]
            body = graph_bytes(outcome, media)
        else:
            if media not in SOLUTION_TYPES:
                media = SOLUTION_TYPES[0]
            body = SOLUTION_WRITERS[media](outcome)
        content_type = media + ("; charset=utf-8" if media.startswith("text/") or "json" in media else "")
        headers = {"X-Result-Limit": str(self.server.config.row_limit)}
        if outcome.truncated:
            headers["X-Result-Truncated"] = "true"
        self._send(HTTPStatus.OK, body, content_type, headers)

    def _run(self, text: str, params: dict[str, list[str]]) -> QueryOutcome:
        store, config = self.server.store, self.server.config
        kwargs: dict[str, object] = {"prefixes": dict(PREFIXES)}
        try:
            if params.get("default-graph-uri"):
                kwargs["default_graph"] = [ox.NamedNode(u) for u in params["default-graph-uri"]]
            else:
                kwargs["use_default_graph_as_union"] = True
            if params.get("named-graph-uri"):
                kwargs["named_graphs"] = [ox.NamedNode(u) for u in params["named-graph-uri"]]
        except ValueError as exc:
            raise HttpError(HTTPStatus.BAD_REQUEST, f"bad graph IRI: {exc}") from exc
        try:
            return run_query(
                self.server.executor, lambda: store.query(text, **kwargs), config.timeout, config.row_limit
            )
        except QueryTimeout as exc:
            raise HttpError(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"{exc}; simplify the query or restart `kg serve` with a larger --timeout",
                {"Retry-After": "1"},
            ) from exc
        except SyntaxError as exc:
            raise HttpError(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise HttpError(HTTPStatus.INTERNAL_SERVER_ERROR, f"store error: {exc}") from exc

    # ------------------------------------------------------------------ pages

    def _select(self, query: str) -> list[dict[str, str]]:
        """Run a page's SELECT under the same time limit as the endpoint."""
        store, config = self.server.store, self.server.config
        text = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items())) + query
        try:
            outcome = run_query(
                self.server.executor,
                lambda: store.query(text, use_default_graph_as_union=True),
                config.timeout,
                config.page_row_limit,
            )
        except QueryTimeout as exc:
            raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE, str(exc)) from exc
        return [
            {v: t.value for v, t in zip(outcome.variables, row, strict=True) if t is not None}
            for row in outcome.rows
        ]

    def _home(self) -> None:
        documents = self._select(
            """SELECT ?doc (SAMPLE(?n) AS ?number) (SAMPLE(?t) AS ?title) WHERE {
                 ?doc a pkg:PolicyDocument . FILTER NOT EXISTS { ?doc a pkg:ExternalDocument }
                 OPTIONAL { ?doc pkg:docNumber ?n } OPTIONAL { ?doc dcterms:title ?t } }
               GROUP BY ?doc ORDER BY ?number ?title ?doc"""
        )
        config = self.server.config
        note = f"Results are cut at {config.row_limit} rows; queries stop after {config.timeout:g} s."
        self._send_html(HTTPStatus.OK, pages.home_page(self.server.examples, documents, note))

    def _checked_iri(self, base: str, local: str) -> str:
        if not local or any(c in local for c in '<>"{}|^`\\ /') or any(ord(c) < 0x21 for c in local):
            raise HttpError(HTTPStatus.NOT_FOUND, f"no such id: {local!r}")
        return base + local

    def _agency(self, local: str) -> None:
        self._entity_page(BASE + "agency/", local, pages.agency_page, "agency")

    def _document(self, local: str) -> None:
        self._entity_page(BASE + "doc/", local, pages.document_page, "document")

    def _entity_page(self, base: str, local: str, render, noun: str) -> None:
        """An agency or document page, or 404 when the graph has no such node."""
        iri = self._checked_iri(base, local)
        html = render(iri, self._select)
        if html is None:
            self._send_html(HTTPStatus.NOT_FOUND, pages.not_found(f"no {noun} {iri}"))
        else:
            self._send_html(HTTPStatus.OK, html)

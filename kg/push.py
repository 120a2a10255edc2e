"""Load the graph into any triple store that speaks the SPARQL 1.1 Graph Store Protocol.

Fuseki, Virtuoso, GraphDB, Oxigraph server, Blazegraph … all accept an HTTP PUT (replace) or
POST (add) of Turtle to ``<endpoint>?default`` or ``<endpoint>?graph=<iri>``, so one small
urllib client covers them without a vendor SDK.  Large graphs go in batches (the first request
replaces when asked, the rest add), which keeps each request under servers' upload limits.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import pyoxigraph as ox

from kg.export import store_triples
from kg.rdf.turtle import to_turtle

MEDIA_TYPES = {"ttl": "text/turtle; charset=utf-8", "nt": "application/n-triples"}


class PushError(Exception):
    """The server refused the upload or could not be reached; the message says which and why."""


@dataclass(frozen=True, slots=True)
class PushResult:
    triples: int
    requests: int
    url: str


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """``endpoint?default`` or ``endpoint?graph=<iri>`` (keeping any query string already there)."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"{endpoint}: not an http(s) URL")
    extra = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def _serialise(triples: list[ox.Triple], fmt: str) -> bytes:
    if fmt == "ttl":
        return to_turtle(triples).encode("utf-8")
    return "".join(f"{t} .\n" for t in triples).encode("utf-8")


def _opener(url: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    """An opener that answers Basic or Digest challenges (Virtuoso's GSP wants Digest)."""
    if not user:
        return urllib.request.build_opener()
    manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    manager.add_password(None, url, user, password or "")
    return urllib.request.build_opener(
        urllib.request.HTTPBasicAuthHandler(manager), urllib.request.HTTPDigestAuthHandler(manager)
    )


def push(
    store: ox.Store,
    endpoint: str,
    graph: str | None = None,
    replace: bool = False,
    fmt: str = "ttl",
    batch_size: int = 50_000,
    timeout: float = 300.0,
    user: str | None = None,
    password: str | None = None,
) -> PushResult:
    """Send every triple of ``store`` to the Graph Store Protocol ``endpoint``.

    ``graph`` None targets the server's default graph.  ``replace`` PUTs the first batch (the
    target graph then holds exactly this graph); otherwise every batch is POSTed (merged in).
    """
    if fmt not in MEDIA_TYPES:
        raise PushError(f"unknown format {fmt!r}; use ttl or nt")
    if batch_size < 1:
        raise PushError("batch size must be at least 1")
    url = graph_store_url(endpoint, graph)
    triples = store_triples(store)
    batches = [triples[i : i + batch_size] for i in range(0, len(triples), batch_size)] or [[]]
    opener = _opener(url, user, password)
    for n, batch in enumerate(batches):
        method = "PUT" if replace and n == 0 else "POST"
        request = urllib.request.Request(
            url, data=_serialise(batch, fmt), method=method, headers={"Content-Type": MEDIA_TYPES[fmt]}
        )
        try:
            with opener.open(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as err:
            detail = err.read(500).decode("utf-8", errors="replace").strip()
            raise PushError(f"{method} {url}: HTTP {err.code} {err.reason}: {detail}") from err
        except (urllib.error.URLError, OSError) as err:
            raise PushError(f"{method} {url}: cannot reach the server ({err})") from err
    return PushResult(triples=len(triples), requests=len(batches), url=url)

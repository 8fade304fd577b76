"""Push a graph to a SPARQL 1.1 Graph Store Protocol endpoint, one named graph at a time.

Each named graph is replaced with HTTP PUT, so reloading a changed article leaves no
stale triples in the store (Oxigraph, Fuseki, GraphDB, Virtuoso ...); the graphs of
kg's base that the build no longer has (a removed article, an entity merged into
another) are deleted, so that the store's kg graphs equal the build's. Graphs stream
from the build one at a time over one kept-alive connection.
"""

from __future__ import annotations

import base64
import http.client
import json
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph import KnowledgeGraph
from kg.resolve import DEFAULT_BASE
from kg.sparql import open_graph


class LoadError(KgError):
    """The endpoint refused a graph or could not be reached."""


@dataclass(frozen=True)
class LoadReport:
    """How many named graphs and triples were sent, and how many stale graphs deleted."""

    graphs: int
    triples: int
    removed: int = 0


class _Endpoint:
    """One kept-alive HTTP(S) connection to a server, reopened when the server closes it."""

    def __init__(self, url: str, *, timeout: float) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise LoadError(f"endpoint {url!r} is not an http(s) URL")
        self.url = url
        self.parts = parts
        self.timeout = timeout
        self.headers: dict[str, str] = {}
        if parts.username:
            token = f"{parts.username}:{parts.password or ''}".encode()
            self.headers["Authorization"] = "Basic " + base64.b64encode(token).decode()
        self._connection: http.client.HTTPConnection | None = None

    def request(
        self,
        method: str,
        target: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        """Send one request (``target`` is a path and query); the status and body."""
        for attempt in (1, 2):
            connection = self._connect()
            try:
                connection.request(
                    method, target, body=body, headers={**self.headers, **(headers or {})}
                )
                response = connection.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()  # the server closed a kept-alive connection: once more
                if attempt == 2:
                    raise LoadError(f"{self.url} closed the connection") from None
            except (OSError, http.client.HTTPException) as error:
                self.close()
                raise LoadError(f"cannot reach {self.url}: {error}") from error
        raise AssertionError("unreachable")

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            kind = (
                http.client.HTTPSConnection
                if self.parts.scheme == "https"
                else http.client.HTTPConnection
            )
            self._connection = kind(
                self.parts.hostname or "", self.parts.port, timeout=self.timeout
            )
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def path_with(self, parameter: str) -> str:
        """This endpoint's path and query, with one more query parameter."""
        query = f"{self.parts.query}&{parameter}" if self.parts.query else parameter
        return f"{self.parts.path or '/'}?{query}"


def query_endpoint_of(store_endpoint: str) -> str | None:
    """The SPARQL query endpoint beside a Graph Store endpoint, where the convention is known.

    >>> query_endpoint_of("http://127.0.0.1:7878/store")         # Oxigraph
    'http://127.0.0.1:7878/query'
    >>> query_endpoint_of("http://127.0.0.1:3030/news/data")     # Fuseki
    'http://127.0.0.1:3030/news/query'
    >>> query_endpoint_of("http://example.org/sparql-graph-crud") is None
    True
    """
    parts = urlsplit(store_endpoint)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last not in ("store", "data"):
        return None
    return parts._replace(path=f"{head}/query", query="").geturl()


def load(
    graph: KnowledgeGraph | str | Path,
    endpoint: str,
    *,
    timeout: float = 60.0,
    base: str = DEFAULT_BASE,
    prune: bool = True,
    query_endpoint: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> LoadReport:
    """PUT every named graph of ``graph`` to ``endpoint`` (``http://host:port/store``).

    Credentials may be given in the URL (``http://user:password@host/store``). Triples
    outside any named graph go to the endpoint's default graph. With ``prune``, the
    store's graphs under ``{base}graph/`` that ``graph`` does not have are deleted; the
    store is asked which it has at ``query_endpoint`` (by default the one beside the
    Graph Store endpoint, for Oxigraph and Fuseki). ``progress`` is told the number of
    graphs sent so far, every hundred.
    """
    store = _Endpoint(endpoint, timeout=timeout)
    sparql = None
    if prune:
        found = query_endpoint or query_endpoint_of(endpoint)
        if found is None:
            raise LoadError(
                f"cannot tell the SPARQL query endpoint of {endpoint}, which kg asks for "
                "the graphs to delete: give it (--query-endpoint URL), or load without "
                "deleting stale graphs (--no-prune)"
            )
        sparql = _Endpoint(found, timeout=timeout)
    try:
        before = _kg_graphs(sparql, base) if sparql is not None else set()
        sent = triples = 0
        seen: set[str] = set()
        for name, block in _graph_blocks(open_graph(graph)):
            # A graph that comes back after another (a file not written graph by graph)
            # is added to, not replaced.
            method = "POST" if name in seen else "PUT"
            seen.add(name)
            before.discard(name)
            body = ox.serialize(block, format=ox.RdfFormat.N_TRIPLES) or b""
            _send(store, method, name, body)
            sent += method == "PUT"
            triples += len(block)
            if progress is not None and sent % 100 == 0:
                progress(sent)
        for name in sorted(before):
            _send(store, "DELETE", name, None)
        return LoadReport(sent, triples, len(before))
    finally:
        store.close()
        if sparql is not None:
            sparql.close()


def _graph_blocks(graph: KnowledgeGraph) -> Iterator[tuple[str, list[ox.Triple]]]:
    """Consecutive quads of one graph, as (graph IRI or "" for the default graph, triples)."""
    for name, quads in groupby(graph.quads(), key=lambda quad: quad.graph_name):
        value = name.value if isinstance(name, ox.NamedNode) else ""
        yield value, [quad.triple for quad in quads]


def _send(store: _Endpoint, method: str, name: str, body: bytes | None) -> None:
    target = store.path_with(f"graph={quote(name, safe='')}" if name else "default")
    headers = {"Content-Type": "application/n-triples"} if body is not None else {}
    status, answer = store.request(method, target, body, headers)
    if status >= 300 and not (method == "DELETE" and status == 404):
        detail = answer.decode("utf-8", "replace")[:300]
        raise LoadError(
            f"{store.url} refused {method} of graph {name or 'default'}: HTTP {status} {detail}"
        )


def _kg_graphs(sparql: _Endpoint, base: str) -> set[str]:
    """The named graphs under ``{base}graph/`` that the store holds."""
    prefix = json.dumps(f"{base}graph/")
    text = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{}} FILTER(STRSTARTS(STR(?g), {prefix})) }}"
    status, answer = sparql.request(
        "POST",
        sparql.parts.path or "/",
        urllib.parse.urlencode({"query": text}).encode(),
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    if status >= 300:
        detail = answer.decode("utf-8", "replace")[:300]
        raise LoadError(f"{sparql.url} did not list the store's graphs: HTTP {status} {detail}")
    bindings = json.loads(answer)["results"]["bindings"]
    return {row["g"]["value"] for row in bindings}

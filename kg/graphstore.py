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
from typing import Any
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.atomic import atomic_write
from kg.delta import Delta, DeltaError, deltas
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


APPLIED = "applied.json"


@dataclass(frozen=True)
class DeltaLoadReport:
    """The deltas applied (their build numbers), and the graphs replaced and deleted."""

    applied: tuple[int, ...]
    graphs: int
    triples: int
    removed: int
    build: int | None = None


def apply_delta(
    path: str | Path,
    endpoint: str,
    *,
    timeout: float = 60.0,
    progress: Callable[[int], None] | None = None,
) -> DeltaLoadReport:
    """Apply the deltas at ``path`` (one delta folder, or a ``--delta`` folder of them) to
    ``endpoint``: each changed graph replaced (PUT), each removed graph deleted.

    The folder's ``applied.json`` remembers, per endpoint, the last build applied: the
    deltas after it are applied, each only if its base is that build (else DeltaError: a
    build wrote no delta, and the endpoint needs a full load). A graph the endpoint
    refuses does not stop the others; LoadError then lists them, and the delta is not
    marked applied (applying it again is harmless). ``progress`` is told the graphs sent
    so far, every hundred.
    """
    folder = Path(path)
    found = deltas(folder)
    state_path = (folder if not (folder / "delta.json").is_file() else folder.parent) / APPLIED
    key = _without_credentials(endpoint)
    state = _read_state(state_path)
    held = state.get(key)
    if held is not None:
        for delta in found:
            if delta.build == int(held["build"]) and delta.fingerprint != held["fingerprint"]:
                raise DeltaError(
                    f"{key} holds a build {delta.build} that is not {delta.folder} ({state_path}): "
                    "the delta it was given was written by a build killed before its commit "
                    "and replaced by the next build; load a full export into it, then remove "
                    f"its entry from {state_path}"
                )
    todo = [d for d in found if held is None or d.build > int(held["build"])]
    expected = str(held["fingerprint"]) if held is not None else None
    store = _Endpoint(endpoint, timeout=timeout)
    applied: list[int] = []
    graphs = triples = removed = 0
    try:
        for delta in todo:
            if expected is not None and (delta.base is None or delta.base.fingerprint != expected):
                base = f"build {delta.base.build}" if delta.base is not None else "an empty store"
                raise DeltaError(
                    f"{delta.folder}: applies to {base}, but {key} holds build "
                    f"{state[key]['build']} ({state_path}): a build in between wrote no "
                    f"delta; load a full export into it, then remove its entry from {state_path}"
                )
            sent, count, deleted = _apply_one(store, delta, progress, graphs)
            graphs += sent
            triples += count
            removed += deleted
            applied.append(delta.build)
            expected = delta.fingerprint
            state[key] = {"build": delta.build, "fingerprint": delta.fingerprint}
            atomic_write(state_path, json.dumps(state, indent=1, sort_keys=True) + "\n")
    finally:
        store.close()
    last = state.get(key, {}).get("build")
    return DeltaLoadReport(tuple(applied), graphs, triples, removed, int(last) if last else None)


def _apply_one(
    store: _Endpoint,
    delta: Delta,
    progress: Callable[[int], None] | None,
    before: int,
) -> tuple[int, int, int]:
    """PUT each changed graph of one delta, DELETE each removed one; LoadError at the end
    if any was refused."""
    failures: list[str] = []
    sent = triples = 0
    for name, lines in delta.changed():
        try:
            _send(store, "PUT", name, b"".join(lines))
        except LoadError as error:
            failures.append(str(error))
            continue
        sent += 1
        triples += len(lines)
        if progress is not None and (before + sent) % 100 == 0:
            progress(before + sent)
    deleted = 0
    for name in delta.removed():
        try:
            _send(store, "DELETE", name, None)
        except LoadError as error:
            failures.append(str(error))
            continue
        deleted += 1
    if failures:
        shown = "; ".join(failures[:5])
        more = f" (and {len(failures) - 5} more)" if len(failures) > 5 else ""
        raise LoadError(
            f"{delta.folder}: {len(failures)} graphs not applied, the other "
            f"{sent + deleted} were: {shown}{more}; apply the delta again once fixed"
        )
    return sent, triples, deleted


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return parts._replace(netloc=netloc).geturl()


def _read_state(path: Path) -> dict[str, dict[str, Any]]:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, json.JSONDecodeError) as error:
        raise DeltaError(f"{path}: not a record of applied deltas ({error})") from error
    if not isinstance(state, dict):
        raise DeltaError(f"{path}: not a record of applied deltas")
    return state


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

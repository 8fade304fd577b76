"""Push a graph to a SPARQL 1.1 Graph Store Protocol endpoint, one named graph at a time.

Each named graph is replaced with HTTP PUT, so reloading a changed article leaves
no stale triples in the store (Oxigraph, Fuseki, GraphDB, Virtuoso ...).
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph import KnowledgeGraph
from kg.sparql import open_graph


class LoadError(KgError):
    """The endpoint refused a graph or could not be reached."""


@dataclass(frozen=True)
class LoadReport:
    """How many named graphs and triples were sent."""

    graphs: int
    triples: int


def load(
    graph: KnowledgeGraph | str | Path,
    endpoint: str,
    *,
    timeout: float = 60.0,
    progress: Callable[[int, int], None] | None = None,
) -> LoadReport:
    """PUT every named graph of ``graph`` to ``endpoint`` (``http://host:port/store``).

    Credentials may be given in the URL (``http://user:password@host/store``).
    Triples outside any named graph go to the endpoint's default graph.
    """
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LoadError(f"endpoint {endpoint!r} is not an http(s) URL")
    headers = {"Content-Type": "application/n-triples"}
    if parts.username:
        token = f"{parts.username}:{parts.password or ''}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(token).decode()
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    base = parts._replace(netloc=netloc).geturl()
    by_graph: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in open_graph(graph).quads():
        name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
        by_graph[name].append(quad.triple)
    sent = 0
    for done, (name, triples) in enumerate(sorted(by_graph.items()), start=1):
        target = f"{base}{'&' if '?' in base else '?'}" + (
            f"graph={quote(name, safe='')}" if name else "default"
        )
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        request = urllib.request.Request(target, data=body, method="PUT", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")[:300]
            raise LoadError(
                f"{endpoint} refused graph {name or 'default'}: HTTP {error.code} {detail}"
            ) from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise LoadError(f"cannot reach {endpoint}: {error}") from error
        sent += len(triples)
        if progress is not None:
            progress(done, len(by_graph))
    return LoadReport(len(by_graph), sent)

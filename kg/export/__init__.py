"""Exporters write a KnowledgeGraph to files; one module per family of formats.

Built-ins register here through the same registry as third-party exporters
(entry point group ``kg.exporters``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kg.registry import Registry

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph


class Exporter(Protocol):
    """What the build needs of an exporter."""

    name: str
    filename: str
    media_type: str
    description: str

    def write(self, graph: KnowledgeGraph, path: Path) -> None:
        """Write the graph to ``path`` (a file, or a folder for multi-file formats), atomically."""
        ...


exporters: Registry[Exporter] = Registry("exporter", "kg.exporters")
exporters.register("turtle", "kg.export.rdf:TURTLE", aliases=("ttl", "text/turtle"))
exporters.register("ntriples", "kg.export.rdf:NTRIPLES", aliases=("nt", "application/n-triples"))
exporters.register("nquads", "kg.export.rdf:NQUADS", aliases=("nq", "application/n-quads"))
exporters.register("trig", "kg.export.rdf:TRIG", aliases=("application/trig",))
exporters.register("jsonld", "kg.export.jsonld:JSONLD", aliases=("json-ld", "application/ld+json"))
exporters.register("graphml", "kg.export.graphml:GRAPHML", aliases=("application/graphml+xml",))
exporters.register("neo4j", "kg.export.neo4j:NEO4J", aliases=("cypher", "csv"))
exporters.register("html", "kg.export.html:HTML", aliases=("pyvis", "text/html"))

DEFAULT_FORMATS = ("turtle", "html")


def export_to(
    graph: KnowledgeGraph | str | Path, output: str | Path, *, formats: Sequence[str]
) -> dict[str, str]:
    """Write a graph (or an exported file, or a build folder) in each format into ``output``."""
    from kg.sparql import open_graph

    chosen = [exporters.get(name) for name in formats]
    loaded = open_graph(graph)
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for exporter in chosen:
        target = folder / exporter.filename
        exporter.write(loaded, target)
        written[exporter.name] = str(target)
    return written

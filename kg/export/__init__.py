"""Exporters write a KnowledgeGraph to files; one module per family of formats.

Built-ins register here through the same registry as third-party exporters
(entry point group ``kg.exporters``).
"""

from __future__ import annotations

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
exporters.register("html", "kg.export.html:HTML", aliases=("pyvis", "text/html"))

DEFAULT_FORMATS = ("turtle", "html")

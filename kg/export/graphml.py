"""GraphML of the property-graph view: opens in Gephi, yEd, Cytoscape and networkx.

Written as the view streams, in bounded memory: nodes and edges go to a
temporary file while the attribute types are learned, then the ``<key>``
declarations (which GraphML puts first) and that body make the document.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from kg.atomic import atomic_open
from kg.export.property_graph import Node, Value, nodes

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

_HEADER = """<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
"""
# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _attribute(values: list[Value]) -> Value:
    # GraphML attributes hold one value: lists of text are joined.
    if len(values) == 1:
        return values[0]
    return " | ".join(str(value) for value in values)


def _attributes(node: Node) -> dict[str, Value]:
    return {
        "labels": ":".join(node.labels),
        **{name: _attribute(values) for name, values in node.properties.items()},
    }


def _type_of(value: Value) -> str:
    if isinstance(value, bool):
        return "boolean"
    return {int: "long", float: "double"}.get(type(value), "string")


def _merged(known: str | None, found: str) -> str:
    """The attribute type that holds values of both types."""
    if known is None or known == found:
        return found
    return "double" if {known, found} == {"long", "double"} else "string"


def _text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return escape(_NOT_XML.sub("", str(value)))


def _quoted(text: str) -> str:
    return quoteattr(_NOT_XML.sub("", text))


def write_graphml(graph: KnowledgeGraph, path: Path) -> None:
    """Write the GraphML document of ``graph``'s property-graph view to ``path``, atomically."""
    types: dict[str, str] = {}
    keys: dict[str, str] = {}
    path.parent.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryFile(dir=path.parent, prefix=f".{path.name}.nodes.") as body,
        tempfile.TemporaryFile(dir=path.parent, prefix=f".{path.name}.edges.") as edges,
    ):
        for node in nodes(graph):
            parts = [f"    <node id={_quoted(node.iri)}>\n"]
            for name, value in _attributes(node).items():
                types[name] = _merged(types.get(name), _type_of(value))
                key = keys.setdefault(name, f"d{len(keys)}")
                parts.append(f'      <data key="{key}">{_text(value)}</data>\n')
            parts.append("    </node>\n")
            body.write("".join(parts).encode("utf-8"))
            source = _quoted(node.iri)
            edges.write(
                "".join(
                    f"    <edge source={source} target={_quoted(end)}>\n"
                    f'      <data key="e0">{_text(kind)}</data>\n'
                    "    </edge>\n"
                    for kind, end in node.relationships
                ).encode("utf-8")
            )
        edges.seek(0)
        shutil.copyfileobj(edges, body)
        body.seek(0)
        with atomic_open(path) as stream:
            _write_document(stream, body, keys, types)


def _write_document(
    stream: IO[bytes], body: IO[bytes], keys: dict[str, str], types: dict[str, str]
) -> None:
    declarations = [
        f'  <key id={quoteattr(key)} for="node" attr.name={_quoted(name)} '
        f'attr.type="{types[name]}" />\n'
        for name, key in keys.items()
    ]
    declarations.append('  <key id="e0" for="edge" attr.name="type" attr.type="string" />\n')
    stream.write((_HEADER + "".join(declarations) + '  <graph edgedefault="directed">\n').encode())
    shutil.copyfileobj(body, stream)
    stream.write(b"  </graph>\n</graphml>\n")


def to_networkx(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """The property-graph view as a networkx MultiDiGraph (nodes keyed by IRI), for
    analysis in Python of graphs that fit in memory; edges are keyed by type."""
    network = nx.MultiDiGraph()
    for node in nodes(graph):
        network.add_node(node.iri, **_attributes(node))
        for kind, end in node.relationships:
            network.add_edge(node.iri, end, key=kind, type=kind)
    return network


class GraphMLExporter:
    """GraphML of the property-graph view."""

    name = "graphml"
    filename = "graph.graphml"
    media_type = "application/graphml+xml"
    description = "GraphML property graph (Gephi, yEd, Cytoscape, networkx)"

    def write(self, graph: KnowledgeGraph, path: Path) -> None:
        """Write the GraphML document atomically."""
        write_graphml(graph, path)


GRAPHML = GraphMLExporter()

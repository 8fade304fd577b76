"""GraphML (networkx): opens in Gephi, yEd and Cytoscape."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from kg.atomic import atomic_write
from kg.export.property_graph import Value, property_graph

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph


def _attribute(values: list[Value]) -> Value:
    # GraphML attributes hold one value: lists of text are joined.
    if len(values) == 1:
        return values[0]
    return " | ".join(str(value) for value in values)


def to_networkx(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """The property-graph view as a networkx MultiDiGraph (nodes keyed by IRI)."""
    view = property_graph(graph)
    network = nx.MultiDiGraph()
    for iri, node in view.nodes.items():
        attributes = {name: _attribute(values) for name, values in sorted(node.properties.items())}
        network.add_node(iri, labels=":".join(node.labels), **attributes)
    for start, kind, end in view.relationships:
        network.add_edge(start, end, key=kind, type=kind)
    return network


class GraphMLExporter:
    """GraphML of the property-graph view."""

    name = "graphml"
    filename = "graph.graphml"
    media_type = "application/graphml+xml"
    description = "GraphML property graph (networkx; Gephi, yEd, Cytoscape)"

    def write(self, graph: KnowledgeGraph, path: Path) -> None:
        """Write the GraphML document atomically."""
        atomic_write(path, "\n".join(nx.generate_graphml(to_networkx(graph))) + "\n")


GRAPHML = GraphMLExporter()

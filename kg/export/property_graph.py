"""The RDF graph seen as a property graph: labelled nodes with properties, typed relationships.

The mapping (docs/query.md) is shared by the GraphML and Neo4j exports:

- every IRI with an ``rdf:type`` is a node, except the provenance records
  (kg:Evidence, kg:Extraction), which property graphs do not need; its labels are
  the local names of its types (``NewsArticle``, ``Person``, ``Official`` ...);
- a literal, or an IRI that is not a node (a web page, a GeoNames IRI), is a
  property named after the predicate's local name (``headline``, ``url``, ``sameAs``);
- an IRI-to-node statement is a relationship whose type is the predicate's local
  name in upper snake case (``schema:mentions`` -> ``MENTIONS``); ``kg:holder``
  is left out, being the inverse of ``HOLDS_POSITION``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.namespaces import KG, RDF, XSD

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

Value = str | int | float | bool

_LEFT_OUT_TYPES = {str(KG.Evidence), str(KG.Extraction)}
_LEFT_OUT_PREDICATES = {str(KG.holder)}
_INTEGERS = {str(XSD.integer), str(XSD.int), str(XSD.long)}
_FLOATS = {str(XSD.double), str(XSD.float), str(XSD.decimal)}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass
class Node:
    """A node: its IRI, labels and properties (each a sorted list of values)."""

    iri: str
    labels: list[str] = field(default_factory=list)
    properties: dict[str, list[Value]] = field(default_factory=dict)


@dataclass
class PropertyGraph:
    """Nodes by IRI and relationships (start IRI, type, end IRI), both in a stable order."""

    nodes: dict[str, Node]
    relationships: list[tuple[str, str, str]]


def local_name(iri: str) -> str:
    """The last segment of an IRI.

    >>> local_name("https://schema.org/datePublished")
    'datePublished'
    """
    return re.split(r"[/#]", iri.rstrip("/#"))[-1]


def relationship_type(iri: str) -> str:
    """A predicate's relationship type: ``holdsPosition`` -> ``HOLDS_POSITION``."""
    return _CAMEL.sub("_", local_name(iri)).upper()


def literal_value(literal: ox.Literal) -> Value:
    """A literal as a property value: numbers and booleans typed, everything else text."""
    datatype = literal.datatype.value
    try:
        if datatype in _INTEGERS:
            return int(literal.value)
        if datatype in _FLOATS:
            return float(literal.value)
    except ValueError:
        return literal.value
    if datatype == str(XSD.boolean):
        return literal.value == "true"
    return literal.value


def property_graph(graph: KnowledgeGraph) -> PropertyGraph:
    """The property-graph view of ``graph`` (all named graphs merged)."""
    triples = list(graph.triples())
    type_iri = str(RDF.type)
    types: dict[str, set[str]] = defaultdict(set)
    for triple in triples:
        if triple.predicate.value == type_iri and isinstance(triple.subject, ox.NamedNode):
            types[triple.subject.value].add(triple.object.value)  # type: ignore[union-attr]
    nodes = {
        iri: Node(iri, sorted({local_name(t) for t in kinds}))
        for iri, kinds in sorted(types.items())
        if not kinds & _LEFT_OUT_TYPES
    }
    relationships: set[tuple[str, str, str]] = set()
    for triple in triples:
        subject, predicate, obj = triple.subject, triple.predicate.value, triple.object
        if not isinstance(subject, ox.NamedNode):
            continue
        node = nodes.get(subject.value)
        if node is None or predicate == type_iri or predicate in _LEFT_OUT_PREDICATES:
            continue
        if isinstance(obj, ox.NamedNode) and obj.value in nodes:
            relationships.add((subject.value, relationship_type(predicate), obj.value))
        elif isinstance(obj, ox.NamedNode | ox.Literal):
            value = literal_value(obj) if isinstance(obj, ox.Literal) else obj.value
            node.properties.setdefault(local_name(predicate), []).append(value)
    for node in nodes.values():
        for values in node.properties.values():
            values.sort(key=lambda v: (type(v).__name__, v))
    return PropertyGraph(nodes, sorted(relationships))

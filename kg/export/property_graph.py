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

The view streams: ``nodes`` reads the union graph's lines twice, first to learn
which IRIs are nodes (kept as 16-byte digests in a sorted array: 16 bytes a node),
then to give each node with its properties and relationships. It relies on the
dataset's promise that a subject's statements are consecutive lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby

import pyoxigraph as ox

from kg.digests import DigestIndex, digest, packed, subject_of
from kg.graph import KnowledgeGraph
from kg.namespaces import KG, RDF, XSD

Value = str | int | float | bool

_LEFT_OUT_TYPES = {f"<{KG.Evidence}>".encode(), f"<{KG.Extraction}>".encode()}
_LEFT_OUT_PREDICATES = {str(KG.holder)}
_TYPE_PREDICATE = f"<{RDF.type}>".encode()
_TYPE_STATEMENT = b" " + _TYPE_PREDICATE + b" "
_INTEGERS = {str(XSD.integer), str(XSD.int), str(XSD.long)}
_FLOATS = {str(XSD.double), str(XSD.float), str(XSD.decimal)}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_BATCH_LINES = 50_000


@dataclass
class Node:
    """A node: its IRI, labels, properties (each a sorted list of values) and
    outgoing relationships (type, end IRI), sorted and distinct."""

    iri: str
    labels: list[str] = field(default_factory=list)
    properties: dict[str, list[Value]] = field(default_factory=dict)
    relationships: list[tuple[str, str]] = field(default_factory=list)


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


class NodeIndex:
    """Which IRIs are nodes: a set of digests (kg.digests)."""

    def __init__(self, digests: Iterable[bytes]) -> None:
        self._index = DigestIndex(digests)

    @classmethod
    def of_lines(cls, lines: Iterable[bytes]) -> NodeIndex:
        """The nodes of N-Triples lines whose subjects' statements are consecutive."""
        return cls(cls._typed_subjects(lines))

    @staticmethod
    def _typed_subjects(lines: Iterable[bytes]) -> Iterator[bytes]:
        for subject, group in groupby(
            (line for line in lines if _TYPE_STATEMENT in line and line.startswith(b"<")),
            key=subject_of,
        ):
            types = set()
            for line in group:
                _, predicate, obj = line.split(b" ", 2)
                if predicate == _TYPE_PREDICATE:
                    types.add(obj[: obj.rindex(b" .")])
            if types and not types & _LEFT_OUT_TYPES:
                yield digest(subject[1:-1])

    def __len__(self) -> int:
        return len(self._index)

    def contains(self, iris: list[str]) -> list[bool]:
        """Whether each IRI is a node, looked up all at once."""
        found = self._index.ordinals(packed([digest(iri.encode()) for iri in iris]))
        return [bool(ordinal >= 0) for ordinal in found]


def nodes(graph: KnowledgeGraph) -> Iterator[Node]:
    """The property-graph view of ``graph`` (all named graphs merged), node by node.

    Nodes come in the order of the union graph's sorted lines (``triple_lines``),
    so the same graph always gives the same sequence.
    """
    index = NodeIndex.of_lines(graph.triple_lines())
    batch: list[list[bytes]] = []
    size = 0
    for subject, group in groupby(graph.triple_lines(), key=subject_of):
        if not subject.startswith(b"<"):
            continue  # blank nodes are not nodes
        batch.append(list(group))
        size += len(batch[-1])
        if size >= _BATCH_LINES:
            yield from _batch_nodes(batch, index)
            batch, size = [], 0
    yield from _batch_nodes(batch, index)


def _batch_nodes(groups: list[list[bytes]], index: NodeIndex) -> Iterator[Node]:
    """The nodes among some subjects' statements (two index lookups for the lot)."""
    subjects = [subject_of(group[0])[1:-1].decode("utf-8") for group in groups]
    kept = [group for group, node in zip(groups, index.contains(subjects), strict=True) if node]
    triples = list(KnowledgeGraph.parse_triples(line for group in kept for line in group))
    iri_objects = [t.object.value for t in triples if isinstance(t.object, ox.NamedNode)]
    is_node = dict(zip(iri_objects, index.contains(iri_objects), strict=True))
    start = 0
    for group in kept:
        yield _node(triples[start : start + len(group)], is_node)
        start += len(group)


def _node(triples: list[ox.Triple], is_node: dict[str, bool]) -> Node:
    """One node of its statements (all with the same subject)."""
    type_iri = str(RDF.type)
    subject = triples[0].subject
    assert isinstance(subject, ox.NamedNode), "blank-node subjects are not nodes"
    node = Node(subject.value)
    labels: set[str] = set()
    relationships: set[tuple[str, str]] = set()
    for triple in triples:
        predicate, obj = triple.predicate.value, triple.object
        if predicate == type_iri:
            if isinstance(obj, ox.NamedNode | ox.Literal):
                labels.add(local_name(obj.value))
        elif predicate in _LEFT_OUT_PREDICATES:
            continue
        elif isinstance(obj, ox.NamedNode) and is_node[obj.value]:
            relationships.add((relationship_type(predicate), obj.value))
        elif isinstance(obj, ox.NamedNode | ox.Literal):
            value = literal_value(obj) if isinstance(obj, ox.Literal) else obj.value
            node.properties.setdefault(local_name(predicate), []).append(value)
    node.labels = sorted(labels)
    node.properties = dict(sorted(node.properties.items()))
    for values in node.properties.values():
        values.sort(key=lambda v: (type(v).__name__, v))
    node.relationships = sorted(relationships)
    return node

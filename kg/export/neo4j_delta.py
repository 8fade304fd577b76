"""The Neo4j side of a delta: a Cypher script that makes a database loaded with one build's
``load.cypher`` (and the deltas since) hold what a fresh load of the next build gives.

The property-graph view (``kg.export.property_graph``) of a node is made of its own
statements, so the nodes to redo are known from the graphs that changed (``kg.delta``):

- *touched* nodes, those whose graphs changed or were removed, are deleted with their
  relationships (``DETACH DELETE``) and, if the build still has them, created again
  with their labels, properties and outgoing relationships;
- *referrers*, the nodes with a statement whose object is a touched node, lose their
  outgoing relationships with it: theirs are deleted and created again, and their
  properties set again (an IRI that became a node turns a property into a relationship);
- a label set whose property columns changed type (one node with two names makes the
  column a list for every node of the set, as in the CSV export) has every node's
  properties set again. The columns of the last build that wrote a delta are kept in the
  store (``neo4j-columns.json``); without them every node's properties are set again.

Values are written as the CSV export and ``load.cypher`` give them (``kg.export.neo4j``):
an empty value is no property, a list column a list. The statements stick to what
Neo4j 5 and FalkorDB both run, one a line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kg.atomic import atomic_write
from kg.delta import BuildState
from kg.export.neo4j import BASE_LABEL, Columns, cell
from kg.export.property_graph import Node, nodes

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

COLUMNS = "neo4j-columns.json"
SCRIPT = "neo4j.cypher"
_CHUNK = 200

Literal = str | int | float | bool | list["Literal"]  # a Cypher literal's value


def write_cypher(
    graph: KnowledgeGraph, touched: set[str], folder: Path, store: Path, base: BuildState | None
) -> None:
    """Write ``folder/neo4j.cypher`` for the nodes whose graphs changed (``touched``), and
    keep this build's property columns in ``store``."""
    referrers = _referrers(graph.triple_lines(), touched)
    columns: dict[tuple[str, ...], Columns] = {}
    kept: dict[str, Node] = {}
    for node in nodes(graph):
        labels = tuple(node.labels)
        columns.setdefault(labels, Columns()).observe(node)
        if node.iri in touched or node.iri in referrers:
            kept[node.iri] = node
    types = {labels: found.types() for labels, found in columns.items()}
    number = base.build + 1 if base is not None else 1
    retyped = _retyped(store / COLUMNS, types, base)
    reset: list[Node] = []
    if retyped:
        reset = [
            node
            for node in nodes(graph)
            if tuple(node.labels) in retyped
            and node.iri not in touched
            and node.iri not in referrers
        ]
    lines = [
        f"// kg delta {number} for Neo4j 5 and FalkorDB: run it, a statement a line, on a",
        f"// database that holds build {base.build if base else 0} (its load.cypher, or the "
        "deltas up to it). See docs/scale.md.",
    ]
    ordered = sorted(touched)
    for start in range(0, len(ordered), _CHUNK):
        chunk = _literal(ordered[start : start + _CHUNK])  # type: ignore[arg-type]
        lines.append(f"MATCH (n:{BASE_LABEL}) WHERE n.iri IN {chunk} DETACH DELETE n;")
    for iri in ordered:
        if iri in kept:
            node = kept[iri]
            label_path = ":".join((BASE_LABEL, *node.labels))
            lines.append(f"CREATE (n:{label_path} {_properties(node, types)});")
    for node in sorted(
        (*(kept[iri] for iri in sorted(referrers) if iri in kept), *reset), key=lambda n: n.iri
    ):
        match = f"MATCH (n:{BASE_LABEL} {{iri: {_literal(node.iri)}}})"
        lines.append(f"{match} SET n = {_properties(node, types)};")
        if node.iri in referrers:
            lines.append(f"{match}-[r]->() DELETE r;")
    for iri in sorted(iri for iri in kept if iri in touched or iri in referrers):
        start_node = f"MATCH (a:{BASE_LABEL} {{iri: {_literal(iri)}}})"
        for kind, end in kept[iri].relationships:
            lines.append(
                f"{start_node} MATCH (b:{BASE_LABEL} {{iri: {_literal(end)}}}) "
                f"MERGE (a)-[:{kind}]->(b);"
            )
    atomic_write(folder / SCRIPT, "\n".join(lines) + "\n")
    document = {
        "build": number,
        "columns": {";".join(labels): found for labels, found in sorted(types.items())},
    }
    atomic_write(store / COLUMNS, json.dumps(document, indent=1) + "\n")


def _referrers(lines: Iterable[bytes], touched: set[str]) -> set[str]:
    """The subjects, not touched, of statements whose object is a touched IRI."""
    found: set[str] = set()
    for line in lines:
        if not line.startswith(b"<"):
            continue
        subject, _, rest = line.partition(b" ")
        obj = rest.partition(b" ")[2]
        if obj.startswith(b"<"):
            iri = obj[1 : obj.index(b">")].decode("utf-8")
            if iri in touched:
                found.add(subject[1:-1].decode("utf-8"))
    return found - touched


def _retyped(
    path: Path, types: dict[tuple[str, ...], dict[str, str]], base: BuildState | None
) -> set[tuple[str, ...]]:
    """The label sets whose columns differ from those the base build's delta kept (all of
    them when the base build kept none)."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        document = {}
    if base is None or document.get("build") != base.build:
        return set(types)
    before = document.get("columns", {})
    return {labels for labels, found in types.items() if before.get(";".join(labels)) != found}


def _properties(node: Node, types: dict[tuple[str, ...], dict[str, str]]) -> str:
    """A node's properties as a Cypher map, typed as the CSV export's columns load them."""
    entries = [f"iri: {_literal(node.iri)}"]
    for name, kind in types[tuple(node.labels)].items():
        value = _expression(cell(node.properties.get(name), kind), kind)
        if value is not None:
            entries.append(f"`{name}`: {value}")
    return "{" + ", ".join(entries) + "}"


def _expression(text: str, kind: str) -> str | None:
    """What ``load.cypher`` makes of a CSV cell, as an expression: nothing when empty,
    else the text converted by the same function (a database's own ``toFloat`` may not
    give the float Python reads).

    >>> _expression("1.5|2", "float[]")
    "[toFloat('1.5'), toFloat('2')]"
    >>> _expression("", "string") is None
    True
    """
    if text == "":
        return None
    converter = {"int": "toInteger", "float": "toFloat", "boolean": "toBoolean"}.get(
        kind.removesuffix("[]")
    )
    items = text.split("|") if kind.endswith("[]") else [text]
    values = [f"{converter}({_literal(item)})" if converter else _literal(item) for item in items]
    return "[" + ", ".join(values) + "]" if kind.endswith("[]") else values[0]


def _literal(value: Literal) -> str:
    """A Cypher literal on one line.

    >>> _literal(["it's", 2, 1.5, True, "a\\nb"])
    "['it\\\\'s', 2, 1.5, true, 'a\\\\nb']"
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_literal(item) for item in value) + "]"
    escaped = (
        value.replace("\\", "\\\\")
        .replace("'", "\\'")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f"'{escaped}'"

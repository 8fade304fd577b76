"""Neo4j: node and relationship CSV for ``neo4j-admin database import``, and a LOAD CSV script.

One nodes file per label set and one relationships file per type, so both the
bulk importer and plain Cypher (which cannot take labels from data) can load them.
The Cypher script sticks to what Neo4j and FalkorDB both run.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from kg.export.property_graph import Node, PropertyGraph, Value, property_graph

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

ARRAY_DELIMITER = "|"
BASE_LABEL = "Resource"


def _column_types(nodes: list[Node]) -> dict[str, str]:
    """Property -> neo4j-admin type (int, float, boolean, string), ``[]`` when multi-valued."""
    kinds: dict[str, set[str]] = defaultdict(set)
    multi: set[str] = set()
    for node in nodes:
        for name, values in node.properties.items():
            kinds[name].update(type(value).__name__ for value in values)
            if len(values) > 1:
                multi.add(name)
    columns = {}
    for name in sorted(kinds):
        found = kinds[name]
        kind = {"int": "int", "float": "float", "bool": "boolean"}.get(next(iter(found)), "string")
        if len(found) > 1:
            kind = "float" if found <= {"int", "float"} else "string"
        columns[name] = kind + ("[]" if name in multi else "")
    return columns


def _cell(values: list[Value] | None, kind: str) -> str:
    if not values:
        return ""
    texts = [("true" if v else "false") if isinstance(v, bool) else str(v) for v in values]
    if kind.endswith("[]"):
        return ARRAY_DELIMITER.join(t.replace(ARRAY_DELIMITER, "/") for t in texts)
    return texts[0]


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _cypher_value(column: str, kind: str) -> str:
    field = f"row.`{column}`"
    converter = {"int": "toInteger", "float": "toFloat", "boolean": "toBoolean"}.get(
        kind.removesuffix("[]")
    )
    if kind.endswith("[]"):
        items = f"split({field}, '{ARRAY_DELIMITER}')"
        return f"[item IN {items} | {converter}(item)]" if converter else items
    return f"{converter}({field})" if converter else field


def write_neo4j(view: PropertyGraph, folder: Path) -> None:
    """Write nodes-*.csv, relationships-*.csv, load.cypher and import.sh into ``folder``."""
    by_labels: dict[tuple[str, ...], list[Node]] = defaultdict(list)
    for node in view.nodes.values():
        by_labels[tuple(node.labels)].append(node)
    cypher = [
        "// Load kg's CSV export with LOAD CSV (Neo4j 5, FalkorDB). Put the CSV files in the",
        "// database's import folder first; see docs/query.md.",
        f"CREATE INDEX FOR (n:{BASE_LABEL}) ON (n.iri);",
    ]
    nodes_files: list[str] = []
    for labels, nodes in sorted(by_labels.items()):
        name = f"nodes-{'-'.join(labels)}.csv"
        nodes_files.append(f"--nodes={name}")
        columns = _column_types(nodes)
        header = [
            "iri:ID",
            *(f"{c}:{k}" if k != "string" else c for c, k in columns.items()),
            ":LABEL",
        ]
        label_cell = ";".join((BASE_LABEL, *labels))
        rows = [header] + [
            [node.iri, *(_cell(node.properties.get(c), k) for c, k in columns.items()), label_cell]
            for node in nodes
        ]
        (folder / name).write_text(_csv(rows), encoding="utf-8")
        sets = [
            f"n.{c} = {_cypher_value(h, k)}"
            for (c, k), h in zip(columns.items(), header[1:], strict=False)
        ]
        cypher.append(
            f"LOAD CSV WITH HEADERS FROM 'file:///{name}' AS row "
            f"MERGE (n:{BASE_LABEL} {{iri: row.`iri:ID`}}) SET n:{':'.join(labels)}"
            + "".join(f", {assignment}" for assignment in sets)
            + ";"
        )
    by_type: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for start, kind, end in view.relationships:
        by_type[kind].append((start, end))
    relationship_files: list[str] = []
    for kind, pairs in sorted(by_type.items()):
        name = f"relationships-{kind}.csv"
        relationship_files.append(f"--relationships={kind}={name}")
        rows = [[":START_ID", ":END_ID"], *([s, e] for s, e in pairs)]
        (folder / name).write_text(_csv(rows), encoding="utf-8")
        cypher.append(
            f"LOAD CSV WITH HEADERS FROM 'file:///{name}' AS row "
            f"MATCH (a:{BASE_LABEL} {{iri: row.`:START_ID`}}) "
            f"MATCH (b:{BASE_LABEL} {{iri: row.`:END_ID`}}) "
            f"MERGE (a)-[:{kind}]->(b);"
        )
    (folder / "load.cypher").write_text("\n".join(cypher) + "\n", encoding="utf-8")
    command = [
        "#!/bin/sh",
        "# Bulk import into a new, stopped Neo4j database (run from this folder).",
        'exec neo4j-admin database import full "${1:-neo4j}" --overwrite-destination=true \\',
        f"    --array-delimiter='{ARRAY_DELIMITER}' --multiline-fields=true \\",
        *(f"    {option} \\" for option in nodes_files + relationship_files),
    ]
    command[-1] = command[-1].removesuffix(" \\")
    script = folder / "import.sh"
    script.write_text("\n".join(command) + "\n", encoding="utf-8")
    script.chmod(0o755)


class Neo4jExporter:
    """A folder of CSV files and scripts for Neo4j (and other LOAD CSV databases)."""

    name = "neo4j"
    filename = "neo4j"
    media_type = "text/csv"
    description = "Neo4j CSV (neo4j-admin import) + load.cypher (LOAD CSV)"

    def write(self, graph: KnowledgeGraph, path: Path) -> None:
        """Write the folder beside ``path``, then swap it in, so a failure leaves the old one."""
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
        try:
            write_neo4j(property_graph(graph), staging)
            staging.chmod(0o755)
            if path.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{path.name}.old.", dir=path.parent))
                path.rename(old / path.name)
                staging.rename(path)
                shutil.rmtree(old)
            else:
                staging.rename(path)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise


NEO4J = Neo4jExporter()

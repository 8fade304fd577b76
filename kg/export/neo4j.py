"""Neo4j: node and relationship CSV for ``neo4j-admin database import``, and a LOAD CSV script.

One nodes file per label set and one relationships file per type, so both the
bulk importer and plain Cypher (which cannot take labels from data) can load them.
The Cypher script sticks to what Neo4j and FalkorDB both run.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from kg.export.property_graph import Node, Value, nodes

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

ARRAY_DELIMITER = "|"
BASE_LABEL = "Resource"


class Columns:
    """The columns of one label set's nodes file, learned node by node."""

    def __init__(self) -> None:
        self.kinds: dict[str, set[str]] = defaultdict(set)
        self.multi: set[str] = set()

    def observe(self, node: Node) -> None:
        """Learn the types of a node's properties, and which hold several values."""
        for name, values in node.properties.items():
            self.kinds[name].update(type(value).__name__ for value in values)
            if len(values) > 1:
                self.multi.add(name)

    def types(self) -> dict[str, str]:
        """Property -> neo4j-admin type (int, float, boolean, string), ``[]`` when multi-valued."""
        columns = {}
        for name in sorted(self.kinds):
            found = self.kinds[name]
            kind = {"int": "int", "float": "float", "bool": "boolean"}.get(
                next(iter(found)), "string"
            )
            if len(found) > 1:
                kind = "float" if found <= {"int", "float"} else "string"
            columns[name] = kind + ("[]" if name in self.multi else "")
        return columns


def cell(values: list[Value] | None, kind: str) -> str:
    """A property's values as one CSV cell of its column ``kind`` (arrays joined by ``|``)."""
    if not values:
        return ""
    texts = [("true" if v else "false") if isinstance(v, bool) else str(v) for v in values]
    if kind.endswith("[]"):
        return ARRAY_DELIMITER.join(t.replace(ARRAY_DELIMITER, "/") for t in texts)
    return texts[0]


def _cypher_value(column: str, kind: str) -> str:
    field = f"row.`{column}`"
    converter = {"int": "toInteger", "float": "toFloat", "boolean": "toBoolean"}.get(
        kind.removesuffix("[]")
    )
    if kind.endswith("[]"):
        items = f"split({field}, '{ARRAY_DELIMITER}')"
        return f"[item IN {items} | {converter}(item)]" if converter else items
    return f"{converter}({field})" if converter else field


def write_neo4j(view: Iterable[Node], folder: Path) -> None:
    """Write nodes-*.csv, relationships-*.csv, load.cypher and import.sh into ``folder``.

    Relationship rows are written as the nodes stream by; each label set's nodes wait
    in a JSON lines file until its columns are known.
    """
    columns: dict[tuple[str, ...], Columns] = {}
    with ExitStack() as files:
        pending: dict[tuple[str, ...], IO[str]] = {}
        relationships: dict[str, Any] = {}
        for node in view:
            labels = tuple(node.labels)
            if labels not in pending:
                pending[labels] = files.enter_context(
                    (folder / f".pending-{len(pending)}.jsonl").open("w+", encoding="utf-8")
                )
                columns[labels] = Columns()
            columns[labels].observe(node)
            pending[labels].write(json.dumps([node.iri, node.properties]) + "\n")
            for kind, end in node.relationships:
                rows = relationships.get(kind)
                if rows is None:
                    stream = files.enter_context(
                        (folder / f"relationships-{kind}.csv").open("w", encoding="utf-8")
                    )
                    rows = relationships[kind] = csv.writer(stream, lineterminator="\n")
                    rows.writerow([":START_ID", ":END_ID"])
                rows.writerow([node.iri, end])
        cypher = [
            "// Load kg's CSV export with LOAD CSV (Neo4j 5, FalkorDB). Put the CSV files in the",
            "// database's import folder first; see docs/query.md.",
            f"CREATE INDEX FOR (n:{BASE_LABEL}) ON (n.iri);",
        ]
        nodes_files = []
        for labels in sorted(pending):
            name = f"nodes-{'-'.join(labels)}.csv"
            nodes_files.append(f"--nodes={name}")
            cypher.append(_write_nodes(folder / name, labels, columns[labels], pending[labels]))
    for stale in folder.glob(".pending-*.jsonl"):
        stale.unlink()
    relationship_files = []
    for kind in sorted(relationships):
        name = f"relationships-{kind}.csv"
        relationship_files.append(f"--relationships={kind}={name}")
        cypher.append(
            f"LOAD CSV WITH HEADERS FROM 'file:///{name}' AS row "
            f"MATCH (a:{BASE_LABEL} {{iri: row.`:START_ID`}}) "
            f"MATCH (b:{BASE_LABEL} {{iri: row.`:END_ID`}}) "
            f"MERGE (a)-[:{kind}]->(b);"
        )
    (folder / "load.cypher").write_text("\n".join(cypher) + "\n", encoding="utf-8")
    _write_import_script(folder / "import.sh", nodes_files + relationship_files)


def _write_import_script(path: Path, options: list[str]) -> None:
    """The neo4j-admin bulk import of the files that ``options`` name."""
    command = [
        "#!/bin/sh",
        "# Bulk import into a new, stopped Neo4j database (run from this folder).",
        'exec neo4j-admin database import full "${1:-neo4j}" --overwrite-destination=true \\',
        f"    --array-delimiter='{ARRAY_DELIMITER}' --multiline-fields=true \\",
        *(f"    {option} \\" for option in options),
    ]
    command[-1] = command[-1].removesuffix(" \\")
    path.write_text("\n".join(command) + "\n", encoding="utf-8")
    path.chmod(0o755)


def _write_nodes(path: Path, labels: tuple[str, ...], columns: Columns, pending: IO[str]) -> str:
    """One label set's nodes file, from its pending rows; gives its LOAD CSV statement."""
    types = columns.types()
    header = [
        "iri:ID",
        *(f"{c}:{k}" if k != "string" else c for c, k in types.items()),
        ":LABEL",
    ]
    label_cell = ";".join((BASE_LABEL, *labels))
    pending.seek(0)
    with path.open("w", encoding="utf-8") as stream:
        rows = csv.writer(stream, lineterminator="\n")
        rows.writerow(header)
        for line in pending:
            iri, properties = json.loads(line)
            rows.writerow(
                [iri, *(cell(properties.get(c), k) for c, k in types.items()), label_cell]
            )
    sets = [
        f"n.{c} = {_cypher_value(h, k)}"
        for (c, k), h in zip(types.items(), header[1:], strict=False)
    ]
    return (
        f"LOAD CSV WITH HEADERS FROM 'file:///{path.name}' AS row "
        f"MERGE (n:{BASE_LABEL} {{iri: row.`iri:ID`}}) SET n:{':'.join(labels)}"
        + "".join(f", {assignment}" for assignment in sets)
        + ";"
    )


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
            write_neo4j(nodes(graph), staging)
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

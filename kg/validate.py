"""SHACL validation of a graph against kg's shapes (ontology/shapes.ttl), with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import rdflib

from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.ontology import ontology_file
from kg.sparql import open_graph


@dataclass(frozen=True, order=True)
class Violation:
    """One constraint a node breaks."""

    focus: str
    path: str
    message: str
    severity: str


@dataclass(frozen=True)
class ValidationReport:
    """Whether the graph conforms, and every violation when it does not."""

    conforms: bool
    violations: list[Violation]
    text: str


def validate(
    graph: KnowledgeGraph | str | Path, *, shapes: str | Path | None = None
) -> ValidationReport:
    """Validate a graph (or an exported file or build folder) against the SHACL shapes."""
    from pyshacl import validate as shacl_validate

    data = rdflib.Graph()
    for triple in open_graph(graph).triples():
        data.add(tuple(rdflib.util.from_n3(str(term)) for term in triple))  # type: ignore[arg-type]
    shapes_path = Path(shapes) if shapes else ontology_file("shapes.ttl")
    try:
        shapes_graph = rdflib.Graph().parse(shapes_path, format="turtle")
    except (OSError, SyntaxError, ValueError) as error:
        raise InputError(str(shapes_path), f"cannot read the shapes: {error}") from error
    conforms, results, text = shacl_validate(data, shacl_graph=shapes_graph)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    violations = sorted(
        Violation(
            focus=str(results.value(result, sh.focusNode)),
            path=str(results.value(result, sh.resultPath) or ""),
            message=str(results.value(result, sh.resultMessage) or ""),
            severity=str(results.value(result, sh.resultSeverity) or "").rsplit("#", 1)[-1],
        )
        for result in results.subjects(rdflib.RDF.type, sh.ValidationResult)
    )
    return ValidationReport(bool(conforms), violations, str(text))

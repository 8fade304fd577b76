"""JSON-LD with kg's published context (ontology/context.jsonld) embedded, named graphs kept."""

from __future__ import annotations

import json
import warnings
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.atomic import atomic_write
from kg.ontology import ontology_file

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph


@cache
def published_context() -> dict[str, str]:
    """The vocabulary prefixes of ontology/context.jsonld."""
    document = json.loads(ontology_file("context.jsonld").read_text(encoding="utf-8"))
    context: dict[str, str] = document["@context"]
    return context


def _canonical(value: Any) -> Any:
    # rdflib's JSON-LD writer follows the store's order; sort for stable bytes.
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_canonical(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


class JsonLdExporter:
    """Compacted JSON-LD; the context is embedded, so no processor fetches anything."""

    name = "jsonld"
    filename = "graph.jsonld"
    media_type = "application/ld+json"
    description = "JSON-LD, context embedded, one named graph per source article"

    def write(self, graph: KnowledgeGraph, path: Path) -> None:
        """Serialize with rdflib's JSON-LD writer, compacted with kg's prefixes."""
        context = {**published_context(), **graph.prefixes}
        with warnings.catch_warnings():
            # rdflib 7.6's JSON-LD writer calls Dataset methods it has itself deprecated.
            warnings.filterwarnings("ignore", category=DeprecationWarning, module="rdflib")
            text = graph.to_rdflib().serialize(format="json-ld", context=context, auto_compact=True)
        document = _canonical(json.loads(text))
        document["@context"] = dict(sorted(context.items()))
        atomic_write(
            path, json.dumps(document, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        )


JSONLD = JsonLdExporter()

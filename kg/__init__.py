"""kg: turn news articles into a linked-data knowledge graph.

>>> import kg
>>> graph = kg.build(["seeds/"])          # doctest: +SKIP
>>> graph.report.articles                 # doctest: +SKIP
6
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["KnowledgeGraph", "__version__", "build", "build_to", "load", "query", "view"]

if TYPE_CHECKING:
    from kg.builder import build, build_to
    from kg.export.html import view
    from kg.graph import KnowledgeGraph
    from kg.sparql import query

    load = KnowledgeGraph.load

_LAZY = {
    "build": ("kg.builder", "build"),
    "build_to": ("kg.builder", "build_to"),
    "KnowledgeGraph": ("kg.graph", "KnowledgeGraph"),
    "query": ("kg.sparql", "query"),
    "view": ("kg.export.html", "view"),
}


def __getattr__(name: str) -> Any:
    # Importing kg stays cheap; spaCy and Oxigraph load when first used.
    if name == "load":
        from kg.graph import KnowledgeGraph

        return KnowledgeGraph.load
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")

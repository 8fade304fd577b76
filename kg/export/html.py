"""Interactive HTML views of the graph: vis-network (the copy pyvis ships), inlined, offline.

Input strings never reach the page as markup: the view's data travels as JSON in
a ``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped,
and the page's script puts text in place with ``textContent`` only.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.atomic import atomic_write
from kg.namespaces import KG, RDF, SDO, SKOS

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

DEFAULT_MAX_NODES = 2000
_MARKER = re.compile(r"__(TITLE|VIS_CSS|DATA|VIS_JS)__")


@dataclass(frozen=True)
class NodeType:
    """How one kind of entity looks in a view."""

    label: str
    color: str
    border: str
    shape: str


# Most specific first: an official is also a schema:Person.
NODE_TYPES: dict[str, tuple[str, NodeType]] = {
    "article": (str(SDO.NewsArticle), NodeType("Article", "#c5d9f1", "#4a6fa5", "box")),
    "outlet": (str(SDO.NewsMediaOrganization), NodeType("Outlet", "#f6c667", "#b7791f", "diamond")),
    "official": (str(KG.Official), NodeType("Official", "#e76f51", "#9c4221", "star")),
    "person": (str(SDO.Person), NodeType("Person", "#f4a261", "#b5651d", "dot")),
    "city": (str(SDO.City), NodeType("City", "#2a9d8f", "#1d6b61", "triangle")),
    "organization": (
        str(SDO.Organization),
        NodeType("Organization", "#8e7dbe", "#5b4a8a", "hexagon"),
    ),
    "topic": (str(SKOS.Concept), NodeType("Topic", "#90be6d", "#577a3f", "ellipse")),
    "quote": (str(SDO.Quotation), NodeType("Quote", "#e9ecef", "#868e96", "square")),
}

_LABELS = (SDO.name, SDO.headline, SKOS.prefLabel, SDO.text)
_SHOWN = {
    str(SDO.headline): "headline",
    str(SDO.name): "name",
    str(SDO.alternateName): "also known as",
    str(SDO.datePublished): "published",
    str(SDO.url): "url",
    str(SDO.description): "description",
    str(SDO.text): "text",
    str(SDO.roleName): "role",
    str(SDO.addressCountry): "country",
    str(KG.domain): "domain",
    str(KG.sourceFile): "source file",
    str(SKOS.prefLabel): "label",
}


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _text(term: ox.NamedNode | ox.Literal | ox.BlankNode | ox.Triple) -> str:
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else str(term)


def view_data(graph: KnowledgeGraph, *, max_nodes: int = DEFAULT_MAX_NODES) -> dict[str, Any]:
    """Nodes, edges and node types of the view, keeping the best connected nodes over budget."""
    types: dict[str, str] = {}
    rank = {class_iri: index for index, (class_iri, _) in enumerate(NODE_TYPES.values())}
    kinds = {class_iri: kind for kind, (class_iri, _) in NODE_TYPES.items()}
    properties: dict[str, dict[str, list[str]]] = {}
    links: set[tuple[str, str, str]] = set()
    type_node = str(RDF.type)
    for triple in graph.triples():
        subject, predicate, obj = triple.subject, triple.predicate.value, triple.object
        if not isinstance(subject, ox.NamedNode):
            continue
        if predicate == type_node and isinstance(obj, ox.NamedNode) and obj.value in kinds:
            current = types.get(subject.value)
            if current is None or rank[obj.value] < rank[NODE_TYPES[current][0]]:
                types[subject.value] = kinds[obj.value]
        elif isinstance(obj, ox.NamedNode) and predicate not in (str(SDO.url), type_node):
            links.add((subject.value, predicate, obj.value))
        if predicate in _SHOWN:
            properties.setdefault(subject.value, {}).setdefault(_SHOWN[predicate], []).append(
                _text(obj)
            )
    edges = sorted((s, p, o) for s, p, o in links if s in types and o in types and s != o)
    degree: Counter[str] = Counter()
    for s, _, o in edges:
        degree[s] += 1
        degree[o] += 1
    chosen = sorted(types, key=lambda iri: (-degree[iri], iri))[:max_nodes]
    kept = set(chosen)
    nodes = []
    for iri in sorted(kept):
        props = properties.get(iri, {})
        label = next(
            (props[_SHOWN[str(p)]][0] for p in _LABELS if _SHOWN.get(str(p)) in props), None
        )
        nodes.append(
            {
                "id": iri,
                "label": (label or _local_name(iri))[:80],
                "type": types[iri],
                "degree": degree[iri],
                "properties": sorted((name, sorted(values)) for name, values in props.items()),
            }
        )
    return {
        "nodes": nodes,
        "edges": [
            {"from": s, "to": o, "label": _local_name(p)}
            for s, p, o in edges
            if s in kept and o in kept
        ],
        "types": {kind: vars(style) for kind, (_, style) in NODE_TYPES.items()},
        "omitted": len(types) - len(kept),
    }


@cache
def _asset(name: str) -> str:
    return (resources.files("kg.export") / "assets" / name).read_text(encoding="utf-8")


@cache
def _vis_asset(name: str) -> str:
    # pyvis ships vis-network; inlining it is what makes the page work offline.
    return (resources.files("pyvis") / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    return text.replace("</", "<\\/")


def _json_for_html(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(data: dict[str, Any], *, title: str = "kg knowledge graph") -> str:
    """The self-contained page for a view's data."""
    from html import escape

    page = _asset("view.html")
    replacements = {
        "__TITLE__": escape(title),
        "__VIS_CSS__": _vis_asset("vis-network.css").replace("</", "<\\/"),
        "__DATA__": _json_for_html(data),
        "__VIS_JS__": _script_safe(_vis_asset("vis-network.min.js")),
    }
    # One pass over the template: inserted text is never scanned for markers again.
    return _MARKER.sub(lambda match: replacements[match.group(0)], page)


class HtmlExporter:
    """The overview page of a build."""

    name = "html"
    filename = "graph.html"
    media_type = "text/html"
    description = "interactive HTML view (offline, vis-network)"

    def write(self, graph: KnowledgeGraph, path: Path) -> None:
        """Write the overview of the graph."""
        atomic_write(path, render_html(view_data(graph)))


HTML = HtmlExporter()

"""What an HTML view shows: entities and their links, chosen by focus, type, period and budget.

A view is built in one pass over the graph's triples: typed entities become
nodes, links between them become edges; an official's position becomes an edge
to its jurisdiction labelled with the role. Provenance records (evidence,
extraction runs) and images are not drawn.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import ConfigError
from kg.graph import KnowledgeGraph
from kg.namespaces import KG, RDF, SDO, SKOS

DEFAULT_MAX_NODES = 2000


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

_LABEL_ORDER = ("name", "headline", "label", "text", "source file")
_SHOWN = {
    str(SDO.headline): "headline",
    str(SDO.name): "name",
    str(SDO.alternateName): "also known as",
    str(SDO.datePublished): "published",
    str(SDO.url): "url",
    str(SDO.description): "description",
    str(SDO.text): "text",
    str(SDO.addressCountry): "country",
    str(KG.domain): "domain",
    str(KG.sourceFile): "source file",
    str(SKOS.prefLabel): "label",
}
_NOT_LINKS = {str(SDO.url), str(RDF.type), str(KG.holdsPosition), str(KG.holder)}


@dataclass
class View:
    """Nodes (IRI -> kind, label, properties) and labelled edges, before rendering."""

    kinds: dict[str, str] = field(default_factory=dict)
    properties: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    edges: set[tuple[str, str, str]] = field(default_factory=set)
    omitted: int = 0

    def label(self, iri: str) -> str:
        """The text shown on a node: its name, headline, label, ... or its IRI's last segment."""
        props = self.properties.get(iri, {})
        for key in _LABEL_ORDER:
            if props.get(key):
                value = props[key][0]
                return Path(value).name if key == "source file" else value
        return iri.rstrip("/").rsplit("/", 1)[-1]

    def degrees(self) -> Counter[str]:
        """How many edges touch each node."""
        degree: Counter[str] = Counter()
        for start, _, end in self.edges:
            degree[start] += 1
            degree[end] += 1
        return degree

    def restricted(self, keep: set[str]) -> View:
        """The same view with only the nodes in ``keep``."""
        return View(
            kinds={iri: kind for iri, kind in self.kinds.items() if iri in keep},
            properties={iri: p for iri, p in self.properties.items() if iri in keep},
            edges={e for e in self.edges if e[0] in keep and e[2] in keep},
            omitted=self.omitted,
        )


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def graph_view(graph: KnowledgeGraph) -> View:
    """Every drawable entity of the graph and the links between them."""
    rank = {class_iri: index for index, (class_iri, _) in enumerate(NODE_TYPES.values())}
    kinds_by_class = {class_iri: kind for kind, (class_iri, _) in NODE_TYPES.items()}
    view = View()
    links: set[tuple[str, str, str]] = set()
    positions: dict[str, dict[str, str]] = defaultdict(dict)
    held: list[tuple[str, str]] = []
    # Evidence records are most of a graph's triples and never drawn: skip them early,
    # so that their links are not collected only to be thrown away.
    provenance = (f"{graph.base}evidence/", f"{graph.base}activity/")
    for triple in graph.triples():
        subject, predicate, obj = triple.subject, triple.predicate.value, triple.object
        if not isinstance(subject, ox.NamedNode):
            continue
        iri = subject.value
        if iri.startswith(provenance):
            continue
        if (
            predicate == str(RDF.type)
            and isinstance(obj, ox.NamedNode)
            and obj.value in kinds_by_class
        ):
            current = view.kinds.get(iri)
            if current is None or rank[obj.value] < rank[NODE_TYPES[current][0]]:
                view.kinds[iri] = kinds_by_class[obj.value]
        elif predicate == str(KG.holdsPosition) and isinstance(obj, ox.NamedNode):
            held.append((iri, obj.value))
        elif predicate == str(SDO.roleName) and isinstance(obj, ox.Literal):
            positions[iri]["role"] = obj.value
        elif predicate == str(KG.jurisdiction) and isinstance(obj, ox.NamedNode):
            positions[iri]["jurisdiction"] = obj.value
        elif isinstance(obj, ox.NamedNode) and predicate not in _NOT_LINKS:
            links.add((iri, _local_name(predicate), obj.value))
        if predicate in _SHOWN and isinstance(obj, ox.NamedNode | ox.Literal):
            view.properties.setdefault(iri, {}).setdefault(_SHOWN[predicate], []).append(obj.value)
    view.edges = {(s, p, o) for s, p, o in links if s in view.kinds and o in view.kinds and s != o}
    for person, position in held:
        role = positions[position].get("role", "position")
        jurisdiction = positions[position].get("jurisdiction")
        where = f" of {view.label(jurisdiction)}" if jurisdiction in view.kinds else ""
        view.properties.setdefault(person, {}).setdefault("role", []).append(role + where)
        if person in view.kinds and jurisdiction in view.kinds:
            view.edges.add((person, role, jurisdiction))
    for props in view.properties.values():
        for key, values in props.items():
            props[key] = sorted(set(values))
    return view


def find_node(view: View, focus: str) -> str:
    """The node a user means by an IRI or a name (exact, else the one partial match)."""
    if focus in view.kinds:
        return focus
    needle = focus.strip().casefold()
    exact = sorted(iri for iri in view.kinds if view.label(iri).casefold() == needle)
    partial = sorted(iri for iri in view.kinds if needle in view.label(iri).casefold())
    for matches in (exact, partial):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            named = ", ".join(f"{_short(view.label(m))} <{m}>" for m in matches[:10])
            raise ConfigError(
                f"{focus!r} names {len(matches)} nodes; give one of their IRIs: {named}"
            )
    raise ConfigError(f"no node is named {focus!r} (search is by name, headline or IRI)")


def neighbourhood(view: View, start: str, depth: int) -> set[str]:
    """The nodes within ``depth`` links of ``start``, whichever way the links point."""
    adjacent: dict[str, set[str]] = defaultdict(set)
    for s, _, o in view.edges:
        adjacent[s].add(o)
        adjacent[o].add(s)
    seen = {start}
    frontier = deque([(start, 0)])
    while frontier:
        node, distance = frontier.popleft()
        if distance == depth:
            continue
        for other in sorted(adjacent[node] - seen):
            seen.add(other)
            frontier.append((other, distance + 1))
    return seen


def select(
    view: View,
    *,
    focus: str | None = None,
    depth: int = 2,
    types: set[str] | None = None,
    since: str | None = None,
    until: str | None = None,
) -> View:
    """The part of a view a user asked for: a neighbourhood, some types, a period."""
    if types:
        unknown = sorted(types - NODE_TYPES.keys())
        if unknown:
            raise ConfigError(
                f"unknown node type {', '.join(unknown)}; known: {', '.join(NODE_TYPES)}"
            )
    if since or until:
        in_period = {
            iri
            for iri, kind in view.kinds.items()
            if kind == "article"
            and (dates := view.properties.get(iri, {}).get("published"))
            and (since is None or dates[0][: len(since)] >= since)
            and (until is None or dates[0][: len(until)] <= until)
        }
        linked = {o for s, _, o in view.edges if s in in_period} | {
            s for s, _, o in view.edges if o in in_period
        }
        keep = in_period | {iri for iri in linked if view.kinds[iri] != "article"}
        view = view.restricted(keep)
    if focus is not None:
        start = find_node(view, focus)
        view = view.restricted(neighbourhood(view, start, depth))
    if types:
        view = view.restricted({iri for iri, kind in view.kinds.items() if kind in types})
    return view


def budgeted(view: View, max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """At most ``max_nodes`` nodes: the best connected ones (ties by IRI, so stable)."""
    if len(view.kinds) <= max_nodes:
        return view
    degree = view.degrees()
    chosen = sorted(view.kinds, key=lambda iri: (-degree[iri], iri))[:max_nodes]
    kept = view.restricted(set(chosen))
    kept.omitted = len(view.kinds) - len(chosen)
    return kept


def view_data(view: View, *, focus: str | None = None) -> dict[str, Any]:
    """The JSON the page draws: nodes, edges, node types, counts."""
    degree = view.degrees()
    nodes = [
        {
            "id": iri,
            "label": _short(view.label(iri)),
            "title": view.label(iri),
            "type": view.kinds[iri],
            "degree": degree[iri],
            "properties": sorted(view.properties.get(iri, {}).items()),
        }
        for iri in sorted(view.kinds)
    ]
    return {
        "nodes": nodes,
        "edges": [{"from": s, "to": o, "label": p} for s, p, o in sorted(view.edges)],
        "types": {kind: vars(style) for kind, (_, style) in NODE_TYPES.items()},
        "omitted": view.omitted,
        "focus": focus,
    }


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def build_view(
    graph: KnowledgeGraph | str | Path,
    *,
    focus: str | None = None,
    depth: int = 2,
    types: set[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> dict[str, Any]:
    """The data of a (focused) view of a graph, an exported file or a build folder."""
    from kg.sparql import open_graph

    if max_nodes < 1 or depth < 0:
        raise ConfigError("--max-nodes must be at least 1 and --depth at least 0")
    view = select(
        graph_view(open_graph(graph)),
        focus=focus,
        depth=depth,
        types=types,
        since=since,
        until=until,
    )
    chosen = budgeted(view, max_nodes)
    focus_iri = find_node(chosen, focus) if focus is not None and chosen.kinds else None
    return view_data(replace(chosen), focus=focus_iri)

"""What an HTML view shows: entities and their links, chosen by focus, type, period and budget.

A view is built in one pass over the graph's sorted triples: typed entities
become nodes, links between them become edges; an official's position becomes
an edge to its jurisdiction labelled with the role. Provenance records
(evidence, extraction runs) and images are not drawn, and are skipped before
their lines are even parsed.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
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
_TYPE = str(RDF.type)
_POSITION = str(KG.Position)
_HOLDS_POSITION = str(KG.holdsPosition)
_ROLE_NAME = str(SDO.roleName)
_JURISDICTION = str(KG.jurisdiction)


class _Index:
    """Every drawable entity of a graph and the links between them, by integer id.

    Built in one pass over the graph's sorted triples (a subject's triples are
    contiguous, so links are made distinct per subject); a graph of a hundred
    thousand articles holds millions of links, kept as arrays of ids, while
    labels and properties are kept for entities only.
    """

    def __init__(self) -> None:
        self.iris: list[str] = []
        self.ids: dict[str, int] = {}
        self.kinds: dict[int, str] = {}
        self.properties: dict[int, dict[str, list[str]]] = {}
        self.labels: list[str] = []
        self._label_ids: dict[str, int] = {}
        self.sources = array("I")
        self.targets = array("I")
        self.edge_labels = array("I")

    def id(self, iri: str) -> int:
        """The id of an IRI, given on first sight."""
        found = self.ids.get(iri)
        if found is None:
            found = self.ids[iri] = len(self.iris)
            self.iris.append(iri)
        return found

    def link(self, source: int, label: str, target: int) -> None:
        """Record a labelled link (kept if both ends turn out to be entities)."""
        label_id = self._label_ids.get(label)
        if label_id is None:
            label_id = self._label_ids[label] = len(self.labels)
            self.labels.append(label)
        self.sources.append(source)
        self.edge_labels.append(label_id)
        self.targets.append(target)

    def edges(self, among: set[int]) -> Iterator[tuple[int, int, int]]:
        """(source, label id, target) of the links between nodes of ``among``."""
        for source, label, target in zip(self.sources, self.edge_labels, self.targets, strict=True):
            if source in among and target in among and source != target:
                yield source, label, target


@dataclass
class View:
    """A selection of a graph's nodes (by id), with their kinds, labels and links."""

    index: _Index
    nodes: set[int]
    omitted: int = 0

    @property
    def kinds(self) -> dict[int, str]:
        """Node id -> kind (article, person, city ...) of the selected nodes."""
        return {node: self.index.kinds[node] for node in self.nodes}

    def iri(self, node: int) -> str:
        """The IRI of a node."""
        return self.index.iris[node]

    def label(self, node: int) -> str:
        """The text shown on a node: its name, headline, label, ... or its IRI's last segment."""
        props = self.index.properties.get(node, {})
        for key in _LABEL_ORDER:
            if props.get(key):
                value = props[key][0]
                return Path(value).name if key == "source file" else value
        return self.iri(node).rstrip("/").rsplit("/", 1)[-1]

    def edges(self) -> Iterator[tuple[int, int, int]]:
        """(source, label id, target) of the links between selected nodes."""
        return self.index.edges(self.nodes)

    def degrees(self) -> Counter[int]:
        """How many links touch each selected node."""
        degree: Counter[int] = Counter()
        for start, _, end in self.edges():
            degree[start] += 1
            degree[end] += 1
        return degree

    def restricted(self, keep: set[int]) -> View:
        """The same view with only the nodes in ``keep``."""
        return View(self.index, self.nodes & keep, self.omitted)


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def graph_view(graph: KnowledgeGraph) -> View:
    """Every drawable entity of the graph and the links between them."""
    rank = {class_iri: index for index, (class_iri, _) in enumerate(NODE_TYPES.values())}
    kinds_by_class = {class_iri: kind for kind, (class_iri, _) in NODE_TYPES.items()}
    index = _Index()
    positions: dict[int, dict[str, str]] = {}
    held: list[tuple[int, int]] = []
    subject_id = -1
    subject_links: set[tuple[str, int]] = set()
    subject_properties: dict[str, list[str]] = {}
    kind: str | None = None
    is_position = False

    def commit() -> None:
        # A subject's triples are contiguous: keep what it said if it is drawn.
        if kind is not None:
            index.kinds[subject_id] = kind
            index.properties[subject_id] = subject_properties
            for label, target in sorted(subject_links):
                index.link(subject_id, label, target)
        elif is_position:
            positions[subject_id] = {k: v[0] for k, v in subject_properties.items() if v}

    for triple in _drawable_triples(graph):
        subject, predicate, obj = triple.subject, triple.predicate.value, triple.object
        if not isinstance(subject, ox.NamedNode):
            continue
        current = index.id(subject.value)
        if current != subject_id:
            commit()
            subject_id, subject_links, subject_properties = current, set(), {}
            kind, is_position = None, False
        if predicate == _TYPE and isinstance(obj, ox.NamedNode):
            found = kinds_by_class.get(obj.value)
            if found is not None and (kind is None or rank[obj.value] < rank[NODE_TYPES[kind][0]]):
                kind = found
            is_position = is_position or obj.value == _POSITION
        elif predicate == _HOLDS_POSITION and isinstance(obj, ox.NamedNode):
            held.append((subject_id, index.id(obj.value)))
        elif predicate == _ROLE_NAME and isinstance(obj, ox.Literal):
            subject_properties.setdefault("role", []).append(obj.value)
        elif predicate == _JURISDICTION and isinstance(obj, ox.NamedNode):
            subject_properties.setdefault("jurisdiction", []).append(obj.value)
        elif isinstance(obj, ox.NamedNode) and predicate not in _NOT_LINKS:
            subject_links.add((_local_name(predicate), index.id(obj.value)))
        if predicate in _SHOWN and isinstance(obj, ox.NamedNode | ox.Literal):
            subject_properties.setdefault(_SHOWN[predicate], []).append(obj.value)
    commit()
    view = View(index, set(index.kinds))
    for person, position in held:
        role = positions.get(position, {}).get("role", "position")
        where_iri = positions.get(position, {}).get("jurisdiction")
        where = index.ids.get(where_iri) if where_iri is not None else None
        suffix = f" of {view.label(where)}" if where in index.kinds else ""
        if person in index.kinds:
            index.properties[person].setdefault("role", []).append(role + suffix)
            if where in index.kinds:
                index.link(person, role, where)
    for props in index.properties.values():
        for key, values in props.items():
            props[key] = sorted(set(values))
    return view


def _drawable_triples(graph: KnowledgeGraph) -> Iterator[ox.Triple]:
    """The graph's triples without the provenance records (most of them, never drawn).

    A build keeps each graph's evidence records apart (its own statements); a graph
    loaded from a file has them among the rest, and they are dropped by IRI before
    their lines are parsed.
    """
    provenance = (f"<{graph.base}evidence/".encode(), f"<{graph.base}activity/".encode())
    lines = (line for line in graph.dataset.entity_lines() if not line.startswith(provenance))
    return graph.parse_triples(lines)


def find_node(view: View, focus: str) -> int:
    """The node a user means by an IRI or a name (exact, else the one partial match)."""
    by_iri = view.index.ids.get(focus)
    if by_iri is not None and by_iri in view.nodes:
        return by_iri
    needle = focus.strip().casefold()
    labels = {node: view.label(node).casefold() for node in view.nodes}
    exact = sorted((view.iri(n), n) for n, label in labels.items() if label == needle)
    partial = sorted((view.iri(n), n) for n, label in labels.items() if needle in label)
    for matches in (exact, partial):
        if len(matches) == 1:
            return matches[0][1]
        if len(matches) > 1:
            named = ", ".join(f"{_short(view.label(n))} <{iri}>" for iri, n in matches[:10])
            raise ConfigError(
                f"{focus!r} names {len(matches)} nodes; give one of their IRIs: {named}"
            )
    raise ConfigError(f"no node is named {focus!r} (search is by name, headline or IRI)")


def neighbourhood(view: View, start: int, depth: int) -> set[int]:
    """The nodes within ``depth`` links of ``start``, whichever way the links point."""
    adjacent: dict[int, set[int]] = defaultdict(set)
    for s, _, o in view.edges():
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
    kinds = view.index.kinds
    if since or until:
        in_period = {
            node
            for node in view.nodes
            if kinds[node] == "article"
            and (dates := view.index.properties.get(node, {}).get("published"))
            and (since is None or dates[0][: len(since)] >= since)
            and (until is None or dates[0][: len(until)] <= until)
        }
        linked = set()
        for s, _, o in view.edges():
            if s in in_period:
                linked.add(o)
            if o in in_period:
                linked.add(s)
        keep = in_period | {node for node in linked if kinds[node] != "article"}
        view = view.restricted(keep)
    if focus is not None:
        start = find_node(view, focus)
        view = view.restricted(neighbourhood(view, start, depth))
    if types:
        view = view.restricted({node for node in view.nodes if kinds[node] in types})
    return view


def budgeted(view: View, max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """At most ``max_nodes`` nodes: the best connected ones (ties by IRI, so stable)."""
    if len(view.nodes) <= max_nodes:
        return view
    degree = view.degrees()
    chosen = sorted(view.nodes, key=lambda node: (-degree[node], view.iri(node)))[:max_nodes]
    kept = view.restricted(set(chosen))
    kept.omitted = len(view.nodes) - len(chosen)
    return kept


def view_data(view: View, *, focus: int | None = None) -> dict[str, Any]:
    """The JSON the page draws: nodes, edges, node types, counts."""
    labels = view.index.labels
    edges = sorted({(view.iri(s), labels[p], view.iri(o)) for s, p, o in view.edges()})
    degree: Counter[str] = Counter()
    for start, _, end in edges:
        degree[start] += 1
        degree[end] += 1
    nodes = [
        {
            "id": iri,
            "label": _short(view.label(node)),
            "title": view.label(node),
            "type": view.index.kinds[node],
            "degree": degree[iri],
            "properties": sorted(view.index.properties.get(node, {}).items()),
        }
        for iri, node in sorted((view.iri(n), n) for n in view.nodes)
    ]
    return {
        "nodes": nodes,
        "edges": [{"from": s, "to": o, "label": p} for s, p, o in edges],
        "types": {kind: vars(style) for kind, (_, style) in NODE_TYPES.items()},
        "omitted": view.omitted,
        "focus": view.iri(focus) if focus is not None else None,
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
    focus_node = find_node(chosen, focus) if focus is not None and chosen.nodes else None
    return view_data(chosen, focus=focus_node)

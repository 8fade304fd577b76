"""What the article graph shows (entities and their links, chosen by focus, type, period and
budget), and the index of a graph that it shares with the entity overview (kg.overview).

A view reads the graph's sorted entity statements in passes that keep little per
entity, so that a graph of millions of entities fits in a few hundred megabytes:

1. which subjects are drawable entities, and of what kind: a set of 16-byte
   digests (kg.digests) and a kind code apiece;
2. the links between entities, as arrays of entity ordinals (10 bytes a link); an
   official's position becomes a link to its jurisdiction labelled with the role;
3. for the nodes finally drawn only: their IRIs, labels and properties.

A search by name (``--focus NAME``) is one more pass. Provenance records
(evidence, extraction runs) and images are not drawn, and are skipped before
their lines are even parsed.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pyoxigraph as ox

from kg.digests import DIGEST, DigestIndex, digest, packed, subject_of
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


def _term(iri: object) -> bytes:
    """An IRI as it stands in an N-Triples line."""
    return f"<{iri}>".encode()


KINDS = tuple(NODE_TYPES)
"""The node kinds; a kind's code (in ``GraphIndex.kinds``) is its position here."""
_ARTICLE = KINDS.index("article")
# A type's line object (``<iri> .``) -> its kind's code; a lower code is more specific.
_KIND_OF_TYPE = {_term(iri): code for code, (iri, _) in enumerate(NODE_TYPES.values())}

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
    str(SDO.roleName): "role",
    str(KG.jurisdiction): "jurisdiction",
}
_LABEL_PREDICATES = {_term(iri) for iri, key in _SHOWN.items() if key in _LABEL_ORDER}


_TYPE = _term(RDF.type)
_POSITION = _term(KG.Position)
_HOLDS_POSITION = _term(KG.holdsPosition)
_ROLE_NAME = _term(SDO.roleName)
_JURISDICTION = _term(KG.jurisdiction)
_PUBLISHED = _term(SDO.datePublished)
_NOT_LINKS = {_term(SDO.url), _TYPE, _HOLDS_POSITION, _term(KG.holder), _JURISDICTION}
_BATCH = 100_000

Ordinals = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]


@dataclass
class _Details:
    """What is drawn of one node: its IRI and its shown properties (sorted, distinct)."""

    iri: str
    properties: dict[str, list[str]] = field(default_factory=dict)


class GraphIndex:
    """The drawable entities of a graph (by ordinal) and the links between them."""

    def __init__(self, graph: KnowledgeGraph) -> None:
        self.graph = graph
        entities, kinds = _entities(graph)
        self.entities = entities
        self.kinds = kinds
        self.labels: list[str] = []
        self._label_ids: dict[str, int] = {}
        self.published: dict[int, str] = {}
        self._details: dict[int, _Details] = {}
        self.found: dict[str, int] = {}  # focus -> the node a search found
        self.role_ids: set[int] = set()  # the label ids that name a role, not a predicate
        # Each position an entity holds: the holder, the role's label id, the place (or -1).
        self.role_holders, self.role_labels, self.role_places = array("i"), array("H"), array("i")
        self._links()

    def __len__(self) -> int:
        return len(self.kinds)

    def label_id(self, label: str) -> int:
        """The id of a link label, given on first sight."""
        found = self._label_ids.get(label)
        if found is None:
            found = self._label_ids[label] = len(self.labels)
            self.labels.append(label)
        return found

    def _links(self) -> None:
        """Pass 2: the distinct links of each entity, and officials' roles."""
        sources, link_labels, targets = array("i"), array("H"), array("i")
        pending: list[tuple[int, int, bytes]] = []
        held: list[tuple[int, bytes]] = []  # (person, position)
        positions: list[tuple[bytes, int, bytes]] = []  # (position, role, jurisdiction)
        names: dict[bytes, int] = {}

        def flush() -> None:
            found = self.entities.ordinals(packed([target for _, _, target in pending]))
            for (source, label, _), target in zip(pending, found.tolist(), strict=True):
                if target >= 0 and target != source:
                    sources.append(source)
                    link_labels.append(label)
                    targets.append(target)
            pending.clear()

        for ordinal, subject, group in self._subjects():
            links: set[tuple[int, bytes]] = set()
            is_position, role, jurisdiction = False, "", b""
            for line in group:
                _, predicate, obj = line.split(b" ", 2)
                obj = obj[: obj.rindex(b" .")]
                if predicate == _TYPE:
                    is_position = is_position or obj == _POSITION
                elif predicate == _HOLDS_POSITION and obj.startswith(b"<"):
                    if ordinal >= 0:
                        held.append((ordinal, digest(obj[1:-1])))
                elif predicate == _ROLE_NAME and obj.startswith(b'"') and not role:
                    role = _literal(line)
                elif predicate == _JURISDICTION and obj.startswith(b"<") and not jurisdiction:
                    jurisdiction = digest(obj[1:-1])
                elif predicate == _PUBLISHED and ordinal >= 0 and obj.startswith(b'"'):
                    date = _literal(line)
                    if self.kinds[ordinal] == _ARTICLE:
                        earlier = self.published.get(ordinal)
                        self.published[ordinal] = min(date, earlier or date)
                elif ordinal >= 0 and obj.startswith(b"<") and predicate not in _NOT_LINKS:
                    name = names.get(predicate)
                    if name is None:
                        name = names[predicate] = self.label_id(_local_name(predicate[1:-1]))
                    links.add((name, digest(obj[1:-1])))
            if is_position:
                role_id = self.label_id(role or "position")
                self.role_ids.add(role_id)
                positions.append((digest(subject[1:-1]), role_id, jurisdiction))
            pending.extend((ordinal, name, target) for name, target in sorted(links))
            if len(pending) >= _BATCH:
                flush()
        flush()
        self._roles(held, positions, sources, link_labels, targets)
        self.sources = np.frombuffer(sources, dtype=np.int32)
        self.link_labels = np.frombuffer(link_labels, dtype=np.uint16)
        self.targets = np.frombuffer(targets, dtype=np.int32)

    def _roles(
        self,
        held: list[tuple[int, bytes]],
        positions: list[tuple[bytes, int, bytes]],
        sources: array[int],
        link_labels: array[int],
        targets: array[int],
    ) -> None:
        """Each position an entity holds: a role (with its jurisdiction) and a link to it."""
        by_position = DigestIndex(position for position, _, _ in positions)
        rows = np.empty(len(by_position), dtype=np.int64)
        rows[by_position.ordinals(packed([position for position, _, _ in positions]))] = range(
            len(positions)
        )
        found = by_position.ordinals(packed([position for _, position in held]))
        placed = [where for _, _, where in positions if where]
        wheres = np.full(len(positions), -1, dtype=np.int64)
        wheres[[bool(where) for _, _, where in positions]] = self.entities.ordinals(packed(placed))
        for (person, _), position in zip(held, found.tolist(), strict=True):
            role, where = (
                (positions[rows[position]][1], int(wheres[rows[position]]))
                if position >= 0
                else (self.label_id("position"), -1)
            )
            self.role_ids.add(role)
            self.role_holders.append(person)
            self.role_labels.append(role)
            self.role_places.append(where)
            if where >= 0 and where != person:
                sources.append(person)
                link_labels.append(role)
                targets.append(where)

    def _subjects(self) -> Iterator[tuple[int, bytes, list[bytes]]]:
        """Each IRI subject of the drawable lines with its lines and its entity ordinal
        (-1 for subjects that are not entities), looked up a batch at a time."""
        batch: list[tuple[bytes, list[bytes]]] = []
        size = 0
        for subject, group in _drawable_subjects(self.graph):
            batch.append((subject, list(group)))
            size += len(batch[-1][1])
            if size >= _BATCH:
                yield from self._numbered(batch)
                batch, size = [], 0
        yield from self._numbered(batch)

    def _numbered(
        self, batch: list[tuple[bytes, list[bytes]]]
    ) -> Iterator[tuple[int, bytes, list[bytes]]]:
        found = self.entities.ordinals(packed([digest(subject[1:-1]) for subject, _ in batch]))
        for ordinal, (subject, lines) in zip(found.tolist(), batch, strict=True):
            yield ordinal, subject, lines

    def details(self, node: int) -> _Details:
        """A described node's IRI and properties (``describe`` reads them)."""
        return self._details[node]

    def describe(self, nodes: Iterable[int]) -> None:
        """Pass 3: read the IRIs and properties of these nodes and of their roles' places."""
        wanted = set(nodes)
        holders = np.isin(np.frombuffer(self.role_holders, dtype=np.int32), list(wanted))
        wanted |= {int(p) for p in np.frombuffer(self.role_places, dtype=np.int32)[holders]}
        wanted -= {-1, *self._details}
        if not wanted:
            return
        for ordinal, subject, group in self._subjects():
            if ordinal not in wanted:
                continue
            properties = _shown(self.graph.parse_triples(group))
            self._details[ordinal] = _Details(subject[1:-1].decode("utf-8"), properties)
        for node in wanted:
            self._details.setdefault(node, _Details(""))
        self._add_roles(wanted)
        for node in wanted:
            props = self._details[node].properties
            for key, values in props.items():
                props[key] = sorted(set(values))

    def _add_roles(self, nodes: set[int]) -> None:
        for person, role, where in zip(
            self.role_holders, self.role_labels, self.role_places, strict=True
        ):
            if person in nodes:
                suffix = f" of {self.label(where)}" if where >= 0 else ""
                roles = self._details[person].properties.setdefault("role", [])
                roles.append(self.labels[role] + suffix)

    def label(self, node: int) -> str:
        """The text shown on a described node: its name, headline, label, ... or its IRI's
        last segment."""
        details = self._details[node]
        return _label(details.properties, details.iri)

    def search(self, needle: str, among: Mask) -> tuple[list[tuple[str, int, str]], int]:
        """Nodes among ``among`` named ``needle`` (exactly, else partly): the ten first by
        IRI as (IRI, node, label), and how many there are."""
        exact: list[tuple[str, int, str]] = []
        partial: list[tuple[str, int, str]] = []
        partial_count = 0
        for node, subject, group in self._subjects():
            if node < 0 or not among[node]:
                continue
            named = [line for line in group if line.split(b" ", 2)[1] in _LABEL_PREDICATES]
            properties = _shown(self.graph.parse_triples(named))
            iri = subject[1:-1].decode("utf-8")
            label = _label(properties, iri)
            folded = label.casefold()
            if folded == needle:
                exact.append((iri, node, label))
            if needle in folded:
                partial_count += 1
                partial.append((iri, node, label))
                if len(partial) > 1000:
                    partial = sorted(partial)[:10]
        if exact:
            return sorted(exact)[:10], len(exact)
        return sorted(partial)[:10], partial_count


def _shown(triples: Iterable[ox.Triple]) -> dict[str, list[str]]:
    """The properties a view shows of one subject's triples."""
    properties: dict[str, list[str]] = {}
    for triple in triples:
        key = _SHOWN.get(triple.predicate.value)
        if key is not None and isinstance(triple.object, ox.NamedNode | ox.Literal):
            properties.setdefault(key, []).append(triple.object.value)
    return properties


def _label(properties: dict[str, list[str]], iri: str) -> str:
    """A node's name, headline, label, ... (the least of its values), or its IRI's last segment."""
    for key in _LABEL_ORDER:
        if properties.get(key):
            value = min(properties[key])
            return Path(value).name if key == "source file" else value
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _literal(line: bytes) -> str:
    """The value of a line's literal object."""
    obj = next(iter(KnowledgeGraph.parse_triples([line]))).object
    return obj.value if isinstance(obj, ox.Literal) else ""


def _entities(graph: KnowledgeGraph) -> tuple[DigestIndex, npt.NDArray[np.uint8]]:
    """Pass 1: the drawable entities (subjects with a drawable type) and their kinds."""
    found = bytearray()
    codes = array("B")
    statement = b" " + _TYPE + b" "
    typed = (line for line in graph.dataset.entity_lines() if statement in line)
    for subject, group in _drawable_subjects(graph, typed):
        kind = len(KINDS)
        for line in group:
            _, predicate, obj = line.split(b" ", 2)
            if predicate == _TYPE:
                kind = min(kind, _KIND_OF_TYPE.get(obj[: obj.rindex(b" .")], len(KINDS)))
        if kind < len(KINDS):
            found += digest(subject[1:-1])
            codes.append(kind)
    index = DigestIndex([bytes(found[at : at + 16]) for at in range(0, len(found), 16)])
    kinds = np.empty(len(index), dtype=np.uint8)
    kinds[index.ordinals(np.frombuffer(bytes(found), dtype=DIGEST))] = np.frombuffer(
        codes, dtype=np.uint8
    )
    return index, kinds


def _drawable_subjects(
    graph: KnowledgeGraph, lines: Iterable[bytes] | None = None
) -> Iterator[tuple[bytes, Iterator[bytes]]]:
    """The IRI subjects of the graph's entity lines (or of some of them), each with its
    lines, without the provenance records (never drawn).

    A build keeps each graph's evidence records apart (its own statements); a graph
    loaded from a file has them among the rest, and they are dropped by IRI.
    """
    provenance = (f"<{graph.base}evidence/".encode(), f"<{graph.base}activity/".encode())
    everything = graph.dataset.entity_lines() if lines is None else lines
    for subject, group in groupby(everything, key=subject_of):
        if subject.startswith(b"<") and not subject.startswith(provenance):
            yield subject, group


def _local_name(iri: bytes) -> str:
    return iri.decode("utf-8").rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@dataclass
class View:
    """A selection of a graph's entities (a mask over their ordinals) and their links."""

    index: GraphIndex
    selected: Mask
    omitted: int = 0

    @property
    def nodes(self) -> list[int]:
        """The selected nodes' ordinals."""
        return [int(node) for node in np.flatnonzero(self.selected)]

    @property
    def kinds(self) -> dict[int, str]:
        """Node -> kind (article, person, city ...) of the selected nodes."""
        codes = self.index.kinds
        return {node: KINDS[codes[node]] for node in self.nodes}

    def iri(self, node: int) -> str:
        """The IRI of a described node."""
        return self.index.details(node).iri

    def label(self, node: int) -> str:
        """The text shown on a described node."""
        return self.index.label(node)

    def edge_arrays(self) -> tuple[Ordinals, Ordinals, Ordinals]:
        """(sources, label ids, targets) of the links between selected nodes."""
        index = self.index
        keep = self.selected[index.sources] & self.selected[index.targets]
        return (
            index.sources[keep].astype(np.int64),
            index.link_labels[keep].astype(np.int64),
            index.targets[keep].astype(np.int64),
        )

    def edges(self) -> Iterator[tuple[int, int, int]]:
        """(source, label id, target) of the links between selected nodes."""
        sources, labels, targets = self.edge_arrays()
        return zip(sources.tolist(), labels.tolist(), targets.tolist(), strict=True)

    def degrees(self) -> Ordinals:
        """How many links between selected nodes touch each node (by ordinal)."""
        sources, _, targets = self.edge_arrays()
        size = len(self.selected)
        return np.bincount(sources, minlength=size) + np.bincount(targets, minlength=size)

    def restricted(self, keep: Mask) -> View:
        """The same view with only the nodes in ``keep``."""
        return View(self.index, self.selected & keep, self.omitted)


def graph_view(graph: KnowledgeGraph) -> View:
    """Every drawable entity of the graph and the links between them."""
    index = GraphIndex(graph)
    return View(index, np.ones(len(index), dtype=np.bool_))


def find_node(view: View, focus: str) -> int:
    """The node a user means by an IRI or a name (exact, else the one partial match)."""
    by_iri = view.index.entities.ordinal(focus.encode("utf-8"))
    if by_iri >= 0 and view.selected[by_iri]:
        return by_iri
    # The one node a name found stays the one in any part of the view that holds it.
    found = view.index.found.get(focus)
    if found is not None and view.selected[found]:
        return found
    matches, count = view.index.search(focus.strip().casefold(), view.selected)
    if count == 1:
        view.index.found[focus] = matches[0][1]
        return matches[0][1]
    if count > 1:
        named = ", ".join(f"{shorten(label)} <{iri}>" for iri, _, label in matches)
        raise ConfigError(f"{focus!r} names {count} nodes; give one of their IRIs: {named}")
    raise ConfigError(f"no node is named {focus!r} (search is by name, headline or IRI)")


def neighbourhood(view: View, start: int, depth: int) -> Mask:
    """The nodes within ``depth`` links of ``start``, whichever way the links point."""
    sources, _, targets = view.edge_arrays()
    ends = np.concatenate([sources, targets])
    others = np.concatenate([targets, sources])
    order = np.argsort(ends, kind="stable")
    ends, others = ends[order], others[order]
    seen = np.zeros(len(view.selected), dtype=np.bool_)
    seen[start] = True
    frontier = np.array([start], dtype=np.int64)
    for _ in range(depth):
        lows = np.searchsorted(ends, frontier, side="left")
        highs = np.searchsorted(ends, frontier, side="right")
        reached = np.concatenate([others[low:high] for low, high in zip(lows, highs, strict=True)])
        frontier = np.unique(reached[~seen[reached]])
        if not len(frontier):
            break
        seen[frontier] = True
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
        in_period = np.zeros(len(view.selected), dtype=np.bool_)
        for node, date in view.index.published.items():
            if (since is None or date[: len(since)] >= since) and (
                until is None or date[: len(until)] <= until
            ):
                in_period[node] = True
        in_period &= view.selected
        sources, _, targets = view.edge_arrays()
        linked = np.zeros(len(view.selected), dtype=np.bool_)
        linked[targets[in_period[sources]]] = True
        linked[sources[in_period[targets]]] = True
        view = view.restricted(in_period | (linked & (kinds != _ARTICLE)))
    if focus is not None:
        start = find_node(view, focus)
        view = view.restricted(neighbourhood(view, start, depth))
    if types:
        codes = [KINDS.index(kind) for kind in types]
        view = view.restricted(np.isin(kinds, codes))
    return view


def budgeted(view: View, max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """At most ``max_nodes`` nodes: the best connected ones (ties by ordinal, that is by
    a hash of the IRI, so the choice is stable)."""
    nodes = np.flatnonzero(view.selected)
    if len(nodes) <= max_nodes:
        return view
    degree = view.degrees()[nodes]
    chosen = nodes[np.lexsort((nodes, -degree))[:max_nodes]]
    keep = np.zeros(len(view.selected), dtype=np.bool_)
    keep[chosen] = True
    kept = view.restricted(keep)
    kept.omitted = len(nodes) - max_nodes
    return kept


def view_data(view: View, *, focus: int | None = None) -> dict[str, Any]:
    """The JSON the page draws: nodes, edges, node types, counts."""
    nodes = view.nodes
    view.index.describe(nodes)
    labels = view.index.labels
    edges = sorted({(view.iri(s), labels[p], view.iri(o)) for s, p, o in view.edges()})
    degree: dict[str, int] = {}
    for start, _, end in edges:
        degree[start] = degree.get(start, 0) + 1
        degree[end] = degree.get(end, 0) + 1
    kinds = view.index.kinds
    return {
        "nodes": [
            {
                "id": iri,
                "label": shorten(view.label(node)),
                "title": view.label(node),
                "type": KINDS[kinds[node]],
                "degree": degree.get(iri, 0),
                "properties": sorted(view.index.details(node).properties.items()),
            }
            for iri, node in sorted((view.iri(n), n) for n in nodes)
        ],
        "edges": [{"from": s, "to": o, "label": p} for s, p, o in edges],
        "types": {kind: vars(style) for kind, (_, style) in NODE_TYPES.items()},
        "omitted": view.omitted,
        "focus": view.iri(focus) if focus is not None else None,
    }


def shorten(text: str, limit: int = 48) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when it was longer."""
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
    focus_node = None
    if focus is not None and chosen.selected.any():
        focus_node = find_node(chosen, focus)
    return view_data(chosen, focus=focus_node)

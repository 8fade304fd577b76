"""The entity overview: who and what the articles mention, and which of them appear together.

Nodes are entities (officials, people, organizations, cities, outlets), sized by
the number of articles that link to them (mention, cite, publish); an edge between
two entities counts the articles they share. Articles are not nodes: each entity
carries the newest of its articles (headline, date, outlet, link and the sentence
that mentions it) for the page's side panel, and every count carries a histogram
over time, so the page can re-weight the graph for a period without reloading.

Everything is computed from the arrays of ``kg.views.GraphIndex`` (entity ordinals,
10 bytes a link), in bounded memory:

- the entities drawn are the ``max_nodes`` most mentioned (ties broken by ordinal,
  a hash of the IRI, so the choice is stable);
- pairs of drawn entities are counted a chunk of articles at a time: 16 bytes a
  distinct pair (at most n(n-1)/2 for n drawn entities: 32 MB at 2,000);
- each entity keeps its strongest ties (``TIES_PER_NODE``) and its strongest typed
  links (``TYPED_PER_NODE``: an official's office, an organization's place, an
  outlet citing another);
- the page holds at most ``articles_per_entity`` articles per entity, newest first,
  and says so where an entity has more.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pyoxigraph as ox

from kg.errors import ConfigError
from kg.graph import KnowledgeGraph
from kg.layout import force_layout
from kg.namespaces import KG, RDF
from kg.views import DEFAULT_MAX_NODES, KINDS, NODE_TYPES, GraphIndex, shorten

OVERVIEW_TYPES = ("official", "person", "organization", "city", "outlet")
"""The kinds the overview draws by default."""
ENTITY_TYPES = (*OVERVIEW_TYPES, "topic")
"""The kinds the overview can draw (``--types``); articles and quotes are the article graph's."""
DEFAULT_ARTICLES_PER_ENTITY = 20
TIES_PER_NODE = 5
TYPED_PER_NODE = 2
PAIRS_PER_CHUNK = 500_000
MAX_BUCKETS = 120
SENTENCE_LIMIT = 280

# Community colours: the largest communities get these, the rest the last (grey).
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#86bcb6",
    "#d4a6c8",
    "#8cd17d",
)
OTHER_COLOUR = "#bab0ac"

# How a typed link between two entities reads ("Eric Adams  Mayor of  New York City").
_LINK_PHRASES = {
    "location": "located in",
    "memberOf": "member of",
    "worksFor": "works for",
    "parentOrganization": "part of",
    "subOrganization": "has part",
    "affiliation": "affiliated with",
    "knows": "knows",
}

Ordinals = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]


@dataclass
class _Incidence:
    """Which drawn entity each article links to: rows sorted by article."""

    articles: Ordinals  # article ordinal per row
    nodes: Ordinals  # drawn entity (0..n-1) per row
    buckets: Ordinals  # the article's period bucket per row


@dataclass
class _Periods:
    """Period buckets of the articles' dates (days, months or years); the bucket after the
    last holds the undated articles."""

    labels: list[str]
    of_article: dict[int, int]

    @property
    def undated(self) -> int:
        """The bucket of articles without a date."""
        return len(self.labels)

    def bucket(self, articles: Ordinals, size: int) -> Ordinals:
        """The bucket of each of these article ordinals (of ``size`` ordinals in all)."""
        table = np.full(size, self.undated, dtype=np.int16)
        if self.of_article:
            table[list(self.of_article)] = list(self.of_article.values())
        return table[articles].astype(np.int64)


def _in_period(date: str, since: str | None, until: str | None) -> bool:
    return (since is None or date[: len(since)] >= since) and (
        until is None or date[: len(until)] <= until
    )


def _periods(dates: dict[int, str]) -> _Periods:
    """Buckets over the span of ``dates``: days up to three months, months up to ten
    years, else years."""
    days = sorted({date[:10] for date in dates.values() if len(date) >= 10})
    if not days:
        return _Periods([], {})
    first, last = days[0], days[-1]
    months = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7])
    if months <= 2 and len(days) <= MAX_BUCKETS:
        width = 10
        labels = _days_between(first, last)
    elif months < MAX_BUCKETS:
        width = 7
        labels = [
            f"{year:04d}-{month:02d}"
            for year in range(int(first[:4]), int(last[:4]) + 1)
            for month in range(1, 13)
            if first[:7] <= f"{year:04d}-{month:02d}" <= last[:7]
        ]
    else:
        width = 4
        labels = [f"{year:04d}" for year in range(int(first[:4]), int(last[:4]) + 1)]
    position = {label: at for at, label in enumerate(labels)}
    of_article = {
        article: position[date[:width]]
        for article, date in dates.items()
        if len(date) >= 10 and date[:width] in position
    }
    return _Periods(labels, of_article)


def _days_between(first: str, last: str) -> list[str]:
    from datetime import date, timedelta

    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


def _pairs(incidence: _Incidence) -> Iterator[tuple[Ordinals, Ordinals, Ordinals]]:
    """Every two drawn entities that share an article, as (low, high, bucket) arrays, a
    chunk at a time (about ``PAIRS_PER_CHUNK`` pairs)."""
    rows = len(incidence.articles)
    if rows < 2:
        return
    boundaries = np.flatnonzero(np.diff(incidence.articles)) + 1
    ends = np.repeat(
        np.append(boundaries, rows), np.diff(np.concatenate(([0], boundaries, [rows])))
    )
    partners = ends - np.arange(rows) - 1  # the rows after each one in its article
    cumulative = np.cumsum(partners)
    start = 0
    while start < rows:
        budget = (cumulative[start - 1] if start else 0) + PAIRS_PER_CHUNK
        stop = max(int(np.searchsorted(cumulative, budget, side="right")), start + 1)
        counts = partners[start:stop]
        total = int(counts.sum())
        if total:
            first = np.repeat(np.arange(start, stop), counts)
            offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
            second = first + 1 + offsets
            a, b = incidence.nodes[first], incidence.nodes[second]
            yield np.minimum(a, b), np.maximum(a, b), incidence.buckets[first]
        start = stop


class _Tally:
    """Counts of int64 keys, added a chunk at a time: chunks wait in a list and are merged
    into one sorted array when they hold as many entries as it (so a merge, which costs
    the distinct keys so far, comes ever more rarely)."""

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.int64)
        self.counts = np.zeros(0, dtype=np.int64)
        self._pending: list[tuple[Ordinals, Ordinals]] = []
        self._waiting = 0

    def add(self, keys: Ordinals) -> None:
        """Count each of these keys once more."""
        chunk, counts = np.unique(keys, return_counts=True)
        self._pending.append((chunk, counts.astype(np.int64)))
        self._waiting += len(chunk)
        if self._waiting >= max(len(self.keys), PAIRS_PER_CHUNK):
            self._merge()

    def totals(self) -> tuple[Ordinals, Ordinals]:
        """The distinct keys, sorted, and their counts."""
        self._merge()
        return self.keys, self.counts

    def _merge(self) -> None:
        if not self._pending:
            return
        merged, inverse = np.unique(
            np.concatenate([self.keys, *(keys for keys, _ in self._pending)]),
            return_inverse=True,
        )
        self.counts = np.bincount(
            inverse, np.concatenate([self.counts, *(counts for _, counts in self._pending)])
        ).astype(np.int64)
        self.keys = merged
        self._pending.clear()
        self._waiting = 0


def _count_pairs(incidence: _Incidence, size: int) -> tuple[Ordinals, Ordinals]:
    """The distinct pairs of drawn entities that share articles (as ``low * size + high``,
    sorted) and how many articles each pair shares."""
    tally = _Tally()
    for low, high, _ in _pairs(incidence):
        tally.add(low * size + high)
    return tally.totals()


def _histograms(
    incidence: _Incidence, edge_keys: Ordinals, size: int, buckets: int
) -> list[list[int]]:
    """For each edge (sorted keys), its shared articles per bucket as [bucket, count, ...]."""
    tally = _Tally()
    for low, high, bucket in _pairs(incidence):
        keys = low * size + high
        where = np.minimum(np.searchsorted(edge_keys, keys), max(len(edge_keys) - 1, 0))
        hit = edge_keys[where] == keys if len(edge_keys) else np.zeros(len(keys), dtype=np.bool_)
        tally.add(where[hit] * buckets + bucket[hit])
    return _sparse_rows(tally.totals(), len(edge_keys), buckets)


def _sparse_rows(totals: tuple[Ordinals, Ordinals], rows: int, buckets: int) -> list[list[int]]:
    """Rows of [bucket, count, ...] from the counts of keys ``row * buckets + bucket``."""
    histograms: list[list[int]] = [[] for _ in range(rows)]
    for key, total in zip(totals[0].tolist(), totals[1].tolist(), strict=True):
        row, bucket = divmod(key, buckets)
        histograms[row] += [bucket, total]
    return histograms


def _strongest(
    keys: Ordinals, weights: Ordinals, size: int, mentions: Ordinals, per_node: int
) -> Ordinals:
    """The indices of the edges that are among the ``per_node`` strongest of either end.

    Strength is association, not size: the shared articles over the geometric mean of
    the two entities' articles (Salton's cosine). By raw counts every entity's strongest
    tie would be to the few most mentioned ones, and the picture a star around them.
    Ties of equal strength: the heavier edge, the more mentioned neighbour, the lower
    node number.
    """
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    low, high = keys // size, keys % size
    ends = np.concatenate((low, high))
    others = np.concatenate((high, low))
    edge = np.concatenate((np.arange(len(keys)), np.arange(len(keys))))
    weight = np.concatenate((weights, weights))
    strength = weight / np.sqrt(np.maximum(mentions[ends] * mentions[others], 1))
    order = np.lexsort((others, -mentions[others], -weight, -strength, ends))
    ends, edge = ends[order], edge[order]
    first = np.searchsorted(ends, ends, side="left")
    rank = np.arange(len(ends)) - first
    return np.unique(edge[rank < per_node])


def _weights_of(wanted: Ordinals, keys: Ordinals, weights: Ordinals) -> Ordinals:
    """The weight of each wanted pair key (0 for a pair that shares no article)."""
    if not len(keys):
        return np.zeros(len(wanted), dtype=np.int64)
    where = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return np.where(keys[where] == wanted, weights[where], 0).astype(np.int64)


def _communities(size: int, low: Ordinals, high: Ordinals, weights: Ordinals) -> Ordinals:
    """A community number per node (Louvain, networkx, seeded), the largest first."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(size))
    graph.add_weighted_edges_from(zip(low.tolist(), high.tolist(), weights.tolist(), strict=True))
    found = nx.community.louvain_communities(graph, weight="weight", seed=7)
    ordered = sorted(found, key=lambda members: (-len(members), min(members)))
    community = np.zeros(size, dtype=np.int64)
    for number, members in enumerate(ordered):
        community[list(members)] = number
    return community


def _typed_links(
    index: GraphIndex, local: Ordinals, articles: Ordinals
) -> dict[tuple[int, int], set[str]]:
    """Typed links between drawn entities, as (from, to) -> phrases: an official's office
    ("Mayor of"), other links between entities ("located in"), and an outlet that
    publishes an article citing another outlet ("cites")."""
    sources, targets, labels = index.sources, index.targets, index.link_labels
    both = (local[sources] >= 0) & (local[targets] >= 0)
    links: dict[tuple[int, int], set[str]] = {}
    for source, target, label in zip(
        local[sources[both]].tolist(),
        local[targets[both]].tolist(),
        labels[both].tolist(),
        strict=True,
    ):
        name = index.labels[label]
        phrase = f"{name} of" if label in index.role_ids else _LINK_PHRASES.get(name, name)
        links.setdefault((source, target), set()).add(phrase)
    names = {name: at for at, name in enumerate(index.labels)}
    if "publisher" in names and "citation" in names:
        counted = np.zeros(len(index), dtype=np.bool_)
        counted[articles] = True
        from_articles = counted[sources]
        publishes = from_articles & (labels == names["publisher"]) & (local[targets] >= 0)
        cites = from_articles & (labels == names["citation"]) & (local[targets] >= 0)
        publisher = dict(zip(sources[publishes].tolist(), targets[publishes].tolist(), strict=True))
        for article, cited in zip(sources[cites].tolist(), targets[cites].tolist(), strict=True):
            outlet = publisher.get(article)
            if outlet is not None and outlet != cited:
                links.setdefault((int(local[outlet]), int(local[cited])), set()).add("cites")
    return links


def _newest(incidence: _Incidence, rank: Ordinals, size: int, limit: int) -> list[list[int]]:
    """Each drawn entity's ``limit`` newest articles (ordinals; undated last)."""
    order = np.lexsort((incidence.articles, rank[incidence.articles], incidence.nodes))
    nodes, articles = incidence.nodes[order], incidence.articles[order]
    first = np.searchsorted(nodes, nodes, side="left")
    keep = (np.arange(len(nodes)) - first) < limit
    newest: list[list[int]] = [[] for _ in range(size)]
    for node, article in zip(nodes[keep].tolist(), articles[keep].tolist(), strict=True):
        newest[node].append(article)
    return newest


def _sentences(
    graph: KnowledgeGraph, wanted: dict[tuple[bytes, bytes], None]
) -> dict[tuple[bytes, bytes], str]:
    """The sentence behind each wanted (article IRI, entity IRI) link: the evidence record
    that starts earliest in the text. One pass over the graph's statements."""
    prefix = f"<{graph.base}evidence/".encode()
    subject_p, object_p = f"<{RDF.subject}>".encode(), f"<{RDF.object}>".encode()
    start_p, sentence_p = f"<{KG.charStart}>".encode(), f"<{KG.sentence}>".encode()
    found: dict[tuple[bytes, bytes], tuple[int, bytes]] = {}
    record: bytes = b"\n"  # no line starts with it
    article = entity = sentence = b""
    start = 0

    def close() -> None:
        pair = (article, entity)
        if sentence and pair in wanted:
            earlier = found.get(pair)
            if earlier is None or (start, sentence) < earlier:
                found[pair] = (start, sentence)

    skip = len(prefix)
    for line in graph.dataset.triple_lines():
        # Most lines are evidence records; only four of their twelve statements matter.
        if not line.startswith(prefix):
            continue
        space = line.index(b" ", skip) + 1
        if line.startswith(subject_p, space):
            field = 1
        elif line.startswith(object_p, space):
            field = 2
        elif line.startswith(start_p, space):
            field = 3
        elif line.startswith(sentence_p, space):
            field = 4
        else:
            continue
        if not line.startswith(record, 0, space):
            close()
            record, article, entity, sentence, start = line[:space], b"", b"", b"", 0
        if field == 1:
            article = line[space + len(subject_p) + 2 : line.rindex(b">")]
        elif field == 2:
            at = space + len(object_p) + 1
            entity = line[at + 1 : line.rindex(b">")] if line[at : at + 1] == b"<" else b""
        elif field == 3:
            at = space + len(start_p) + 2
            start = int(line[at : line.index(b'"', at)])
        else:
            sentence = line
    close()
    texts: dict[tuple[bytes, bytes], str] = {}
    for pair, (_, line) in found.items():
        sentence_literal = next(iter(KnowledgeGraph.parse_triples([line]))).object
        if isinstance(sentence_literal, ox.Literal):
            texts[pair] = shorten(" ".join(sentence_literal.value.split()), SENTENCE_LIMIT)
    return texts


def _date_ranks(index: GraphIndex) -> Ordinals:
    """Per ordinal, the rank of its article's date, newest first; undated last."""
    rank = np.full(len(index), len(index.published), dtype=np.int64)
    dated = sorted(index.published.items(), key=lambda item: (item[1], -item[0]), reverse=True)
    for position, (article, _) in enumerate(dated):
        rank[article] = position
    return rank


def overview_data(
    index: GraphIndex,
    *,
    types: set[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    articles_per_entity: int = DEFAULT_ARTICLES_PER_ENTITY,
) -> dict[str, Any]:
    """The JSON the overview page draws, from a graph's index."""
    chosen = types if types else set(OVERVIEW_TYPES)
    unknown = sorted(chosen - set(ENTITY_TYPES))
    if unknown:
        raise ConfigError(
            f"the entity overview draws {', '.join(ENTITY_TYPES)}, not {', '.join(unknown)}:"
            " use --articles for the article graph"
        )
    counted = _counted_articles(index, since, until)
    articles, entities = _article_links(index, counted, chosen)
    mentions = np.bincount(entities, minlength=len(index))
    candidates = np.flatnonzero(mentions)
    drawn = candidates[np.lexsort((candidates, -mentions[candidates]))[:max_nodes]]
    size = len(drawn)
    local = np.full(len(index), -1, dtype=np.int64)
    local[drawn] = np.arange(size)
    node_mentions = mentions[drawn]
    on_drawn = local[entities] >= 0
    articles, nodes = articles[on_drawn], local[entities[on_drawn]]
    periods = _periods({a: d for a, d in index.published.items() if counted[a]})
    incidence = _Incidence(articles, nodes, periods.bucket(articles, len(index)))
    buckets = len(periods.labels) + 1

    ties = _ties(index, incidence, local, node_mentions, buckets)
    community = _communities(size, ties.low, ties.high, np.maximum(ties.weights, 1))
    positions = force_layout(
        size, ties.low, ties.high, np.maximum(ties.weights, 1), groups=community, seed=size
    )
    # About 100 px between neighbours, in whole pixels (compact, stable).
    positions = np.rint(positions * 100).astype(np.int64)
    node_tally = _Tally()
    node_tally.add(incidence.nodes * buckets + incidence.buckets)
    node_histograms = _sparse_rows(node_tally.totals(), size, buckets)
    panel = _panel(index, drawn, incidence, periods, articles_per_entity)

    nodes_data = []
    for position, node in enumerate(drawn.tolist()):
        details = index.details(node)
        nodes_data.append(
            {
                "id": details.iri,
                "label": shorten(index.label(node), 32),
                "title": index.label(node),
                "type": KINDS[index.kinds[node]],
                "count": int(node_mentions[position]),
                "community": int(community[position]),
                "x": int(positions[position, 0]),
                "y": int(positions[position, 1]),
                "hist": node_histograms[position],
                "articles": panel.listings[position],
                "properties": sorted(details.properties.items()),
            }
        )
    return {
        "mode": "entities",
        "nodes": nodes_data,
        "edges": ties.rows(),
        "articles": panel.articles,
        "sentences": panel.sentences,
        "periods": periods.labels,
        "communities": _community_legend(community, node_mentions, nodes_data),
        "types": {kind: vars(style) for kind, (_, style) in NODE_TYPES.items() if kind in chosen},
        "omitted": int(len(candidates) - size),
        "articlesPerEntity": articles_per_entity,
        "articleCount": len(np.unique(articles)),
        "period": [since, until] if since or until else None,
    }


def _counted_articles(index: GraphIndex, since: str | None, until: str | None) -> Mask:
    """Which ordinals are articles that count: all of them, or those of the period."""
    counted: Mask = index.kinds == KINDS.index("article")
    if since or until:
        counted = np.zeros(len(index), dtype=np.bool_)
        for article, date in index.published.items():
            counted[article] = _in_period(date, since, until)
    return counted


def _article_links(index: GraphIndex, counted: Mask, chosen: set[str]) -> tuple[Ordinals, Ordinals]:
    """(article, entity) ordinals, once each, of the links from counted articles to
    entities of the chosen kinds (mentions, citations, publishers, topics), by article."""
    is_entity = np.isin(index.kinds, [KINDS.index(kind) for kind in chosen])
    keep = counted[index.sources] & is_entity[index.targets]
    total = max(len(index), 1)
    pairs = np.unique(index.sources[keep].astype(np.int64) * total + index.targets[keep])
    return pairs // total, pairs % total


@dataclass
class _Ties:
    """The drawn edges: their ends (low < high, drawn numbers), shared articles, shared
    articles per period, and typed phrases by direction."""

    low: Ordinals
    high: Ordinals
    weights: Ordinals
    histograms: list[list[int]]
    typed: dict[tuple[int, int], set[str]]

    def rows(self) -> list[list[Any]]:
        """[low, high, weight, histogram, [[phrase, 1 (low to high) or -1], ...]] per edge."""
        rows = []
        for at, (a, b) in enumerate(zip(self.low.tolist(), self.high.tolist(), strict=True)):
            phrases = sorted(
                [[phrase, 1] for phrase in self.typed.get((a, b), ())]
                + [[phrase, -1] for phrase in self.typed.get((b, a), ())]
            )
            rows.append([a, b, int(self.weights[at]), self.histograms[at], phrases])
        return rows


def _ties(
    index: GraphIndex, incidence: _Incidence, local: Ordinals, mentions: Ordinals, buckets: int
) -> _Ties:
    """Each drawn entity's strongest ties and strongest typed links, with their weights."""
    size = len(mentions)
    keys, weights = _count_pairs(incidence, size)
    strong = _strongest(keys, weights, size, mentions, TIES_PER_NODE)
    typed = _typed_links(index, local, np.unique(incidence.articles))
    typed_keys = np.array(
        sorted({min(a, b) * size + max(a, b) for a, b in typed if a != b}), dtype=np.int64
    )
    typed_weights = _weights_of(typed_keys, keys, weights)
    typed_kept = _strongest(typed_keys, typed_weights, size, mentions, TYPED_PER_NODE)
    edge_keys = np.union1d(keys[strong], typed_keys[typed_kept])
    return _Ties(
        edge_keys // max(size, 1),
        edge_keys % max(size, 1),
        _weights_of(edge_keys, keys, weights),
        _histograms(incidence, edge_keys, size, buckets),
        typed,
    )


@dataclass
class _Panel:
    """What the side panel lists: per drawn entity [article row, sentence number or -1],
    the article rows, and the sentences."""

    listings: list[list[list[int]]]
    articles: list[list[Any]]
    sentences: list[str]


def _panel(
    index: GraphIndex, drawn: Ordinals, incidence: _Incidence, periods: _Periods, limit: int
) -> _Panel:
    """Each drawn entity's newest articles, with the sentence that links it to each."""
    newest = _newest(incidence, _date_ranks(index), len(drawn), limit)
    listed = sorted({article for articles_of in newest for article in articles_of})
    publisher = _publishers(index, listed)
    index.describe([*drawn.tolist(), *listed, *set(publisher.values())])
    rows, row_of = _article_rows(index, listed, publisher, periods)
    iri = {node: index.details(node).iri.encode() for node in [*drawn.tolist(), *listed]}
    wanted = {
        (iri[article], iri[node]): None
        for node, articles_of in zip(drawn.tolist(), newest, strict=True)
        for article in articles_of
    }
    sentences = _sentences(index.graph, wanted)
    texts = sorted(set(sentences.values()))
    number = {text: at for at, text in enumerate(texts)}
    listings = [
        [
            [row_of[article], number.get(sentences.get((iri[article], iri[node]), ""), -1)]
            for article in articles_of
        ]
        for node, articles_of in zip(drawn.tolist(), newest, strict=True)
    ]
    return _Panel(listings, rows, texts)


def _publishers(index: GraphIndex, articles: list[int]) -> dict[int, int]:
    """The publisher (outlet ordinal) of each of these articles that has one."""
    names = {name: at for at, name in enumerate(index.labels)}
    if "publisher" not in names or not articles:
        return {}
    mask = (index.link_labels == names["publisher"]) & np.isin(index.sources, articles)
    found: dict[int, int] = {}
    for article, outlet in sorted(
        zip(index.sources[mask].tolist(), index.targets[mask].tolist(), strict=True)
    ):
        found.setdefault(article, outlet)
    return found


def _article_rows(
    index: GraphIndex, articles: list[int], publisher: dict[int, int], periods: _Periods
) -> tuple[list[list[Any]], dict[int, int]]:
    """[headline, date, outlet, url, period bucket] per listed article, newest first
    (undated last, ties in ordinal order), and each article's row number."""
    order = sorted(articles, key=lambda article: index.published.get(article, ""), reverse=True)
    table: list[list[Any]] = []
    for article in order:
        outlet = publisher.get(article)
        urls = [
            url
            for url in index.details(article).properties.get("url", [])
            if url.startswith(("http://", "https://"))
        ]
        table.append(
            [
                shorten(index.label(article), 200),
                index.published.get(article, "")[:10],
                index.label(outlet) if outlet is not None else "",
                urls[0] if urls else "",
                periods.of_article.get(article, periods.undated),
            ]
        )
    return table, {article: row for row, article in enumerate(order)}


def _community_legend(
    community: Ordinals, mentions: Ordinals, nodes: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each community's colour and name (its most mentioned member), largest first."""
    legend = []
    for number in range(int(community.max(initial=-1)) + 1):
        members = np.flatnonzero(community == number)
        best = members[np.lexsort((members, -mentions[members]))[0]]
        legend.append(
            {
                "color": PALETTE[number]
                if number < len(PALETTE) and len(members) > 1
                else OTHER_COLOUR,
                "name": nodes[int(best)]["title"],
                "size": len(members),
            }
        )
    return legend


def build_overview(
    graph: KnowledgeGraph | str | Path,
    *,
    types: set[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    articles_per_entity: int = DEFAULT_ARTICLES_PER_ENTITY,
) -> dict[str, Any]:
    """The entity overview of a graph, an exported file or a build folder."""
    from kg.sparql import open_graph

    if max_nodes < 1 or articles_per_entity < 0:
        raise ConfigError("--max-nodes must be at least 1 and --per-entity at least 0")
    return overview_data(
        GraphIndex(open_graph(graph)),
        types=types,
        since=since,
        until=until,
        max_nodes=max_nodes,
        articles_per_entity=articles_per_entity,
    )

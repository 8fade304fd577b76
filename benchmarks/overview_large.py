"""The entity overview at 2,000 and 10,000 entities: time to write it, and open-to-interactive
in headless Chromium.

Run: .venv/bin/python -m benchmarks.overview_large [--entities 2000 --entities 10000]
[--articles-per-entity 2] [--memory]

"Interactive" is the page's first full drawing (``window.kgReady``, set by the first
``afterDrawing`` of vis-network, once every handler is in place); the benchmark
then times what a reader does next: select the most mentioned entity (its panel
with articles) and apply a period filter.

The graph comes from ``news_graph``: articles with known mentions (also used by
the tests), each entity in at least one article, a few entities in many.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.model import ArticleFacts, Evidence, Fact, Iri, Ref
from kg.namespaces import KG, RDF, SDO
from kg.resolve import Resolver

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

_KINDS = (  # share of the entities, type, key prefix
    (0.03, "outlet"),
    (0.10, "city"),
    (0.12, "organization"),
    (0.30, "official"),
    (0.45, "person"),
)


@dataclass
class NewsCorpus:
    """What a generated graph holds: each article's date, headline, publisher and mentions,
    by entity key; and each key's name and IRI."""

    dates: list[datetime] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)
    mentions: list[set[str]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    iris: dict[str, str] = field(default_factory=dict)

    def links(self, article: int) -> set[str]:
        """The entities an article links to: those it mentions and its publisher."""
        return self.mentions[article] | {self.publishers[article]}

    def articles_of(self, key: str) -> list[int]:
        """The articles linking to an entity."""
        return [a for a in range(len(self.dates)) if key in self.links(a)]


def _entity_keys(count: int) -> list[tuple[str, str, str]]:
    """(key, kind, name) for ``count`` entities with distinct names."""
    made: list[tuple[str, str, str]] = []
    for share, kind in _KINDS:
        for number in range(max(2, round(count * share))):
            if len(made) == count:
                break
            if kind == "outlet":
                made.append((f"outlet/news{number}.example", kind, f"News Outlet {number}"))
            elif kind == "city":
                made.append((f"city/{900000 + number}", kind, f"Town {number}"))
            elif kind == "organization":
                made.append((f"organization/agency {number}", kind, f"Agency Number {number}"))
            else:
                label = "Official" if kind == "official" else "Person"
                made.append((f"person/{label.lower()} {number}", kind, f"{label} Number {number}"))
    return made[:count]


def news_graph(
    entities: int, articles: int, *, seed: int = 5, months: int = 12
) -> tuple[KnowledgeGraph, NewsCorpus]:
    """A graph of ``articles`` articles over ``months`` months of 2024 that mention
    ``entities`` entities (every one at least once, a few very often), with evidence
    sentences, publishers, and each official's office (Mayor of a city)."""
    rng = random.Random(seed)
    made = _entity_keys(entities)
    outlets = [key for key, kind, _ in made if kind == "outlet"]
    cities = [key for key, kind, _ in made if kind == "city"]
    others = [key for key, kind, _ in made if kind != "outlet"]
    corpus = NewsCorpus(names={key: name for key, _, name in made})
    weights = [1 / (rank + 1) for rank in range(len(others))]
    items: list[ArticleFacts] = []
    entity_facts: dict[str, list[Fact]] = {}
    for key, kind, name in made:
        ref = Ref(key)
        facts = [Fact(ref, SDO.name, name)]
        if kind == "outlet":
            facts += [
                Fact(ref, RDF.type, Iri(SDO.NewsMediaOrganization)),
                Fact(ref, KG.domain, key[7:]),
            ]
        elif kind == "city":
            facts.append(Fact(ref, RDF.type, Iri(SDO.City)))
        elif kind == "organization":
            facts.append(Fact(ref, RDF.type, Iri(SDO.Organization)))
        else:
            facts.append(Fact(ref, RDF.type, Iri(SDO.Person)))
            if kind == "official":
                place = cities[len(entity_facts) % len(cities)]
                position = Ref(f"position/{key}|mayor|{place}")
                facts += [
                    Fact(ref, RDF.type, Iri(KG.Official)),
                    Fact(ref, KG.holdsPosition, position),
                    Fact(position, RDF.type, Iri(KG.Position)),
                    Fact(position, KG.holder, ref),
                    Fact(position, SDO.roleName, "Mayor"),
                    Fact(position, KG.jurisdiction, Ref(place)),
                ]
        entity_facts[key] = facts
    for index in range(articles):
        date = datetime(2024, 1 + index * months // articles, 1 + index % 28, 8, tzinfo=UTC)
        mentioned = {others[index % len(others)]}
        mentioned |= set(rng.choices(others, weights, k=rng.randint(2, 6)))
        publisher = outlets[rng.randrange(len(outlets))]
        headline = f"Story {index}: {' and '.join(corpus.names[k] for k in sorted(mentioned))}"
        corpus.dates.append(date)
        corpus.headlines.append(headline)
        corpus.publishers.append(publisher)
        corpus.mentions.append(mentioned)
        article = Ref(f"article/https://news.example/story/{index}")
        facts = [
            Fact(article, RDF.type, Iri(SDO.NewsArticle)),
            Fact(article, SDO.headline, headline),
            Fact(article, SDO.datePublished, date),
            Fact(article, SDO.url, Iri(f"https://news.example/story/{index}")),
            Fact(article, SDO.publisher, Ref(publisher)),
            *entity_facts[publisher],
        ]
        for key in sorted(mentioned):
            sentence = f"In story {index}, {corpus.names[key]} was in the news."
            evidence = Evidence("people", "body", 0, len(sentence), sentence)
            facts += [Fact(article, SDO.mentions, Ref(key), evidence), *entity_facts[key]]
        items.append(ArticleFacts(f"story-{index}.md", article, tuple(facts)))
    resolver = Resolver()
    resolver.observe_all(items)
    resolver.finish()
    corpus.iris = {key: resolver.iri(Ref(key)) for key, _, _ in made}
    return KnowledgeGraph.from_facts(items, resolver), corpus


def _memory(graph: KnowledgeGraph, entities: int) -> None:
    """Peak memory that writing the overview allocates (tracemalloc sees numpy too), with
    the part that the view's index of the graph takes."""
    import tracemalloc

    from kg.overview import overview_data
    from kg.views import GraphIndex

    tracemalloc.start()
    index = GraphIndex(graph)
    _, index_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    overview_data(index, max_nodes=entities)
    held, overview_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"  memory: index of {len(index):,} entities and {len(index.sources):,} links"
        f" {index_peak / 2**20:.1f} MiB at its peak; the overview on top of it"
        f" {(overview_peak - held) / 2**20:.1f} MiB"
    )


def _measure(entities: int, articles: int, *, memory: bool) -> None:
    from playwright.sync_api import sync_playwright

    from kg.export.html import view

    started = time.perf_counter()
    graph, _ = news_graph(entities, articles)
    made = time.perf_counter() - started
    if memory:
        _memory(graph, entities)
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "overview.html"
        started = time.perf_counter()
        data = view(graph, page_path, max_nodes=entities)
        written = time.perf_counter() - started
        size = page_path.stat().st_size
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.route(re.compile(r"^https?://"), lambda route: route.abort())
            started = time.perf_counter()
            page.goto(page_path.as_uri())
            while not page.evaluate("() => window.kgReady === true"):
                time.sleep(0.01)
            ready = time.perf_counter() - started
            first = data["nodes"][0]["id"]
            started = time.perf_counter()
            page.evaluate(f"() => window.kgSelect({first!r})")
            listed = page.evaluate("() => document.querySelectorAll('#kg-articles li').length")
            selected = time.perf_counter() - started
            periods = data["periods"]
            started = time.perf_counter()
            page.evaluate(
                f"() => window.kgSetPeriod({periods[0]!r}, {periods[len(periods) // 4]!r})"
            )
            visible = page.evaluate("() => window.kgOverview.visible().length")
            filtered = time.perf_counter() - started
            browser.close()
    print(
        f"{len(data['nodes']):,} entities, {len(data['edges']):,} ties, {articles:,} articles:"
        f" graph made in {made:.1f} s, overview written in {written:.1f} s,"
        f" HTML {size / 1e6:.1f} MB"
    )
    print(f"  Chromium: open to interactive {ready:.2f} s")
    print(
        f"  select the most mentioned entity: {selected * 1000:.0f} ms ({listed} articles listed)"
    )
    print(
        f"  period {periods[0]} to {periods[len(periods) // 4]}: {filtered * 1000:.0f} ms"
        f" ({visible:,} entities left)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--entities", type=int, action="append")
    parser.add_argument("--articles-per-entity", type=float, default=2.0)
    parser.add_argument(
        "--memory", action="store_true", help="also trace the overview's peak memory"
    )
    args = parser.parse_args()
    print(f"# python -m benchmarks.overview_large {' '.join(sys.argv[1:])}")
    for entities in args.entities or [2000, 10000]:
        _measure(entities, int(entities * args.articles_per_entity), memory=args.memory)


if __name__ == "__main__":
    main()

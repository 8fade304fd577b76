"""A 10,000-node article graph (kg view --articles) in headless Chromium: time to draw and
stabilize, and page size. The entity overview has its own: benchmarks.overview_large.

Run: .venv/bin/python -m benchmarks.view_large [--nodes 10000]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from kg.export.html import view
from kg.graph import KnowledgeGraph
from kg.model import ArticleFacts, Fact, Iri, Ref
from kg.namespaces import RDF, SDO
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


def synthetic_graph(nodes: int, seed: int = 3) -> KnowledgeGraph:
    """Articles that mention people and cities: about ``nodes`` entities in all."""
    rng = random.Random(seed)
    articles = nodes // 3
    people = [Ref(f"person/person {i}") for i in range(nodes - articles - nodes // 20)]
    cities = [Ref(f"city/{1000 + i}") for i in range(nodes // 20)]
    items = []
    for index in range(articles):
        article = Ref(f"article/https://news.example/{index}")
        facts = [
            Fact(article, RDF.type, Iri(SDO.NewsArticle)),
            Fact(article, SDO.headline, f"Headline {index}"),
            Fact(
                article,
                SDO.datePublished,
                datetime(2021, 1 + index % 12, 1 + index % 28, tzinfo=UTC),
            ),
        ]
        picked = [people[(3 * index + k) % len(people)] for k in range(3)]
        for person in [*picked, rng.choice(people)][:3]:
            facts += [
                Fact(person, RDF.type, Iri(SDO.Person)),
                Fact(person, SDO.name, person.key[7:].title()),
                Fact(article, SDO.mentions, person),
            ]
        city = rng.choice(cities)
        facts += [
            Fact(city, RDF.type, Iri(SDO.City)),
            Fact(city, SDO.name, f"City {city.key[5:]}"),
            Fact(article, SDO.mentions, city),
        ]
        items.append(ArticleFacts(f"{index}.md", article, tuple(facts)))
    resolver = Resolver()
    resolver.observe_all(items)
    resolver.finish()
    return KnowledgeGraph.from_facts(items, resolver)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    graph = synthetic_graph(args.nodes)
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "view.html"
        started = time.perf_counter()
        data = view(graph, page_path, max_nodes=args.nodes, articles=True)
        write_seconds = time.perf_counter() - started
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.route(re.compile(r"^https?://"), lambda route: route.abort())
            started = time.perf_counter()
            page.goto(page_path.as_uri())
            page.evaluate("() => 1")
            while not page.evaluate("() => window.kgNetwork !== undefined"):
                time.sleep(0.02)
            drawn = time.perf_counter() - started
            while not page.evaluate("() => window.kgStabilized === true"):
                time.sleep(0.05)
            stabilized = time.perf_counter() - started
            started = time.perf_counter()
            selected = page.evaluate("() => window.kgFind('Person 42')")
            search = time.perf_counter() - started
            browser.close()
        size = page_path.stat().st_size
    print(f"# python -m benchmarks.view_large {' '.join(sys.argv[1:])}")
    print(f"nodes {len(data['nodes']):,}, edges {len(data['edges']):,}, HTML {size / 1e6:.1f} MB")
    print(f"view built and written in {write_seconds:.2f} s")
    print(
        f"Chromium: network object ready after {drawn:.2f} s, stabilized after {stabilized:.2f} s"
    )
    print(f"search and focus one node: {search * 1000:.0f} ms ({selected})")


if __name__ == "__main__":
    main()

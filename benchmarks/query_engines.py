"""kg query (Oxigraph) against rdflib's SPARQL engine on a news-like graph of a million triples.

Run: .venv/bin/python -m benchmarks.query_engines [--articles 60000] [--repeat 3]
Prints load and query times for both engines and their ratio.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from multiprocessing import Queue
from pathlib import Path

import pyoxigraph as ox
import rdflib

SCHEMA = "https://schema.org/"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"
KG = "https://kg.example/ns#"
BASE = "https://kg.example/id/"

QUERIES = {
    "articles per outlet (GROUP BY)": f"""
        SELECT ?outlet (COUNT(?a) AS ?n) WHERE {{ ?a <{SCHEMA}publisher>/<{SCHEMA}name> ?outlet }}
        GROUP BY ?outlet ORDER BY DESC(?n)""",
    "officials x city of the same article (join)": f"""
        SELECT ?name ?city (COUNT(DISTINCT ?a) AS ?n) WHERE {{
          ?a <{SCHEMA}mentions> ?p , ?c .
          ?p a <{KG}Official> ; <{SCHEMA}name> ?name .
          ?c a <{SCHEMA}City> ; <{SCHEMA}name> ?city .
        }} GROUP BY ?name ?city ORDER BY DESC(?n) LIMIT 20""",
    "one month, newest first (FILTER, ORDER BY, LIMIT)": f"""
        SELECT ?a ?d WHERE {{ ?a <{SCHEMA}datePublished> ?d .
          FILTER(?d >= "2021-03-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>
              && ?d < "2021-04-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>) }}
        ORDER BY DESC(?d) LIMIT 50""",
}


def news_graph(articles: int, seed: int = 7) -> str:
    """N-Triples of a synthetic news graph: articles, outlets, people, officials, cities, topics."""
    rng = random.Random(seed)
    outlets = [f"{BASE}outlet/outlet{i}.com" for i in range(200)]
    people = [f"{BASE}person/person-{i}" for i in range(20_000)]
    cities = [f"{BASE}city/{1000 + i}" for i in range(2_000)]
    lines: list[str] = []
    add = lines.append
    for index, outlet in enumerate(outlets):
        add(f"<{outlet}> <{TYPE}> <{SCHEMA}NewsMediaOrganization> .")
        add(f'<{outlet}> <{SCHEMA}name> "Outlet {index}" .')
    for index, person in enumerate(people):
        add(f"<{person}> <{TYPE}> <{SCHEMA}Person> .")
        if index % 5 == 0:
            add(f"<{person}> <{TYPE}> <{KG}Official> .")
        add(f'<{person}> <{SCHEMA}name> "Person {index}" .')
    for index, city in enumerate(cities):
        add(f"<{city}> <{TYPE}> <{SCHEMA}City> .")
        add(f'<{city}> <{SCHEMA}name> "City {index}" .')
    for index in range(articles):
        article = f"{BASE}article/{index:012x}"
        day = rng.randrange(365)
        add(f"<{article}> <{TYPE}> <{SCHEMA}NewsArticle> .")
        add(f'<{article}> <{SCHEMA}headline> "Headline number {index}" .')
        add(
            f"<{article}> <{SCHEMA}datePublished> "
            f'"2021-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}T12:00:00Z"'
            f"^^<http://www.w3.org/2001/XMLSchema#dateTime> ."
        )
        add(f"<{article}> <{SCHEMA}publisher> <{rng.choice(outlets)}> .")
        for person in rng.sample(people, 6):
            add(f"<{article}> <{SCHEMA}mentions> <{person}> .")
        for city in rng.sample(cities, 3):
            add(f"<{article}> <{SCHEMA}mentions> <{city}> .")
        add(f'<{article}> <{KG}sourceFile> "corpus/{index}.md" .')
    return "\n".join(lines) + "\n"


def timed(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _rdflib_worker(
    path: str, sparql: str | None, repeat: int, answer: Queue[tuple[float, int]]
) -> None:
    graph = rdflib.Graph()
    started = time.perf_counter()
    graph.parse(path, format="nt")
    if sparql is None:
        answer.put((time.perf_counter() - started, len(graph)))
        return
    rows = len(list(graph.query(sparql)))
    answer.put((timed(lambda: list(graph.query(sparql)), repeat), rows))


def rdflib_time(
    path: Path, sparql: str | None, repeat: int, limit: float
) -> tuple[float | None, int]:
    """rdflib's time in a child process (parse, or one query), or None past ``limit`` seconds."""
    answer: Queue[tuple[float, int]] = multiprocessing.Queue()
    child = multiprocessing.Process(target=_rdflib_worker, args=(str(path), sparql, repeat, answer))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.kill()
        child.join()
        return None, -1
    return answer.get()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=70_000, help="articles (about 15 triples each)"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--limit", type=float, default=600, help="seconds allowed to rdflib per operation"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.nt"
        path.write_text(news_graph(args.articles))
        store = ox.Store()
        load_ox = timed(lambda: store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES), 1)
        triples = len(store)
        print(f"# python -m benchmarks.query_engines {' '.join(sys.argv[1:])}")
        print(
            f"# {triples:,} triples; median of {args.repeat} runs; "
            f"rdflib stopped after {args.limit:.0f} s"
        )
        print(f"{'operation':52} {'kg (Oxigraph)':>14} {'rdflib':>10} {'ratio':>8}")
        slow, _ = rdflib_time(path, None, 1, args.limit)
        _report("load N-Triples", load_ox, slow, args.limit)
        for name, sparql in QUERIES.items():
            fast_rows = len(list(store.query(sparql)))  # type: ignore[arg-type]
            fast = timed(lambda q=sparql: list(store.query(q)), args.repeat)  # type: ignore[arg-type,misc]
            slow, slow_rows = rdflib_time(path, sparql, args.repeat, args.limit)
            if slow is not None:
                assert fast_rows == slow_rows, (name, fast_rows, slow_rows)
            _report(name, fast, slow, args.limit)


def _report(name: str, fast: float, slow: float | None, limit: float) -> None:
    if slow is None:
        over, ratio = f">{limit:.0f}s", f">{limit / fast:.0f}x"
        print(f"{name:52} {fast:13.3f}s {over:>10} {ratio:>8}", flush=True)
    else:
        print(f"{name:52} {fast:13.3f}s {slow:9.3f}s {slow / fast:7.0f}x", flush=True)


if __name__ == "__main__":
    main()

"""Every shipped query timed over one opened graph, for the benchmarks that compare stores.

Run in a fresh process, so that the peak memory is the graph's:
``python -m benchmarks.shipped memory|store PATH`` prints one JSON object: the seconds
to open the graph (``open``), each query's seconds and rows, and the peak memory.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from kg.graph import KnowledgeGraph
from kg.sparql import named_queries, open_graph, run


def opened(how: str, path: str) -> KnowledgeGraph:
    """The graph at ``path``: parsed into memory as `kg query --no-store` does, or the
    build's persistent query store (``store``)."""
    if how == "store":
        from kg.querystore import QueryStore

        return QueryStore.open(path).graph()
    graph = open_graph(path)
    graph.query("ASK { ?s ?p ?o }")  # the store is made on first use
    return graph


def main() -> None:
    how, path = sys.argv[1:3]
    started = time.perf_counter()
    graph = opened(how, path)
    figures = {"open": time.perf_counter() - started}
    for name, named in named_queries().items():
        started = time.perf_counter()
        # The text, not the name: run on the graph, never read from a kept answer.
        figures[name + " rows"] = len(run(graph, named.text).rows)
        figures[name] = time.perf_counter() - started
    figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

"""Each export of one build: seconds, growth of the peak memory, and size.

Run: .venv/bin/python -m benchmarks.exports CORPUS [--store DIR] [--format NAME ...]
A ``--store`` kept by an earlier build (``benchmarks.throughput --store DIR`` keeps
DIR/facts-N for its corpus DIR/corpus-N) skips extraction. The build's own peak
comes first; an export that holds the graph in memory shows as growth beyond it.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import kg
from kg.export import exporters


def peak_mib() -> float:
    """The process's peak resident memory so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def size_mib(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--format", action="append", dest="formats")
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()
    formats = options.formats or ["graphml", "neo4j", "turtle", "html"]
    print(f"# python -m benchmarks.exports {' '.join(sys.argv[1:])}")
    print(f"# {datetime.now():%Y-%m-%d %H:%M}, Python {sys.version.split()[0]}")
    started = time.perf_counter()
    graph = kg.build([options.corpus], jobs=options.jobs, store=options.store)
    print(
        f"build: {time.perf_counter() - started:.1f} s, {graph.dataset.quads:,} quads, "
        f"{len(graph):,} triples, peak {peak_mib():.0f} MiB"
    )
    print(f"{'format':<10} {'seconds':>8} {'peak MiB':>9} {'growth':>7} {'MiB out':>8}")
    with tempfile.TemporaryDirectory(prefix="kg-exports-") as folder:
        for name in formats:
            exporter = exporters.get(name)
            target = Path(folder) / exporter.filename
            before = peak_mib()
            started = time.perf_counter()
            exporter.write(graph, target)
            seconds = time.perf_counter() - started
            growth = peak_mib() - before
            print(
                f"{name:<10} {seconds:>8.1f} {peak_mib():>9.0f} {growth:>7.0f} "
                f"{size_mib(target):>8.1f}"
            )


if __name__ == "__main__":
    main()

"""Every shipped query over the N-Quads export against the Turtle export of the same build.

Run: .venv/bin/python -m benchmarks.named_graphs --articles 1000 [--articles 10000]
         [--keep DIR] [--jobs 2]

For each corpus size it generates the benchmarks' synthetic corpus (`benchmarks.corpus`,
where each official is named in dozens of articles), builds it once into Turtle and
N-Quads, then runs every shipped query as a user does (`kg query OUT/graph.ttl NAME`,
`kg query OUT/graph.nq NAME`: the file parsed, the query answered), each in a fresh
process, and prints its seconds, its peak resident memory and the N-Quads/Turtle ratio.
The issue's targets: over N-Quads at most 2x the Turtle time and under 1 GB at 1,000
articles; each query under 10 s at 10,000. `--keep DIR` keeps (and reuses) the corpus and
its build in DIR/N.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import generate
from kg.sparql import named_queries

QUERY = """
import json, resource, sys, time
from kg.sparql import run
started = time.perf_counter()
result = run(sys.argv[1], sys.argv[2])
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rows": len(result.rows), "peak_mib": peak}))
"""


def build(corpus: Path, out: Path, articles: int, jobs: int) -> None:
    """The corpus and its Turtle and N-Quads exports, reused when ``out`` has them."""
    if (out / "graph.ttl").exists() and (out / "graph.nq").exists():
        return
    generate(corpus, articles)
    command = [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out)]
    command += ["-f", "turtle", "-f", "nquads", "--jobs", str(jobs), "--quiet"]
    started = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL)
    if not (out / "graph.nq").exists():
        sys.exit(f"the build of {articles} articles wrote no graph.nq ({' '.join(command)})")
    print(f"  built {articles:,} articles in {time.perf_counter() - started:.0f} s")


def measure(graph: Path, name: str) -> dict[str, float]:
    """One query over one export, in a fresh process."""
    answer = subprocess.run(
        [sys.executable, "-c", QUERY, str(graph), name],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(answer.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def report(folder: Path, articles: int) -> None:
    quads = sum(1 for _ in (folder / "graph.nq").open("rb"))
    print(f"\n{articles:,} articles, {quads:,} quads")
    print(
        f"  {'query':<14}{'rows':>8}{'turtle s':>10}{'nquads s':>10}{'ratio':>7}"
        f"{'turtle MiB':>12}{'nquads MiB':>12}"
    )
    for name in named_queries():
        turtle = measure(folder / "graph.ttl", name)
        nquads = measure(folder / "graph.nq", name)
        if turtle["rows"] != nquads["rows"]:
            print(f"  {name}: {turtle['rows']} rows over Turtle, {nquads['rows']} over N-Quads")
        print(
            f"  {name:<14}{int(nquads['rows']):>8,}{turtle['seconds']:>10.2f}"
            f"{nquads['seconds']:>10.2f}{nquads['seconds'] / turtle['seconds']:>7.2f}"
            f"{turtle['peak_mib']:>12.0f}{nquads['peak_mib']:>12.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, action="append")
    parser.add_argument("--keep", type=Path, help="keep and reuse corpora and builds here")
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-named-graphs-") as scratch:
        root = options.keep or Path(scratch)
        for articles in options.articles or [1000]:
            folder = root / str(articles)
            build(folder / "corpus", folder / "out", articles, options.jobs)
            report(folder / "out", articles)
    print("\ncommand: python -m benchmarks.named_graphs " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()

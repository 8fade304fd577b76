"""Every shipped query over the N-Quads export against the Turtle export of the same build.

Run: .venv/bin/python -m benchmarks.named_graphs --articles 1000 [--articles 10000]
         [--keep DIR] [--jobs 2]

For each corpus size it generates the benchmarks' synthetic corpus (`benchmarks.corpus`,
where each official is named in dozens of articles), builds it once into Turtle and
N-Quads, then, for each export in a fresh process, opens it as `kg query` does (the file
parsed into an Oxigraph store) and runs every shipped query on that store, printing the
load time, each query's time and rows, the N-Quads/Turtle ratio and each process's peak
resident memory. The issue's targets: over N-Quads at most 2x the Turtle time and under
1 GB at 1,000 articles; each query under 10 s at 10,000. `--keep DIR` keeps (and reuses)
the corpus and its build in DIR/N.
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
    print(f"  built {articles:,} articles in {time.perf_counter() - started:.0f} s", flush=True)


def measure(graph: Path) -> dict[str, float]:
    """Every shipped query over one export, in a fresh process."""
    answer = subprocess.run(
        [sys.executable, "-m", "benchmarks.shipped", "memory", str(graph)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(answer.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def report(folder: Path, articles: int) -> None:
    quads = sum(1 for _ in (folder / "graph.nq").open("rb"))
    turtle, nquads = measure(folder / "graph.ttl"), measure(folder / "graph.nq")
    print(f"\n{articles:,} articles, {quads:,} quads")
    print(f"  {'':<14}{'rows':>8}{'turtle s':>10}{'nquads s':>10}{'ratio':>7}")
    print(f"  {'load':<14}{'':>8}{turtle['open']:>10.1f}{nquads['open']:>10.1f}")
    for name in named_queries():
        rows = f"{int(nquads[name + ' rows']):,}"
        if turtle[name + " rows"] != nquads[name + " rows"]:
            rows += f" (Turtle: {int(turtle[name + ' rows']):,})"
        ratio = nquads[name] / max(turtle[name], 1e-6)
        print(f"  {name:<14}{rows:>8}{turtle[name]:>10.2f}{nquads[name]:>10.2f}{ratio:>7.2f}")
    peaks = f"{turtle['peak_mib']:,.0f} MiB (Turtle), {nquads['peak_mib']:,.0f} MiB (N-Quads)"
    print(f"  peak memory: {peaks}")


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
    sys.stdout.flush()
    print("\ncommand: python -m benchmarks.named_graphs " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()

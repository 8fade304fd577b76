"""What an incremental build costs: ten new articles on a store of a thousand (and on stores of
other sizes, for flatness), built with --delta and applied to a running Oxigraph server.

Run: .venv/bin/python -m benchmarks.incremental --articles 1000 [2000 ...] [--new 10]
         [--jobs 1] [--keep DIR]

For each store size it generates the benchmarks' synthetic corpus (`benchmarks.corpus`),
builds it into a store (`kg build --store`, N-Quads), loads that into `oxigraph serve`
(`kg load`), then adds ``--new`` articles and prints, each with its command:

- the incremental build that writes the delta alone (`kg build --store S --delta D`),
  beside a build of the new articles alone (what extracting them costs);
- the delta's size: changed and new graphs, removed graphs, quads, bytes;
- applying it to the server (`kg load --delta D`), beside a full build from the store
  (nothing to extract) and a full reload of it into a fresh server; the two servers must
  then hold the same quads.

With more than one size it ends with a table of the incremental build's seconds by store
size: it should not grow with the store (issue #17). `--keep DIR` keeps (and reuses) the
corpus and the first build's store in DIR; a first build that was stopped resumes there,
and a kept store made by a kg without the resolution state (``kg.resolution``) is built
again from its saved facts first.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.corpus import generate
from kg.graphstore import apply_delta, load

KG = [sys.executable, "-m", "kg"]


def run(command: list[str]) -> float:
    """Run a kg command; its wall seconds (exits with its output if it fails)."""
    started = time.perf_counter()
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    if done.returncode not in (0, 3):
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return time.perf_counter() - started


def shown(command: list[str]) -> str:
    return " ".join(["kg", *command[len(KG) :]])


@contextmanager
def oxigraph(location: Path) -> Iterator[str]:
    """`oxigraph serve` on a free port of 127.0.0.1, its default graph the union."""
    binary = shutil.which("oxigraph") or shutil.which(
        "oxigraph", path=str(Path(sys.executable).parent)
    )
    if binary is None:
        sys.exit("no oxigraph CLI: pip install oxigraph")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    command = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        [*command, "--union-default-graph"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    sys.exit("oxigraph serve did not start")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def quads(url: str) -> list[str]:
    """Every quad of the server's named graphs, as sorted text lines."""
    query = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    request = urllib.request.Request(
        f"{url}/query?" + urllib.parse.urlencode({"query": query}),
        headers={"Accept": "text/tab-separated-values"},
    )
    with urllib.request.urlopen(request, timeout=600) as response:
        return sorted(response.read().decode("utf-8").splitlines()[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--new", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep and reuse the corpus and store here")
    options = parser.parse_args()
    rows = []
    for articles in options.articles:
        rows.append((articles, size(articles, options.new, options.jobs, options.keep)))
    if len(rows) > 1:
        print(f"\n{options.new} new articles, by store size (-j {options.jobs}):")
        print("  store    incremental  alone  full rebuild")
        for articles, (incremental, alone, rebuilt) in rows:
            print(f"  {articles:>6,} {incremental:10.1f} s {alone:5.1f} s {rebuilt:8.1f} s")


def size(articles: int, new: int, jobs_count: int, keep: Path | None) -> tuple[float, ...]:
    """Measure one store size; the incremental, new-alone and full-rebuild seconds."""
    jobs = ["-j", str(jobs_count), "-q"]
    with tempfile.TemporaryDirectory(prefix="kg-incremental-") as scratch:
        root = (keep or Path(scratch)) / str(articles)
        news, store, first = root / "news", root / "store", root / "first"
        if not (first / "graph.nq").exists():
            # The corpus is the same each time: a first build that was stopped resumes
            # from what its store had extracted.
            shutil.rmtree(root / "store-first", ignore_errors=True)
            generate(news, articles)
            command = [*KG, "build", str(news), "--store", str(store), "-o", str(first)]
            seconds = run([*command, "-f", "nquads", *jobs])
            print(f"first build of {articles:,} articles: {seconds:.1f} s  ({shown(command)})")
            shutil.copytree(store, root / "store-first")
        elif not any((root / "store-first").glob("resolution-*.pickle")):
            command = [*KG, "build", str(news), "--store", str(root / "store-first")]
            seconds = run([*command, "-o", str(first), "-f", "nquads", *jobs])
            print(f"kept store given a resolution state: {seconds:.1f} s  ({shown(command)})")
        work = Path(scratch) / "work"
        shutil.copytree(root / "store-first", work / "store")
        # The next articles of the same deterministic corpus, numbered after the first,
        # join the corpus where it is: a store knows its files by their paths.
        generate(work / "more", articles + new)
        added, corpus = work / "added", news
        joined = []
        for path in sorted((work / "more").rglob("article-*"))[articles:]:
            target = corpus / path.relative_to(work / "more")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
            joined.append(target)
            (added / path.name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, added / path.name)
        try:
            return measure(root, work, corpus, added, articles, new, jobs)
        finally:
            for path in joined:
                path.unlink()


def measure(
    root: Path, work: Path, corpus: Path, added: Path, articles: int, new: int, jobs: list[str]
) -> tuple[float, float, float]:
    """The incremental build, its delta and its application, beside their full versions."""
    first = root / "first"
    with oxigraph(work / "kept") as kept, oxigraph(work / "fresh") as fresh:
        started = time.perf_counter()
        load(first, f"{kept}/store")
        full = time.perf_counter() - started
        print(f"full load of the first build into oxigraph serve: {full:.1f} s")

        delta = work / "delta"
        command = [*KG, "build", str(corpus), "--store", str(work / "store")]
        command += ["--delta", str(delta), *jobs]
        seconds = run(command)
        alone = [*KG, "build", str(added), "-o", str(work / "alone"), "-f", "nquads", *jobs]
        extract = run(alone)
        folder = next(delta.iterdir())
        manifest = json.loads((folder / "delta.json").read_text())
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(f"\n{new} new articles on a store of {articles:,}:")
        print(f"  incremental build, delta alone: {seconds:8.1f} s  ({shown(command)})")
        print(f"  the {new} new articles built alone: {extract:5.1f} s  ({shown(alone)})")
        print(
            f"  delta: {manifest['changed_graphs']:,} of {manifest['graphs']:,} graphs "
            f"changed ({manifest['new_graphs']:,} new), {manifest['removed_graphs']:,} "
            f"removed, {manifest['changed_quads']:,} quads, {size / 1e6:.2f} MB"
        )
        started = time.perf_counter()
        report = apply_delta(delta, f"{kept}/store")
        applied = time.perf_counter() - started
        print(
            f"  applied to oxigraph serve: {applied:8.2f} s  (kg load --delta {delta} "
            f"--endpoint URL/store: {report.graphs:,} PUT, {report.removed:,} DELETE)"
        )
        whole = [*KG, "build", str(corpus), "--store", str(work / "store")]
        whole += ["-o", str(work / "second"), "-f", "nquads", *jobs]
        rebuilt = run(whole)
        started = time.perf_counter()
        load(work / "second", f"{fresh}/store")
        reloaded = time.perf_counter() - started
        print(f"  for comparison, a full build from the store: {rebuilt:.1f} s ({shown(whole)})")
        print(f"  and a full load of it into a fresh server: {reloaded:.1f} s")
        same = quads(kept) == quads(fresh)
        print(f"  delta-applied server equals the fresh full load: {same}")
        if not same:
            sys.exit(1)
    return seconds, extract, rebuilt


if __name__ == "__main__":
    main()

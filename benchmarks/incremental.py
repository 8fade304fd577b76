"""What an incremental build costs: ten new articles on a store of a thousand (and on stores of
other sizes, for flatness), built with --delta and applied to a running Oxigraph server.

Run: .venv/bin/python -m benchmarks.incremental --articles 1000 [2000 ...] [--new 10]
         [--jobs 1] [--keep DIR] [--no-server]

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
size: it should not grow with the store (issue #17). Each build's figure is its wall seconds
and, in brackets, its CPU seconds. `--no-server` times the builds alone (no server is
loaded: on a busy machine a full load takes most of the run). `--keep DIR` keeps (and reuses) the
corpus and the first build's store in DIR; a first build that was stopped resumes there,
and a kept store made by a kg without the resolution state (``kg.resolution``) is built
again from its saved facts first.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import generate
from kg.delta import DIGESTS
from kg.graphstore import apply_delta, load
from kg.resolution import FORMAT

KG = [sys.executable, "-m", "kg"]


@dataclass(frozen=True)
class Timed:
    """A command's wall seconds and CPU seconds (user and system, its child processes too):
    on a shared machine the CPU seconds are the steadier figure."""

    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall:.1f} s ({self.cpu:.1f} s CPU)"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str]) -> Timed:
    """Run a kg command; its seconds (exits with its output if it fails)."""
    started, cpu = time.perf_counter(), _cpu()
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    if done.returncode not in (0, 3):
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return Timed(time.perf_counter() - started, _cpu() - cpu)


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
    parser.add_argument(
        "--no-server",
        action="store_true",
        help="time the builds alone: no Oxigraph server loaded, the delta not applied",
    )
    options = parser.parse_args()
    rows = []
    for articles in options.articles:
        found = size(articles, options.new, options.jobs, options.keep, not options.no_server)
        rows.append((articles, found))
    if len(rows) > 1:
        print(f"\n{options.new} new articles, by store size (-j {options.jobs}):")
        print("  store    incremental            alone                  full rebuild")
        for articles, (incremental, alone, rebuilt) in rows:
            print(f"  {articles:>6,}   {incremental!s:22} {alone!s:22} {rebuilt}")


def size(
    articles: int, new: int, jobs_count: int, keep: Path | None, servers: bool
) -> tuple[Timed, ...]:
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
            print(f"first build of {articles:,} articles: {seconds}  ({shown(command)})")
            shutil.copytree(store, root / "store-first")
        elif not _stateful(root / "store-first"):
            command = [*KG, "build", str(news), "--store", str(root / "store-first")]
            seconds = run([*command, "-o", str(first), "-f", "nquads", *jobs])
            print(f"kept store given a resolution state: {seconds}  ({shown(command)})")
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
            return measure(root, work, corpus, added, articles, new, jobs, servers=servers)
        finally:
            for path in joined:
                path.unlink()


def _stateful(store: Path) -> bool:
    """Whether a kept store holds a resolution state of this kg's format."""
    if not any(store.glob("resolution-*.pickle")):
        return False
    with closing(sqlite3.connect(store / DIGESTS)) as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'state_key'").fetchone()
    return row is not None and str(row[0]).startswith(f"{FORMAT} ")


def measure(
    root: Path,
    work: Path,
    corpus: Path,
    added: Path,
    articles: int,
    new: int,
    jobs: list[str],
    *,
    servers: bool = True,
) -> tuple[Timed, Timed, Timed]:
    """The incremental build, its delta and its application, beside their full versions
    (without ``servers``, the builds alone: no Oxigraph server is loaded)."""
    first = root / "first"
    with ExitStack() as stack:
        kept = stack.enter_context(oxigraph(work / "kept")) if servers else None
        fresh = stack.enter_context(oxigraph(work / "fresh")) if servers else None
        if kept is not None:
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
        print(f"  incremental build, delta alone: {seconds}  ({shown(command)})")
        print(f"  the {new} new articles built alone: {extract}  ({shown(alone)})")
        print(
            f"  delta: {manifest['changed_graphs']:,} of {manifest['graphs']:,} graphs "
            f"changed ({manifest['new_graphs']:,} new), {manifest['removed_graphs']:,} "
            f"removed, {manifest['changed_quads']:,} quads, {size / 1e6:.2f} MB"
        )
        if kept is not None:
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
        print(f"  for comparison, a full build from the store: {rebuilt} ({shown(whole)})")
        if kept is not None and fresh is not None:
            started = time.perf_counter()
            load(work / "second", f"{fresh}/store")
            reloaded = time.perf_counter() - started
            print(f"  and a full load of it into a fresh server: {reloaded:.1f} s")
            same = quads(kept) == quads(fresh)
            print(f"  delta-applied server equals the fresh full load: {same}")
            if not same:
                sys.exit(1)
    return seconds, extract, rebuilt


if __name__ == "__main__":
    main()

"""The persistent query store against `oxigraph load`, and each shipped query through it.

Run: .venv/bin/python -m benchmarks.query_store --articles 1000 [--keep DIR] [--jobs 2]
         [--serve-only | --quick]

It generates the benchmarks' synthetic corpus (`benchmarks.corpus`), builds it into
N-Quads (reused from `--keep DIR/N` when there), then, each in a fresh process:
  - `oxigraph load --lenient` of that graph.nq into a new folder (the Oxigraph CLI of
    the `oxigraph` package, when installed), the issue's yardstick;
  - the first `kg query BUILD articles` with no store yet (the store's bulk load
    included); the shipped queries' answers it then keeps in a background process (when
    they were kept, and what each step took); the same query again;
  - every shipped query over the opened store, and, for comparison, the load of the
    export into memory that every query paid before the store (`KnowledgeGraph.load`);
  - `kg serve` on the build: its first start, which makes the entity index (with
    `--serve-only`, the kept answers too, in the background, removed first); the home
    page, the entity pages of the 10 most mentioned people, outlets and cities it lists,
    and 20 concurrent clients asking for them (a bounded load on 127.0.0.1);
  - then each shipped query as `kg query BUILD NAME` answers it, from its kept answer.
  - last, the store brought up to date with a delta of 100 article graphs, as an
    incremental build does (`kg.storesync`), against the first query's load.
Targets (issue #22, at 10,000 articles): the first query within 1.5x of `oxigraph load`;
each shipped query afterwards under 1 s; an entity page under 300 ms, 20 concurrent
clients without an error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html import unescape
from pathlib import Path

from benchmarks.corpus import generate
from kg.answers import MADE
from kg.answers import SUFFIX as ANSWERS
from kg.delta import CHANGED, MANIFEST, REMOVED, Delta, graph_runs
from kg.entityindex import SUFFIX
from kg.querystore import STORE_FOLDER, fingerprint, update_store
from kg.sparql import named_queries

PARSE = """
import json, sys, time
from kg.graph import KnowledgeGraph
started = time.perf_counter()
graph = KnowledgeGraph.load(sys.argv[1])
graph.query("ASK { ?s ?p ?o }")
print(json.dumps({"parse": time.perf_counter() - started}))
"""


def build(corpus: Path, out: Path, articles: int, jobs: int) -> None:
    """The corpus and its N-Quads export, reused when ``out`` has it."""
    if (out / "graph.nq").exists():
        return
    generate(corpus, articles)
    command = [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out)]
    command += ["-f", "nquads", "--jobs", str(jobs), "--quiet"]
    started = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL)
    if not (out / "graph.nq").exists():
        sys.exit(f"the build of {articles} articles wrote no graph.nq ({' '.join(command)})")
    print(f"  built {articles:,} articles in {time.perf_counter() - started:.0f} s", flush=True)


def timed(command: list[str]) -> tuple[float, str]:
    """Wall-clock seconds of a command in a fresh process, and what it printed."""
    started = time.perf_counter()
    answer = subprocess.run(command, check=True, capture_output=True, text=True)
    return time.perf_counter() - started, answer.stdout


def oxigraph_load(graph: Path) -> float | None:
    """Seconds for `oxigraph load --lenient` into a new folder, None without the CLI."""
    binary = shutil.which("oxigraph") or shutil.which(
        "oxigraph", path=str(Path(sys.executable).parent)
    )
    if binary is None:
        return None
    with tempfile.TemporaryDirectory(prefix="oxigraph-load-", dir=graph.parent) as folder:
        seconds, _ = timed(
            [binary, "load", "--lenient", "--location", folder, "--file", str(graph)]
        )
    return seconds


def kept_in_background(folder: Path, since: float) -> None:
    """Wait for the answers the first `kg query` keeps in the background; print when
    they were kept (seconds after ``since``) and what making them took."""
    while not list((folder / STORE_FOLDER).glob(f"*{ANSWERS}/{MADE}")):
        if time.perf_counter() - since > 7200:
            sys.exit("the first kg query's background process kept no answers in 2 hours")
        time.sleep(1)
    print(f"  kept answers, in the background: {time.perf_counter() - since:.1f} s after it")
    print(f"  kept answers: {answers_figures(folder)}")


def report(folder: Path, articles: int, *, quick: bool = False) -> None:
    graph = folder / "graph.nq"
    quads = sum(1 for _ in graph.open("rb"))
    shutil.rmtree(folder / STORE_FOLDER, ignore_errors=True)
    size = graph.stat().st_size / 2**20
    print(f"\n{articles:,} articles: {quads:,} quads, graph.nq {size:,.0f} MiB")
    loaded = oxigraph_load(graph)
    if loaded is None:
        print("  oxigraph load --lenient      (no oxigraph CLI: pip install oxigraph)")
    else:
        print(f"  oxigraph load --lenient      {loaded:8.1f} s", flush=True)
    kg_query = [sys.executable, "-m", "kg", "query", str(folder), "articles", "--format", "csv"]
    first, _ = timed(kg_query)
    since = time.perf_counter()
    ratio = f"  ({first / loaded:.2f}x oxigraph load)" if loaded else ""
    print(f"  first kg query (store build) {first:8.1f} s{ratio}", flush=True)
    kept_in_background(folder, since)
    again, _ = timed(kg_query)
    print(f"  kg query again (store ready) {again:8.2f} s  (process start included)")
    if quick:
        kept_queries(folder)
        store_update(folder, first)
        return
    parse = json.loads(timed([sys.executable, "-c", PARSE, str(graph)])[1])["parse"]
    figures = json.loads(
        timed([sys.executable, "-m", "benchmarks.shipped", "store", str(folder)])[1]
    )
    print(f"  parse the export per query   {parse:8.1f} s  (what each query paid before)")
    print(f"  open the store               {figures['open']:8.3f} s")
    print(f"  {'query':<14}{'rows':>10}{'seconds':>10}")
    for name in named_queries():
        print(f"  {name:<14}{int(figures[name + ' rows']):>10,}{figures[name]:>10.3f}")
    print(f"  peak memory of the query process: {figures['peak_mib']:,.0f} MiB")
    serve(folder, remake_answers=False)
    store_update(folder, first)


def fetch(url: str) -> tuple[int, float]:
    """Status and seconds of one GET (status 0: no connection)."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, OSError):
        status = 0  # not listening yet, or the connection failed
    return status, time.perf_counter() - started


def answers_figures(folder: Path) -> str:
    """How the kept answers were made: wall and processor seconds of each step."""
    found = sorted((folder / STORE_FOLDER).glob(f"*{ANSWERS}/{MADE}"))
    if not found:
        return "no kept answers found"
    made = json.loads(found[-1].read_text())
    size = sum(p.stat().st_size for p in found[-1].parent.glob("*.tsv")) / 2**20
    wall = sum(w for w, _ in made.values())
    cpu = sum(c for _, c in made.values())
    steps = ", ".join(f"{name} {w:.1f} ({c:.1f})" for name, (w, c) in made.items())
    return (
        f"made in {wall:.1f} s ({cpu:.1f} s of processor), {size:,.0f} MiB of TSV\n"
        f"  its steps, wall (processor) s: {steps}"
    )


def index_figures(folder: Path) -> str:
    """How the entity index was made: seconds, triples, size (from its meta table)."""
    found = sorted((folder / STORE_FOLDER).glob(f"*{SUFFIX}"))
    if not found:
        return "no entity index found"
    connection = sqlite3.connect(f"file:{found[-1]}?mode=ro", uri=True)
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta"))
    finally:
        connection.close()
    size = found[-1].stat().st_size / 2**20
    cpu = json.loads(meta.get("cpu", "{}"))
    phases = ", ".join(
        f"{name} {seconds:.1f} ({cpu.get(name, float('nan')):.1f})"
        for name, seconds in json.loads(meta["phases"]).items()
    )
    return (
        f"made in {float(meta['seconds']):.1f} s ({sum(cpu.values()):.1f} s of processor),"
        f" {int(meta['triples']):,} triples, {size:,.0f} MiB\n"
        f"  its phases, wall (processor) s: {phases}"
    )


def home_links(html: str) -> dict[str, list[str]]:
    """The entity pages the home page links, by its section titles."""
    links: dict[str, list[str]] = {}
    for title, body in re.findall(r"<section><h2>([^<]*)</h2>(.*?)</section>", html, re.S):
        links[title] = [unescape(href) for href in re.findall(r'href="(/entity\?[^"]+)"', body)]
    return links


def serve(
    folder: Path, clients: int = 20, requests: int = 10, *, remake_answers: bool = True
) -> None:
    """Entity pages of `kg serve` on the build, alone and under ``clients`` at once; its
    first start makes the entity index (removed first if there) and, with
    ``remake_answers``, the kept answers (else kept by the first `kg query`), then each
    shipped query is timed as `kg query` answers it."""
    for stale in (folder / STORE_FOLDER).glob(f"*{SUFFIX}"):
        stale.unlink()
    for stale in (folder / STORE_FOLDER).glob(f"*{ANSWERS}"):
        if remake_answers:
            shutil.rmtree(stale)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "kg", "serve", str(folder), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        started = time.perf_counter()
        while fetch(url + "sparql?query=ASK%7B%7D")[0] != 200:
            if server.poll() is not None or time.perf_counter() - started > 3600:
                sys.exit("kg serve did not start")
            time.sleep(0.5)
        start = time.perf_counter() - started
        print(f"\n  kg serve: first start {start:.1f} s (the store was there)")
        print(f"  entity index: {index_figures(folder)}")
        while not list((folder / STORE_FOLDER).glob(f"*{ANSWERS}/{MADE}")):
            if server.poll() is not None or time.perf_counter() - started > 7200:
                sys.exit("kg serve kept no answers")
            time.sleep(1)
        if remake_answers:
            kept = time.perf_counter() - started - start
            print(f"  kept answers, in the background: {kept:.1f} s after the start")
            print(f"  kept answers: {answers_figures(folder)}")
        status, home = fetch(url)
        again = fetch(url)[1]
        with urllib.request.urlopen(url, timeout=120) as response:
            links = home_links(response.read().decode())
        pages = [
            url + href.lstrip("/")
            for title in ("People", "Outlets", "Cities")
            for href in links.get(title, [])[:10]
        ]
        alone = sorted(fetch(page)[1] for page in pages)
        print(f"  home page {home * 1000:.0f} ms (status {status}), again {again * 1000:.0f} ms")
        print(
            f"  entity pages alone ({len(pages)}): median {alone[len(alone) // 2] * 1000:.0f} ms,"
            f" slowest {alone[-1] * 1000:.0f} ms"
        )

        def client(number: int) -> list[tuple[int, float]]:
            return [fetch(pages[(number + i) % len(pages)]) for i in range(requests)]

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            answers = [item for items in pool.map(client, range(clients)) for item in items]
        wall = time.perf_counter() - started
        errors = sum(1 for code, _ in answers if code != 200)
        times = sorted(seconds for _, seconds in answers)
        print(
            f"  {clients} clients x {requests} entity pages: {errors} errors,"
            f" median {times[len(times) // 2] * 1000:.0f} ms,"
            f" 95th percentile {times[int(len(times) * 0.95)] * 1000:.0f} ms,"
            f" {len(answers) / wall:.1f} pages/s"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    kept_queries(folder)


KEPT = """
import json, sys, time
from kg.sparql import named_queries, run
figures = {}
for name in named_queries():
    started = time.perf_counter()
    document = run(sys.argv[1], name, result_format="csv").document
    figures[name] = [time.perf_counter() - started, len(document[1])]
    started = time.perf_counter()
    figures[name] += [len(run(sys.argv[1], name).rows), time.perf_counter() - started]
print(json.dumps(figures))
"""


def kept_queries(folder: Path) -> None:
    """Each shipped query on the ready store, answered from its kept answer: as a CSV
    document and as rows (Python dicts, as kg.query returns them), in one process; and
    the largest as `kg query BUILD NAME --format csv` in a fresh one."""
    figures = json.loads(timed([sys.executable, "-c", KEPT, str(folder)])[1])
    print("\n  each shipped query afterwards, from its kept answer:")
    print(f"  {'query':<14}{'rows':>10}{'CSV MiB':>9}{'CSV s':>8}{'rows s':>8}")
    for name, (csv_seconds, size, rows, rows_seconds) in figures.items():
        print(f"  {name:<14}{rows:>10,}{size / 2**20:>9.1f}{csv_seconds:>8.3f}{rows_seconds:>8.2f}")
    for name in ("evidence", "people"):
        command = [sys.executable, "-m", "kg", "query", str(folder), name, "--format", "csv"]
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
        print(
            f"  kg query BUILD {name} --format csv > /dev/null: {seconds:.2f} s"
            " (process start included)"
        )


def store_update(folder: Path, first: float, graphs: int = 100) -> None:
    """The store brought up to date with a delta of ``graphs`` article graphs (dropped and
    loaded again, as after an incremental build of that many new articles), against the
    first query's load of the whole export."""
    export = folder / "graph.nq"
    previous = fingerprint(export)
    with tempfile.TemporaryDirectory(prefix="delta-", dir=folder) as scratch:
        delta = Path(scratch)
        chosen = quads = 0
        with export.open("rb") as lines, (delta / CHANGED).open("wb") as out:
            for name, run in graph_runs(lines):
                if b"/graph/article/" in name:
                    out.write(b"".join(run))
                    chosen, quads = chosen + 1, quads + len(run)
                    if chosen == graphs:
                        break
        (delta / REMOVED).write_text("")
        manifest = {"format": 1, "build": 2, "fingerprint": "-", "changed_graphs": chosen}
        manifest |= {"base": {"build": 1, "fingerprint": "-"}, "removed_graphs": 0}
        (delta / MANIFEST).write_text(json.dumps(manifest))
        os.utime(export)  # the build rewrote the export: a new fingerprint
        started = time.perf_counter()
        updated = update_store(export, previous, Delta.read(delta))
        seconds = time.perf_counter() - started
    if updated is None:
        sys.exit(f"the store of {export} was not updated (in use?)")
    print(
        f"  the store updated with {chosen} article graphs ({quads:,} quads): {seconds:.1f} s"
        f"  ({seconds / first:.3f}x the first query's load of the whole export)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, action="append")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) corpus and builds here")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--serve-only", action="store_true", help="only the kg serve figures (store kept)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the first query, the kept answers and the queries afterwards only (no shipped "
        "queries over the store, no kg serve)",
    )
    options = parser.parse_args()
    command = ["python", "-m", "benchmarks.query_store", *sys.argv[1:]]
    print(f"command: {' '.join(command)}")
    with tempfile.TemporaryDirectory(prefix="kg-query-store-") as scratch:
        root = options.keep or Path(scratch)
        for articles in options.articles or [1000]:
            folder = root / str(articles)
            build(folder / "corpus", folder / "out", articles, options.jobs)
            if options.serve_only:
                serve(folder / "out")
            else:
                report(folder / "out", articles, quick=options.quick)


if __name__ == "__main__":
    main()

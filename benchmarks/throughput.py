"""kg build throughput by stage and engine, beside the raw floor, plain spaCy and a naive script.

Run: .venv/bin/python -m benchmarks.throughput --articles 1000 [--articles 10000 ...]
         [--jobs 1 --jobs 2] [--no-dask] [--naive] [--no-spacy] [--keep DIR] [--store DIR]

Each build runs in its own process; its peak RSS is reported for the build's own
process and, separately, for its largest worker. Every figure of one corpus size
comes from the same corpus in the same run, so the ratios compare like with like.

A corpus too big for one sitting: ``--store DIR`` keeps the corpus and a ``--store``
fact store in DIR, and every run appends how many files it extracted in how many
seconds to DIR/extraction-N.jsonl as it goes. Run the same command again after an
interruption: the build resumes, and the stages after extraction (and the peak RSS)
are measured on the whole corpus; extraction's seconds per article are those of all
the runs together.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import generate

BUILD = """
import json, resource, sys, time, kg
store, journal = sys.argv[5] or None, sys.argv[6]
started, first = time.perf_counter(), None

def progress(stage, done, total):
    # Checkpoints of this run's extraction, which a killed run leaves behind.
    global first
    if stage == "read" and journal:
        first = done - 1 if first is None else first
        if (done - first) % 100 == 0 or done == total:
            with open(journal, "a") as stream:
                row = {"run": started, "files": done - first,
                       "seconds": time.perf_counter() - started}
                stream.write(json.dumps(row) + "\\n")

graph = kg.build_to([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]), engine=sys.argv[4],
                    formats=["turtle", "html"], store=store, progress=progress)
print(json.dumps({"timings": graph.report.timings, "words": graph.report.words,
                  "records": graph.report.records, "triples": graph.report.triples,
                  "quads": graph.dataset.quads, "reused": graph.report.reused,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "workers": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

FLOOR = """
import sys, time, yaml
from pathlib import Path
started = time.perf_counter()
for path in sorted(Path(sys.argv[1]).rglob("*.*")):
    text = path.read_text()
    if text.startswith("---\\n"):
        yaml.load(text.split("\\n---\\n", 1)[0][4:], Loader=yaml.CSafeLoader)
print(time.perf_counter() - started)
"""

SPACY = """
import sys, time
from kg.extract.nlp import statistical_model, texts
from kg.model import Article
from kg.readers import discover, read_file
sources, _ = discover([sys.argv[1]])
fields = (text for s in sources for a in read_file(s) if isinstance(a, Article)
          for _, _, text in texts(a))
nlp = statistical_model()
list(nlp.pipe(["Warm up the model."]))
started = time.perf_counter()
for _ in nlp.pipe(fields, n_process=int(sys.argv[2]), batch_size=64):
    pass
print(time.perf_counter() - started)
"""


def child(code: str, *args: str) -> tuple[str, float]:
    """Run Python code in a child process: its last line of output, and its wall seconds."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{result.stderr[-3000:]}")
    lines = result.stdout.strip().splitlines()
    return (lines[-1] if lines else ""), wall


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


@dataclass
class Run:
    """One build's figures."""

    label: str
    articles: int
    wall: float
    report: dict[str, object]
    output_mib: float


def resumable_corpus(store: Path, articles: int) -> Path:
    """The corpus of a ``--store`` benchmark, generated once (the generator is seeded)."""
    corpus = store / f"corpus-{articles}"
    done = store / f"corpus-{articles}.complete"
    if not done.exists():
        generate(corpus, articles)
        done.touch()
    return corpus


def extraction_so_far(journal: Path) -> tuple[int, float]:
    """Files extracted and wall seconds spent on them, over every run of a ``--store`` build."""
    last: dict[float, tuple[int, float]] = {}
    if journal.exists():
        for line in journal.read_text().splitlines():
            row = json.loads(line)
            last[row["run"]] = (row["files"], row["seconds"])
    return sum(f for f, _ in last.values()), sum(s for _, s in last.values())


def measure(
    articles: int,
    *,
    naive: bool,
    dask: bool,
    spacy: bool,
    jobs_list: list[int],
    keep: Path | None,
    store: Path | None,
) -> list[Run]:
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-", dir=keep) as tmp:
        if store is None:
            corpus = Path(tmp) / "corpus"
            generate(corpus, articles)
        else:
            store.mkdir(parents=True, exist_ok=True)
            corpus = resumable_corpus(store, articles)
        floor = float(child(FLOOR, str(corpus))[0])
        print(f"\n## {articles:,} articles; raw floor (read + libyaml): {floor:.2f} s", flush=True)
        print(
            f"{'run':14} {'wall s':>8} {'art/s':>6} {'words/s':>8} {'read+extr':>9} "
            f"{'(read':>6} {'extract)':>8} {'resolve':>7} {'load':>6} {'count':>6} "
            f"{'write':>6} {'s/article':>9} {'peak MiB':>8} {'worker':>6} {'out MiB':>8} "
            f"{'extr/spaCy':>10}",
            flush=True,
        )
        spacy_seconds: list[tuple[str, float, float]] = []
        configurations = [(f"--jobs {n}", n, "local") for n in jobs_list] + (
            [("dask, 2 workers", 2, "dask")] if dask else []
        )
        for label, jobs, engine in configurations:
            output = Path(tmp) / label.replace(" ", "-").replace(",", "")
            # This machine's speed drifts: plain spaCy is timed right before and right
            # after the build, and the build is compared with the mean of the two.
            before = float(child(SPACY, str(corpus), str(jobs))[0]) if spacy else 0.0
            facts, journal = (
                (store / f"facts-{articles}", store / f"extraction-{articles}.jsonl")
                if store is not None
                else ("", "")
            )
            line, wall = child(
                BUILD, str(corpus), str(output), str(jobs), engine, str(facts), str(journal)
            )
            after = float(child(SPACY, str(corpus), str(jobs))[0]) if spacy else 0.0
            report = json.loads(line)
            t = report["timings"]
            write = sum(v for k, v in t.items() if k.startswith("write"))
            ratio = f"{2 * t['read+extract'] / (before + after):10.2f}" if spacy else ""
            if spacy:
                spacy_seconds.append((label, before, after))
            run = Run(label, articles, wall, report, folder_size(output) / 2**20)
            runs.append(run)
            print(
                f"{label:14} {wall:8.1f} {articles / wall:6.1f} {report['words'] / wall:8.0f} "
                f"{t['read+extract']:9.1f} {t['read (worker seconds)']:6.1f} "
                f"{t['extract (worker seconds)']:8.1f} {t['resolve']:7.1f} {t['load']:6.1f} "
                f"{t['count']:6.1f} {write:6.1f} {wall / articles:9.4f} {report['peak']:8.0f} "
                f"{report['workers']:6.0f} {run.output_mib:8.1f} {ratio}",
                flush=True,
            )
            if store is not None:
                later = t["resolve"] + t["load"] + t["count"] + write
                resumed(articles, report["reused"], later, Path(journal))
            shutil.rmtree(output, ignore_errors=True)
        print(
            f"words {report['words']:,}; records {report['records']:,}; "
            f"quads {report['quads']:,}; distinct triples {report['triples']:,}"
        )
        for label, before, after in spacy_seconds:
            print(
                f"plain spaCy NER-only nlp.pipe, as many processes as {label}: "
                f"{before:.1f} s before the build, {after:.1f} s after"
            )
        if naive:
            _, wall = child(
                "import sys; from pathlib import Path; from benchmarks.naive import main; "
                "main(Path(sys.argv[1]), Path(sys.argv[2]))",
                str(corpus),
                str(Path(tmp) / "naive"),
            )
            print(f"naive script (frontmatter + full spaCy + rdflib + pyvis): {wall:.1f} s")
            for run in runs:
                print(f"  {run.label}: {run.wall / wall:.2f} of the naive script's time")
    return runs


def resumed(articles: int, reused: int, later: float, journal: Path) -> None:
    """What a ``--store`` build's figures come to over all its runs (``later``: the
    seconds of this run's stages after extraction)."""
    files, seconds = extraction_so_far(journal)
    print(f"  resumed: {reused:,} of {articles:,} files extracted by earlier runs")
    if files:
        whole = seconds / files * articles + later
        print(
            f"  extraction over all runs: {files:,} files in {seconds:,.1f} s "
            f"({seconds / files:.4f} s/article); with this run's later stages "
            f"({later:,.1f} s): {whole:,.0f} s, {whole / articles:.4f} s/article"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, action="append", help="corpus size (repeatable)")
    parser.add_argument("--naive", action="store_true", help="also time the naive script")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask engine")
    parser.add_argument("--no-spacy", action="store_true", help="skip plain spaCy's timing")
    parser.add_argument(
        "--jobs", type=int, action="append", help="local runs (repeatable; default 1 and 2)"
    )
    parser.add_argument("--keep", type=Path, help="folder for the corpus and outputs (big!)")
    parser.add_argument(
        "--store", type=Path, help="keep corpus and facts here; run again to resume (big!)"
    )
    args = parser.parse_args()
    print(f"# python -m benchmarks.throughput {' '.join(sys.argv[1:])}")
    print(f"# {time.strftime('%Y-%m-%d %H:%M')}, Python {sys.version.split()[0]}", flush=True)
    runs: list[Run] = []
    for articles in args.articles or [1000]:
        runs += measure(
            articles,
            naive=args.naive,
            dask=not args.no_dask,
            spacy=not args.no_spacy,
            jobs_list=args.jobs or [1, 2],
            keep=args.keep,
            store=args.store,
        )
    sizes = sorted({run.articles for run in runs})
    if len(sizes) > 1:
        print("\n## seconds per article, by corpus size (flat = linear growth)")
        for label in dict.fromkeys(run.label for run in runs):
            per = {r.articles: r.wall / r.articles for r in runs if r.label == label}
            print(f"{label:14} " + "  ".join(f"{n:>7,}: {per[n]:.4f}" for n in sizes if n in per))
    print(f"(peak RSS of the benchmark itself: {resource.getrusage(0).ru_maxrss // 1024} MiB)")


if __name__ == "__main__":
    main()

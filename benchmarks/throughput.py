"""kg build throughput by stage and engine, beside the raw floor, plain spaCy and a naive script.

Run: .venv/bin/python -m benchmarks.throughput --articles 1000 [--articles 3000 ...] [--naive]
Each build runs in its own process (peak RSS is that process's, workers' own RSS
apart); every figure of one size comes from the same corpus in the same run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import generate

BUILD = """
import json, resource, sys, kg
graph = kg.build_to([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]), engine=sys.argv[4],
                    formats=["turtle", "html"])
print(json.dumps({"timings": graph.report.timings, "words": graph.report.words,
                  "records": graph.report.records, "triples": graph.report.triples,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
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
articles = [a for s in sources for a in read_file(s) if isinstance(a, Article)]
fields = [text for article in articles for _, _, text in texts(article)]
nlp = statistical_model()
list(nlp.pipe(fields[:2]))
started = time.perf_counter()
for _ in nlp.pipe(fields, n_process=int(sys.argv[2]), batch_size=64):
    pass
print(time.perf_counter() - started)
"""


def child(code: str, *args: str) -> tuple[str, float, float]:
    """Run Python code in a child process: its stdout, wall seconds and peak RSS in MiB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - started
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    lines = result.stdout.strip().splitlines()
    return (lines[-1] if lines else ""), wall, peak


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure(articles: int, naive: bool, dask: bool, jobs_list: list[int]) -> None:
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, articles)
        floor = float(child(FLOOR, str(corpus))[0])
        print(f"\n## {articles:,} articles; raw floor (read + libyaml): {floor:.2f} s", flush=True)
        print(
            f"{'run':16} {'wall s':>8} {'art/s':>8} {'words/s':>9} {'extract s':>10} "
            f"{'resolve+load s':>15} "
            f"{'write s':>8} {'peak MiB':>9} {'out MiB':>8} {'extract/spaCy':>13}"
        )
        spacy_floor = {}
        configurations = [(f"jobs {n}", n, "local") for n in jobs_list] + (
            [("dask 2", 2, "dask")] if dask else []
        )
        for label, jobs, engine in configurations:
            if jobs not in spacy_floor:
                spacy_floor[jobs] = float(child(SPACY, str(corpus), str(jobs))[0])
            output = Path(tmp) / label.replace(" ", "-")
            line, wall, _ = child(BUILD, str(corpus), str(output), str(jobs), engine)
            report = json.loads(line)
            peak = report["peak"]  # the build's own process; workers have their own
            timings = report["timings"]
            write = sum(v for k, v in timings.items() if k.startswith("write"))
            extract = timings["read+extract"]
            print(
                f"{label:16} {wall:8.1f} {articles / wall:8.1f} {report['words'] / wall:9.0f} "
                f"{extract:10.1f} {timings['resolve+load']:15.1f} {write:8.1f} {peak:9.0f} "
                f"{folder_size(output) / 2**20:8.1f} "
                f"{extract / spacy_floor[jobs]:13.2f}",
                flush=True,
            )
        for jobs, seconds in sorted(spacy_floor.items()):
            print(f"plain spaCy NER-only nlp.pipe, {jobs} process(es): {seconds:.1f} s")
        if naive:
            _, wall, peak = child(
                "import sys; from pathlib import Path; from benchmarks.naive import main; "
                "main(Path(sys.argv[1]), Path(sys.argv[2]))",
                str(corpus),
                str(Path(tmp) / "naive"),
            )
            print(
                f"naive script (frontmatter + full spaCy + rdflib + pyvis): {wall:.1f} s, "
                f"peak {peak:.0f} MiB"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, action="append", help="corpus size (repeatable)")
    parser.add_argument("--naive", action="store_true", help="also time the naive script")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask engine")
    parser.add_argument(
        "--jobs", type=int, action="append", help="local runs (repeatable; default 1 and 2)"
    )
    args = parser.parse_args()
    print(f"# python -m benchmarks.throughput {' '.join(sys.argv[1:])}")
    for articles in args.articles or [1000]:
        measure(articles, args.naive, not args.no_dask, args.jobs or [1, 2])


if __name__ == "__main__":
    main()

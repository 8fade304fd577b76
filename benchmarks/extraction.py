"""Extraction throughput beside plain spaCy NER on the same texts.

Run: .venv/bin/python -m benchmarks.extraction [PATHS...]   (default: tests/data/corpus seeds)
Target: kg's extraction costs at most 1.6x plain spaCy NER as users run it (``tok2vec`` +
``ner``). The entity recognizer of en_core_web_sm does not use the shared ``tok2vec``: the
``ner`` component alone finds the same entities in about half the time, so the ratio to
that is printed too, the stricter measure of what kg's rules and parsing add.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from statistics import median

from kg.extract import extract, pipeline
from kg.extract.nlp import recognizer, statistical_model, texts
from kg.model import Article
from kg.readers import discover, read_file

ROUNDS = 5


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.extraction",
        description="kg's extraction time beside plain spaCy NER on the same texts.",
    )
    parser.add_argument(
        "paths", nargs="*", default=["tests/data/corpus", "seeds"], help="article files or folders"
    )
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="timed rounds (median kept)")
    args = parser.parse_args(argv)
    paths: list[str] = args.paths
    sources, _ = discover(paths)
    articles = [a for s in sources for a in read_file(s) if isinstance(a, Article)]
    if not articles:
        parser.error(f"no articles found in {' '.join(paths)}")
    fields = [text for article in articles for _, _, text in texts(article)]
    words = sum(len(text.split()) for text in fields)
    steps = pipeline()
    extract(articles[0], steps)  # load the models and gazetteers outside the timing
    nlp = statistical_model()
    ner = recognizer()
    list(nlp.pipe(fields[:2]))
    list(ner.pipe(fields[:2]))

    def spacy_only() -> None:
        for article in articles:
            list(nlp.pipe(text for _, _, text in texts(article)))

    def ner_only() -> None:
        for article in articles:
            list(ner.pipe(text for _, _, text in texts(article)))

    def kg_extract() -> None:
        for article in articles:
            extract(article, steps)

    # Rounds interleave the three runs, so that a change in the machine's load
    # between them weighs on all three alike (this machine is often shared).
    runs: list[Callable[[], None]] = [spacy_only, ner_only, kg_extract]
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(args.rounds):
        for run, spent in zip(runs, times, strict=True):
            started = time.perf_counter()
            run()
            spent.append(time.perf_counter() - started)
    base, alone, ours = (median(spent) for spent in times)
    print(f"command: python -m benchmarks.extraction {' '.join(argv)}".rstrip())
    print(
        f"{len(articles)} articles, {len(fields)} text fields, {words} words; "
        f"median of {args.rounds} interleaved rounds"
    )
    print(f"spaCy nlp.pipe (tok2vec+ner): {words / base:>8,.0f} words/s")
    print(f"spaCy nlp.pipe (ner alone, same entities): {words / alone:>8,.0f} words/s")
    print(f"kg extraction (all extractors): {words / ours:>8,.0f} words/s")
    print(f"kg / spaCy (tok2vec+ner) time: {ours / base:.2f}x (target: at most 1.6x)")
    print(f"kg / spaCy (ner alone) time: {ours / alone:.2f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
